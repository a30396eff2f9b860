// The scheduler's shortcut for the replicas of one template (schedule.ts BoundCycle): after a pod
// is bound, the next pod of the same template re-runs the filters and scores on that node only.
// Property: on random clusters and workloads every pod lands where a full cycle per pod puts it,
// with the same conditions and events — nodes filling up (the bound node drops out), host ports,
// taints, node selectors, preferred node affinity, zones, Services, priorities, and pods whose
// own affinity or spread constraints keep them on the full cycle, interleaved with the rest.
import * as assert from 'node:assert/strict';
import { testContext } from './helpers';
import { scheduleAll } from '../../../server/src/cluster/scheduler/schedule';
import { SeededIds } from '../../../server/src/util/seededIds';
import type { ControllerContext } from '../../../server/src/cluster/controllerContext';
import type { KObject, Pod } from '../../../server/src/cluster/types';

type Rng = () => number;
const pick = <T>(rng: Rng, xs: T[]): T => xs[Math.floor(rng() * xs.length)];

/** A template's spec: one of the shapes the scheduler treats differently. */
function templateSpec(rng: Rng, g: number): Record<string, unknown> {
  const cpu = pick(rng, ['100m', '250m', '500m', '1']);
  const container: Record<string, unknown> = { name: 'c', image: `img-${g}`, resources: { requests: { cpu, memory: pick(rng, ['64Mi', '256Mi', '1Gi']) } } };
  const spec: Record<string, unknown> = { containers: [container] };
  const shape = Math.floor(rng() * 9);
  if (shape === 1) container.ports = [{ containerPort: 8080, hostPort: 8080 + (g % 2) }];
  if (shape === 2) spec.nodeSelector = { disk: 'ssd' };
  if (shape === 3)
    spec.affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 30, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } }],
      },
    };
  if (shape === 4) spec.tolerations = [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }];
  if (shape === 5)
    spec.topologySpreadConstraints = [
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: `a${g}` } } },
    ];
  if (shape === 6)
    spec.affinity = {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: `a${g}` } }, topologyKey: 'kubernetes.io/hostname' }],
      },
    };
  if (shape === 7) spec.priority = 1000;
  return spec;
}

/** A fresh cluster and pending workload from `seed`; the same seed builds the same objects. */
function scenario(seed: number): ControllerContext {
  const ids = new SeededIds(seed);
  const rng: Rng = () => ids.next();
  const ctx = testContext();
  const nodes = 2 + Math.floor(rng() * 6);
  for (let i = 0; i < nodes; i++) {
    const labels: Record<string, string> = { 'kubernetes.io/hostname': `n${i}` };
    if (rng() < 0.8) labels['topology.kubernetes.io/zone'] = `z${i % 3}`;
    if (rng() < 0.4) labels.disk = 'ssd';
    const spec: Record<string, unknown> = {};
    if (rng() < 0.2) spec.taints = [{ key: 'soft', effect: 'PreferNoSchedule' }];
    else if (rng() < 0.15) spec.taints = [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }];
    const cpu = pick(rng, ['1', '2', '4']);
    ctx.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: `n${i}`, labels },
      spec,
      status: { allocatable: { cpu, memory: '4Gi', pods: pick(rng, ['5', '20', '110']) } },
    });
  }
  // A bound pod with required anti-affinity against one app: the cycle state of that app's pods.
  ctx.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'guard', namespace: 'default', labels: { role: 'guard' } },
    spec: {
      nodeName: 'n0',
      containers: [{ name: 'c', image: 'g' }],
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'a0' } }, topologyKey: 'topology.kubernetes.io/zone' }],
        },
      },
    },
    status: { phase: 'Running' },
  } as KObject);
  const groups = 2 + Math.floor(rng() * 5);
  for (let g = 0; g < groups; g++) {
    const owner = ctx.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `rs${g}`, namespace: 'default' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: `a${g}` } },
        template: { metadata: { labels: { app: `a${g}` } }, spec: { containers: [{ name: 'c' }] } },
      },
    } as KObject);
    if (rng() < 0.5)
      ctx.create({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `s${g}`, namespace: 'default' },
        spec: { selector: { app: `a${g}` }, ports: [{ port: 80 }] },
      } as KObject);
    const spec = templateSpec(rng, g);
    const replicas = 1 + Math.floor(rng() * 12);
    for (let r = 0; r < replicas; r++) {
      ctx.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `p${g}-${r}`,
          namespace: 'default',
          labels: { app: `a${g}` },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner.metadata.name, uid: owner.metadata.uid ?? '', controller: true }],
        },
        spec: structuredClone(spec),
        status: {},
      } as KObject);
    }
  }
  return ctx;
}

/** Where each pod went, its PodScheduled condition and every event, in order. */
function outcome(ctx: ControllerContext): string {
  const pods = ctx.store.list<Pod>('Pod').map((p) => [p.metadata.name, p.spec.nodeName ?? null, p.status.conditions ?? [], p.status.nominatedNodeName ?? null]);
  const events = ctx.store
    .list('Event')
    .map((e) => [(e as KObject & { reason: string; message: string }).reason, (e as KObject & { message: string }).message]);
  return JSON.stringify({ pods, events });
}

describe('scheduler: the replicas of one template rescored on the node just bound', () => {
  it('places every pod as a full cycle per pod does, on 300 random clusters', () => {
    let reusedShapes = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const full = scenario(seed);
      const quick = scenario(seed);
      scheduleAll(full, false);
      scheduleAll(quick, true);
      const want = outcome(full);
      assert.equal(outcome(quick), want, `seed ${seed}`);
      if (full.store.list<Pod>('Pod').filter((p) => p.spec.nodeName).length > 8) reusedShapes++;
    }
    // The scenarios are not all trivial: most of them place several replicas.
    assert.ok(reusedShapes > 150, `${reusedShapes} scenarios placed more than 8 pods`);
  });

  it('a second pass over what is still pending (full nodes freed) gives the same placements', () => {
    for (let seed = 301; seed <= 340; seed++) {
      const full = scenario(seed);
      const quick = scenario(seed);
      for (const [ctx, reuse] of [
        [full, false],
        [quick, true],
      ] as const) {
        scheduleAll(ctx, reuse);
        // Free the first node of its bound pods (as deletions would) and schedule again.
        for (const p of ctx.store.list<Pod>('Pod')) if (p.spec.nodeName === 'n1') ctx.store.delete('Pod', p.metadata.namespace, p.metadata.name);
        scheduleAll(ctx, reuse);
      }
      assert.equal(outcome(quick), outcome(full), `seed ${seed}`);
    }
  });
});
