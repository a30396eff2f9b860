import { strict as assert } from 'node:assert';
import { splitDocuments } from '../../../server/src/yaml/splitDocuments';
import { parseFile, ChunkCache } from '../../../server/src/yaml/parsedFile';

describe('splitDocuments', () => {
  const cases: [string, string, { line: number; text: string }[]][] = [
    ['one document', 'a: 1\n', [{ line: 0, text: 'a: 1\n' }]],
    ['leading marker', '---\na: 1\n', [{ line: 0, text: '---\na: 1\n' }]],
    ['two documents', 'a: 1\n---\nb: 2\n', [{ line: 0, text: 'a: 1\n' }, { line: 1, text: '---\nb: 2\n' }]],
    ['marker with comment', 'a: 1\n--- # next\nb: 2', [{ line: 0, text: 'a: 1\n' }, { line: 1, text: '--- # next\nb: 2' }]],
    ['not a marker', 'a: "---"\nb: ----\n', [{ line: 0, text: 'a: "---"\nb: ----\n' }]],
    ['CRLF', 'a: 1\r\n---\r\nb: 2\r\n', [{ line: 0, text: 'a: 1\r\n' }, { line: 1, text: '---\r\nb: 2\r\n' }]],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(splitDocuments(text).map((c) => ({ line: c.line, text: c.text })), expected));
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
