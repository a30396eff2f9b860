// ReplicaSet scale-down victims, as upstream ActivePodsWithRanks.Less / getPodsToDelete order them.
import * as assert from 'node:assert/strict';
import { compareForDeletion, deletionCost, logarithmicRankDiff, podsToDelete } from '../../../server/src/cluster/podDeletionRank';
import type { Pod } from '../../../server/src/cluster/types';

const NOW = Date.UTC(2026, 0, 1, 12);
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();

interface P {
  name: string;
  node?: string;
  phase?: string;
  ready?: boolean;
  readyAgo?: number;
  createdAgo?: number;
  restarts?: number;
  cost?: string;
}

function pod(p: P): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      namespace: 'default',
      uid: `uid-${p.name}`,
      creationTimestamp: ago(p.createdAgo ?? 600),
      annotations: p.cost === undefined ? {} : { 'controller.kubernetes.io/pod-deletion-cost': p.cost },
    },
    spec: { containers: [{ name: 'c' }], nodeName: p.node },
    status: {
      phase: p.phase ?? 'Running',
      conditions: p.ready === false ? [{ type: 'Ready', status: 'False' }] : [{ type: 'Ready', status: 'True', lastTransitionTime: ago(p.readyAgo ?? 500) }],
      containerStatuses: [{ name: 'c', ready: p.ready !== false, restartCount: p.restarts ?? 0, state: {} }],
    },
  };
}

describe('cluster/podDeletionRank: which pod a ReplicaSet deletes first', () => {
  // [rule, a, b]: `a` must be deleted before `b` (ranks equal unless given).
  const table: [string, P, P, number?, number?][] = [
    ['1 unassigned before assigned', { name: 'a', phase: 'Pending', ready: false }, { name: 'b', node: 'n1', phase: 'Pending', ready: false }],
    ['2 Pending before Unknown', { name: 'a', node: 'n1', phase: 'Pending', ready: false }, { name: 'b', node: 'n1', phase: 'Unknown', ready: false }],
    ['2 Unknown before Running', { name: 'a', node: 'n1', phase: 'Unknown', ready: false }, { name: 'b', node: 'n1', ready: false }],
    ['3 not ready before ready', { name: 'a', node: 'n1', ready: false, createdAgo: 9999 }, { name: 'b', node: 'n1' }],
    ['4 lower deletion cost before higher (beats doubling up)', { name: 'a', node: 'n1', cost: '-5' }, { name: 'b', node: 'n2' }, 1, 3],
    ['5 doubled up before alone', { name: 'a', node: 'n1', readyAgo: 9000, createdAgo: 9999 }, { name: 'b', node: 'n2', readyAgo: 10 }, 2, 1],
    ['6 ready more recently first (other log2 bucket)', { name: 'a', node: 'n1', readyAgo: 60 }, { name: 'b', node: 'n1', readyAgo: 3600 }],
    ['7 more restarts first', { name: 'a', node: 'n1', restarts: 3, createdAgo: 9999 }, { name: 'b', node: 'n1', restarts: 0 }],
    ['8 created more recently first', { name: 'a', node: 'n1', createdAgo: 60, readyAgo: 500 }, { name: 'b', node: 'n1', createdAgo: 7200, readyAgo: 500 }],
    ['same log2 bucket: uid decides', { name: 'a', node: 'n1', readyAgo: 100 }, { name: 'b', node: 'n1', readyAgo: 101 }],
  ];
  for (const [rule, a, b, ra, rb] of table) {
    it(rule, () => {
      assert.ok(compareForDeletion(pod(a), pod(b), ra ?? 1, rb ?? 1, NOW) < 0, `${a.name} first`);
      assert.ok(compareForDeletion(pod(b), pod(a), rb ?? 1, ra ?? 1, NOW) > 0, 'antisymmetric');
    });
  }

  it('3 → 2 spread over two nodes keeps one pod per node (the doubled-up newer pod goes)', () => {
    const pods = [
      pod({ name: 'x', node: 'w1', createdAgo: 300, readyAgo: 290 }),
      pod({ name: 'y', node: 'w2', createdAgo: 300, readyAgo: 290 }),
      pod({ name: 'z', node: 'w1', createdAgo: 30, readyAgo: 20 }),
    ];
    assert.deepEqual(
      podsToDelete(pods, pods, 1, NOW).map((p) => p.metadata.name),
      ['z'],
    );
  });

  it('ranks count the pods of sibling ReplicaSets on the node too', () => {
    const mine = [pod({ name: 'a', node: 'w1', readyAgo: 5 }), pod({ name: 'b', node: 'w2', readyAgo: 5000 })];
    const sibling = [pod({ name: 'old1', node: 'w2' }), pod({ name: 'old2', node: 'w2' })];
    assert.deepEqual(
      podsToDelete(mine, [...mine, ...sibling], 1, NOW).map((p) => p.metadata.name),
      ['b'],
    );
  });

  it('deleting every pod keeps the input order (upstream sorts only when some survive)', () => {
    const pods = [pod({ name: 'a', node: 'w1' }), pod({ name: 'b', phase: 'Pending', ready: false })];
    assert.deepEqual(
      podsToDelete(pods, pods, 2, NOW).map((p) => p.metadata.name),
      ['a', 'b'],
    );
  });

  const costs: [string | undefined, number][] = [
    [undefined, 0],
    ['100', 100],
    ['-7', -7],
    ['abc', 0],
    ['2147483648', 0],
    [' 5 ', 5],
  ];
  for (const [v, want] of costs) it(`pod-deletion-cost ${JSON.stringify(v)} → ${want}`, () => assert.equal(deletionCost(pod({ name: 'p', cost: v })), want));

  const buckets: [number, number, number][] = [
    [1, 1.07, 0], // both in the 2^29–2^30 ns bucket
    [1, 3, -2],
    [60, 3600, -6],
  ];
  for (const [s1, s2, want] of buckets)
    it(`log2 buckets ${s1}s vs ${s2}s → ${want}`, () => assert.equal(logarithmicRankDiff(NOW - s1 * 1000, NOW - s2 * 1000, NOW), want));
});
