// All single-document diagnostics of one YAML document, computed once per document text and
// cached on the parsed chunk: YAML errors, apiVersion/kind, schema, API-server rules.
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import type { Schema } from '../../schema/schema';
import { chunkValue, ParsedChunk } from '../../yaml/parsedChunk';
import { yamlProblems } from '../../yaml/yamlProblems';
import { t } from '../../util/l10n';
import { ChunkDiagnostic, diag } from './diagnostic';
import { chunkView, kindCheck, ManifestView } from './kindCheck';
import { schemaWalk } from './schemaWalk';
import { apiRules } from './apiRules';

export interface DocumentOptions {
  /** Treat a document without apiVersion and kind as a broken manifest (CLI on explicit files, multi-doc manifests). */
  requireManifest: boolean;
}

export function validateDocument(schema: Schema, chunk: ParsedChunk, opts: DocumentOptions): ChunkDiagnostic[] {
  const key = opts.requireManifest ? 'diag:strict' : 'diag';
  const cached = chunk.cache.get(key) as ChunkDiagnostic[] | undefined;
  if (cached) return cached;
  const result = compute(schema, chunk, opts);
  chunk.cache.set(key, result);
  return result;
}

function compute(schema: Schema, chunk: ParsedChunk, opts: DocumentOptions): ChunkDiagnostic[] {
  const out: ChunkDiagnostic[] = yamlProblems(chunk).map((p) => diag(p.code, p.message, p.start, p.end));
  if (chunk.empty || chunk.templated) return out;
  if (!chunk.hasApiVersionKey && !chunk.hasKindKey && !opts.requireManifest) return out;
  // After a syntax error the structure is a guess: schema findings would only add noise.
  if (chunk.doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return out;
  const { value, error } = chunkValue(chunk);
  if (error !== undefined) {
    const at = (chunk.doc.contents as Node | null)?.range?.[0] ?? 0;
    out.push(diag('yaml-syntax', t('YAML syntax error: {0}', error), at, at + 1));
    return out;
  }
  out.push(...validateManifest(schema, chunkView(chunk), value));
  return out;
}

function validateManifest(schema: Schema, view: ManifestView, value: unknown): ChunkDiagnostic[] {
  if (view.kind === 'List' && isMap(view.root)) return validateList(schema, view.root, value);
  const { diagnostics, entry } = kindCheck(schema, view);
  if (!entry) return diagnostics;
  const walked = schemaWalk(schema, entry.type, view.root);
  return [...diagnostics, ...walked.diagnostics, ...apiRules(view.root, value, walked.reported)];
}

/** `kind: List` (what `kubectl get -o yaml` prints): every item is a manifest of its own. */
function validateList(schema: Schema, root: YAMLMap, value: unknown): ChunkDiagnostic[] {
  const items = root.get('items', true);
  const values = (value as { items?: unknown[] } | null)?.items ?? [];
  const out: ChunkDiagnostic[] = [];
  if (!isSeq(items)) return out;
  for (const [i, item] of items.items.entries()) {
    if (!isMap(item)) continue;
    const scalarOf = (k: string) => {
      const v = item.get(k, true);
      return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
    };
    out.push(
      ...validateManifest(schema, {
        root: item as Node,
        apiVersion: scalarOf('apiVersion'),
        kind: scalarOf('kind'),
        hasApiVersionKey: item.has('apiVersion'),
        hasKindKey: item.has('kind'),
      }, values[i]),
    );
  }
  return out;
}
