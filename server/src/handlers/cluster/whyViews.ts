// The "Why?" of every object that is not fine, for the tree: computed once per language (the
// client picks), with the line where the deciding field is written in the user's manifest, so
// the tree can link to it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, LineCounter } from 'yaml';
import type { Store } from '../../cluster/store';
import { explainAll } from '../../cluster/why/explainWhy';
import { objectId } from '../../protocol/clusterProtocol';
import type { SourceLocation, WhyView } from '../../protocol/clusterView';
import type { WhyExplanation } from '../../protocol/why';
import { deepestAlong } from '../../yaml/nodeAtPath';
import { language, setLanguage, Lang } from '../../util/l10n';

/** `spec.template.spec.containers[1].image` → ['spec', 'template', 'spec', 'containers', 1, 'image']. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return out;
    if (m[1]) out.push(m[1]);
    for (const i of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

/** The 1-based line of `path` (or of its deepest written parent) in the document that starts at `doc.line` of `text`. */
export function fieldLine(text: string, docLine: number, path: string): number {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc });
  const list = Array.isArray(docs) ? docs : [docs];
  const doc = list.find((d) => d.range && lc.linePos(d.range[0]).line <= docLine && docLine <= lc.linePos(d.range[2]).line) ?? list[0];
  if (!doc?.contents) return docLine;
  const { nodes } = deepestAlong(doc.contents, pathSegments(path));
  const node = nodes.key ?? nodes.value;
  return node?.range ? lc.linePos(node.range[0]).line : docLine;
}

function readText(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? readFileSync(fileURLToPath(uri), 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function explainIn(lang: Lang, store: Store, inUserNamespace: (ns: string) => boolean): WhyExplanation[] {
  const before = language();
  setLanguage(lang);
  try {
    return explainAll(store, inUserNamespace);
  } finally {
    setLanguage(before);
  }
}

export function whyViews(
  store: Store,
  sourceOf: (kind: string, namespace: string | null, name: string) => SourceLocation | null,
  textOf: (uri: string) => string | undefined = readText,
): Record<string, WhyView> {
  const user = (ns: string) => !ns.startsWith('kube-');
  const en = explainIn('en', store, user);
  const zh = explainIn('zh-cn', store, user);
  const out: Record<string, WhyView> = {};
  en.forEach((w, i) => {
    let fieldSource: SourceLocation | null = null;
    if (w.field) {
      const doc = sourceOf(w.field.object.kind, w.field.object.namespace, w.field.object.name);
      const text = doc ? textOf(doc.uri) : undefined;
      fieldSource = doc ? { uri: doc.uri, line: text ? fieldLine(text, doc.line, w.field.path) : doc.line } : null;
    }
    out[objectId(w.object)] = { condition: w.condition, field: w.field, fieldSource, en: w.text, 'zh-cn': zh[i].text };
  });
  return out;
}
