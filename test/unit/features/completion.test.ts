import { strict as assert } from 'node:assert';
import { loadSchema } from '../../../server/src/schema/schema';
import { parseFile } from '../../../server/src/yaml/parsedFile';
import { completion } from '../../../server/src/features/completion/completion';
import { caret } from '../../helpers/caret';

function labels(source: string): string[] {
  const { text, offset } = caret(source);
  return completion(loadSchema(), parseFile(text), offset, ['en']).map((i) => i.label);
}

function item(source: string, label: string) {
  const { text, offset } = caret(source);
  return completion(loadSchema(), parseFile(text), offset, ['en']).find((i) => i.label === label);
}

const head = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';

describe('completion', () => {
  it('offers the keys of the object at the cursor, required first, minus those present', () => {
    const got = labels(head + 'spec:\n  replicas: 1\n  |\n');
    assert.deepEqual(got.slice(0, 2).sort(), ['selector', 'template']);
    assert.ok(got.includes('strategy'));
    assert.ok(!got.includes('replicas'));
  });
  it('inserts a nested block for objects and a list item for lists', () => {
    assert.equal(item(head + 'spec:\n  |\n', 'template')?.insertText, 'template:\n  $0');
    assert.equal(item(head + 'spec:\n  template:\n    spec:\n      |\n', 'containers')?.insertText, 'containers:\n  - $0');
  });
  it('completes a key being typed', () => {
    const got = labels(head + 'spec:\n  template:\n    spec:\n      containers:\n        - name: a\n          ima|\n');
    assert.ok(got.includes('image') && got.includes('imagePullPolicy'));
  });
  it('completes inside a new list item', () => {
    assert.ok(labels(head + 'spec:\n  template:\n    spec:\n      containers:\n        - |\n').includes('image'));
  });
  it('offers enum values and booleans', () => {
    assert.deepEqual(labels(head + 'spec:\n  template:\n    spec:\n      containers:\n        - name: a\n          imagePullPolicy: |\n'), [
      'Always',
      'IfNotPresent',
      'Never',
    ]);
    assert.deepEqual(labels(head + 'spec:\n  paused: |\n'), ['true', 'false']);
  });
  it('keeps apiVersion and kind consistent', () => {
    const kinds = labels('apiVersion: apps/v1\nkind: |\n');
    assert.ok(kinds.includes('Deployment') && kinds.includes('StatefulSet'));
    assert.ok(!kinds.includes('Service'));
    assert.deepEqual(labels('apiVersion: |\nkind: Ingress\n'), ['networking.k8s.io/v1']);
  });
  it('inserts a kind skeleton in an empty document', () => {
    const skeleton = item('|', 'Deployment')?.insertText ?? '';
    assert.match(skeleton, /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}name: \$\{1:app\}/);
    assert.match(skeleton, /selector:\n {4}matchLabels:\n {6}app: \$\{1:app\}/);
    assert.match(skeleton, /containers:\n {8}- name: \$\{1:app\}\n {10}image: \$\{\d+:nginx:1\.27\}/);
  });
  it('offers nothing in non-Kubernetes YAML below the root', () => {
    assert.deepEqual(labels('services:\n  web:\n    |\n'), []);
  });
});
