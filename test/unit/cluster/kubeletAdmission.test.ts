// The kubelet's own admission of pods bound with spec.nodeName (scheduler/kubeletAdmission): host
// ports, the pod count and requests against the pods the node already admitted — in the same pass
// and from an earlier apply. [title, node's pods capacity, first apply, second apply, pod → phase/reason].
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../server/src/cluster/simulator';
import type { KObject, Pod } from '../../../server/src/cluster/types';

const node: KObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'n1', labels: { 'kubernetes.io/hostname': 'n1', disk: 'hdd' } },
  spec: { podCIDR: '10.244.0.0/24' },
  status: { capacity: { cpu: '2', memory: '4Gi', pods: '3' }, allocatable: { cpu: '2', memory: '4Gi', pods: '3' } },
};

function pod(name: string, opts: { hostPort?: number; cpu?: string; nodeSelector?: Record<string, string> } = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      nodeName: 'n1',
      ...(opts.nodeSelector ? { nodeSelector: opts.nodeSelector } : {}),
      containers: [
        {
          name: 'c',
          image: 'nginx:1.25',
          ...(opts.hostPort ? { ports: [{ containerPort: 80, hostPort: opts.hostPort }] } : {}),
          ...(opts.cpu ? { resources: { requests: { cpu: opts.cpu } } } : {}),
        },
      ],
    },
  };
}

const table: [string, KObject[], KObject[], Record<string, string>][] = [
  ['the same host port twice in one pass', [pod('a', { hostPort: 8080 }), pod('b', { hostPort: 8080 })], [], { a: 'Running', b: 'Failed/NodePorts' }],
  ['different host ports', [pod('a', { hostPort: 8080 }), pod('b', { hostPort: 8081 })], [], { a: 'Running', b: 'Running' }],
  ['a host port taken by a pod of an earlier apply', [pod('a', { hostPort: 8080 })], [pod('b', { hostPort: 8080 })], { a: 'Running', b: 'Failed/NodePorts' }],
  [
    'a fourth pod on a node for 3 (the CoreDNS pods stay Pending here)',
    [pod('a'), pod('b'), pod('c')],
    [pod('d')],
    { a: 'Running', b: 'Running', c: 'Running', d: 'Failed/OutOfpods' },
  ],
  ['cpu adds up over one pass', [pod('a', { cpu: '1500m' }), pod('b', { cpu: '600m' })], [], { a: 'Running', b: 'Failed/OutOfcpu' }],
  [
    'cpu adds up over two applies',
    [pod('a', { cpu: '1500m' })],
    [pod('b', { cpu: '500m' }), pod('c', { cpu: '1m' })],
    { a: 'Running', b: 'Running', c: 'Failed/OutOfcpu' },
  ],
  ['a node selector the node does not match', [pod('a', { nodeSelector: { disk: 'ssd' } })], [], { a: 'Failed/NodeAffinity' }],
];

describe('cluster/kubelet admission of pods bound by nodeName', () => {
  for (const [title, first, second, want] of table)
    it(title, () => {
      const sim = Simulator.create({ nodes: [structuredClone(node)] });
      sim.apply(first.map((obj) => ({ obj: structuredClone(obj) })));
      if (second.length) sim.apply(second.map((obj) => ({ obj: structuredClone(obj) })));
      const got: Record<string, string> = {};
      for (const p of sim.store.list<Pod>('Pod', 'default')) got[p.metadata.name] = p.status.reason ? `${p.status.phase}/${p.status.reason}` : p.status.phase;
      assert.deepEqual(got, want);
    });
});
