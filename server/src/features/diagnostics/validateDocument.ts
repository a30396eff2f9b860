// All single-document diagnostics of one YAML document, computed once per (document text,
// strictness, language) and memoised on the parsed chunk: YAML errors, apiVersion/kind, schema,
// API-server rules. The schema changes with the workspace's CRDs, so its id is part of the key.
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import type { Schema } from '../../schema/schema';
import { chunkValue, ParsedChunk } from '../../yaml/parsedChunk';
import { yamlProblems } from '../../yaml/yamlProblems';
import { language, Lang, t } from '../../util/l10n';
import { MemoSlot } from '../../util/memo';
import { DocumentFinding, diag } from './diagnostic';
import { chunkView, kindCheck, ManifestView } from './kindCheck';
import { schemaWalk } from './schemaWalk';
import { apiRules } from './apiRules';
import { kustomizationNotes } from './kustomizationNotes';

export interface DocumentOptions {
  /** Treat a document without apiVersion and kind as a broken manifest (CLI on explicit files, multi-doc manifests). */
  requireManifest: boolean;
}

/** Memo on the chunk: inputs besides the text are strictness and the message language. */
const DOCUMENT_DIAGNOSTICS = new MemoSlot<DocumentFinding[], [strict: boolean, lang: Lang, schema: number]>('diag');

export function validateDocument(schema: Schema, chunk: ParsedChunk, opts: DocumentOptions): DocumentFinding[] {
  return DOCUMENT_DIAGNOSTICS.get(chunk.cache, [opts.requireManifest, language(), schema.id], () => compute(schema, chunk, opts));
}

function compute(schema: Schema, chunk: ParsedChunk, opts: DocumentOptions): DocumentFinding[] {
  const problems = yamlProblems(chunk);
  const out: DocumentFinding[] = problems.map((p) => diag(p.code, p.message, p.start, p.end));
  if (chunk.empty || chunk.templated) return out;
  // An alias without anchor or a collection key: what the document means is unknown.
  if (problems.some((p) => p.code !== 'duplicate-key')) return out;
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

function validateManifest(schema: Schema, view: ManifestView, value: unknown): DocumentFinding[] {
  if (view.kind === 'List' && isMap(view.root)) return validateList(schema, view.root, value);
  const { diagnostics, entry } = kindCheck(schema, view);
  if (!entry) return diagnostics;
  const walked = schemaWalk(schema, entry.type, view.root);
  if (entry.group === 'kustomize.config.k8s.io') return [...diagnostics, ...walked.diagnostics, ...kustomizationNotes(view.root)];
  return [...diagnostics, ...walked.diagnostics, ...apiRules(view.root, value, walked.reported)];
}

/** `kind: List` (what `kubectl get -o yaml` prints): every item is a manifest of its own. */
function validateList(schema: Schema, root: YAMLMap, value: unknown): DocumentFinding[] {
  const items = root.get('items', true);
  const values = (value as { items?: unknown[] } | null)?.items ?? [];
  const out: DocumentFinding[] = [];
  if (!isSeq(items)) return out;
  for (const [i, item] of items.items.entries()) {
    if (!isMap(item)) continue;
    const scalarOf = (k: string) => {
      const v = item.get(k, true);
      return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
    };
    out.push(
      ...validateManifest(
        schema,
        {
          root: item as Node,
          apiVersion: scalarOf('apiVersion'),
          kind: scalarOf('kind'),
          hasApiVersionKey: item.has('apiVersion'),
          hasKindKey: item.has('kind'),
        },
        values[i],
      ),
    );
  }
  return out;
}
