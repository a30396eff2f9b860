// Offset → YAML path. Inside a key or a value we descend the AST; on a blank line, or while a
// new key is being typed (often not yet valid YAML), we reason from indentation the way
// yaml-language-server's findClosestNode does: the nearest line above with a smaller key
// column is the parent, one with the same column is a sibling.
import { isMap, isScalar, isSeq, Node, Pair, Scalar } from 'yaml';
import type { ParsedChunk } from './parsedChunk';

export type PathSegment = string | number;

export interface Location {
  /** key: path to the key; value: path to the field whose value it is; blank: path of the object a new key goes into. */
  path: PathSegment[];
  target: 'key' | 'value' | 'blank';
  /** The scalar under the cursor (key or value). */
  node?: Scalar;
  pair?: Pair;
  /** Text typed so far at the cursor (for replacing on completion). */
  prefixStart: number;
}

export function locate(chunk: ParsedChunk, offset: number): Location {
  const text = chunk.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  // "  image: ngi|" — a value being typed on a key line.
  const valueMatch = /^(\s*(?:-\s+)*)([^\s#:][^:#]*?):\s+(\S*)$/.exec(prefix);
  if (valueMatch) {
    const keyOffset = lineStart + valueMatch[1].length;
    const hit = descend(chunk.doc.contents, keyOffset, []);
    if (hit && hit.target === 'key') {
      const node = isScalar(hit.pair?.value) ? (hit.pair?.value as Scalar) : undefined;
      return { path: hit.path, target: 'value', node, pair: hit.pair, prefixStart: offset - valueMatch[3].length };
    }
  }
  const inside = descend(chunk.doc.contents, offset, []);
  if (inside && (inside.target === 'value' || inside.target === 'key')) {
    const onKeyLine = /^\s*(?:-\s+)*[^\s#:][^:#]*$/.test(prefix);
    if (inside.target === 'value' && onKeyLine && inside.node && !String(inside.node.source ?? '').includes(':')) {
      // A bare word on its own line is a key being typed, even when YAML reads it as a value.
      return blank(chunk, offset, lineStart, prefix);
    }
    return inside;
  }
  return blank(chunk, offset, lineStart, prefix);
}

interface Hit extends Location {}

/** Scalars include their end (a cursor right after `nginx` is on it); collections do not, so the next key is not inside the previous map. */
function inRange(n: Node | null | undefined, offset: number): boolean {
  if (!n?.range) return false;
  return offset >= n.range[0] && (isScalar(n) ? offset <= n.range[1] : offset < n.range[1]);
}

function descend(node: unknown, offset: number, path: PathSegment[]): Hit | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (isScalar(key) && inRange(key, offset)) {
        return { path: [...path, String(key.value)], target: 'key', node: key, pair, prefixStart: key.range![0] };
      }
      const value = pair.value as Node | null;
      if (value && inRange(value, offset)) {
        const keyName = isScalar(key) ? String(key.value) : '';
        if (isMap(value) || isSeq(value)) return descend(value, offset, [...path, keyName]) ?? undefined;
        if (isScalar(value)) return { path: [...path, keyName], target: 'value', node: value, pair, prefixStart: value.range![0] };
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (!item || !inRange(item, offset)) continue;
      if (isMap(item) || isSeq(item)) return descend(item, offset, [...path, i]);
      if (isScalar(item)) return { path: [...path, i], target: 'value', node: item, prefixStart: item.range![0] };
    }
  }
  return undefined;
}

interface LineShape {
  /** Column where the key (or scalar) text starts, after any "- " markers. */
  keyCol: number;
  /** Column of the last "- " marker on the line, or -1. */
  dashCol: number;
  /** Offset of the first content character. */
  contentOffset: number;
  blank: boolean;
}

function shapeOf(line: string, lineOffset: number): LineShape {
  const m = /^(\s*)((?:-\s+)*)/.exec(line)!;
  const dashes = m[2];
  const lastDash = dashes ? m[1].length + dashes.lastIndexOf('-') : -1;
  const keyCol = m[0].length;
  const rest = line.slice(keyCol).trim();
  return { keyCol, dashCol: lastDash, contentOffset: lineOffset + keyCol, blank: rest === '' || rest.startsWith('#') };
}

function blank(chunk: ParsedChunk, offset: number, lineStart: number, prefix: string): Location {
  const text = chunk.text;
  const here = shapeOf(prefix, lineStart);
  // A word already typed on this line belongs to the key being written.
  const typed = /[^\s-][^\s]*$/.exec(prefix);
  const prefixStart = typed ? lineStart + typed.index : offset;
  const keyCol = here.keyCol;
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const shape = shapeOf(line, start);
    if (shape.blank || line.trimStart().startsWith('---')) continue;
    if (shape.keyCol > keyCol && !(here.dashCol >= 0 && shape.dashCol === here.dashCol)) continue;
    const hit = descend(chunk.doc.contents, shape.contentOffset, []);
    if (!hit) continue;
    const linePath = hit.target === 'key' ? hit.path : hit.path;
    if (here.dashCol >= 0 && shape.dashCol === here.dashCol) {
      // "- |" under another "- item" of the same list: a new item of that list.
      const seqPath = trimToSequence(linePath);
      return { path: [...seqPath.path, seqPath.index + 1], target: 'blank', prefixStart };
    }
    if (shape.keyCol === keyCol && here.dashCol < 0) {
      // A sibling key: the new key goes into the same object.
      return { path: linePath.slice(0, -1), target: 'blank', prefixStart };
    }
    if (shape.keyCol < keyCol) {
      if (here.dashCol >= 0) {
        // "key:\n  - |": the first (or next) item of the list under `key`.
        const existing = countItemsBefore(chunk, linePath, offset);
        return { path: [...linePath, existing], target: 'blank', prefixStart };
      }
      return { path: linePath, target: 'blank', prefixStart };
    }
  }
  return { path: [], target: 'blank', prefixStart };
}

/** For a path inside a list item (…, list, i, key), the list's path and the item index. */
function trimToSequence(path: PathSegment[]): { path: PathSegment[]; index: number } {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'number') return { path: path.slice(0, i), index: path[i] as number };
  }
  return { path, index: 0 };
}

function countItemsBefore(chunk: ParsedChunk, path: PathSegment[], offset: number): number {
  let node: unknown = chunk.doc.contents;
  for (const seg of path) {
    if (isMap(node)) node = node.get(seg, true);
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return 0;
  }
  if (!isSeq(node)) return 0;
  return node.items.filter((it) => (it as Node | null)?.range && (it as Node).range![0] < offset).length;
}
