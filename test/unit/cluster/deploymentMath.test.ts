// Upstream unit-test tables of the Deployment controller, transcribed (KUBERNETES-BEHAVIOUR §1.12, §1.8, §1.10).
import * as assert from 'node:assert/strict';
import {
  resolveFenceposts,
  maxUnavailable,
  newRSNewReplicas,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  MAX_INT32,
  MAX_REPLICAS_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
} from '../../../server/src/cluster/controllers/deployment/deploymentUtil';
import {
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  cleanupUnhealthyReplicas,
  scaleDownOldReplicaSetsForRollingUpdate,
} from '../../../server/src/cluster/controllers/deployment/rolling';
import { scale, cleanupDeployment } from '../../../server/src/cluster/controllers/deployment/sync';
import { testContext, deployment, rs } from './helpers';

describe('cluster/deployment maths (upstream tables)', () => {
  describe('ResolveFenceposts', () => {
    const cases: [string | undefined, string | undefined, number, number, number, boolean][] = [
      ['0%', '0%', 0, 0, 1, false],
      ['39%', '39%', 10, 4, 3, false],
      ['oops', '39%', 10, 0, 0, true],
      ['55%', 'urg', 10, 0, 0, true],
      [undefined, '39%', 10, 0, 3, false],
      ['39%', undefined, 10, 4, 0, false],
      [undefined, undefined, 10, 0, 1, false],
    ];
    for (const [surge, unavail, desired, wantSurge, wantUnavail, wantErr] of cases) {
      it(`${surge}/${unavail} of ${desired} → ${wantErr ? 'error' : `${wantSurge}/${wantUnavail}`}`, () => {
        if (wantErr) assert.throws(() => resolveFenceposts(surge, unavail, desired));
        else assert.deepEqual(resolveFenceposts(surge, unavail, desired), [wantSurge, wantUnavail]);
      });
    }
    it('worked 25%/25% table', () => {
      const table: [number, number, number][] = [
        [1, 1, 0],
        [2, 1, 0],
        [3, 1, 0],
        [4, 1, 1],
        [5, 2, 1],
        [8, 2, 2],
        [10, 3, 2],
      ];
      for (const [r, s, u] of table) {
        const [gs, gu] = resolveFenceposts('25%', '25%', r);
        assert.deepEqual([gs, gu === 0 && gs === 0 ? 1 : gu], [s, u === 0 && s === 0 ? 1 : u], `replicas ${r}`);
      }
    });
  });

  describe('MaxUnavailable (maxSurge 1)', () => {
    const cases: [number, number | string, number][] = [
      [10, 5, 5],
      [10, 10, 10],
      [5, 10, 5],
      [0, 10, 0],
      [10, '50%', 5],
      [10, '100%', 10],
      [5, '100%', 5],
    ];
    for (const [replicas, mu, want] of cases)
      it(`replicas ${replicas}, maxUnavailable ${mu} → ${want}`, () => assert.equal(maxUnavailable(deployment(replicas, 1, mu)), want));
    it('Recreate → 0', () => assert.equal(maxUnavailable(deployment(10, 1, 5, { strategy: { type: 'Recreate' } })), 0));
  });

  describe('NewRSNewReplicas (another RS with 5 replicas, maxUnavailable 1)', () => {
    const cases: [string, number, number, number, number][] = [
      ['RollingUpdate', 1, 5, 1, 5],
      ['RollingUpdate', 6, 2, 10, 6],
      ['Recreate', 3, 1, 1, 3],
    ];
    for (const [strategy, dReplicas, newReplicas, surge, want] of cases) {
      it(`${strategy} d=${dReplicas} new=${newReplicas} surge=${surge} → ${want}`, () => {
        const d = deployment(dReplicas, surge, 1, strategy === 'Recreate' ? { strategy: { type: 'Recreate' } } : {});
        const newRS = rs('new', newReplicas, 0);
        assert.equal(newRSNewReplicas(d, [newRS, rs('other', 5, 5, 1)], newRS), want);
      });
    }
  });

  describe('reconcileNewReplicaSet (maxUnavailable 0)', () => {
    const cases: [number, number, number, number, boolean, number][] = [
      [10, 0, 10, 0, false, 0],
      [10, 2, 10, 0, true, 2],
      [10, 2, 5, 0, true, 7],
      [10, 2, 10, 2, false, 2],
      [10, 2, 2, 11, true, 10],
    ];
    for (const [dr, surge, old, neu, scaled, after] of cases) {
      it(`d=${dr} surge=${surge} old=${old} new=${neu} → ${after}`, () => {
        const ctx = testContext();
        const d = deployment(dr, surge, 0);
        const oldRS = rs('old', old, old, 5);
        const newRS = rs('new', neu, 0);
        assert.equal(reconcileNewReplicaSet(ctx, [oldRS, newRS], newRS, d), scaled);
        assert.equal(newRS.spec.replicas, after);
      });
    }
  });

  describe('reconcileOldReplicaSets (maxSurge 0)', () => {
    const cases: [number, number, number, number, number, number, boolean, number][] = [
      [10, 0, 10, 0, 10, 0, true, 9],
      [10, 2, 10, 0, 10, 0, true, 8],
      [10, 2, 10, 0, 8, 0, true, 8],
      [10, 2, 10, 0, 9, 0, true, 8],
      [10, 2, 8, 2, 8, 0, false, 8],
    ];
    for (const [dr, mu, old, neu, oldAvail, newAvail, scaled, after] of cases) {
      it(`d=${dr} maxUnavailable=${mu} old=${old}(${oldAvail} avail) new=${neu} → old ${after}`, () => {
        const ctx = testContext();
        const d = deployment(dr, 0, mu);
        const oldRS = rs('old', old, oldAvail, 5);
        const newRS = rs('new', neu, newAvail);
        assert.equal(reconcileOldReplicaSets(ctx, [oldRS, newRS], [oldRS], newRS, d), scaled);
        assert.equal(oldRS.spec.replicas, after);
      });
    }
  });

  describe('cleanupUnhealthyReplicas (old RS of 10)', () => {
    const cases: [number, number, number][] = [
      [8, 1, 1],
      [8, 3, 2],
      [8, 0, 0],
      [10, 3, 0],
    ];
    for (const [ready, maxCleanup, want] of cases) {
      it(`ready ${ready}, maxCleanup ${maxCleanup} → ${want}`, () => {
        const ctx = testContext();
        const oldRS = rs('old', 10, ready, 5);
        assert.equal(cleanupUnhealthyReplicas(ctx, [oldRS], deployment(10, 0, 2), maxCleanup), want);
        assert.equal(oldRS.spec.replicas, 10 - want);
      });
    }
  });

  describe('scaleDownOldReplicaSetsForRollingUpdate (d.replicas 10)', () => {
    const cases: [number, number, number, boolean, number][] = [
      [0, 10, 10, true, 9],
      [2, 10, 10, true, 8],
      [2, 8, 10, false, 10],
      [2, 10, 0, false, 0],
      [2, 1, 10, false, 10],
    ];
    for (const [mu, available, old, scaled, after] of cases) {
      it(`maxUnavailable ${mu}, available ${available}, old ${old} → ${after}`, () => {
        const ctx = testContext();
        const oldRS = rs('old', old, available, 5);
        const n = scaleDownOldReplicaSetsForRollingUpdate(ctx, [oldRS], [oldRS], deployment(10, 0, mu));
        assert.equal(n > 0, scaled);
        assert.equal(oldRS.spec.replicas, after);
      });
    }
  });

  describe('DeploymentComplete', () => {
    const cases: [number, number, number, number, number, number, boolean][] = [
      [5, 5, 5, 4, 1, 0, false],
      [5, 5, 5, 3, 1, 0, false],
      [5, 5, 5, 5, 0, 0, true],
      [5, 5, 4, 5, 0, 0, false],
      [1, 2, 1, 1, 0, 1, false],
      [1, 1, 1, 0, 1, 1, false],
    ];
    for (const [desired, current, updated, available, mu, ms, want] of cases) {
      it(`${desired}/${current}/${updated}/${available} → ${want}`, () => {
        const d = deployment(desired, ms, mu);
        assert.equal(
          deploymentComplete(d, { replicas: current, updatedReplicas: updated, readyReplicas: available, availableReplicas: available, observedGeneration: 1 }),
          want,
        );
      });
    }
  });

  describe('DeploymentProgressing', () => {
    const s = (c: number, u: number, r: number, a: number) => ({ replicas: c, updatedReplicas: u, readyReplicas: r, availableReplicas: a });
    const cases: [ReturnType<typeof s>, ReturnType<typeof s>, boolean][] = [
      [s(10, 4, 4, 4), s(10, 6, 4, 4), true],
      [s(10, 4, 4, 4), s(10, 4, 4, 4), false],
      [s(10, 4, 6, 6), s(8, 4, 6, 6), true],
      [s(10, 7, 3, 3), s(10, 6, 3, 3), false],
      [s(10, 4, 7, 7), s(8, 8, 5, 5), true],
      [s(10, 10, 9, 8), s(10, 10, 10, 8), true],
      [s(10, 10, 10, 9), s(10, 10, 10, 10), true],
    ];
    cases.forEach(([a, b, want], i) => it(`case ${i + 1} → ${want}`, () => assert.equal(deploymentProgressing(a, b), want)));
  });

  describe('DeploymentTimedOut', () => {
    const now = Date.parse('2026-01-01T00:01:20Z');
    it('no deadline → false', () => assert.equal(deploymentTimedOut(undefined, { lastUpdateTime: '2026-01-01T00:01:09Z' }, now), false));
    it('MaxInt32 → false', () => assert.equal(deploymentTimedOut(MAX_INT32, { lastUpdateTime: '2026-01-01T00:01:09Z' }, now), false));
    it('10 s, 11 s since update → true', () => assert.equal(deploymentTimedOut(10, { lastUpdateTime: '2026-01-01T00:01:09Z' }, now), true));
    it('10 s, 9 s since update → false', () => assert.equal(deploymentTimedOut(10, { lastUpdateTime: '2026-01-01T00:01:11Z' }, now), false));
    it('complete (NewReplicaSetAvailable) → false', () =>
      assert.equal(deploymentTimedOut(10, { reason: 'NewReplicaSetAvailable', lastUpdateTime: '2026-01-01T00:01:09Z' }, now), false));
  });

  describe('proportional scaling (TestScale)', () => {
    // [name, old d size, new d size, surge, RSs newest first as [spec, available], expected, newRS index or -1]
    const cases: [string, number, number, number, number[], number[], number][] = [
      ['normal 10→12', 10, 12, 0, [10], [12], 0],
      ['normal 10→5', 10, 5, 0, [10], [5], 0],
      ['5→10', 5, 10, 0, [2, 3], [4, 6], 0],
      ['5→3', 5, 3, 0, [2, 3], [1, 2], 0],
      ['9→4', 9, 4, 0, [8, 1], [4, 0], 0],
      ['7→10', 7, 10, 0, [2, 3, 2], [3, 4, 3], 0],
      ['13→8', 13, 8, 0, [2, 8, 3], [1, 5, 2], 0],
      ['leftover 3→4', 3, 4, 0, [1, 1, 1], [2, 1, 1], 0],
      ['leftover 3→2', 3, 2, 0, [1, 1, 1], [1, 1, 0], 0],
      ['no new RS 4→5', 4, 5, 0, [2, 2], [3, 2], -1],
      ['6→0', 6, 0, 0, [3, 2, 1], [0, 0, 0], 0],
      ['surge 2, 10→20', 10, 20, 2, [6, 6], [11, 11], 0],
    ];
    for (const [name, before, after, surge, sizes, want, newIdx] of cases) {
      it(name, () => {
        const ctx = testContext();
        const oldD = deployment(before, surge, 0);
        const maxOld = before + surge;
        const rss = sizes.map((n, i) =>
          rs(`v${sizes.length - i}`, n, n, i, {
            [DESIRED_REPLICAS_ANNOTATION]: String(before),
            [MAX_REPLICAS_ANNOTATION]: String(maxOld),
            [REVISION_ANNOTATION]: String(sizes.length - i),
          }),
        );
        const d = deployment(after, surge, 0);
        d.status = { replicas: sizes.reduce((a, b) => a + b, 0) };
        void oldD;
        const newRS = newIdx >= 0 ? rss[newIdx] : undefined;
        scale(
          ctx,
          d,
          newRS,
          rss.filter((r) => r !== newRS),
        );
        assert.deepEqual(
          rss.map((r) => r.spec.replicas),
          want,
        );
      });
    }
    it('surge 3→6, 10→50 (maxSurge 30%? no: absolute, annotations from 10+3)', () => {
      const ctx = testContext();
      const ann = { [DESIRED_REPLICAS_ANNOTATION]: '10', [MAX_REPLICAS_ANNOTATION]: '13' };
      const v2 = rs('v2', 5, 5, 0, ann);
      const v1 = rs('v1', 8, 8, 1, ann);
      scale(ctx, deployment(50, 6, 0), v2, [v1]);
      assert.deepEqual([v2.spec.replicas, v1.spec.replicas], [22, 34]);
    });
    it('own example: 25%/25% at 10 mid-rollout (new 5, old 8) scaled to 15 → new 7, old 12', () => {
      const ctx = testContext();
      const ann = { [DESIRED_REPLICAS_ANNOTATION]: '10', [MAX_REPLICAS_ANNOTATION]: '13' };
      const neu = rs('new', 5, 0, 0, ann);
      const old = rs('old', 8, 8, 1, ann);
      scale(ctx, deployment(15, '25%', '25%'), neu, [old]);
      assert.deepEqual([neu.spec.replicas, old.spec.replicas], [7, 12]);
    });
    it('saturated but broken new RS: unchanged', () => {
      const ctx = testContext();
      const ann = { [DESIRED_REPLICAS_ANNOTATION]: '2', [MAX_REPLICAS_ANNOTATION]: '3' };
      const v2 = rs('v2', 2, 0, 0, ann);
      const v1 = rs('v1', 1, 1, 1, ann);
      scale(ctx, deployment(2, 1, 1), v2, [v1]);
      assert.deepEqual([v2.spec.replicas, v1.spec.replicas], [2, 1]);
    });
  });

  describe('cleanupDeployment (revisionHistoryLimit)', () => {
    const mk = (specs: [number, number][]) =>
      specs.map(([spec, status], i) => {
        const r = rs(`foo-${i + 1}`, spec, status, 10 - i, { [REVISION_ANNOTATION]: String(i + 1) });
        r.status.replicas = status;
        return r;
      });
    const cases: [string, [number, number][], number, number][] = [
      [
        'three empty, limit 1',
        [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        1,
        2,
      ],
      [
        'mixed, limit 0',
        [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
        ],
        0,
        1,
      ],
      [
        'two empty, limit 0',
        [
          [0, 0],
          [0, 0],
        ],
        0,
        2,
      ],
      [
        'two busy, limit 0',
        [
          [1, 1],
          [1, 1],
        ],
        0,
        0,
      ],
      [
        'unlimited',
        [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        MAX_INT32,
        0,
      ],
    ];
    for (const [name, specs, limit, want] of cases) {
      it(`${name} → ${want} deleted`, () => {
        const ctx = testContext();
        const rss = mk(specs);
        for (const r of rss) ctx.store.create(r);
        assert.equal(cleanupDeployment(ctx, rss, deployment(1, 1, 0, { revisionHistoryLimit: limit })), want);
      });
    }
    it('already deleting → 0', () => {
      const ctx = testContext();
      const [r] = mk([[0, 0]]);
      r.metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
      assert.equal(cleanupDeployment(ctx, [r], deployment(1, 1, 0, { revisionHistoryLimit: 0 })), 0);
    });
  });
});
