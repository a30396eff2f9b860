// The scheduling probe remembers a verdict per placement (what the scheduler reads of a
// workload's pods) and gives the scheduler only that projection of the pod spec: over generated
// workloads — resources that fit or not, host ports, hostNetwork, init and sidecar containers,
// tolerations, topology spread, selectors, odd values — its verdicts must be those computed on
// each workload's whole pod spec without a memo, in any order and on another node profile.
import { strict as assert } from 'node:assert';
import { makeSchedulingProbe, plainSchedulingVerdict } from '../../../server/src/pipeline/schedulingProbe';
import { defaultNodes } from '../../../server/src/cluster/defaultCluster';
import type { KObject } from '../../../server/src/cluster/types';
import type { IndexedObject } from '../../../server/src/workspace/indexedObject';
import { SeededIds } from '../../../server/src/util/seededIds';
import { workspace, uriOf } from '../crossRefs/workspaceFixture';

const pick = <T>(ids: SeededIds, xs: readonly T[]): T => xs[Math.floor(ids.next() * xs.length)];

const CPU = ['50m', '100m', '500m', '1', '2', '3', '3500m', '5', 2, 0.5, '"x"'];
const MEMORY = ['64Mi', '128Mi', '1Gi', '4Gi', '6Gi', '7Gi', '9Gi', '16Gi', '128mb'];

function container(ids: SeededIds, name: string, hostNetwork: boolean): string {
  const lines = [`        - name: ${name}`, `          image: img-${Math.floor(ids.next() * 5)}`];
  const r = ids.next();
  if (r < 0.8) {
    const res: string[] = [];
    if (ids.next() < 0.7) res.push(`cpu: ${pick(ids, CPU)}`);
    if (ids.next() < 0.6) res.push(`memory: ${pick(ids, MEMORY)}`);
    if (ids.next() < 0.1) res.push('nvidia.com/gpu: 1');
    lines.push(`          resources: {${ids.next() < 0.7 ? 'requests' : 'limits'}: {${res.join(', ')}}}`);
  } else if (r < 0.85) lines.push('          resources: nonsense');
  const p = ids.next();
  if (p < 0.2) lines.push(`          ports: [{containerPort: 80, hostPort: ${pick(ids, [80, 8080])}${ids.next() < 0.3 ? ', protocol: UDP' : ''}}]`);
  else if (p < 0.25) lines.push('          ports: [{containerPort: 80, hostPort: 80, hostIP: 10.0.0.1}]');
  else if (p < 0.5 || hostNetwork) lines.push(`          ports: [{containerPort: ${pick(ids, [80, 443])}, name: http}]`);
  else if (p < 0.52) lines.push('          ports: [null]');
  return lines.join('\n');
}

function workload(ids: SeededIds, i: number): string {
  const kind = pick(ids, ['Deployment', 'Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'Job']);
  const apiVersion = kind === 'Job' ? 'batch/v1' : 'apps/v1';
  const hostNetwork = ids.next() < 0.1;
  const app = `app-${Math.floor(ids.next() * 4)}`;
  const spec: string[] = [];
  if (hostNetwork) spec.push('      hostNetwork: true');
  if (ids.next() < 0.15) spec.push('      tolerations: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]');
  if (ids.next() < 0.05) spec.push('      tolerations: [{operator: Exists}]');
  if (ids.next() < 0.15)
    spec.push(
      `      topologySpreadConstraints: [{maxSkew: 1, topologyKey: ${pick(ids, ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'])}, whenUnsatisfiable: ${pick(ids, ['ScheduleAnyway', 'DoNotSchedule'])}, labelSelector: {matchLabels: {app: ${app}}}}]`,
    );
  if (ids.next() < 0.05) spec.push('      nodeSelector: {disk: ssd}');
  if (ids.next() < 0.05)
    spec.push(
      '      affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: x}}}]}}',
    );
  if (ids.next() < 0.03) spec.push('      nodeName: worker-1');
  if (ids.next() < 0.1) spec.push(`      initContainers:\n${container(ids, 'init', false)}${ids.next() < 0.5 ? '\n          restartPolicy: Always' : ''}`);
  const containers = Array.from({ length: 1 + Math.floor(ids.next() * 3) }, (_, c) => container(ids, `c${c}`, hostNetwork));
  const replicas = kind === 'DaemonSet' || kind === 'Job' ? '' : `  replicas: ${pick(ids, [1, 2, 3, 3, 4, 6, 12, 300])}\n`;
  const selector = kind === 'Job' ? '' : `  selector: {matchLabels: {app: ${app}}}\n`;
  const namespace = ids.next() < 0.3 ? `\n  namespace: ns-${Math.floor(ids.next() * 2)}` : '';
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: w-${i}${namespace}\nspec:\n${replicas}${selector}  template:\n    metadata:\n      labels: {app: ${app}, n: "${i}"}\n    spec:\n${spec.length ? `${spec.join('\n')}\n` : ''}      containers:\n${containers.join('\n')}\n`;
}

/** Another profile: nodes of different sizes in three zones, one tainted NoSchedule, one unschedulable. */
function otherNodes(): KObject[] {
  const node = (name: string, cpu: string, memory: string, extra: Record<string, unknown> = {}, zone = 'a'): KObject => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': zone } },
    spec: extra,
    status: { allocatable: { cpu, memory, pods: '5' } },
  });
  return [
    node('n1', '8', '16Gi'),
    node('n2', '3', '6Gi', {}, 'b'),
    node('n3', '2', '2Gi', { taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] }, 'b'),
    node('n4', '16', '32Gi', { unschedulable: true }),
    node('n5', '4', '8Gi', {}, 'c'),
  ];
}

function objects(n: number, seed: number): IndexedObject[] {
  const ids = new SeededIds(seed);
  const text = Array.from({ length: n }, (_, i) => workload(ids, i)).join('---\n');
  const index = workspace({ 'w.yaml': text });
  return [...index.objectsIn(uriOf('w.yaml'))];
}

describe('scheduling probe: remembered verdicts = the verdicts of each whole pod spec', () => {
  for (const [profile, nodes] of [
    ['default profile', defaultNodes()],
    ['zones, taints, an unschedulable node', otherNodes()],
  ] as const) {
    for (const seed of [1, 2, 3]) {
      it(`${profile}, seed ${seed}`, () => {
        const all = objects(250, seed);
        const expected = all.map((o) => plainSchedulingVerdict(o, nodes));
        // Generated workloads reach both answers and both causes.
        assert.ok(expected.some((v) => v === undefined) && expected.some((v) => v?.cause === 'resources') && expected.some((v) => v?.cause === 'replicas'));
        const probe = makeSchedulingProbe(nodes);
        assert.deepEqual(
          all.map((o) => probe(o)),
          expected,
        );
        // Asked again and in reverse order, from the memo.
        assert.deepEqual(
          [...all].reverse().map((o) => probe(o)),
          [...expected].reverse(),
        );
        const fresh = makeSchedulingProbe(nodes);
        assert.deepEqual(
          [...all].reverse().map((o) => fresh(o)),
          [...expected].reverse(),
        );
      });
    }
  }
});
