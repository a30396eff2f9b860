// Plain values and their ranges in one parsed YAML document: extraction reads values from the
// plain object (what the API server would see) and asks the AST only where a range is needed.
import type { ParsedChunk } from '../yaml/parsedChunk';
import { deepestAlong, nodeAtPath } from '../yaml/nodeAtPath';
import type { PathSegment } from '../yaml/locate';
import type { Range } from './indexedObject';

export class DocReader {
  constructor(
    readonly chunk: ParsedChunk,
    readonly root: unknown,
  ) {}

  /** The range of the value at `path` (or its key with part 'key'); falls back to the deepest node that exists. */
  range(path: PathSegment[], part: 'value' | 'key' = 'value'): Range {
    const nodes = nodeAtPath(this.chunk.doc.contents, path) ?? deepestAlong(this.chunk.doc.contents, path).nodes;
    const node = part === 'key' ? (nodes.key ?? nodes.value) : (nodes.value ?? nodes.key);
    const r = node?.range;
    if (!r) return this.offsets(0, 0);
    return this.offsets(r[0], Math.max(r[0], r[1]));
  }

  /** The range of a key, when it is written. */
  keyRange(path: PathSegment[]): Range | undefined {
    const nodes = nodeAtPath(this.chunk.doc.contents, path);
    const r = nodes?.key?.range;
    return r ? this.offsets(r[0], r[1]) : undefined;
  }

  /** From the key to the end of its value (a whole `labels:` block), when the key is written. */
  blockRange(path: PathSegment[]): Range | undefined {
    const nodes = nodeAtPath(this.chunk.doc.contents, path);
    const k = nodes?.key?.range;
    if (!k) return undefined;
    const v = nodes?.value?.range;
    return this.offsets(k[0], v ? Math.max(k[1], v[1]) : k[1]);
  }

  /** Does the value at `path` exist in the document? */
  has(path: PathSegment[]): boolean {
    return nodeAtPath(this.chunk.doc.contents, path) !== undefined;
  }

  offsets(start: number, end: number): Range {
    const lc = this.chunk.lineCounter;
    const s = lc.linePos(start);
    const e = lc.linePos(end);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  }
}
