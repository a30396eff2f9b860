// The label and name indexes (workspace/selectorIndex, WorkspaceIndex lookups) against a scan of
// every object: random workspaces of Deployments, Services and PodDisruptionBudgets (map and
// label selectors, matchExpressions, empty selectors), files set and removed in random order.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { WorkspaceIndex, selectorMatches, sortObjects } from '../../../server/src/workspace/workspaceIndex';
import type { IndexedObject } from '../../../server/src/workspace/indexedObject';

const KEYS = ['app', 'tier', 'env'];
const VALUES = ['a', 'b', 'c'];
const NAMESPACES = ['default', 'team'];

const labels = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 3 });
const expression = fc.record({
  key: fc.constantFrom(...KEYS),
  operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'),
  values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }),
});
const meta = { name: fc.constantFrom('web', 'api', 'db', 'cache'), namespace: fc.constantFrom(...NAMESPACES) };

const manifest = fc.oneof(
  fc.record({ ...meta, labels }).map(({ name, namespace, labels: l }) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { selector: { matchLabels: l }, template: { metadata: { labels: l }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
  })),
  fc
    .record({ ...meta, selector: labels })
    .map(({ name, namespace, selector }) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector, ports: [{ port: 80 }] } })),
  fc.record({ ...meta, matchLabels: labels, exprs: fc.array(expression, { maxLength: 2 }) }).map(({ name, namespace, matchLabels, exprs }) => ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace },
    spec: { minAvailable: 1, selector: { matchLabels, ...(exprs.length ? { matchExpressions: exprs } : {}) } },
  })),
);

// A step: file i gets these documents (JSON is YAML), or is removed.
const step = fc.record({ file: fc.nat({ max: 5 }), docs: fc.option(fc.array(manifest, { minLength: 1, maxLength: 3 }), { nil: undefined }) });

function build(steps: { file: number; docs?: object[] }[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const s of steps) {
    const uri = `file:///w/f${s.file}.yaml`;
    if (s.docs) index.setDiskFile(uri, s.docs.map((d) => JSON.stringify(d)).join('\n---\n') + '\n');
    else index.removeDiskFile(uri);
  }
  return index;
}

const ids = (list: readonly IndexedObject[]) => list.map((o) => `${o.uri}:${o.line}:${o.kind}/${o.name}`);

describe('selector and name indexes = a scan of every object (property)', () => {
  it('podsMatching, selectorsSelecting, anySelects, named and ofKindIn', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.array(labels, { minLength: 1, maxLength: 4 }), (steps, probes) => {
        const index = build(steps);
        const all = index.allObjects();
        const scan = (pred: (o: IndexedObject) => boolean) => sortObjects(all.filter(pred));
        for (const s of all.filter((o) => o.selector)) {
          assert.deepEqual(
            ids(index.podsMatching(s.namespace, s.selector!)),
            ids(scan((o) => !!o.pod && o.namespace === s.namespace && selectorMatches(s.selector!, o.pod.labels))),
          );
        }
        const podLabels = [...probes, ...all.filter((o) => o.pod).map((o) => o.pod!.labels)];
        for (const ns of NAMESPACES) {
          for (const l of podLabels) {
            const selecting = scan((o) => !!o.selector && o.namespace === ns && selectorMatches(o.selector, l));
            assert.deepEqual(ids(index.selectorsSelecting(ns, l)), ids(selecting));
            assert.equal(
              index.anySelects(ns, l, 'PodDisruptionBudget'),
              selecting.some((o) => o.kind === 'PodDisruptionBudget'),
            );
            assert.equal(index.anySelects(ns, l), selecting.length > 0);
          }
          for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget']) {
            assert.deepEqual(ids(index.ofKindIn(kind, ns)), ids(scan((o) => o.kind === kind && o.namespace === ns)));
            assert.equal(index.podOwnerCount(ns), all.filter((o) => o.pod && o.namespace === ns).length);
          }
        }
        for (const kind of ['Deployment', 'Service'])
          for (const name of ['web', 'api', 'db', 'cache'])
            assert.deepEqual(ids(index.named(kind, name)), ids(scan((o) => o.kind === kind && o.name === name)));
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });

  it('an empty label selector selects every template of its namespace; an empty Service selector selects what the scan says', () => {
    const index = build([
      {
        file: 0,
        docs: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'a' },
            spec: {
              selector: { matchLabels: { app: 'a' } },
              template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'i' }] } },
            },
          },
        ],
      },
      { file: 1, docs: [{ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'all' }, spec: { minAvailable: 1, selector: {} } }] },
    ]);
    assert.deepEqual(ids(index.selectorsSelecting('default', { app: 'a' })), ['file:///w/f1.yaml:0:PodDisruptionBudget/all']);
    assert.equal(index.anySelects('default', { other: 'x' }, 'PodDisruptionBudget'), true);
  });
});
