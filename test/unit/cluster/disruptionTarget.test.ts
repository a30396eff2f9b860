// The DisruptionTarget condition: a pod that a disruption deletes carries why, as upstream marks it
// just before the delete (PodDisruptionConditions, GA 1.31). Read on the pod as the store removes it.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../server/src/cluster/simulator';
import { makeNode } from '../../../server/src/cluster/defaultCluster';
import type { ImageBehaviour } from '../../../server/src/cluster/runtime/simulationProfile';
import type { KObject, Pod, PodCondition } from '../../../server/src/cluster/types';
import { taintVerb } from '../../../server/src/kubectl/verbs/taint';

const simulation: ImageBehaviour[] = [{ image: 'web:stop5', terminationSeconds: 5 }];
const src = { file: 't.yaml', line: 1 };
const pod = (name: string, extra: Record<string, unknown> = {}, cpu = '1500m') => ({
  obj: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'app', image: 'web:stop5', resources: { requests: { cpu } } }], ...extra },
  },
  source: src,
});

/** One worker with 2 CPUs; the DisruptionTarget of each pod as it was when the store removed it. */
function disruptions(act: (sim: Simulator) => void, setup: { obj: KObject; source: typeof src }[]): Record<string, PodCondition | undefined> {
  const nodes = [makeNode({ name: 'n1', podCIDR: '10.244.1.0/24', internalIP: '172.18.0.3', cpu: '2' })];
  const sim = Simulator.create({ simulation, nodes });
  sim.apply(setup as never);
  const seen: Record<string, PodCondition | undefined> = {};
  const del = sim.store.delete.bind(sim.store);
  sim.store.delete = ((kind: string, ns: string | undefined, name: string) => {
    if (kind === 'Pod') seen[name] = (sim.get('Pod', ns, name) as Pod | undefined)?.status.conditions?.find((c) => c.type === 'DisruptionTarget');
    return del(kind, ns, name);
  }) as typeof sim.store.delete;
  act(sim);
  return seen;
}

const brief = (c: PodCondition | undefined) => (c ? `${c.status} ${c.reason}: ${c.message}` : 'none');

describe('cluster/DisruptionTarget on disrupted pods', () => {
  it('a NoExecute taint: DeletionByTaintManager', () => {
    // kubectl taint returns with the pod Terminating; it is removed when its 5 s have passed
    const seen = disruptions(
      (sim) => {
        taintVerb(sim, 'n1', ['smoke=true:NoExecute'], false);
        sim.advance(10_000);
      },
      [pod('a', {}, '100m')],
    );
    assert.equal(brief(seen.a), 'True DeletionByTaintManager: Taint manager: deleting due to NoExecute taint');
  });

  it('a drain (the Eviction API): EvictionByEvictionAPI', () => {
    const seen = disruptions((sim) => sim.drain('n1', { ignoreDaemonSets: true, force: true }), [pod('a', {}, '100m')]);
    assert.equal(brief(seen.a), 'True EvictionByEvictionAPI: Eviction API: evicting');
  });

  it("a preemption: PreemptionByScheduler, in the preemptor's scheduler's name", () => {
    const high = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 };
    const seen = disruptions((sim) => sim.apply([pod('b', { priorityClassName: 'high' })] as never), [{ obj: high, source: src }, pod('a')]);
    assert.equal(brief(seen.a), 'True PreemptionByScheduler: default-scheduler: preempting to accommodate a higher priority pod');
  });

  it('a plain delete marks nothing', () => {
    const seen = disruptions((sim) => sim.delete('Pod', 'default', 'a'), [pod('a', {}, '100m')]);
    assert.equal(brief(seen.a), 'none');
  });
});
