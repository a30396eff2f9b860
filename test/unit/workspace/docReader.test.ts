// DocReader finds the nodes at a path its own way (no object per step): every range it gives
// must be the one yaml/nodeAtPath (and deepestAlong, for a missing path) gives, for paths that
// exist, paths that stop half-way and paths through scalars, lists and odd keys.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DocReader } from '../../../server/src/workspace/docReader';
import { parseChunk } from '../../../server/src/yaml/parsedChunk';
import { isMap, isScalar, isSeq } from 'yaml';
import { deepestAlong, nodeAtPath } from '../../../server/src/yaml/nodeAtPath';
import type { PathSegment } from '../../../server/src/yaml/locate';
import { generateManifests } from '../../../bench/manifestGenerator';

const DOCS = [
  ...generateManifests(3).split('---\n'),
  'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}, data: {"1": x, k: ~}}\n  - []\n',
  'a:\n  - - 1\n    - {b: c}\n  - null\n"1": one\n? [x]\n: y\nn: !!null\ne: {}\n',
  '- top\n- {k: v}\n',
  '',
  'just a scalar\n',
];
const CHUNKS = DOCS.map(parseChunk);

/** Every path that exists in a document (keys of maps as written, indexes of lists). */
function pathsOf(node: unknown, at: PathSegment[] = [], out: PathSegment[][] = [[]]): PathSegment[][] {
  if (isMap(node))
    for (const p of node.items) {
      if (!isScalar(p.key)) continue; // a collection as key: no path reaches it
      const path = [...at, String(p.key.value)];
      out.push(path);
      pathsOf(p.value, path, out);
    }
  else if (isSeq(node))
    node.items.forEach((item, i) => {
      out.push([...at, i]);
      pathsOf(item, [...at, i], out);
    });
  return out;
}
/** A document, and a path: one that exists, with some segments added or not. */
const docAndPath = fc.nat().chain((n) => {
  const chunk = CHUNKS[n % CHUNKS.length];
  const paths = pathsOf(chunk.doc.contents);
  return fc.tuple(fc.constant(chunk), fc.constantFrom(...paths), fc.array(fc.constantFrom<PathSegment>('name', 'spec', 0, 1, 'k', '1'), { maxLength: 2 }));
});
const SEGMENTS: PathSegment[] = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'labels',
  'app',
  'spec',
  'template',
  'containers',
  'ports',
  'selector',
  'items',
  'data',
  'a',
  'b',
  'k',
  '1',
  'n',
  'e',
  0,
  1,
  2,
  'x',
];

/** The ranges as DocReader computed them with nodeAtPath (its code before it had its own lookup). */
function reference(r: DocReader, root: unknown, path: PathSegment[]) {
  const exact = nodeAtPath(root, path);
  const nodes = exact ?? deepestAlong(root, path).nodes;
  const span = (n: { range?: [number, number, number] | null } | undefined | null) => n?.range;
  const range = (part: 'key' | 'value') => {
    const n = part === 'key' ? (nodes.key ?? nodes.value) : (nodes.value ?? nodes.key);
    const s = span(n);
    return s ? r.offsets(s[0], Math.max(s[0], s[1])) : r.offsets(0, 0);
  };
  const k = exact?.key?.range;
  const v = exact?.value?.range;
  return {
    value: range('value'),
    key: range('key'),
    keyRange: k ? r.offsets(k[0], k[1]) : undefined,
    blockRange: k ? r.offsets(k[0], v ? Math.max(k[1], v[1]) : k[1]) : undefined,
    has: exact !== undefined,
    ifPresent: exact !== undefined ? range('value') : undefined,
  };
}

describe('DocReader', () => {
  it('gives the ranges nodeAtPath and deepestAlong give, on any path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHUNKS), fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 8 }), (chunk, path) => {
        const r = new DocReader(chunk, undefined);
        assert.deepEqual(
          {
            value: r.range(path),
            key: r.range(path, 'key'),
            keyRange: r.keyRange(path),
            blockRange: r.blockRange(path),
            has: r.has(path),
            ifPresent: r.rangeIfPresent(path),
          },
          reference(r, chunk.doc.contents, path),
        );
      }),
      { seed: 9, numRuns: 2000 },
    );
  });

  it('gives the same ranges on paths that exist, and a step or two past them', () => {
    fc.assert(
      fc.property(docAndPath, ([chunk, existing, more]) => {
        const path = [...existing, ...more];
        const r = new DocReader(chunk, undefined);
        if (!more.length) assert.ok(r.has(path), `${path.join('/')} exists`);
        assert.deepEqual(
          { value: r.range(path), key: r.range(path, 'key'), keyRange: r.keyRange(path), blockRange: r.blockRange(path), ifPresent: r.rangeIfPresent(path) },
          (({ has: _, ...rest }) => rest)(reference(r, chunk.doc.contents, path)),
        );
      }),
      { seed: 10, numRuns: 2000 },
    );
  });

  it('finds a deep path of a generated Deployment', () => {
    const r = new DocReader(parseChunk(DOCS[0]), undefined);
    assert.ok(r.has(['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort']));
    assert.equal(r.has(['spec', 'template', 'spec', 'containers', 1]), false);
  });
});
