// "Change to …" fixes: the suggestion replaces only the misspelt word, quotes and comments stay.
import { strict as assert } from 'node:assert';
import { applyFix, actionsFor } from './fixHelper';

describe('quick fix: replace with the suggestion', () => {
  const cases: [string, string, string, string][] = [
    [
      'unknown-field',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 2 # two\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2 # two\n',
      'Change to "replicas"',
    ],
    [
      'invalid-enum',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  type: "ClusterIp"\n  ports: [{port: 80}]\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  type: "ClusterIP"\n  ports: [{port: 80}]\n',
      'Change to "ClusterIP"',
    ],
    [
      'unknown-kind',
      'apiVersion: v1\nkind: configmap\nmetadata:\n  name: a\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
      'Change to "ConfigMap"',
    ],
    [
      'kind-not-in-version',
      'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: a\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n',
      'Change to "apps/v1"',
    ],
    [
      'unknown-api-version',
      "apiVersion: 'apps/v2'\nkind: Deployment\nmetadata:\n  name: a\n",
      "apiVersion: 'apps/v1'\nkind: Deployment\nmetadata:\n  name: a\n",
      'Change to "apps/v1"',
    ],
    [
      'missing-api-version',
      '# web config\nkind: ConfigMap\nmetadata:\n  name: a\n',
      '# web config\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
      'Add apiVersion: v1',
    ],
    [
      'missing-api-version',
      'apiVersion:\nkind: Deployment\nmetadata:\n  name: a\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n',
      'Add apiVersion: apps/v1',
    ],
    [
      'pull-always-with-digest',
      `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: nginx@sha256:${'a'.repeat(64)}\n      imagePullPolicy: Always\n`,
      `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: nginx@sha256:${'a'.repeat(64)}\n      imagePullPolicy: IfNotPresent\n`,
      'Change to "IfNotPresent"',
    ],
    [
      'probe-port-not-exposed',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: "a:1"\n      ports: [{name: http, containerPort: 80}]\n      readinessProbe: {httpGet: {port: htp}}\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: "a:1"\n      ports: [{name: http, containerPort: 80}]\n      readinessProbe: {httpGet: {port: http}}\n',
      'Change to "http"',
    ],
    [
      'deprecated-service-account',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  serviceAccount: robot\n  containers: [{name: a, image: "a:1"}]\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  serviceAccountName: robot\n  containers: [{name: a, image: "a:1"}]\n',
      'Change to "serviceAccountName"',
    ],
  ];
  for (const [code, before, after, title] of cases) {
    it(`${code}: ${title}`, () => {
      assert.equal(applyFix(before, code, new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)), after);
    });
  }

  it('is the preferred fix', () => {
    const [first] = actionsFor('apiVersion: v1\nkind: configmap\nmetadata:\n  name: a\n', 'unknown-kind');
    assert.equal(first.isPreferred, true);
  });

  it('works in the second document of a file', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Secrett\nmetadata:\n  name: b\n';
    assert.equal(applyFix(text, 'unknown-kind', /Secret/), text.replace('Secrett', 'Secret'));
  });
});
