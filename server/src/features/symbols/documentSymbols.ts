// Outline: one symbol per document ("Deployment k8s-combat"), with its top-level keys and
// their children, so a long multi-document file can be navigated. A Secret's data/stringData
// values are never shown as details (the outline and breadcrumbs are on screen; issue 12 §5).
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import type { ParsedFile } from '../../yaml/parsedFile';

export interface KSymbol {
  name: string;
  detail?: string;
  kind: 'object' | 'field' | 'list' | 'value';
  /** Offsets in the file. */
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: KSymbol[];
}

const MAX_DEPTH = 3;

export function documentSymbols(file: ParsedFile): KSymbol[] {
  const out: KSymbol[] = [];
  for (const d of file.documents) {
    const c = d.chunk;
    if (c.empty) continue;
    const root = c.doc.contents as Node | null;
    if (!root?.range) continue;
    const name = isMap(root) ? metadataName(root) : undefined;
    const title = [c.kind ?? (c.hasKindKey ? '?' : 'YAML'), name].filter(Boolean).join(' ');
    const kindNode = isMap(root) ? (root.items.find((p) => isScalar(p.key) && p.key.value === 'kind')?.value as Node | undefined) : undefined;
    const sel = kindNode?.range ?? root.range;
    out.push({
      name: title || `#${d.index + 1}`,
      detail: c.apiVersion,
      kind: 'object',
      start: d.start + root.range[0],
      end: d.start + Math.max(root.range[1], root.range[0]),
      selectionStart: d.start + sel[0],
      selectionEnd: d.start + sel[1],
      children: isMap(root) ? children(root, d.start, 1, c.kind === 'Secret') : [],
    });
  }
  return out;
}

function metadataName(root: YAMLMap): string | undefined {
  const md = root.get('metadata', true);
  if (!isMap(md)) return undefined;
  const n = md.get('name', true) ?? md.get('generateName', true);
  return isScalar(n) && n.value !== null ? String(n.value) : undefined;
}

/** `secret`: the map is a Secret's root (depth 1) or its data/stringData (values hidden). */
function children(map: YAMLMap, base: number, depth: number, secret = false): KSymbol[] {
  const hideValues = secret && depth > 1;
  const out: KSymbol[] = [];
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const value = pair.value as Node | null;
    const end = value?.range ? value.range[1] : key.range[1];
    const sym: KSymbol = {
      name: String(key.value),
      kind: isMap(value) ? 'object' : isSeq(value) ? 'list' : 'field',
      detail: isScalar(value) && value.value !== null && !hideValues ? String(value.value) : isSeq(value) ? `[${value.items.length}]` : undefined,
      start: base + key.range[0],
      end: base + Math.max(end, key.range[1]),
      selectionStart: base + key.range[0],
      selectionEnd: base + key.range[1],
      children: [],
    };
    const valuesOfSecret = secret && depth === 1 && ['data', 'stringData', 'binaryData'].includes(String(key.value));
    if (depth < MAX_DEPTH && isMap(value)) sym.children = children(value, base, depth + 1, valuesOfSecret || hideValues);
    if (depth < MAX_DEPTH && isSeq(value)) {
      value.items.forEach((item, i) => {
        const n = item as Node | null;
        if (!isMap(n) || !n.range) return;
        const label = n.get('name') ?? n.get('port') ?? n.get('key') ?? i;
        sym.children.push({
          name: `[${i}] ${String(label)}`,
          kind: 'object',
          start: base + n.range[0],
          end: base + n.range[1],
          selectionStart: base + n.range[0],
          selectionEnd: base + n.range[0],
          children: depth + 1 < MAX_DEPTH ? children(n, base, depth + 2) : [],
        });
      });
    }
    out.push(sym);
  }
  return out;
}
