import { strict as assert } from 'node:assert';
import { parseFile } from '../../../server/src/yaml/parsedFile';
import { documentSymbols } from '../../../server/src/features/symbols/documentSymbols';

describe('document symbols', () => {
  it('one symbol per document with its top-level structure', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: k8s-combat\nspec:\n  replicas: 2\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: k8s-combat\n';
    const symbols = documentSymbols(parseFile(text));
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Deployment k8s-combat', 'Service k8s-combat'],
    );
    assert.deepEqual(
      symbols[0].children.map((c) => c.name),
      ['apiVersion', 'kind', 'metadata', 'spec'],
    );
    assert.deepEqual(
      symbols[0].children[3].children.map((c) => `${c.name}=${c.detail}`),
      ['replicas=2'],
    );
    assert.equal(text.slice(symbols[1].selectionStart, symbols[1].selectionEnd), 'Service');
  });
});
