// Runs the configured lint rules on one YAML document. Results of document-only rules are
// memoised on the parsed chunk per (configuration, language), so an edit re-lints only the
// document it touches; rules that ask the workspace run every time (they are cheap and few).
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { chunkValue, ParsedChunk } from '../../yaml/parsedChunk';
import { isObj } from '../../k8s/objectAccess';
import type { LintEnv, DocumentFinding, Severity } from './lintRule';
import type { LintConfig } from './lintConfig';
import { Manifest, Path } from './manifest';
import { MemoSlot } from '../../util/memo';
import { language, Lang } from '../../util/l10n';

/** Memos on the chunk: the manifests (no input besides the text), the findings (config, language). */
const MANIFESTS = new MemoSlot<Manifest[]>('lint:manifests');
const FINDINGS = new MemoSlot<DocumentFinding[], [config: number, lang: Lang]>('lint:findings');

/** The objects of a document: itself, or each item of a `kind: List`. */
function manifestsOf(chunk: ParsedChunk): Manifest[] {
  return MANIFESTS.get(chunk.cache, [], () => readManifests(chunk));
}

function readManifests(chunk: ParsedChunk): Manifest[] {
  const out: Manifest[] = [];
  // Templates and broken YAML have no reliable structure; schema diagnostics cover them.
  if (!chunk.empty && !chunk.templated && !chunk.doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) {
    const root = chunk.doc.contents;
    const value = chunkValue(chunk).value; // undefined after an alias error, reported as a YAML error
    if (isMap(root) && isObj(value)) {
      const itemsNode: unknown = root.get('items', true);
      if (chunk.kind === 'List' && isSeq(itemsNode)) {
        const items = itemsNode.items;
        const values = Array.isArray(value.items) ? value.items : [];
        items.forEach((item, i) => {
          if (isMap(item) && isObj(values[i])) push(out, item, values[i] as Record<string, unknown>, ['items', i]);
        });
      } else {
        push(out, root, value, []);
      }
    }
  }
  return out;
}

function push(out: Manifest[], node: YAMLMap, value: Record<string, unknown>, basePath: Path): void {
  const scalar = (k: string) => {
    const v = node.get(k, true);
    return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
  };
  const kind = scalar('kind');
  const apiVersion = scalar('apiVersion');
  if (kind && apiVersion) out.push(new Manifest(node as Node, value, kind, apiVersion, basePath));
}

type RuleRun = LintConfig['rules'][number];

/** Most rules look at a few kinds: the rules of a list for one kind, in list order, once per list and kind. */
const rulesByKind = new WeakMap<readonly RuleRun[], Map<string, RuleRun[]>>();
/** Kinds remembered per list (a file may name any number of made-up kinds). */
const MAX_KINDS = 500;

export function rulesForKind(rules: readonly RuleRun[], kind: string): RuleRun[] {
  let byKind = rulesByKind.get(rules);
  if (!byKind) rulesByKind.set(rules, (byKind = new Map()));
  let hit = byKind.get(kind);
  if (!hit) {
    hit = rules.filter(({ rule }) => !rule.kinds || rule.kinds.includes(kind));
    if (byKind.size < MAX_KINDS) byKind.set(kind, hit);
  }
  return hit;
}

function run(manifests: Manifest[], rules: readonly RuleRun[], env: LintEnv): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  for (const m of manifests) {
    // One reporter per manifest, told which rule is running.
    let code = '';
    let severity: Severity = 'warning';
    const report = {
      at(path: Path, which: 'key' | 'value', message: string, data?: DocumentFinding['data']) {
        const [start, end] = m.range(path, which);
        out.push({ code, severity, message, start, end, ...(data ? { data } : {}) });
      },
    };
    for (const r of rulesForKind(rules, m.kind)) {
      code = r.rule.id;
      severity = r.severity;
      r.rule.check(m, report, env);
    }
  }
  // Position order reads best in the CLI and the Problems panel (sort is stable).
  return out.sort((a, b) => a.start - b.start);
}

export function lintDocument(chunk: ParsedChunk, config: LintConfig, env: LintEnv = {}): DocumentFinding[] {
  if (config.rules.length === 0) return [];
  const manifests = manifestsOf(chunk);
  if (manifests.length === 0) return [];
  const local = FINDINGS.get(chunk.cache, [config.id, language()], () => run(manifests, config.documentRules, env));
  const workspaceRules = env.pdbSelects ? config.workspaceRules : [];
  const more = workspaceRules.length ? run(manifests, workspaceRules, env) : [];
  // The cached array itself when nothing is added, so callers can tell the result is unchanged.
  return more.length ? [...local, ...more].sort((a, b) => a.start - b.start) : local;
}
