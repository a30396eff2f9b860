import { strict as assert } from 'node:assert';
import { parseFile, documentAt } from '../../../server/src/yaml/parsedFile';
import { locate } from '../../../server/src/yaml/locate';
import { caret } from '../../helpers/caret';

function where(source: string): string {
  const { text, offset } = caret(source);
  const file = parseFile(text);
  const d = documentAt(file, offset);
  const loc = locate(d.chunk, offset - d.start);
  return `${loc.target} ${loc.path.join('.')}`;
}

describe('locate: offset → YAML path', () => {
  const cases: [string, string, string][] = [
    ['key', 'apiVersion: v1\nki|nd: Pod\n', 'key kind'],
    ['value', 'apiVersion: v1\nkind: Po|d\n', 'value kind'],
    ['nested key', 'spec:\n  repl|icas: 2\n', 'key spec.replicas'],
    ['value being typed', 'spec:\n  template:\n    spec:\n      restartPolicy: |\n', 'value spec.template.spec.restartPolicy'],
    ['blank line under a key', 'spec:\n  |\n', 'blank spec'],
    ['blank line among siblings', 'spec:\n  replicas: 1\n  |\n  paused: false\n', 'blank spec'],
    ['blank line back at the root', 'spec:\n  replicas: 1\n|\n', 'blank '],
    ['new list item', 'spec:\n  containers:\n    - |\n', 'blank spec.containers.0'],
    ['second list item', 'spec:\n  containers:\n    - name: a\n    - |\n', 'blank spec.containers.1'],
    ['key inside a list item', 'spec:\n  containers:\n    - name: a\n      |\n', 'blank spec.containers.0'],
    ['key being typed in a list item', 'spec:\n  containers:\n    - name: a\n      ima|\n', 'key spec.containers.0.ima'],
    ['flow style', 'metadata: {name: web, labels: {app: w|eb}}\n', 'value metadata.labels.app'],
    ['second document', 'kind: A\n---\nspec:\n  |\n', 'blank spec'],
    ['CRLF line endings', 'spec:\r\n  repl|icas: 2\r\n', 'key spec.replicas'],
  ];
  for (const [name, source, expected] of cases) {
    it(name, () => assert.equal(where(source), expected));
  }
});
