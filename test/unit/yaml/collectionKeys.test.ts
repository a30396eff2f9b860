// Regression found by the fuzz harness (seed 1, inputs 17, 42, 54, 79): a mapping key that is a
// collection (`? [a]: b`, or a line whose indentation made a flow map a key) made the yaml
// package print "Keys with collection values will be stringified" as a process warning, which
// the language server's log showed as an error on every keystroke. Parsing stays silent.
import { strict as assert } from 'node:assert';
import { chunkValue, parseChunk } from '../../../server/src/yaml/parsedChunk';

describe('yaml: collection keys', () => {
  const texts = ['? [a, b]\n: c\n', '{name: x}: y\n', 'spec:\n  ? {ports: [80]}\n  : z\n'];
  for (const text of texts) {
    it(`${JSON.stringify(text)} → a value, no process warning`, async () => {
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on('warning', onWarning);
      try {
        const v = chunkValue(parseChunk(text));
        assert.equal(v.error, undefined);
        assert.equal(typeof v.value, 'object');
        await new Promise((r) => setImmediate(r));
      } finally {
        process.off('warning', onWarning);
      }
      assert.deepEqual(warnings, []);
    });
  }
});
