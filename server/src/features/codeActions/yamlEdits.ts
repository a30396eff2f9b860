// Minimal text edits on a YAML document: insert keys into a map, replace a scalar, delete a
// pair. Edits touch only the affected lines, so the user's formatting and comments stay; new
// text follows the indentation of its neighbours. Offsets are relative to the document text.
import { isMap, isScalar, isSeq, Node, Pair, Scalar, stringify, YAMLMap } from 'yaml';

export interface TextEditAt {
  start: number;
  end: number;
  newText: string;
}

/** A small tree to write: plain objects, arrays and scalars. */
export type Tree = { [k: string]: Tree } | Tree[] | string | number | boolean | null;

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** A scalar as YAML writes it (quotes only when needed). */
export function scalarText(v: string | number | boolean | null): string {
  return stringify(v).trimEnd();
}

/** Block YAML for `tree`, every line indented by `indent` spaces, each line ending in `eol`. */
export function blockText(tree: Record<string, Tree>, indent: number, eol = '\n'): string {
  const pad = ' '.repeat(indent);
  return stringify(tree, { indent: 2, lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => pad + l + eol)
    .join('');
}

/** Flow YAML for `tree`: `{a: 1, b: [x, y]}`. */
export function flowText(tree: Tree): string {
  if (Array.isArray(tree)) return `[${tree.map(flowText).join(', ')}]`;
  if (tree !== null && typeof tree === 'object')
    return `{${Object.entries(tree)
      .map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`)
      .join(', ')}}`;
  return scalarText(tree);
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** Column of a block map's keys (its first key's column). */
export function keyColumn(text: string, map: YAMLMap): number {
  const first = map.items[0]?.key as Node | undefined;
  return first?.range ? column(text, first.range[0]) : 0;
}

/** Adds `tree`'s keys to `map` (block: new lines after its last pair; flow: before `}`). */
export function insertIntoMap(text: string, map: YAMLMap, tree: Record<string, Tree>, eol = eolOf(text)): TextEditAt {
  const range = map.range!;
  if (map.flow) {
    const close = text.lastIndexOf('}', range[1] - 1);
    const inner = Object.entries(tree)
      .map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`)
      .join(', ');
    const empty = map.items.length === 0;
    return { start: close, end: close, newText: empty ? inner : `, ${inner}` };
  }
  // range[1] is the start of the line after the map's last content line (or the end of text).
  const at = range[1];
  const prefix = at > 0 && text[at - 1] !== '\n' ? eol : '';
  return { start: at, end: at, newText: prefix + blockText(tree, keyColumn(text, map), eol) };
}

/** Gives an empty `key:` (or `key: null`) a block of children. */
function fillEmptyPair(text: string, pair: Pair, tree: Record<string, Tree>, eol = eolOf(text)): TextEditAt {
  const key = pair.key as Node;
  const block = eol + blockText(tree, column(text, key.range![0]) + 2, eol).slice(0, -eol.length);
  const value = pair.value as Node | null;
  if (value?.range && value.range[1] > value.range[0]) return { start: value.range[0], end: value.range[1], newText: block };
  const end = lineEnd(text, key.range![1]);
  return { start: end, end, newText: block };
}

/**
 * Makes `tree` exist under the map `at`: missing keys are inserted, existing maps are entered,
 * existing scalars are left alone (never overwrite what the user wrote).
 */
export function ensureTree(text: string, at: YAMLMap, tree: Record<string, Tree>, eol = eolOf(text)): TextEditAt[] {
  const missing: Record<string, Tree> = {};
  const edits: TextEditAt[] = [];
  for (const [k, v] of Object.entries(tree)) {
    const pair = pairOf(at, k);
    if (!pair) {
      missing[k] = v;
      continue;
    }
    const isTree = v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isTree && isMap(pair.value)) edits.push(...ensureTree(text, pair.value, v as Record<string, Tree>, eol));
    else if (isTree && (pair.value === null || (isScalar(pair.value) && pair.value.value === null)))
      edits.push(fillEmptyPair(text, pair, v as Record<string, Tree>, eol));
  }
  if (Object.keys(missing).length) edits.push(insertIntoMap(text, at, missing, eol));
  return edits;
}

/** Replaces a scalar's text, keeping its quote style. */
export function replaceScalar(text: string, node: Scalar, value: string): TextEditAt {
  const [start, end] = node.range!;
  const old = text.slice(start, end);
  const quote = old[0] === '"' || old[0] === "'" ? old[0] : '';
  const newText = quote === '"' ? JSON.stringify(value) : quote === "'" ? `'${value.replace(/'/g, "''")}'` : scalarText(value);
  return { start, end, newText };
}

/** Deletes a pair of a block map: its whole lines (key line through the value's last line). */
export function deletePairLines(text: string, pair: Pair): TextEditAt {
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const start = lineStart(text, key.range![0]);
  const last = value?.range ? (isMap(value) || isSeq(value) ? Math.max(value.range[1] - 1, key.range![1]) : value.range[1]) : key.range![1];
  const end = lineEnd(text, last);
  return { start, end: Math.min(end + 1, text.length), newText: '' };
}

/**
 * Applies non-overlapping edits as an LSP client does: inserts at the same position appear in
 * array order (so a nested map's new keys come before its parent's, as ensureTree emits them).
 */
export function applyEdits(text: string, edits: TextEditAt[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.e.end - a.e.end || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The scalar (key or value) that starts at `offset`, with the pair and map around it. */
export function scalarAt(root: unknown, offset: number): { node: Scalar; pair?: Pair; map?: YAMLMap; isKey: boolean } | undefined {
  const walk = (n: unknown): ReturnType<typeof scalarAt> => {
    if (isMap(n)) {
      for (const p of n.items) {
        const k = p.key as Node | null;
        if (isScalar(k) && k.range![0] === offset) return { node: k, pair: p, map: n, isKey: true };
        const v = p.value as Node | null;
        if (isScalar(v) && v.range && v.range[0] === offset) return { node: v, pair: p, map: n, isKey: false };
        if (v?.range && v.range[0] <= offset && offset <= v.range[2]) {
          const hit = walk(v);
          if (hit) return hit;
        }
      }
    } else if (isSeq(n)) {
      for (const it of n.items) {
        const v = it as Node;
        if (isScalar(v) && v.range![0] === offset) return { node: v, isKey: false };
        if (v?.range && v.range[0] <= offset && offset <= v.range[2]) {
          const hit = walk(v);
          if (hit) return hit;
        }
      }
    }
    return undefined;
  };
  return walk(root);
}
