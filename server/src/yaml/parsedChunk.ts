// One parsed YAML document with what every feature asks first: is it Kubernetes, which
// apiVersion and kind, is it a template. Position-independent, so it can be cached by text.
import { Document, LineCounter, parseDocument, isMap, isScalar, YAMLMap } from 'yaml';
import { fastParse } from './fastParse';

export interface ParsedChunk {
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** No content (blank, comments, bare `---`). */
  empty: boolean;
  apiVersion?: string;
  kind?: string;
  hasApiVersionKey: boolean;
  hasKindKey: boolean;
  /** Contains Helm/Go template syntax; such documents are skipped quietly. */
  templated: boolean;
  /** Feature caches (diagnostics, symbols), filled on first use. */
  cache: Map<string, unknown>;
}

export function parseChunk(text: string): ParsedChunk {
  const lineCounter = new LineCounter();
  // logLevel 'error': the library's warnings (a collection key) are reported as findings of ours
  // (yaml/yamlProblems), never printed on stderr. strict: what YAML forbids is an error, not a warning.
  const options = { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' as const };
  // The block-style subset most manifests use is parsed by the fast path (the same nodes, and the
  // value in the same pass); everything else by yaml itself.
  const fast = fastParse(text, options);
  const doc = fast ? fast.doc : parseDocument(text, options);
  const root = doc.contents;
  const empty = root === null || (isScalar(root) && (root.value === null || root.value === '') && !text.includes('{{'));
  let apiVersion: string | undefined;
  let kind: string | undefined;
  let hasApiVersionKey = false;
  let hasKindKey = false;
  let helmChart = false;
  if (isMap(root)) {
    // Helm's Chart.yaml has apiVersion (v1/v2) but no kind: it is not a Kubernetes object.
    helmChart = !(root as YAMLMap).has('kind') && (root as YAMLMap).has('name') && (root as YAMLMap).has('version') && !(root as YAMLMap).has('metadata');
    for (const pair of (root as YAMLMap).items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key === 'apiVersion' && !helmChart) {
        hasApiVersionKey = true;
        if (isScalar(pair.value) && typeof pair.value.value === 'string') apiVersion = pair.value.value;
      } else if (key === 'kind') {
        hasKindKey = true;
        if (isScalar(pair.value) && typeof pair.value.value === 'string') kind = pair.value.value;
      }
    }
  }
  const cache = new Map<string, unknown>();
  if (fast) cache.set('value', { value: fast.value });
  return { text, doc, lineCounter, empty, apiVersion, kind, hasApiVersionKey, hasKindKey, templated: /\{\{|\{%/.test(text), cache };
}

/**
 * The document as plain JSON, aliases expanded with a bound (a "billion laughs" document gives an
 * error, not a hang). Computed once per document and shared by diagnostics, lints and the
 * workspace index; callers must not modify it.
 */
export function chunkValue(chunk: ParsedChunk): { value?: unknown; error?: string } {
  let v = chunk.cache.get('value') as { value?: unknown; error?: string } | undefined;
  if (!v) {
    try {
      v = { value: chunk.doc.toJS({ maxAliasCount: 100 }) };
    } catch (e) {
      v = { error: e instanceof Error ? e.message : String(e) };
    }
    chunk.cache.set('value', v);
  }
  return v;
}
