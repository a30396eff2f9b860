import { strict as assert } from 'node:assert';
import { splitDocuments } from '../../../server/src/yaml/splitDocuments';
import { parseFile, ChunkCache } from '../../../server/src/yaml/parsedFile';

describe('splitDocuments', () => {
  const cases: [string, string, { line: number; text: string }[]][] = [
    ['one document', 'a: 1\n', [{ line: 0, text: 'a: 1\n' }]],
    ['leading marker', '---\na: 1\n', [{ line: 0, text: '---\na: 1\n' }]],
    [
      'two documents',
      'a: 1\n---\nb: 2\n',
      [
        { line: 0, text: 'a: 1\n' },
        { line: 1, text: '---\nb: 2\n' },
      ],
    ],
    [
      'marker with comment',
      'a: 1\n--- # next\nb: 2',
      [
        { line: 0, text: 'a: 1\n' },
        { line: 1, text: '--- # next\nb: 2' },
      ],
    ],
    ['not a marker', 'a: "---"\nb: ----\n', [{ line: 0, text: 'a: "---"\nb: ----\n' }]],
    [
      'CRLF',
      'a: 1\r\n---\r\nb: 2\r\n',
      [
        { line: 0, text: 'a: 1\r\n' },
        { line: 1, text: '---\r\nb: 2\r\n' },
      ],
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () =>
      assert.deepEqual(
        splitDocuments(text).map((c) => ({ line: c.line, text: c.text })),
        expected,
      ),
    );
  }

  it('re-uses unchanged documents between versions', () => {
    const cache = new ChunkCache();
    const v1 = parseFile('a: 1\n---\nb: 2\n', cache);
    const v2 = parseFile('a: 1\n---\nb: 3\n', cache);
    assert.equal(v1.documents[0].chunk, v2.documents[0].chunk);
    assert.notEqual(v1.documents[1].chunk, v2.documents[1].chunk);
  });

  it('reads `# kubemate: disable` at the top', () => {
    assert.equal(parseFile('# kubemate: disable\nkind: Pod\n').disabled, true);
    assert.equal(parseFile('kind: Pod\n# kubemate: disable\n').disabled, false);
  });
});

describe('reparseFile: an edit re-splits only what it touched', () => {
  const { reparseFile } = require('../../../server/src/yaml/parsedFile') as typeof import('../../../server/src/yaml/parsedFile');
  const { SeededIds } = require('../../../server/src/util/seededIds') as typeof import('../../../server/src/util/seededIds');
  const shape = (f: ReturnType<typeof parseFile>) => f.documents.map((d) => ({ index: d.index, start: d.start, line: d.line, text: d.chunk.text }));
  const base = [
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
    '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n',
    '---\n# c\nkind: Pod\n',
    '--- \nx: 1\n',
  ].join('');
  const pieces = ['', 'a', '\n', '---\n', 'x: 2\n', '--', '-', ' ', '\r\n', '---', 'kind: Job\n'];

  it('gives the same documents as a fresh parse for 1,000 random edits', () => {
    const ids = new SeededIds(42);
    const cache = new ChunkCache();
    let text = base;
    let file = parseFile(text, cache);
    for (let i = 0; i < 1000; i++) {
      const from = Math.floor(ids.next() * (text.length + 1));
      const to = Math.min(text.length, from + Math.floor(ids.next() * 6));
      const insert = pieces[Math.floor(ids.next() * pieces.length)];
      if (text.length > 400) {
        text = base;
        file = parseFile(text, cache);
        continue;
      }
      text = text.slice(0, from) + insert + text.slice(to);
      file = reparseFile(file, text, cache, { start: from, end: to, inserted: insert.length });
      assert.deepEqual(shape(file), shape(parseFile(text)), `after edit ${i}: ${JSON.stringify(text)}`);
    }
  });

  it('carries unchanged documents over, shifted by the edit', () => {
    const cache = new ChunkCache();
    const v1 = parseFile(base, cache);
    const at = base.indexOf('name: a') + 'name: '.length;
    const v2 = reparseFile(v1, base.replace('name: a', 'name: aa\n  labels: {}'), cache, { start: at, end: at + 1, inserted: 15 });
    assert.notEqual(v2.documents[0].chunk, v1.documents[0].chunk);
    assert.equal(v2.documents[1].chunk, v1.documents[1].chunk);
    assert.equal(v2.documents[1].line, v1.documents[1].line + 1);
    assert.equal(v2.documents[3].start, v1.documents[3].start + 14);
  });
});

describe('ChunkCache: an LRU bounded by text size', () => {
  it('evicts the least recently used texts beyond its characters', () => {
    const cache = new ChunkCache(100, 12);
    const a = cache.get('a: 1\n');
    const b = cache.get('b: 2\n');
    assert.equal(cache.get('a: 1\n'), a, 'a hit is the same chunk');
    cache.get('c: 3\n'); // 15 characters: b, the least recently used, goes
    assert.deepEqual(cache.held, { entries: 2, chars: 10 });
    assert.equal(cache.get('a: 1\n'), a);
    assert.notEqual(cache.get('b: 2\n'), b, 'b was evicted: parsed again');
  });

  it("a full re-parse re-uses the previous version's chunks even when the cache evicted them", () => {
    const cache = new ChunkCache(0, 0);
    const v1 = parseFile('a: 1\n---\nb: 2\n', cache);
    const v2 = parseFile('a: 1\n---\nb: 3\n', cache, v1);
    assert.equal(v2.documents[0].chunk, v1.documents[0].chunk);
    assert.notEqual(v2.documents[1].chunk, v1.documents[1].chunk);
    assert.deepEqual(cache.held, { entries: 0, chars: 0 });
  });
});
