// Scheduler plugins as tables: PodTopologySpread filter/score, InterPodAffinity score, NodeAffinity
// preferred score, upstream normalisation, preemption's choice of node.
import * as assert from 'node:assert/strict';
import { addPod, newNodeInfo, NodeInfo } from '../../../server/src/cluster/scheduler/nodeInfo';
import { defaultNormalizeScore, nodeAffinityScore, selectHost } from '../../../server/src/cluster/scheduler/score';
import { topologySpreadFilter, topologySpreadPreFilter, topologySpreadScores } from '../../../server/src/cluster/scheduler/podTopologySpread';
import { interPodAffinityScores } from '../../../server/src/cluster/scheduler/interPodAffinity';
import { pickCandidate } from '../../../server/src/cluster/scheduler/preemption';
import type { KObject, Pod } from '../../../server/src/cluster/types';

function node(name: string, labels: Record<string, string> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
  };
}
let n = 0;
function pod(labels: Record<string, string>, spec: Record<string, unknown> = {}, priority = 0): Pod {
  n++;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${n}`, namespace: 'default', labels, creationTimestamp: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}Z` },
    spec: { containers: [{ name: 'c' }], priority, ...spec },
    status: { phase: 'Running' },
  } as Pod;
}
function cluster(counts: Record<string, number>, zones: Record<string, string> = {}): NodeInfo[] {
  return Object.entries(counts).map(([name, k]) => {
    const info = newNodeInfo(node(name, zones[name] ? { 'topology.kubernetes.io/zone': zones[name] } : {}));
    for (let i = 0; i < k; i++) addPod(info, pod({ app: 'web' }));
    return info;
  });
}
const spread = (maxSkew: number, when: string, extra: Record<string, unknown> = {}) => ({
  topologySpreadConstraints: [
    { maxSkew, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: when, labelSelector: { matchLabels: { app: 'web' } }, ...extra },
  ],
});

describe('cluster/scheduler plugins', () => {
  // [pods per node, maxSkew, minDomains, node → passes?]
  const filterTable: [Record<string, number>, number, number | undefined, Record<string, boolean>][] = [
    [{ a: 1, b: 0 }, 1, undefined, { a: false, b: true }],
    [{ a: 1, b: 1 }, 1, undefined, { a: true, b: true }],
    [{ a: 2, b: 0 }, 2, undefined, { a: false, b: true }],
    [{ a: 1, b: 1 }, 1, 3, { a: false, b: false }], // fewer domains than minDomains: global minimum 0
    [{ a: 0, b: 0 }, 1, 3, { a: true, b: true }],
  ];
  for (const [counts, maxSkew, minDomains, want] of filterTable) {
    it(`PodTopologySpread filter ${JSON.stringify(counts)} maxSkew ${maxSkew}${minDomains ? ` minDomains ${minDomains}` : ''} → ${JSON.stringify(want)}`, () => {
      const infos = cluster(counts);
      const p = pod({ app: 'web' }, spread(maxSkew, 'DoNotSchedule', minDomains ? { minDomains } : {}));
      const state = topologySpreadPreFilter(p, infos);
      const got = Object.fromEntries(infos.map((i) => [i.node.metadata.name, !topologySpreadFilter(p, state, i)]));
      assert.deepEqual(got, want);
    });
  }

  it('PodTopologySpread filter: a node without the topology label is unresolvable', () => {
    const infos = [newNodeInfo(node('a')), newNodeInfo({ ...node('b'), metadata: { name: 'b', labels: {} } })];
    const p = pod({ app: 'web' }, spread(1, 'DoNotSchedule'));
    const r = topologySpreadFilter(p, topologySpreadPreFilter(p, infos), infos[1]);
    assert.deepEqual(r, { reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"], unresolvable: true });
  });

  // ScheduleAnyway on hostname: score = cnt × log(nodes + 2) + (maxSkew − 1), normalised 100 × (max + min − s) / max.
  const scoreTable: [Record<string, number>, number[]][] = [
    [{ a: 0, b: 0, c: 0 }, [100, 100, 100]],
    [{ a: 2, b: 1, c: 0 }, [0, 33, 100]], // round(2·log 5) = 3, round(log 5) = 2: 100 × (3 − 2) / 3
    [{ a: 3, b: 0, c: 0 }, [0, 100, 100]],
  ];
  for (const [counts, want] of scoreTable) {
    it(`PodTopologySpread score ${JSON.stringify(counts)} → ${want}`, () => {
      const infos = cluster(counts);
      assert.deepEqual(topologySpreadScores(pod({ app: 'web' }, spread(1, 'ScheduleAnyway')), infos, infos, []), want);
    });
  }

  it('InterPodAffinity score: preferred anti-affinity weight 100 — the node holding the matching pod scores 0', () => {
    const infos = cluster({ a: 1, b: 0, c: 0 });
    const p = pod(
      { app: 'web' },
      {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' } },
            ],
          },
        },
      },
    );
    assert.deepEqual(
      interPodAffinityScores(p, infos, infos, () => undefined),
      [0, 100, 100],
    );
  });

  it('InterPodAffinity score: preferred affinity by zone reaches every node of the zone', () => {
    const infos = cluster({ a: 1, b: 0, c: 0 }, { a: 'z1', b: 'z1', c: 'z2' });
    const p = pod(
      { app: 'client' },
      {
        affinity: {
          podAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 10, podAffinityTerm: { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'topology.kubernetes.io/zone' } },
            ],
          },
        },
      },
    );
    assert.deepEqual(
      interPodAffinityScores(p, infos, infos, () => undefined),
      [100, 100, 0],
    );
  });

  it('NodeAffinity score: the sum of matching preferred weights, then scaled by the maximum', () => {
    const infos = [newNodeInfo(node('a', { disk: 'ssd', gpu: 'yes' })), newNodeInfo(node('b', { disk: 'ssd' })), newNodeInfo(node('c'))];
    const pref = (key: string, weight: number) => ({ weight, preference: { matchExpressions: [{ key, operator: 'Exists' }] } });
    const p = pod({}, { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [pref('disk', 30), pref('gpu', 10)] } } });
    const raw = infos.map((i) => nodeAffinityScore(p, i));
    assert.deepEqual(raw, [40, 30, 0]);
    assert.deepEqual(defaultNormalizeScore(raw, false), [100, 75, 0]);
  });

  const normalize: [number[], boolean, number[]][] = [
    [[0, 0], false, [0, 0]],
    [[0, 0], true, [100, 100]],
    [[1, 3], true, [67, 0]], // TaintToleration: fewer intolerable PreferNoSchedule taints is better
  ];
  for (const [input, reverse, want] of normalize)
    it(`DefaultNormalizeScore(${input}, reverse=${reverse}) → ${want}`, () => assert.deepEqual(defaultNormalizeScore(input, reverse), want));

  // selectHost over two equally loaded nodes: [PreferNoSchedule taints of a, of b, b's labels, pod spec, chosen node].
  const taint = (key: string) => ({ key, effect: 'PreferNoSchedule' });
  const prefersSsd = {
    affinity: {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } }],
      },
    },
  };
  const hostTable: [string, string[], string[], Record<string, string>, Record<string, unknown>, string][] = [
    ['nothing to prefer: the first node in name order', [], [], {}, {}, 'a'],
    ['a PreferNoSchedule taint on a', ['x'], [], {}, {}, 'b'],
    ['a tolerated PreferNoSchedule taint on a', ['x'], [], {}, { tolerations: [{ key: 'x', operator: 'Exists' }] }, 'a'],
    ['fewer intolerable taints wins: 1 on a, 2 on b', ['x'], ['x', 'y'], {}, {}, 'a'],
    ['a taint on the second node only', [], ['x'], {}, {}, 'a'],
    ['preferred node affinity for b', [], [], { disk: 'ssd' }, prefersSsd, 'b'],
    ['preferred node affinity against one taint on b', [], ['x'], { disk: 'ssd' }, prefersSsd, 'a'],
  ];
  for (const [title, onA, onB, labelsB, spec, want] of hostTable)
    it(`selectHost: ${title} → ${want}`, () => {
      const a = node('a');
      const b = node('b', labelsB);
      if (onA.length) a.spec = { taints: onA.map(taint) };
      if (onB.length) b.spec = { taints: onB.map(taint) };
      const infos = [newNodeInfo(a), newNodeInfo(b)];
      assert.equal(selectHost(pod({ app: 'web' }, spec), infos)?.node.metadata.name, want);
    });

  it('preemption picks the node whose most important victim has the lowest priority, then fewer victims', () => {
    const a = newNodeInfo(node('a'));
    const b = newNodeInfo(node('b'));
    const c = newNodeInfo(node('c'));
    const pick = pickCandidate([
      { node: a, victims: [pod({}, {}, 50)] },
      { node: b, victims: [pod({}, {}, 10), pod({}, {}, 10)] },
      { node: c, victims: [pod({}, {}, 10)] },
    ]);
    assert.equal(pick?.node.node.metadata.name, 'c');
  });
});
