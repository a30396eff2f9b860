// A file a kustomization names as a patch holds a partial manifest: checked for its shape only.
import { strict as assert } from 'node:assert';
import { loadSchema } from '../../../server/src/schema/schema';
import { checkFiles } from '../../../server/src/pipeline/checkFiles';

const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deploy.yaml]\npatches:\n  - path: patch.yaml\n';
const PATCH =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          resources:\n            limits:\n              memory: 256Mi\n';

function codes(files: Record<string, string>, file: string): string[] {
  const inputs = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text, explicit: false }));
  const out = checkFiles(loadSchema(), inputs, { lint: { enabled: true, rules: {} } });
  return out
    .find((f) => f.uri === `file:///ws/${file}`)!
    .findings.map((f) => f.code)
    .sort();
}

describe('kustomize patch files', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['named by a kustomization: no required fields, no lints', { 'kustomization.yaml': KUSTOMIZATION, 'patch.yaml': PATCH }, []],
    [
      'still checked for unknown fields and types',
      { 'kustomization.yaml': KUSTOMIZATION, 'patch.yaml': PATCH.replace('limits:', 'limitz:') },
      ['unknown-field'],
    ],
    [
      'patchesStrategicMerge names count too',
      { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatchesStrategicMerge: [patch.yaml]\n', 'patch.yaml': PATCH },
      [],
    ],
  ];
  for (const [name, files, want] of cases) it(name, () => assert.deepEqual(codes(files, 'patch.yaml'), want));

  it('the same file without a kustomization is a whole manifest again', () => {
    const found = codes({ 'patch.yaml': PATCH }, 'patch.yaml');
    assert.ok(found.includes('missing-required') && found.includes('required-value'), found.join());
  });
});
