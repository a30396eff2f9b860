// PodDisruptionBudget arithmetic (disruption controller) and the eviction API's rules.
import * as assert from 'node:assert/strict';
import { budgetArithmetic } from '../../../server/src/cluster/controllers/disruption';
import { evict, VIOLATES_BUDGET } from '../../../server/src/cluster/eviction';
import { goDuration } from '../../../server/src/cluster/drain';
import type { KObject, Pod } from '../../../server/src/cluster/types';
import { testContext } from './helpers';

describe('cluster/disruption: PodDisruptionBudget status', () => {
  // [spec, pods found, controllers' scale, healthy] → [expectedPods, desiredHealthy, disruptionsAllowed]
  const table: [Record<string, number | string>, number, number, number, [number, number, number]][] = [
    [{ minAvailable: 2 }, 3, 3, 3, [3, 2, 1]],
    [{ minAvailable: 2 }, 2, 2, 2, [2, 2, 0]],
    [{ minAvailable: 2 }, 3, 3, 1, [3, 2, 0]],
    [{ minAvailable: '50%' }, 3, 3, 3, [3, 2, 1]], // ceil(1.5) = 2
    [{ minAvailable: '100%' }, 4, 4, 4, [4, 4, 0]],
    [{ maxUnavailable: 1 }, 3, 3, 3, [3, 2, 1]],
    [{ maxUnavailable: '25%' }, 5, 5, 5, [5, 3, 2]], // ceil(1.25) = 2 may be down
    [{ maxUnavailable: 0 }, 4, 4, 4, [4, 4, 0]],
    [{ maxUnavailable: 5 }, 2, 2, 2, [2, 0, 2]], // desired never below 0
    [{ maxUnavailable: 1 }, 2, 5, 2, [5, 4, 0]], // scale counts replicas not yet created
    [{}, 3, 3, 3, [3, 0, 3]],
  ];
  for (const [spec, pods, scale, healthy, [expected, desired, allowed]] of table) {
    it(`${JSON.stringify(spec)} pods=${pods} scale=${scale} healthy=${healthy} → expected ${expected}, desired ${desired}, allowed ${allowed}`, () => {
      const a = budgetArithmetic(spec, pods, scale, healthy);
      assert.deepEqual([a.expectedPods, a.desiredHealthy, a.disruptionsAllowed], [expected, desired, allowed]);
    });
  }
});

describe('cluster/eviction: the Eviction API against a budget', () => {
  function setup(status: Record<string, unknown>, podPhase = 'Running', ready = true, policy?: string) {
    const ctx = testContext();
    const pdb = ctx.create({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'b', namespace: 'default', generation: 1 },
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'a' } }, unhealthyPodEvictionPolicy: policy },
      status: { observedGeneration: 1, ...status },
    } as KObject);
    const pod = ctx.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', labels: { app: 'a' } },
      spec: { containers: [] },
      status: { phase: podPhase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    } as unknown as Pod);
    return { ctx, pdb, pod };
  }
  it('allowed → ok, and the budget is decremented with the pod recorded as disrupted', () => {
    const { ctx, pdb, pod } = setup({ disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1 });
    assert.deepEqual(evict(ctx.store, pod), { ok: true });
    const after = ctx.store.get('PodDisruptionBudget', 'default', pdb.metadata.name)!;
    assert.equal(after.status.disruptionsAllowed, 0);
    assert.ok('p' in after.status.disruptedPods);
  });
  it('no disruption allowed → 429 with the upstream message and cause', () => {
    const { ctx, pod } = setup({ disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1 });
    assert.deepEqual(evict(ctx.store, pod), {
      ok: false,
      code: 429,
      message: VIOLATES_BUDGET,
      cause: 'The disruption budget b needs 1 healthy pods and has 1 currently',
    });
  });
  it('a budget not yet observed → 429 "still being processed"', () => {
    const { ctx, pod } = setup({ observedGeneration: 0, disruptionsAllowed: 1 });
    const r = evict(ctx.store, pod);
    assert.ok(!r.ok && r.cause === 'The disruption budget b is still being processed by the server.');
  });
  it('a Pending pod is evicted without a budget check', () =>
    assert.ok(evict(setup({ disruptionsAllowed: 0 }, 'Pending').ctx.store, setup({ disruptionsAllowed: 0 }, 'Pending').pod).ok));
  it('an unready pod: IfHealthyBudget evicts while the budget holds', () => {
    const { ctx, pod } = setup({ disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1 }, 'Running', false);
    assert.ok(evict(ctx.store, pod).ok);
  });
  it('an unready pod: IfHealthyBudget refuses when the budget is already short', () => {
    const { ctx, pod } = setup({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 1 }, 'Running', false);
    assert.equal(evict(ctx.store, pod).ok, false);
  });
  it('an unready pod: AlwaysAllow evicts even when the budget is short', () => {
    const { ctx, pod } = setup({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 1 }, 'Running', false, 'AlwaysAllow');
    assert.ok(evict(ctx.store, pod).ok);
  });
  const durations: [number, string][] = [
    [5, '5s'],
    [60, '1m0s'],
    [150, '2m30s'],
    [3723, '1h2m3s'],
  ];
  for (const [s, want] of durations) it(`kubectl --timeout ${s}s prints as ${want}`, () => assert.equal(goDuration(s), want));
});
