// kustomization.yaml has a schema of its own: completed and validated, Helm charts noted.
import { strict as assert } from 'node:assert';
import { loadSchema } from '../../../server/src/schema/schema';
import { parseFile } from '../../../server/src/yaml/parsedFile';
import { completion } from '../../../server/src/features/completion/completion';
import { rows } from '../../helpers/check';
import { caret } from '../../helpers/caret';

const head = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';

describe('kustomization.yaml schema', () => {
  const cases: [string, string, string[]][] = [
    [
      'a full, valid Kustomization',
      head +
        [
          'resources: [deploy.yaml, ../base]',
          'namespace: web',
          'namePrefix: dev-',
          'nameSuffix: -v1',
          'commonLabels: {app: web}',
          'labels: [{pairs: {team: a}, includeSelectors: false}]',
          'images: [{name: nginx, newName: registry.local/nginx, newTag: "1.27"}]',
          'replicas: [{name: web, count: 2}]',
          'configMapGenerator: [{name: cfg, literals: [A=1], behavior: create}]',
          'secretGenerator: [{name: s, files: [key.pem], type: Opaque}]',
          'generatorOptions: {disableNameSuffixHash: true}',
          'patches: [{path: patch.yaml, target: {kind: Deployment, name: web}}]',
          '',
        ].join('\n'),
      [],
    ],
    ['no metadata.name needed', head + 'resources: [a.yaml]\n', []],
    ['a misspelt field', head + 'resource: [a.yaml]\n', ['3:1 unknown-field']],
    ['resources is a list', head + 'resources: a.yaml\n', ['3:12 wrong-type']],
    ['an image needs its name', head + 'images: [{newTag: v2}]\n', ['3:11 missing-required']],
    ['a generator behavior is an enum', head + 'configMapGenerator: [{name: c, behavior: add}]\n', ['3:42 invalid-enum']],
    ['replicas count is an integer', head + 'replicas: [{name: web, count: two}]\n', ['3:31 wrong-type']],
    [
      'helmCharts: a note that Helm is not rendered',
      head + 'helmCharts:\n  - {name: redis, repo: https://charts.example.com, version: 1.0.0}\n',
      ['3:1 helm-not-rendered'],
    ],
    ['a Component too', 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches: [{path: p.yaml}]\n', []],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(rows(text), expected));

  it('completes the Kustomization fields', () => {
    const { text, offset } = caret(head + '|\n');
    const got = completion(loadSchema(), parseFile(text), offset, ['en']).map((i) => i.label);
    for (const f of ['resources', 'namespace', 'namePrefix', 'images', 'configMapGenerator', 'patches', 'helmCharts']) assert.ok(got.includes(f), f);
  });
});
