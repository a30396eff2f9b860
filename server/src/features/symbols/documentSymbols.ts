// Outline: one symbol per document ("Deployment k8s-combat"), with its top-level keys and
// their children, so a long multi-document file can be navigated. A Secret's data/stringData
// values are never shown as details (the outline and breadcrumbs are on screen; issue 12 §5).
// Each document's symbols are computed once per document text, in lines relative to the
// document, so a keystroke costs the edited document and a line shift of the others. A file
// whose full outline would exceed MAX_SYMBOLS gets a shallower one (every document still listed),
// as yaml-language-server caps its outline at `maxItemsComputed`: the editor asks for the outline
// after every edit, and 11,000 symbols are 2.5 MB of JSON per request.
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import type { ParsedChunk } from '../../yaml/parsedChunk';
import type { ParsedFile } from '../../yaml/parsedFile';
import { MemoSlot } from '../../util/memo';

/** Zero-based line (relative to the document's first line) and UTF-16 character. */
export interface SymbolPosition {
  line: number;
  character: number;
}

export interface KSymbol {
  name: string;
  detail?: string;
  kind: 'object' | 'field' | 'list' | 'value';
  start: SymbolPosition;
  end: SymbolPosition;
  selectionStart: SymbolPosition;
  selectionEnd: SymbolPosition;
  children: KSymbol[];
}

/** One document's outline and the file line it starts at. */
export interface DocumentOutline {
  line: number;
  symbols: KSymbol[];
}

const MAX_DEPTH = 3;
/** Symbols in a file's outline before it gets shallower (yaml-language-server: maxItemsComputed 5000). */
export const MAX_SYMBOLS = 5000;

interface ChunkOutline {
  symbols: KSymbol[];
  /** Symbols at each depth: [documents, depth 1, depth 2, depth 3]. */
  perDepth: number[];
  /** The shallower outlines already asked for, by depth (a large file asks for the same one after every edit). */
  shallower: Map<number, KSymbol[]>;
}
const OUTLINE = new MemoSlot<ChunkOutline>('symbols');

export function documentSymbols(file: ParsedFile, maxSymbols = MAX_SYMBOLS): DocumentOutline[] {
  const outlines = file.documents.map((d) => ({ line: d.line, outline: d.chunk.empty ? undefined : chunkOutline(d.chunk) }));
  // The deepest outline within the budget.
  let depth = MAX_DEPTH;
  const total = (upTo: number) => outlines.reduce((n, o) => n + (o.outline?.perDepth.slice(0, upTo + 1).reduce((a, b) => a + b, 0) ?? 0), 0);
  while (depth > 0 && total(depth) > maxSymbols) depth--;
  return outlines.filter((o) => o.outline?.symbols.length).map((o) => ({ line: o.line, symbols: atDepth(o.outline!, depth) }));
}

function atDepth(outline: ChunkOutline, depth: number): KSymbol[] {
  if (depth === MAX_DEPTH) return outline.symbols;
  let hit = outline.shallower.get(depth);
  if (!hit) outline.shallower.set(depth, (hit = outline.symbols.map((s) => pruned(s, depth))));
  return hit;
}

/** A copy of `s` without symbols deeper than `depth` below it. */
function pruned(s: KSymbol, depth: number): KSymbol {
  return { ...s, children: depth > 0 ? s.children.map((c) => pruned(c, depth - 1)) : [] };
}

function chunkOutline(c: ParsedChunk): ChunkOutline {
  return OUTLINE.get(c.cache, [], () => {
    const perDepth = [0, 0, 0, 0];
    const root = c.doc.contents as Node | null;
    if (!root?.range) return { symbols: [], perDepth, shallower: new Map() };
    const at = (offset: number): SymbolPosition => {
      const p = c.lineCounter.linePos(offset);
      return { line: p.line - 1, character: p.col - 1 };
    };
    const name = isMap(root) ? metadataName(root) : undefined;
    const title = [c.kind ?? (c.hasKindKey ? '?' : 'YAML'), name].filter(Boolean).join(' ');
    const kindNode = isMap(root) ? (root.items.find((p) => isScalar(p.key) && p.key.value === 'kind')?.value as Node | undefined) : undefined;
    const sel = kindNode?.range ?? root.range;
    perDepth[0] = 1;
    const symbol: KSymbol = {
      name: title,
      detail: c.apiVersion,
      kind: 'object',
      start: at(root.range[0]),
      end: at(Math.max(root.range[1], root.range[0])),
      selectionStart: at(sel[0]),
      selectionEnd: at(sel[1]),
      children: isMap(root) ? children(root, at, perDepth, 1, c.kind === 'Secret') : [],
    };
    return { symbols: [symbol], perDepth, shallower: new Map() };
  });
}

function metadataName(root: YAMLMap): string | undefined {
  const md = root.get('metadata', true);
  if (!isMap(md)) return undefined;
  const n = md.get('name', true) ?? md.get('generateName', true);
  return isScalar(n) && n.value !== null ? String(n.value) : undefined;
}

/** `secret`: the map is a Secret's root (depth 1) or its data/stringData (values hidden). */
function children(map: YAMLMap, at: (offset: number) => SymbolPosition, perDepth: number[], depth: number, secret = false): KSymbol[] {
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
      start: at(key.range[0]),
      end: at(Math.max(end, key.range[1])),
      selectionStart: at(key.range[0]),
      selectionEnd: at(key.range[1]),
      children: [],
    };
    perDepth[depth]++;
    const valuesOfSecret = secret && depth === 1 && ['data', 'stringData', 'binaryData'].includes(String(key.value));
    if (depth < MAX_DEPTH && isMap(value)) sym.children = children(value, at, perDepth, depth + 1, valuesOfSecret || hideValues);
    if (depth < MAX_DEPTH && isSeq(value)) {
      value.items.forEach((item, i) => {
        const n = item as Node | null;
        if (!isMap(n) || !n.range) return;
        const label = n.get('name') ?? n.get('port') ?? n.get('key') ?? i;
        perDepth[depth + 1]++;
        sym.children.push({
          name: `[${i}] ${String(label)}`,
          kind: 'object',
          start: at(n.range[0]),
          end: at(n.range[1]),
          selectionStart: at(n.range[0]),
          selectionEnd: at(n.range[0]),
          children: depth + 1 < MAX_DEPTH ? children(n, at, perDepth, depth + 2) : [],
        });
      });
    }
    out.push(sym);
  }
  return out;
}
