// metadata.generation as the API server keeps it: 1 on create and + 1 per spec change only for the
// kinds whose registry strategy tracks it (workloads, Pods, Ingresses, PDBs, custom resources …),
// none for ConfigMaps, Secrets, Services, Namespaces or Events; + 1 on a pod's graceful delete.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../server/src/cluster/simulator';
import type { ImageBehaviour } from '../../../server/src/cluster/runtime/simulationProfile';
import { tracksGeneration } from '../../../server/src/k8s/generation';

const src = { file: 't.yaml', line: 1 };
const obj = (apiVersion: string, kind: string, name: string, rest: Record<string, unknown>) => ({
  obj: { apiVersion, kind, metadata: { name, namespace: 'default' }, ...rest },
  source: src,
});
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };

describe('cluster/metadata.generation', () => {
  // kind → does the API server keep a generation for it
  const kinds: [string, boolean][] = [
    ['Deployment', true],
    ['ReplicaSet', true],
    ['StatefulSet', true],
    ['DaemonSet', true],
    ['Job', true],
    ['CronJob', true],
    ['Pod', true],
    ['Ingress', true],
    ['NetworkPolicy', true],
    ['PodDisruptionBudget', true],
    ['EndpointSlice', true],
    ['CustomResourceDefinition', true],
    ['HTTPRoute', true],
    ['Certificate', true],
    ['ConfigMap', false],
    ['Secret', false],
    ['Service', false],
    ['Endpoints', false],
    ['Namespace', false],
    ['Node', false],
    ['Event', false],
    ['HorizontalPodAutoscaler', false],
    ['PersistentVolumeClaim', false],
    ['ServiceAccount', false],
  ];
  for (const [kind, tracked] of kinds) it(`${kind}: ${tracked ? 'generation kept' : 'no generation'}`, () => assert.equal(tracksGeneration(kind), tracked));

  it('apply: what each object carries after create, then after a spec change and a data change', () => {
    const sim = Simulator.create();
    const manifests = (replicas: number, data: string) => [
      obj('apps/v1', 'Deployment', 'web', { spec: { replicas, selector: { matchLabels: { app: 'web' } }, template } }),
      obj('v1', 'Service', 'web', { spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }),
      obj('v1', 'ConfigMap', 'web', { data: { mode: data } }),
    ];
    const generations = () =>
      ['Deployment', 'ReplicaSet', 'Pod', 'Service', 'ConfigMap', 'Endpoints', 'EndpointSlice', 'Event'].map(
        (kind) => `${kind} ${[...new Set(sim.store.list(kind, 'default').map((o) => o.metadata.generation ?? '-'))].join(',')}`,
      );
    sim.apply(manifests(1, 'a'));
    assert.deepEqual(generations(), ['Deployment 1', 'ReplicaSet 1', 'Pod 1', 'Service -', 'ConfigMap -', 'Endpoints -', 'EndpointSlice 1', 'Event -']);
    sim.apply(manifests(2, 'b'));
    // replicas 1 → 2 is a spec change of the Deployment (and, through the controller, of its ReplicaSet)
    assert.deepEqual(generations(), ['Deployment 2', 'ReplicaSet 2', 'Pod 1', 'Service -', 'ConfigMap -', 'Endpoints -', 'EndpointSlice 1', 'Event -']);
  });

  it('a pod being deleted gracefully: generation + 1 when deletionTimestamp is set', () => {
    const simulation: ImageBehaviour[] = [{ image: 'web:stop20', terminationSeconds: 20 }];
    const sim = Simulator.create({ simulation });
    sim.apply([obj('v1', 'Pod', 'p', { spec: { containers: [{ name: 'app', image: 'web:stop20' }] } })]);
    assert.equal(sim.get('Pod', 'default', 'p')?.metadata.generation, 1);
    sim.mutate((_store, api) => {
      api.remove(sim.get('Pod', 'default', 'p')!);
      return { ok: true, lines: [] };
    });
    const pod = sim.get('Pod', 'default', 'p');
    assert.ok(pod?.metadata.deletionTimestamp);
    assert.equal(pod?.metadata.generation, 2);
  });
});
