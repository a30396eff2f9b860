import { strict as assert } from 'node:assert';
import { parseFile, reparseFile, ChunkCache } from '../../../server/src/yaml/parsedFile';
import { documentSymbols, KSymbol } from '../../../server/src/features/symbols/documentSymbols';

const TWO =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: k8s-combat\nspec:\n  replicas: 2\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: k8s-combat\n';

/** The deepest level of an outline (documents are level 0). */
const depthOf = (s: KSymbol): number => (s.children.length ? 1 + Math.max(...s.children.map(depthOf)) : 0);

describe('document symbols', () => {
  it('one symbol per document with its top-level structure', () => {
    const outline = documentSymbols(parseFile(TWO));
    assert.deepEqual(
      outline.map((d) => [d.line, d.symbols[0].name]),
      [
        [0, 'Deployment k8s-combat'],
        [6, 'Service k8s-combat'],
      ],
    );
    const deployment = outline[0].symbols[0];
    assert.deepEqual(
      deployment.children.map((c) => c.name),
      ['apiVersion', 'kind', 'metadata', 'spec'],
    );
    assert.deepEqual(
      deployment.children[3].children.map((c) => `${c.name}=${c.detail}`),
      ['replicas=2'],
    );
    // Positions are relative to the document, which starts at its `---`: the Service's `kind` value is on its line 2.
    const service = outline[1].symbols[0];
    assert.deepEqual(
      [service.selectionStart, service.selectionEnd],
      [
        { line: 2, character: 6 },
        { line: 2, character: 13 },
      ],
    );
  });

  it('an edit re-computes the edited document only; the others keep their symbols and shift by lines', () => {
    const cache = new ChunkCache();
    const before = parseFile(TWO, cache);
    const at = TWO.indexOf('replicas: 2') + 'replicas: '.length;
    const text = `${TWO.slice(0, at)}3\n  paused: true${TWO.slice(at + 1)}`;
    const after = reparseFile(before, text, cache, { start: at, end: at + 1, inserted: '3\n  paused: true'.length });
    const [a, b] = [documentSymbols(before), documentSymbols(after)];
    assert.notEqual(b[0].symbols, a[0].symbols, 'the edited document is outlined again');
    assert.equal(b[1].symbols, a[1].symbols, 'the Service document keeps its symbols');
    assert.deepEqual([a[1].line, b[1].line], [6, 7]);
  });

  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  labels:\n    app: a\ndata:\n  k: v\n`).join('---\n');
  const cases: [documents: number, budget: number, depth: number][] = [
    [10, 5000, 3],
    [10, 80, 2],
    [10, 79, 1],
    [10, 50, 1],
    [10, 5, 0],
  ];
  for (const [n, budget, depth] of cases)
    it(`${n} ConfigMaps (9 symbols each: 1, 4, 3, 1 by depth) within ${budget} symbols → outline depth ${depth}, every document listed`, () => {
      const file = parseFile(many(n));
      const outline = documentSymbols(file, budget);
      assert.equal(outline.length, n);
      assert.equal(documentSymbols(file, budget)[0].symbols, outline[0].symbols, 'asked again, the same outline is re-used');
      assert.deepEqual([...new Set(outline.map((d) => depthOf(d.symbols[0])))], [depth]);
    });
});
