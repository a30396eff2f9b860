// Table tests for init containers: every STATUS (kubectl get pods) a pod passes through, with the
// simulated second it starts at, for default init containers (exit 0 after 1 s), profile exits,
// failures under each restartPolicy and native sidecars.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../server/src/cluster/simulator';
import { podColumns } from '../../../server/src/cluster/podStatus';
import { INIT_CONTAINER_RUN_SECONDS } from '../../../server/src/cluster/runtime/initContainers';
import type { ImageBehaviour } from '../../../server/src/cluster/runtime/simulationProfile';
import type { KObject, Pod } from '../../../server/src/cluster/types';

const simulation: ImageBehaviour[] = [
  { image: 'busybox:slow', exit: { code: 0, afterSeconds: 4 } },
  { image: 'busybox:broken', exit: { code: 1, afterSeconds: 2 } },
];

interface Init {
  name: string;
  image: string;
  restartPolicy?: string;
}

/** Applies one pod and lists "<seconds after the apply> <STATUS> <READY>" each time the row changes, until `untilS`. */
function statusTimeline(inits: Init[], restartPolicy?: string, untilS = 40): string[] {
  const sim = Simulator.create({ simulation });
  const startMs = sim.now();
  const seen: string[] = [];
  const store = sim.store;
  const update = store.update.bind(store);
  store.update = ((o: KObject) => {
    const r = update(o);
    if (o.kind === 'Pod' && o.metadata.name === 'p') {
      const c = podColumns(o as Pod);
      const row = `${c.status} ${c.ready}`;
      if (!seen.length || !seen[seen.length - 1].endsWith(` ${row}`)) seen.push(`${(store.now() - startMs) / 1000} ${row}`);
    }
    return r;
  }) as typeof store.update;
  const spec: Record<string, unknown> = { initContainers: inits, containers: [{ name: 'app', image: 'nginx:1.25' }] };
  if (restartPolicy) spec.restartPolicy = restartPolicy;
  sim.apply([{ obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec }, source: { file: 't.yaml', line: 1 } }]);
  sim.advance(untilS * 1000 - (sim.now() - startMs));
  return seen;
}

/** A failing init container restarted by the kubelet: at once, then after the 10 s and 20 s crash back-off. */
const CRASH_BACKOFF_STEPS = [
  '1 Pending 0/1',
  '1 Init:0/1 0/1',
  '3 Init:Error 0/1',
  '4 Init:0/1 0/1',
  '6 Init:Error 0/1',
  '7 Init:CrashLoopBackOff 0/1',
  '16 Init:0/1 0/1',
  '18 Init:Error 0/1',
  '19 Init:CrashLoopBackOff 0/1',
  '38 Init:0/1 0/1',
  '40 Init:Error 0/1',
  '41 Init:CrashLoopBackOff 0/1',
];

describe('cluster/init containers', () => {
  it('a default init container runs a fixed simulated time', () => assert.equal(INIT_CONTAINER_RUN_SECONDS, 1));

  // Seconds after the apply: the pod is bound and its sandbox up at 1 s.
  const table: { name: string; inits: Init[]; restartPolicy?: string; expect: string[] }[] = [
    {
      name: 'two init containers run in order (1 s default, 4 s from the profile), then PodInitializing for one sync',
      inits: [
        { name: 'a', image: 'busybox:1.36' },
        { name: 'b', image: 'busybox:slow' },
      ],
      expect: ['1 Pending 0/1', '1 Init:0/2 0/1', '2 Init:1/2 0/1', '6 PodInitializing 0/1', '7 Running 0/1', '7 Running 1/1'],
    },
    {
      name: 'a failing init container under restartPolicy Always: restarted at once, then the 10 s, 20 s crash back-off',
      inits: [{ name: 'a', image: 'busybox:broken' }],
      expect: CRASH_BACKOFF_STEPS,
    },
    {
      name: 'restartPolicy OnFailure restarts a failed init container the same way',
      restartPolicy: 'OnFailure',
      inits: [{ name: 'a', image: 'busybox:broken' }],
      expect: CRASH_BACKOFF_STEPS,
    },
    {
      name: 'restartPolicy Never: the failed init container fails the pod for good',
      restartPolicy: 'Never',
      inits: [{ name: 'a', image: 'busybox:broken' }],
      expect: ['1 Pending 0/1', '1 Init:0/1 0/1', '3 Init:Error 0/1'],
    },
    {
      name: 'a native sidecar starts, counts in READY and lets the next init container start',
      inits: [
        { name: 's', image: 'fluent-bit:3.0', restartPolicy: 'Always' },
        { name: 'a', image: 'busybox:1.36' },
      ],
      expect: ['1 Pending 0/2', '1 Init:1/2 1/2', '2 PodInitializing 1/2', '3 Running 1/2', '3 Running 2/2'],
    },
  ];
  for (const row of table) it(row.name, () => assert.deepEqual(statusTimeline(row.inits, row.restartPolicy), row.expect));

  it('the pod under restartPolicy Never is Failed, its init status terminated Error, its app container never started', () => {
    const sim = Simulator.create({ simulation });
    const spec = { restartPolicy: 'Never', initContainers: [{ name: 'a', image: 'busybox:broken' }], containers: [{ name: 'app', image: 'nginx:1.25' }] };
    sim.apply([{ obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec }, source: { file: 't.yaml', line: 1 } }]);
    const pod = sim.get('Pod', 'default', 'p') as Pod;
    assert.equal(pod.status.phase, 'Failed');
    assert.equal(pod.status.initContainerStatuses?.[0].state.terminated?.reason, 'Error');
    assert.equal(pod.status.containerStatuses?.[0].state.waiting?.reason, 'PodInitializing');
    assert.deepEqual(
      pod.status.conditions?.filter((c) => c.type === 'Initialized').map((c) => `${c.status} ${c.reason}`),
      ['False ContainersNotInitialized'],
    );
  });
});
