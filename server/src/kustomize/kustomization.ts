// A kustomization.yaml as data: the fields KubeMate understands, read leniently from whatever the
// YAML holds (wrong shapes become problems, never exceptions). Field names follow kustomize's
// types.Kustomization (api/types/kustomization.go).
import type { Obj } from './objectPaths';
import { isObj } from './objectPaths';

export interface GeneratorArgs {
  name: string;
  namespace?: string;
  behavior?: 'create' | 'merge' | 'replace';
  literals: string[];
  files: string[];
  envs: string[];
  /** Secrets only. */
  type?: string;
  options: GeneratorOptions;
}

export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
}

export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export interface Patch {
  path?: string;
  patch?: string;
  target?: PatchTarget;
  /** Legacy patchesJson6902: always a JSON patch. */
  json6902?: boolean;
}

export interface LabelSet {
  pairs: Record<string, string>;
  includeSelectors: boolean;
  includeTemplates: boolean;
}

export interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

export interface Kustomization {
  resources: string[];
  components: string[];
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  labels: LabelSet[];
  commonAnnotations: Record<string, string>;
  images: ImageOverride[];
  replicas: { name: string; count: number }[];
  configMapGenerator: GeneratorArgs[];
  secretGenerator: GeneratorArgs[];
  generatorOptions: GeneratorOptions;
  patches: Patch[];
  /** Fields KubeMate does not render (helmCharts, transformers …): reported, never silently dropped. */
  unsupported: string[];
}

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

const KNOWN = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'resources',
  'bases',
  'components',
  'namespace',
  'namePrefix',
  'nameSuffix',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'images',
  'replicas',
  'configMapGenerator',
  'secretGenerator',
  'generatorOptions',
  'patches',
  'patchesStrategicMerge',
  'patchesJson6902',
  'sortOptions',
  'buildMetadata',
]);

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObj(v)) for (const [k, x] of Object.entries(v)) if (str(x) !== undefined) out[k] = str(x) as string;
  return out;
}

function options(v: unknown): GeneratorOptions {
  if (!isObj(v)) return {};
  const o: GeneratorOptions = {};
  if (isObj(v.labels)) o.labels = stringMap(v.labels);
  if (isObj(v.annotations)) o.annotations = stringMap(v.annotations);
  if (typeof v.disableNameSuffixHash === 'boolean') o.disableNameSuffixHash = v.disableNameSuffixHash;
  return o;
}

function generators(v: unknown): GeneratorArgs[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObj).flatMap((g) => {
    const name = str(g.name);
    if (!name) return [];
    const behavior = g.behavior === 'merge' || g.behavior === 'replace' ? g.behavior : 'create';
    return [
      {
        name,
        namespace: str(g.namespace),
        behavior,
        literals: strings(g.literals),
        files: strings(g.files),
        envs: [...strings(g.envs), ...(str(g.env) ? [str(g.env) as string] : [])],
        type: str(g.type),
        options: options(g.options),
      },
    ];
  });
}

function target(v: unknown): PatchTarget | undefined {
  if (!isObj(v)) return undefined;
  const t: PatchTarget = {};
  for (const k of ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'] as const)
    if (str(v[k]) !== undefined) t[k] = str(v[k]);
  return t;
}

export function readKustomization(raw: unknown): Kustomization {
  const k = isObj(raw) ? raw : ({} as Obj);
  const labels: LabelSet[] = [];
  if (isObj(k.commonLabels)) labels.push({ pairs: stringMap(k.commonLabels), includeSelectors: true, includeTemplates: true });
  if (Array.isArray(k.labels)) {
    for (const l of k.labels.filter(isObj))
      labels.push({
        pairs: stringMap(l.pairs),
        includeSelectors: l.includeSelectors === true,
        includeTemplates: l.includeTemplates === true || l.includeSelectors === true,
      });
  }
  const patches: Patch[] = [];
  if (Array.isArray(k.patches)) for (const p of k.patches.filter(isObj)) patches.push({ path: str(p.path), patch: str(p.patch), target: target(p.target) });
  for (const p of Array.isArray(k.patchesStrategicMerge) ? k.patchesStrategicMerge : []) {
    if (typeof p !== 'string') continue;
    // An entry is a file path, or (since kustomize v3) an inline patch.
    patches.push(/\n/.test(p) || /^\s*apiVersion:/.test(p) ? { patch: p } : { path: p });
  }
  if (Array.isArray(k.patchesJson6902))
    for (const p of k.patchesJson6902.filter(isObj)) patches.push({ path: str(p.path), patch: str(p.patch), target: target(p.target), json6902: true });
  const images: ImageOverride[] = [];
  if (Array.isArray(k.images)) {
    for (const i of k.images.filter(isObj)) {
      const name = str(i.name);
      if (name) images.push({ name, newName: str(i.newName), newTag: str(i.newTag), digest: str(i.digest) });
    }
  }
  const replicas: Kustomization['replicas'] = [];
  if (Array.isArray(k.replicas))
    for (const r of k.replicas.filter(isObj)) if (str(r.name) && typeof r.count === 'number') replicas.push({ name: str(r.name) as string, count: r.count });
  return {
    resources: [...strings(k.resources), ...strings(k.bases)],
    components: strings(k.components),
    namespace: str(k.namespace),
    namePrefix: str(k.namePrefix),
    nameSuffix: str(k.nameSuffix),
    labels,
    commonAnnotations: stringMap(k.commonAnnotations),
    images,
    replicas,
    configMapGenerator: generators(k.configMapGenerator),
    secretGenerator: generators(k.secretGenerator),
    generatorOptions: options(k.generatorOptions),
    patches,
    unsupported: Object.keys(k).filter((key) => !KNOWN.has(key)),
  };
}
