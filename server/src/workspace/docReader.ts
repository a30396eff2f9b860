// Plain values and their ranges in one parsed YAML document: extraction reads values from the
// plain object (what the API server would see) and asks the AST only where a range is needed.
import { isMap, isScalar, isSeq, Node } from 'yaml';
import type { ParsedChunk } from '../yaml/parsedChunk';
import { deepestAlong, PathNodes } from '../yaml/nodeAtPath';
import type { PathSegment } from '../yaml/locate';
import type { Range } from './indexedObject';

export class DocReader {
  constructor(
    readonly chunk: ParsedChunk,
    readonly root: unknown,
  ) {}

  /** The range of the value at `path` (or its key with part 'key'); falls back to the deepest node that exists. */
  range(path: PathSegment[], part: 'value' | 'key' = 'value'): Range {
    const nodes = this.nodes(path) ?? deepestAlong(this.chunk.doc.contents, path).nodes;
    const node = part === 'key' ? (nodes.key ?? nodes.value) : (nodes.value ?? nodes.key);
    const r = node?.range;
    if (!r) return this.offsets(0, 0);
    return this.offsets(r[0], Math.max(r[0], r[1]));
  }

  /** The range of a key, when it is written. */
  keyRange(path: PathSegment[]): Range | undefined {
    const nodes = this.nodes(path);
    const r = nodes?.key?.range;
    return r ? this.offsets(r[0], r[1]) : undefined;
  }

  /** From the key to the end of its value (a whole `labels:` block), when the key is written. */
  blockRange(path: PathSegment[]): Range | undefined {
    const nodes = this.nodes(path);
    const k = nodes?.key?.range;
    if (!k) return undefined;
    const v = nodes?.value?.range;
    return this.offsets(k[0], v ? Math.max(k[1], v[1]) : k[1]);
  }

  /** Does the value at `path` exist in the document? */
  has(path: PathSegment[]): boolean {
    return this.nodes(path) !== undefined;
  }

  /** The range of the value at `path` when it exists (has() then range(), with one lookup). */
  rangeIfPresent(path: PathSegment[]): Range | undefined {
    return this.nodes(path) ? this.range(path) : undefined;
  }

  /**
   * yaml/nodeAtPath's answer (the key and value nodes at `path`), found without an object per
   * step: extraction asks a few dozen paths per document, most of them deep.
   */
  private nodes(path: PathSegment[]): PathNodes | undefined {
    let key: Node | undefined;
    let value = this.chunk.doc.contents as Node | null | undefined;
    let pair: PathNodes['pair'];
    for (const seg of path) {
      if (isMap(value)) {
        const want = String(seg);
        pair = undefined;
        for (const p of value.items) {
          if (isScalar(p.key) && String(p.key.value) === want) {
            pair = p;
            break;
          }
        }
        if (!pair) return undefined;
        key = pair.key as Node;
        value = (pair.value ?? undefined) as Node | undefined;
      } else if (isSeq(value) && typeof seg === 'number') {
        const item = value.items[seg] as Node | undefined;
        if (!item) return undefined;
        key = undefined;
        pair = undefined;
        value = item;
      } else return undefined;
    }
    return { key, value: value ?? undefined, pair };
  }

  offsets(start: number, end: number): Range {
    const lc = this.chunk.lineCounter;
    const s = lc.linePos(start);
    const e = lc.linePos(end);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  }
}
