// Runs the configured lint rules on one YAML document. Results of document-only rules are
// memoised on the parsed chunk per (configuration, language), so an edit re-lints only the
// document it touches; rules that ask the workspace run every time (they are cheap and few).
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { chunkValue, ParsedChunk } from '../../yaml/parsedChunk';
import { isObj } from '../../k8s/objectAccess';
import type { LintEnv, DocumentFinding, LintRule, Severity } from './lintRule';
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

function run(manifests: Manifest[], rules: { rule: LintRule; severity: Severity }[], env: LintEnv): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  for (const m of manifests) {
    for (const { rule, severity } of rules) {
      if (rule.kinds && !rule.kinds.includes(m.kind)) continue;
      rule.check(
        m,
        {
          at(path, which, message, data) {
            const [start, end] = m.range(path, which);
            out.push({ code: rule.id, severity, message, start, end, ...(data ? { data } : {}) });
          },
        },
        env,
      );
    }
  }
  // Position order reads best in the CLI and the Problems panel (sort is stable).
  return out.sort((a, b) => a.start - b.start);
}

export function lintDocument(chunk: ParsedChunk, config: LintConfig, env: LintEnv = {}): DocumentFinding[] {
  if (config.rules.length === 0) return [];
  const manifests = manifestsOf(chunk);
  if (manifests.length === 0) return [];
  const local = FINDINGS.get(chunk.cache, [config.id, language()], () =>
    run(
      manifests,
      config.rules.filter((r) => !r.rule.workspace),
      env,
    ),
  );
  const workspaceRules = env.pdbSelects ? config.workspaceRules : [];
  const more = workspaceRules.length ? run(manifests, workspaceRules, env) : [];
  // The cached array itself when nothing is added, so callers can tell the result is unchanged.
  return more.length ? [...local, ...more].sort((a, b) => a.start - b.start) : local;
}
