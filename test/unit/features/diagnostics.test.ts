import { strict as assert } from 'node:assert';
import { diagnose, rows } from '../../helpers/check';

const deployment = (spec: string) => 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n' + spec;

describe('diagnostics', () => {
  const cases: [string, string, string[]][] = [
    [
      'a valid Deployment',
      deployment(
        `  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx\n`,
      ),
      [],
    ],
    ['YAML syntax error', 'apiVersion: v1\nkind: Pod\nmetadata: {name: [\n', ['4:1 yaml-syntax']],
    ['duplicate key', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n', ['5:3 duplicate-key']],
    ['unknown field', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndatas: {}\n', ['5:1 unknown-field']],
    ['wrong type', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n    - port: "80"\n', ['7:13 wrong-type']],
    ['missing required field', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - image: nginx\n', ['7:7 missing-required']],
    ['invalid enum', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  type: ClusterIp\n  ports: [{port: 80}]\n', ['6:9 invalid-enum']],
    [
      'malformed quantity',
      'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: a\nspec:\n  limits:\n    - type: Container\n      max: {cpu: 1 core, memory: 300mb}\n',
      ['8:18 invalid-quantity', '8:34 invalid-quantity'],
    ],
    [
      'memory in millibytes',
      'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: a\nspec:\n  limits: [{type: Container, max: {memory: 128m, cpu: 100m}}]\n',
      ['6:44 fractional-bytes'],
    ],
    ['missing apiVersion', 'kind: ConfigMap\nmetadata:\n  name: a\n', ['1:1 missing-api-version']],
    ['missing kind', 'apiVersion: v1\nmetadata:\n  name: a\n', ['1:1 missing-kind']],
    ['unknown apiVersion', 'apiVersion: apps/v2\nkind: Deployment\nmetadata:\n  name: a\n', ['1:13 unknown-api-version']],
    ['kind not in that apiVersion', 'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: a\n', ['1:13 kind-not-in-version']],
    ['kind with the wrong case', 'apiVersion: v1\nkind: configmap\nmetadata:\n  name: a\n', ['2:7 unknown-kind']],
    ['removed API', 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: a\n', ['1:13 removed-api']],
    ['custom resource is a note', 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: a\n', ['2:7 custom-resource']],
    [
      'selector does not match labels',
      deployment(
        `  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers: [{name: web, image: nginx}]\n`,
      ),
      ['10:7 selector-mismatch'],
    ],
    ['invalid name', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Config\n', ['4:9 invalid-name']],
    ['Service name must be a DNS-1035 label', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports: [{port: 80}]\n', ['4:9 invalid-name']],
    ['invalid label value', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    app: -bad-\n', ['6:10 invalid-label']],
    [
      'duplicate container names',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - {name: web, image: a}\n    - {name: web, image: b}\n',
      ['8:14 duplicate-container-name'],
    ],
    [
      'port out of range',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: web\n      image: a\n      ports: [{containerPort: 70000}]\n',
      ['9:31 invalid-port'],
    ],
    [
      'duplicate port names',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: web\n      image: a\n      ports: [{name: http, containerPort: 80}, {name: http, containerPort: 81}]\n',
      ['9:55 duplicate-port'],
    ],
    [
      'requests above limits',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: web\n      image: a\n      resources:\n        requests: {cpu: "2"}\n        limits: {cpu: "1"}\n',
      ['10:20 requests-exceed-limits'],
    ],
    [
      'null is accepted',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  creationTimestamp: null\nspec:\n  ports: [{port: 80}]\nstatus:\n  loadBalancer: {}\n',
      [],
    ],
    [
      'int-or-string and quantity as numbers',
      'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: a\nspec:\n  limits: [{type: Container, max: {memory: 256000}}]\n',
      [],
    ],
    [
      'kind: List items are checked',
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n    datax: {}\n',
      ['7:5 unknown-field'],
    ],
    ['Helm templates are skipped', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n', []],
    ['docker-compose is not Kubernetes', 'version: "3"\nservices:\n  web:\n    image: nginx\n', []],
    ['Helm Chart.yaml is not Kubernetes', 'apiVersion: v2\nname: mychart\nversion: 0.1.0\n', []],
    ['GitHub workflow is not Kubernetes', 'name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n', []],
    ['disabled file', '# kubemate: disable\napiVersion: v1\nkind: Nope\n', []],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(rows(text), expected));

  it('bounds alias expansion (billion laughs) with an error instead of a hang', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(96 + i),
        n = String.fromCharCode(97 + i);
      levels.push(
        `${n}: &${n} [${Array(9)
          .fill('*' + p)
          .join(', ')}]`,
      );
    }
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n' + levels.join('\n') + '\n';
    assert.deepEqual(rows(text), ['1:1 yaml-syntax']);
  });

  it('CLI on an explicit file treats every document as a manifest', () => {
    assert.deepEqual(rows('key: value\n', true), ['1:1 missing-kind']);
    assert.deepEqual(rows('key: value\n', false), []);
  });

  it('uses the upstream message for API rules', () => {
    const d = diagnose(
      deployment(
        `  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers: [{name: web, image: nginx}]\n`,
      ),
    );
    assert.equal(d[0].message, 'spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`');
  });

  it('suggests the closest field and enum value', () => {
    const d = diagnose('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replica: 2\n  strategy: {type: Rolling}\n');
    const unknown = d.find((x) => x.code === 'unknown-field')!;
    assert.match(unknown.message, /Did you mean "replicas"\?/);
    assert.equal(unknown.data?.replacement, 'replicas');
    assert.equal(d.find((x) => x.code === 'invalid-enum')?.data?.replacement, 'RollingUpdate');
  });

  it('ranges cover the offending key or value, not the document', () => {
    const [d] = diagnose(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: b\n      imagePullPolicy: Sometimes\n',
    );
    assert.deepEqual(d.range, { start: { line: 8, character: 23 }, end: { line: 8, character: 32 } });
  });
});
