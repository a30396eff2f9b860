// `kubectl kustomize` without kubectl: renders a kustomization folder into the objects kustomize
// would produce — resources (files and nested kustomizations), generators with hash suffixes,
// patches, namespace, name prefix/suffix with name references, labels, annotations, images,
// replicas — in kustomize's legacy output order. Pure: reads only through KustomizeFs.
import { LineCounter, parseAllDocuments, parse } from 'yaml';
import { join, relative, resolve, isAbsolute, sep } from 'node:path';
import { KUSTOMIZATION_FILE_NAMES, readKustomization, type Kustomization, type Patch, type PatchTarget } from './kustomization';
import type { KustomizeFs, KustomizeProblem } from './kustomizeFs';
import type { Obj } from './objectPaths';
import { isObj, kindOf, nameOf, namespaceOf, groupOf, versionOf, ensure } from './objectPaths';
import { generate, generatorHash } from './generators';
import { strategicMerge, jsonPatch, type JsonPatchOp } from './patches';
import { addAnnotations, addLabels, legacyOrder, prefixSuffix, setImages, setNamespace, setReplicas } from './transforms';
import { applyRenames } from './nameReferences';
import { t } from '../util/l10n';

export interface RenderedObject {
  object: Obj;
  /** The file the object came from (the kustomization file for generated objects) and its document index. */
  file: string;
  index: number;
  /** 1-based line where the object's document starts (1 for generated objects). */
  line: number;
  /** Set for objects a generator made: which generator, under which (pre-hash) name. */
  generated?: { generator: 'configMapGenerator' | 'secretGenerator'; name: string };
}

export interface KustomizeResult {
  objects: RenderedObject[];
  problems: KustomizeProblem[];
  /** Every kustomization file read, outermost first. */
  kustomizations: string[];
}

interface Item extends RenderedObject {
  original: string;
  needsHash: boolean;
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)|\?ref=|\/\/[^/]/i;

/** The kustomization file in `dir`, if any. */
function kustomizationFile(dir: string, fs: KustomizeFs): string | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const p = join(dir, name);
    if (fs.readText(p) !== undefined) return p;
  }
  return undefined;
}

export function renderKustomization(dir: string, fs: KustomizeFs): KustomizeResult {
  const problems: KustomizeProblem[] = [];
  const kustomizations: string[] = [];
  const items = build(resolve(dir), fs, problems, kustomizations, []);
  // Hash suffixes are added once, after every transformer of every level ran (kustomize's
  // hash step at the end of the build), and references to generated objects follow.
  const renames = new Map<string, string>();
  for (const it of items) {
    if (!it.needsHash) continue;
    const next = `${nameOf(it.object)}-${generatorHash(it.object)}`;
    renames.set(`${kindOf(it.object)}/${nameOf(it.object)}`, next);
    ensure(it.object, 'metadata').name = next;
  }
  applyRenames(
    items.map((i) => i.object),
    renames,
  );
  const ordered = legacyOrder(items, (i) => i.object);
  return {
    objects: ordered.map(({ object, file, index, line, generated }) => ({ object, file, index, line, ...(generated ? { generated } : {}) })),
    problems,
    kustomizations,
  };
}

function build(dir: string, fs: KustomizeFs, problems: KustomizeProblem[], seen: string[], stack: string[]): Item[] {
  const kfile = kustomizationFile(dir, fs);
  if (!kfile) {
    problems.push({ file: dir, severity: 'error', message: t('{0} has no kustomization.yaml.', dir) });
    return [];
  }
  if (stack.includes(kfile)) {
    problems.push({ file: kfile, severity: 'error', message: t('Kustomization cycle: {0} includes itself.', kfile) });
    return [];
  }
  seen.push(kfile);
  let raw: unknown;
  try {
    raw = parse(fs.readText(kfile) as string, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  } catch (e) {
    problems.push({
      file: kfile,
      severity: 'error',
      message: t('{0} is not valid YAML: {1}', kfile, e instanceof Error ? e.message.split('\n')[0] : String(e)),
    });
    return [];
  }
  const k = readKustomization(raw);
  for (const field of k.unsupported) {
    problems.push({
      file: kfile,
      severity: 'information',
      message:
        field === 'helmCharts' || field === 'helmGlobals'
          ? t('{0}: Helm charts are not rendered (no helm binary offline); the objects they would make are not checked or applied.', kfile)
          : t('{0}: "{1}" is not rendered by KubeMate; its effect is not shown.', kfile, field),
    });
  }
  const items: Item[] = [];
  for (const entry of [...k.resources, ...k.components]) {
    if (REMOTE.test(entry)) {
      problems.push({ file: kfile, severity: 'warning', message: t('{0}: remote resource "{1}" skipped — KubeMate works offline.', kfile, entry) });
      continue;
    }
    const path = resolve(dir, entry);
    if (fs.isDirectory(path)) items.push(...build(path, fs, problems, seen, [...stack, kfile]));
    else if (!inside(dir, path))
      problems.push({
        file: kfile,
        severity: 'error',
        message: t('{0}: "{1}" is outside the kustomization folder; kustomize refuses it (security: file is not in or below {2}).', kfile, entry, dir),
      });
    else items.push(...readResources(path, fs, problems, kfile, entry));
  }
  generators(k, dir, kfile, fs, problems, items);
  for (const p of k.patches) applyPatch(p, dir, kfile, fs, problems, items);
  const objects = items.map((i) => i.object);
  if (k.namespace) setNamespace(objects, k.namespace);
  applyRenames(objects, prefixSuffix(objects, k.namePrefix, k.nameSuffix));
  for (const set of k.labels) addLabels(objects, set);
  addAnnotations(objects, k.commonAnnotations);
  setImages(objects, k.images);
  setReplicas(objects, k.replicas, new Map(items.map((i) => [i.object, i.original])));
  return items;
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(sep);
}

function readResources(path: string, fs: KustomizeFs, problems: KustomizeProblem[], kfile: string, entry: string): Item[] {
  const text = fs.readText(path);
  if (text === undefined) {
    problems.push({ file: kfile, severity: 'error', message: t('{0}: resource "{1}" not found.', kfile, entry) });
    return [];
  }
  const out: Item[] = [];
  const lines = new LineCounter();
  parseAllDocuments(text, { prettyErrors: false, lineCounter: lines, logLevel: 'error' }).forEach((doc, index) => {
    if (doc.errors.length) {
      problems.push({ file: path, severity: 'error', message: t('{0}: document {1} is not valid YAML; kustomize stops here.', path, index + 1) });
      return;
    }
    const v = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (v === null || v === undefined) return;
    const objects = isObj(v) && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items) ? v.items.filter(isObj) : isObj(v) ? [v] : [];
    const line = lines.linePos(doc.contents?.range?.[0] ?? doc.range[0]).line;
    for (const o of objects) out.push({ object: o, file: path, index, line, original: nameOf(o), needsHash: false });
  });
  return out;
}

function generators(k: Kustomization, dir: string, kfile: string, fs: KustomizeFs, problems: KustomizeProblem[], items: Item[]): void {
  for (const [kind, list, field] of [
    ['ConfigMap', k.configMapGenerator, 'configMapGenerator'],
    ['Secret', k.secretGenerator, 'secretGenerator'],
  ] as const) {
    for (const g of list) {
      const obj = generate(kind, g, k.generatorOptions, dir, kfile, fs, problems);
      const hash = !(g.options.disableNameSuffixHash ?? k.generatorOptions.disableNameSuffixHash ?? false);
      if (g.behavior === 'merge' || g.behavior === 'replace') {
        const existing = items.find((i) => i.generated && kindOf(i.object) === kind && i.original === g.name);
        if (!existing) {
          problems.push({ file: kfile, severity: 'error', message: t('{0} "{1}" uses behavior {2}, but no base generates it.', field, g.name, g.behavior) });
          continue;
        }
        existing.object.data = g.behavior === 'merge' ? { ...(existing.object.data as Obj), ...(obj.data as Obj) } : obj.data;
        existing.needsHash = hash;
        continue;
      }
      items.push({ object: obj, file: kfile, index: 0, line: 1, original: g.name, needsHash: hash, generated: { generator: field, name: g.name } });
    }
  }
}

function applyPatch(p: Patch, dir: string, kfile: string, fs: KustomizeFs, problems: KustomizeProblem[], items: Item[]): void {
  const text = p.patch ?? (p.path ? fs.readText(resolve(dir, p.path)) : undefined);
  if (text === undefined) {
    problems.push({ file: kfile, severity: 'error', message: t('{0}: patch file {1} not found.', kfile, p.path ?? '') });
    return;
  }
  let docs: unknown[];
  try {
    docs = parseAllDocuments(text, { logLevel: 'error' })
      .map((d) => d.toJS({ maxAliasCount: 100 }) as unknown)
      .filter((d) => d !== null && d !== undefined);
  } catch {
    docs = [];
  }
  const label = p.path ?? t('inline patch');
  if (docs.length === 0) {
    problems.push({ file: kfile, severity: 'error', message: t('{0}: {1} is empty or not valid YAML.', kfile, label) });
    return;
  }
  if (p.json6902 || Array.isArray(docs[0])) {
    const targets = p.target ? items.filter((i) => matches(i.object, p.target as PatchTarget)) : [];
    if (!p.target) problems.push({ file: kfile, severity: 'error', message: t('{0}: JSON patch {1} needs a target.', kfile, label) });
    else if (targets.length === 0) problems.push({ file: kfile, severity: 'warning', message: t('{0}: {1} matches no resource.', kfile, label) });
    for (const it of targets) {
      const r = jsonPatch(it.object, (Array.isArray(docs[0]) ? docs[0] : []) as JsonPatchOp[]);
      if (r.failed)
        problems.push({
          file: kfile,
          severity: 'error',
          message: t('{0}: JSON patch {1} failed at "{2} {3}" on {4}/{5}.', kfile, label, r.failed.op, r.failed.path, kindOf(it.object), nameOf(it.object)),
        });
    }
    return;
  }
  for (const doc of docs) {
    if (!isObj(doc)) continue;
    const target: PatchTarget = p.target ?? { kind: kindOf(doc), name: nameOf(doc), ...(namespaceOf(doc) ? { namespace: namespaceOf(doc) } : {}) };
    const targets = items.filter((i) => matches(i.object, target, !p.target));
    if (targets.length === 0) problems.push({ file: kfile, severity: 'warning', message: t('{0}: {1} matches no resource.', kfile, label) });
    for (const it of targets) {
      const patch = JSON.parse(JSON.stringify(doc)) as Obj;
      // A targeted patch applies to each target whatever name it carries.
      if (p.target) delete patch.metadata;
      strategicMerge(it.object, patch);
    }
  }
}

function matches(o: Obj, tg: PatchTarget, exactName = false): boolean {
  const re = (pattern: string | undefined, value: string) =>
    pattern === undefined || (exactName ? pattern === value : new RegExp(`^(?:${pattern})$`).test(value));
  if (tg.kind && tg.kind !== kindOf(o)) return false;
  if (tg.group !== undefined && tg.group !== groupOf(o)) return false;
  if (tg.version !== undefined && tg.version !== versionOf(o)) return false;
  if (tg.namespace !== undefined && tg.namespace !== (namespaceOf(o) ?? 'default') && tg.namespace !== namespaceOf(o)) return false;
  if (!re(tg.name, nameOf(o))) return false;
  if (tg.labelSelector && !selects(tg.labelSelector, (o.metadata as Obj | undefined)?.labels)) return false;
  if (tg.annotationSelector && !selects(tg.annotationSelector, (o.metadata as Obj | undefined)?.annotations)) return false;
  return true;
}

/** `a=b,c!=d,e` equality-based selectors, as kustomize targets use them. */
function selects(selector: string, labels: unknown): boolean {
  const l = isObj(labels) ? labels : {};
  return selector
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .every((req) => {
      const ne = req.split('!=');
      if (ne.length === 2) return l[ne[0].trim()] !== ne[1].trim();
      const eq = req.split(/==?/);
      if (eq.length === 2) return l[eq[0].trim()] === eq[1].trim();
      return req.startsWith('!') ? !(req.slice(1) in l) : req in l;
    });
}
