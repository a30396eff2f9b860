// Duplicates measured against kubeconform's duplicate fixtures (the same situations, written
// here), and the "would not schedule" verdicts of the simulated cluster's scheduler.
import { strict as assert } from 'node:assert';
import { rows, check } from './workspaceFixture';
import { makeSchedulingProbe } from '../../../server/src/pipeline/schedulingProbe';

const rc = (ns = '', apiVersion = 'v1') =>
  `apiVersion: ${apiVersion}\nkind: ReplicationController\nmetadata:\n  name: bob${ns ? `\n  namespace: ${ns}` : ''}\nspec:\n  replicas: 2\n  selector: {app: nginx}\n  template:\n    metadata:\n      labels: {app: nginx}\n    spec:\n      containers: [{name: nginx, image: nginx}]\n`;
const pv =
  'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv0003\nspec:\n  capacity: {storage: 5Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /tmp}\n';
const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

describe('duplicate objects (kubeconform duplicates fixtures)', () => {
  const cases: [string, string, string[]][] = [
    ['duplicates.yaml: two identical RCs without namespace', `${rc()}---\n${rc()}`, ['f.yaml:4:9 duplicate-object', 'f.yaml:17:9 duplicate-object']],
    ['duplicates-non-namespaced.yaml: two PersistentVolumes', `${pv}---\n${pv}`, ['f.yaml:4:9 duplicate-object', 'f.yaml:13:9 duplicate-object']],
    [
      'duplicates-with-namespace.yaml: two RCs in namespace x',
      `${ns('x')}---\n${rc('x')}---\n${rc('x')}`,
      ['f.yaml:9:9 duplicate-object', 'f.yaml:23:9 duplicate-object'],
    ],
    ['same-object-different-namespace.yaml: namespaces a and b', `${ns('a')}---\n${ns('b')}---\n${rc('a')}---\n${rc('b')}`, []],
    // kubeval ran this one with a default namespace named "the-default-namespace"; ours is "default".
    [
      'duplicates-with-namespace-default.yaml: explicit vs implied namespace',
      `${ns('the-default-namespace')}---\n${rc('the-default-namespace')}---\n${rc()}`,
      [],
    ],
    ['explicit default namespace equals no namespace', `${rc('default')}---\n${rc()}`, ['f.yaml:4:9 duplicate-object', 'f.yaml:18:9 duplicate-object']],
    // kubeconform compares the full apiVersion; the API server stores both versions as one object.
    [
      'same-kind-different-api.yaml: apps/v1 and apps/v1beta1',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n---\napiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n',
      ['f.yaml:4:9 duplicate-object', 'f.yaml:9:9 duplicate-object'],
    ],
    [
      'same name, different groups',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion: example.com/v1\nkind: Deployment\nmetadata:\n  name: web\n',
      [],
    ],
    [
      'generateName objects are never duplicates',
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: run-\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: run-\n',
      [],
    ],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(rows({ 'f.yaml': text }), expected));

  it('files in different folders are alternatives, not duplicates', () => {
    assert.deepEqual(rows({ 'base/cm.yaml': pv, 'all-in-one/cm.yaml': pv }), []);
  });
});

const deploy = (replicas: number, containers: string, podSpec = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: big}}\n  template:\n    metadata: {labels: {app: big}}\n    spec:${podSpec}\n      containers:\n${containers}`;

describe('would not schedule (simulated cluster: 3 nodes, 4 CPU / 8Gi, control plane tainted)', () => {
  const scheduling = makeSchedulingProbe();
  const run = (text: string) => rows({ 'f.yaml': text }, { scheduling });
  const cases: [string, string, string[]][] = [
    ['fits', deploy(3, '        - name: app\n          image: app\n          resources:\n            requests: {cpu: "1", memory: 1Gi}\n'), []],
    [
      'requests more CPU than any node: on resources',
      deploy(1, '        - name: app\n          image: app\n          resources:\n            requests: {cpu: "6"}\n'),
      ['f.yaml:14:11 unschedulable'],
    ],
    [
      'memory from limits only',
      deploy(1, '        - name: app\n          image: app\n          resources:\n            limits: {memory: 16Gi}\n'),
      ['f.yaml:14:11 unschedulable'],
    ],
    [
      'the largest container is blamed',
      deploy(
        1,
        '        - name: small\n          image: a\n          resources: {requests: {cpu: 100m}}\n        - name: huge\n          image: b\n          resources: {requests: {cpu: "5"}}\n',
      ),
      ['f.yaml:17:11 unschedulable'],
    ],
    [
      'hostPort with more replicas than worker nodes: on replicas',
      deploy(3, '        - name: app\n          image: app\n          ports: [{containerPort: 80, hostPort: 80}]\n'),
      ['f.yaml:6:13 unschedulable'],
    ],
    [
      'hostNetwork counts container ports as host ports',
      deploy(3, '        - name: app\n          image: app\n          ports: [{containerPort: 80}]\n', '\n      hostNetwork: true'),
      ['f.yaml:6:13 unschedulable'],
    ],
    [
      'tolerating the control plane gives a third node',
      deploy(
        3,
        '        - name: app\n          image: app\n          ports: [{containerPort: 80, hostPort: 80}]\n',
        '\n      tolerations: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]',
      ),
      [],
    ],
    [
      'capacity: replicas fill the workers',
      deploy(5, '        - name: app\n          image: app\n          resources: {requests: {cpu: "2"}}\n'),
      ['f.yaml:6:13 unschedulable'],
    ],
    [
      'GPUs and node selectors are not judged',
      deploy(
        1,
        '        - name: app\n          image: app\n          resources: {limits: {nvidia.com/gpu: 1}}\n',
        '\n      nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}',
      ),
      [],
    ],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(run(text), expected));

  it("says why in the scheduler's words", () => {
    const [d] = check(
      { 'f.yaml': deploy(3, '        - name: app\n          image: app\n          ports: [{containerPort: 80, hostPort: 80}]\n') },
      { scheduling },
    );
    assert.equal(
      d.message,
      "Deployment/big would not schedule in the simulated cluster (3 nodes with 4 CPU and 8Gi memory each, 1 of them tainted): pod 3 of 3 stays Pending. 0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });
});
