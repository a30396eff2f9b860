// Table tests for graceful pod deletion: when a deleted pod is gone (its process's
// terminationSeconds after SIGTERM, at most the grace period), what it shows meanwhile, and that
// an image without terminationSeconds goes at once.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../server/src/cluster/simulator';
import { podColumns } from '../../../server/src/cluster/podStatus';
import type { ImageBehaviour } from '../../../server/src/cluster/runtime/simulationProfile';
import type { Pod } from '../../../server/src/cluster/types';

const simulation: ImageBehaviour[] = [
  { image: 'web:stop20', terminationSeconds: 20 },
  { image: 'web:stop90', terminationSeconds: 90 },
];

/** Deletes a running pod: its STATUS right after, and the second (after the delete) it is removed at. */
function deletion(image: string, grace?: number, preStopSleep?: number): string[] {
  const sim = Simulator.create({ simulation });
  const container: Record<string, unknown> = { name: 'app', image };
  if (preStopSleep !== undefined) container.lifecycle = { preStop: { sleep: { seconds: preStopSleep } } };
  const spec: Record<string, unknown> = { containers: [container] };
  if (grace !== undefined) spec.terminationGracePeriodSeconds = grace;
  sim.apply([{ obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec }, source: { file: 't.yaml', line: 1 } }]);
  let startMs = 0;
  // scale-down and rollouts remove pods through the same API server path; mutate does not wait.
  sim.mutate((_store, api) => {
    startMs = sim.now();
    api.remove(sim.get('Pod', 'default', 'p')!);
    return { ok: true, lines: [] };
  });
  const rows: string[] = [];
  const pod = sim.get('Pod', 'default', 'p') as Pod | undefined;
  if (pod) rows.push(`${(sim.now() - startMs) / 1000} ${podColumns(pod).status}`);
  let goneMs: number | undefined = pod ? undefined : startMs;
  const del = sim.store.delete.bind(sim.store);
  sim.store.delete = ((kind: string, ns: string | undefined, name: string) => {
    if (kind === 'Pod' && name === 'p') goneMs = sim.now();
    return del(kind, ns, name);
  }) as typeof sim.store.delete;
  for (let i = 0; i < 120 && goneMs === undefined; i++) sim.advance(1000);
  rows.push(`${((goneMs ?? Infinity) - startMs) / 1000} gone`);
  return rows;
}

describe('cluster/graceful termination', () => {
  const table: { name: string; image: string; grace?: number; preStopSleep?: number; expect: string[] }[] = [
    { name: 'the default image exits at once on SIGTERM: the pod goes right away', image: 'nginx:1.25', expect: ['0 gone'] },
    { name: 'terminationSeconds 20 within the default 30 s grace: Terminating 20 s', image: 'web:stop20', expect: ['1 Terminating', '20 gone'] },
    { name: 'terminationSeconds 90: killed when the 30 s grace period ends', image: 'web:stop90', expect: ['1 Terminating', '30 gone'] },
    { name: 'terminationGracePeriodSeconds 5 cuts terminationSeconds 20 short', image: 'web:stop20', grace: 5, expect: ['1 Terminating', '5 gone'] },
    {
      name: 'a preStop sleep of 8 s counts in the grace period, before the process stops',
      image: 'nginx:1.25',
      preStopSleep: 8,
      expect: ['1 Terminating', '8 gone'],
    },
    {
      name: 'preStop sleep 8 s + terminationSeconds 20 s: killed at the 30 s grace',
      image: 'web:stop20',
      preStopSleep: 8,
      expect: ['1 Terminating', '28 gone'],
    },
    { name: 'preStop sleep 40 s is cut by the 30 s grace period', image: 'nginx:1.25', preStopSleep: 40, expect: ['1 Terminating', '30 gone'] },
  ];
  for (const row of table) it(row.name, () => assert.deepEqual(deletion(row.image, row.grace, row.preStopSleep), row.expect));

  it('the pod being deleted carries deletionTimestamp = now + grace and deletionGracePeriodSeconds', () => {
    const sim = Simulator.create({ simulation });
    const spec = { containers: [{ name: 'app', image: 'web:stop20' }] };
    sim.apply([{ obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec }, source: { file: 't.yaml', line: 1 } }]);
    let now = 0;
    sim.mutate((_store, api) => {
      now = sim.now();
      api.remove(sim.get('Pod', 'default', 'p')!);
      return { ok: true, lines: [] };
    });
    const pod = sim.get('Pod', 'default', 'p') as Pod;
    assert.equal(pod.metadata.deletionGracePeriodSeconds, 30);
    assert.equal(Date.parse(pod.metadata.deletionTimestamp!), now + 30_000);
  });

  it('a StatefulSet scales down one terminating pod at a time and never recreates an ordinal before its pod is gone', () => {
    const sim = Simulator.create({ simulation });
    const set = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default' },
      spec: {
        replicas: 3,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'web:stop20' }] } },
      },
    };
    sim.apply([{ obj: set, source: { file: 't.yaml', line: 1 } }]);
    const rows = () =>
      sim.store
        .list<Pod>('Pod', 'default')
        .map((p) => `${p.metadata.name} ${podColumns(p).status}`)
        .sort();
    sim.scale('StatefulSet', 'default', 'db', 1);
    assert.deepEqual(rows(), ['db-0 Running', 'db-1 Running', 'db-2 Terminating']);
    const uid = sim.get('Pod', 'default', 'db-2')?.metadata.uid;
    sim.scale('StatefulSet', 'default', 'db', 3);
    assert.deepEqual(rows(), ['db-0 Running', 'db-1 Running', 'db-2 Terminating']);
    assert.equal(sim.get('Pod', 'default', 'db-2')?.metadata.uid, uid);
    sim.advance(30_000);
    assert.deepEqual(rows(), ['db-0 Running', 'db-1 Running', 'db-2 Running']);
    assert.notEqual(sim.get('Pod', 'default', 'db-2')?.metadata.uid, uid);
  });
});

describe('cluster/delete with a grace period (kubectl delete --grace-period, --now, --force)', () => {
  const podOf = (image: string) => ({
    obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'app', image }] } },
    source: { file: 't.yaml', line: 1 },
  });
  /** When (simulated ms) the store removes pod `p`. */
  function watchRemoval(sim: Simulator): () => number | undefined {
    let goneMs: number | undefined;
    const del = sim.store.delete.bind(sim.store);
    sim.store.delete = ((kind: string, ns: string | undefined, name: string) => {
      if (kind === 'Pod' && name.startsWith('p') && goneMs === undefined) goneMs = sim.now();
      return del(kind, ns, name);
    }) as typeof sim.store.delete;
    return () => goneMs;
  }
  /** Deletes a running pod with `grace` as kubectl does (it waits until the pod is gone): seconds until the pod was removed. */
  function deletedWith(image: string, grace: number | undefined): number {
    const sim = Simulator.create({ simulation });
    sim.apply([podOf(image)]);
    const gone = watchRemoval(sim);
    const startMs = sim.now() + 1000; // every action begins with a 1 s round
    sim.delete('Pod', 'default', 'p', { gracePeriodSeconds: grace });
    assert.equal(sim.get('Pod', 'default', 'p'), undefined);
    return ((gone() ?? Number.NaN) - startMs) / 1000;
  }
  // image, grace period sent → seconds until the pod is removed
  const table: [string, number | undefined, number][] = [
    ['web:stop20', undefined, 20],
    ['web:stop90', undefined, 30],
    ['web:stop20', 5, 5],
    ['web:stop20', 1, 1],
    ['web:stop90', 60, 60],
    ['web:stop20', 0, 0],
    ['nginx:1.25', 60, 0],
  ];
  for (const [image, grace, seconds] of table)
    it(`${image}, grace ${grace ?? 'default'} → gone after ${seconds} s`, () => assert.equal(deletedWith(image, grace), seconds));

  it('a force delete (grace 0) removes a pod already terminating, and the kubelet forgets it', () => {
    const sim = Simulator.create({ simulation });
    sim.apply([podOf('web:stop90')]);
    // a delete that does not wait (scale-down and rollouts remove pods this way)
    sim.mutate((_store, api) => {
      api.remove(sim.get('Pod', 'default', 'p')!);
      return { ok: true, lines: [] };
    });
    assert.equal(podColumns(sim.get('Pod', 'default', 'p') as Pod).status, 'Terminating');
    assert.ok(sim.serialize().kubelet.stopping?.length, 'the kubelet is stopping it');
    const gone = watchRemoval(sim);
    const startMs = sim.now() + 1000; // every action begins with a 1 s round
    const r = sim.delete('Pod', 'default', 'p', { gracePeriodSeconds: 0 });
    assert.ok(r.found);
    assert.equal(sim.get('Pod', 'default', 'p'), undefined);
    assert.equal(gone(), startMs, 'removed at once, not when the 30 s grace period ends');
    assert.deepEqual(sim.serialize().kubelet.stopping, [], 'nothing left for the kubelet to stop');
  });

  it("the grace period is the named object's: a Deployment deleted with grace 0 leaves its pods their own", () => {
    const sim = Simulator.create({ simulation });
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:stop20' }] } },
      },
    };
    sim.apply([{ obj: deploy, source: { file: 't.yaml', line: 1 } }]);
    const names = sim.store.list<Pod>('Pod', 'default').map((p) => p.metadata.name);
    const gone = new Map<string, number>();
    const del = sim.store.delete.bind(sim.store);
    sim.store.delete = ((kind: string, ns: string | undefined, name: string) => {
      if (kind === 'Pod') gone.set(name, sim.now());
      return del(kind, ns, name);
    }) as typeof sim.store.delete;
    const startMs = sim.now() + 1000; // every action begins with a 1 s round
    sim.delete('Deployment', 'default', 'web', { gracePeriodSeconds: 0 });
    assert.deepEqual(sim.store.list<Pod>('Pod', 'default'), []);
    assert.deepEqual(
      names.map((n) => ((gone.get(n) ?? Number.NaN) - startMs) / 1000),
      [20, 20],
    );
  });
});
