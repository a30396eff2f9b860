// Every snippet in snippets/kubernetes.json, expanded with its defaults (fragments inserted where
// they belong), passes `kubemate check` with zero errors and is accepted by the simulated API
// server; names typed once fill labels, selectors and the Service selector.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { diagnose } from '../helpers/check';
import { expandSnippet, insertAt } from '../helpers/snippet';
import { Simulator } from '../../server/src/cluster/simulator';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const SNIPPETS = JSON.parse(readFileSync('snippets/kubernetes.json', 'utf8')) as Record<string, Snippet>;

const CONTAINER_HOST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: host
spec:
  replicas: 1
  selector:
    matchLabels:
      app: host
  template:
    metadata:
      labels:
        app: host
    spec:
      containers:
        - name: host
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
          SNIPPET
`;

const SPEC_HOST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: host
spec:
  replicas: 1
  SNIPPET
  selector:
    matchLabels:
      app: host
  template:
    metadata:
      labels:
        app: host
    spec:
      containers:
        - name: host
          image: nginx:1.27
`;

/** Fragments are inserted into a host manifest at the level they are written for. */
const HOSTS: Record<string, string> = {
  'k8s-probes': CONTAINER_HOST,
  'k8s-resources': CONTAINER_HOST,
  'k8s-env-configmap': CONTAINER_HOST,
  'k8s-env-secret': CONTAINER_HOST,
  'k8s-rolling-update': SPEC_HOST,
};

function manifest(s: Snippet): string {
  const expanded = expandSnippet(s.body);
  const host = HOSTS[s.prefix];
  return host ? insertAt(host, 'SNIPPET', expanded) : expanded;
}

describe('snippets', () => {
  const all = Object.values(SNIPPETS);

  it('has at least 15 snippets, all prefixed k8s-, with Chinese and English descriptions', () => {
    assert.ok(all.length >= 15, `${all.length} snippets`);
    for (const s of all) {
      assert.match(s.prefix, /^k8s-[a-z-]+$/);
      assert.match(s.description, /[\u4e00-\u9fff]/, `${s.prefix}: Chinese`);
      assert.match(s.description, / \/ [A-Za-z]/, `${s.prefix}: English after " / "`);
    }
    const prefixes = all.map((s) => s.prefix);
    for (const want of [
      'k8s-deployment',
      'k8s-service',
      'k8s-service-nodeport',
      'k8s-configmap',
      'k8s-secret',
      'k8s-ingress',
      'k8s-statefulset',
      'k8s-daemonset',
      'k8s-job',
      'k8s-cronjob',
      'k8s-hpa',
      'k8s-pvc',
      'k8s-namespace',
      'k8s-probes',
      'k8s-resources',
      'k8s-env-configmap',
      'k8s-env-secret',
    ]) {
      assert.ok(prefixes.includes(want), want);
    }
    assert.equal(new Set(prefixes).size, prefixes.length, 'unique prefixes');
  });

  for (const [name, s] of Object.entries(SNIPPETS)) {
    it(`${s.prefix} (${name}) expands to a manifest with no error diagnostics that the API server accepts`, () => {
      const text = manifest(s);
      const errors = diagnose(text).filter((d) => d.severity === 'error');
      assert.deepEqual(
        errors.map((d) => `${d.range.start.line + 1}:${d.code} ${d.message}`),
        [],
        text,
      );
      const objects = parseAllDocuments(text)
        .map((d) => d.toJS() as Record<string, unknown>)
        .filter(Boolean);
      const r = Simulator.create().apply(objects.map((obj) => ({ obj })));
      assert.deepEqual(
        r.failures.map((f) => f.message),
        [],
        text,
      );
    });
  }

  it('the Deployment name fills its labels, selector, container and the Service selector', () => {
    const docs = parseAllDocuments(expandSnippet(SNIPPETS['Deployment + Service'].body).replace(/k8s-combat/g, 'shop')).map((d) => d.toJS());
    const [dep, svc] = docs;
    assert.equal(dep.metadata.name, 'shop');
    assert.deepEqual(dep.spec.selector.matchLabels, { app: 'shop' });
    assert.deepEqual(dep.spec.template.metadata.labels, { app: 'shop' });
    assert.equal(svc.metadata.name, 'shop');
    assert.deepEqual(svc.spec.selector, { app: 'shop' });
    // The name is one tab stop: every occurrence after the first mirrors it.
    const body = SNIPPETS['Deployment + Service'].body.join('\n');
    assert.equal((body.match(/\$\{1:/g) ?? []).length, 1);
    assert.ok((body.match(/\$1\b/g) ?? []).length >= 6);
  });
});
