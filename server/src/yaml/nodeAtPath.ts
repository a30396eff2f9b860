// Path → node: the key and value nodes for a YAML path, to place diagnostics precisely.
import { isMap, isScalar, isSeq, Node, Pair } from 'yaml';
import type { PathSegment } from './locate';

export interface PathNodes {
  key?: Node;
  value?: Node;
  pair?: Pair;
}

export function nodeAtPath(root: unknown, path: PathSegment[]): PathNodes | undefined {
  let cur: PathNodes = { value: root as Node };
  for (const seg of path) {
    const node = cur.value;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return undefined;
      cur = { key: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined, pair };
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return undefined;
      cur = { value: item };
    } else return undefined;
  }
  return cur;
}

/** The deepest node along `path` that exists: where to point when the full path is missing. */
export function deepestAlong(root: unknown, path: PathSegment[]): { nodes: PathNodes; depth: number } {
  let best: PathNodes = { value: root as Node };
  let depth = 0;
  for (let i = 1; i <= path.length; i++) {
    const n = nodeAtPath(root, path.slice(0, i));
    if (!n) break;
    best = n;
    depth = i;
  }
  return { nodes: best, depth };
}
