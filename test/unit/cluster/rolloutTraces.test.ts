// The worked rollout traces of KUBERNETES-BEHAVIOUR §1.5, run through the whole simulator:
// each row is one deployment-controller sync after new pods became available.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../server/src/cluster/simulator';

function deploymentDoc(replicas: number, image: string, strategy: Record<string, unknown>) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      strategy,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
    },
  };
}

/** ScalingReplicaSet steps of an image update as "new 0→1" / "old 4→3". */
function updateTrace(replicas: number, strategy: Record<string, unknown>): string[] {
  const sim = Simulator.create();
  sim.apply([{ obj: deploymentDoc(replicas, 'nginx:1.25', strategy) }]);
  const oldRS = sim.store.list('ReplicaSet', 'default')[0].metadata.name;
  const r = sim.apply([{ obj: deploymentDoc(replicas, 'nginx:1.26', strategy) }]);
  assert.ok(r.stable);
  return r.events
    .filter((e) => e.reason === 'ScalingReplicaSet')
    .map((e) => {
      const m = /^Scaled (up|down) replica set (\S+) from (\d+) to (\d+)$/.exec(e.message);
      assert.ok(m, e.message);
      return `${m[2] === oldRS ? 'old' : 'new'} ${m[3]}→${m[4]}`;
    });
}

const rolling = (maxSurge: number | string, maxUnavailable: number | string) => ({ type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } });

describe('cluster/rollout traces (§1.5)', () => {
  it('replicas 4, 25%/25%', () => {
    assert.deepEqual(updateTrace(4, rolling('25%', '25%')), ['new 0→1', 'old 4→3', 'new 1→2', 'old 3→1', 'new 2→4', 'old 1→0']);
  });
  it('replicas 10, 25%/25%', () => {
    assert.deepEqual(updateTrace(10, rolling('25%', '25%')), ['new 0→3', 'old 10→8', 'new 3→5', 'old 8→3', 'new 5→10', 'old 3→0']);
  });
  it('replicas 3, maxSurge 1 / maxUnavailable 0 (same as 25%/25% for 3)', () => {
    const want = ['new 0→1', 'old 3→2', 'new 1→2', 'old 2→1', 'new 2→3', 'old 1→0'];
    assert.deepEqual(updateTrace(3, rolling(1, 0)), want);
    assert.deepEqual(updateTrace(3, rolling('25%', '25%')), want);
  });
  it('replicas 10, maxSurge 0 / maxUnavailable 2', () => {
    // The new RS is created with 0 replicas, so there is no "from 0" event for it.
    assert.deepEqual(updateTrace(10, rolling(0, 2)), [
      'old 10→8',
      'new 0→2',
      'old 8→6',
      'new 2→4',
      'old 6→4',
      'new 4→6',
      'old 4→2',
      'new 6→8',
      'old 2→0',
      'new 8→10',
    ]);
  });
  it('replicas 1, 25%/25%', () => {
    assert.deepEqual(updateTrace(1, rolling('25%', '25%')), ['new 0→1', 'old 1→0']);
  });
  it('Recreate: old to 0 first, then the new RS at full size', () => {
    assert.deepEqual(updateTrace(3, { type: 'Recreate' }), ['old 3→0', 'new 0→3']);
  });
});
