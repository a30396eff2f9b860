// "Why?" explainers, keyed by condition, tested on hand-built upstream status objects — including
// the runtime reasons (CrashLoopBackOff, ErrImagePull, ImagePullBackOff, OOMKilled, Error,
// BackoffLimitExceeded, ProgressDeadlineExceeded) whose producing code lives elsewhere.
import * as assert from 'node:assert/strict';
import { testContext } from './helpers';
import { explainWhy, podCondition } from '../../../server/src/cluster/why/explainWhy';
import { setLanguage } from '../../../server/src/util/l10n';
import type { KObject, Pod } from '../../../server/src/cluster/types';

const T = '2026-01-01T00:00:00Z';

function world() {
  const ctx = testContext();
  const deploy: KObject = ctx.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 3,
      progressDeadlineSeconds: 600,
      strategy: { rollingUpdate: { maxUnavailable: '25%' } },
      selector: { matchLabels: { app: 'web' } },
      template: { spec: { containers: [] } },
    },
  } as KObject);
  const rs: KObject = ctx.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-abc',
      namespace: 'default',
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deploy.metadata.uid!, controller: true }],
    },
    spec: {},
  } as KObject);
  let n = 0;
  const pod = (containerStatus: Record<string, unknown>, extra: { phase?: string; conditions?: unknown[]; spec?: Record<string, unknown> } = {}): Pod =>
    ctx.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `web-abc-${++n}`,
        namespace: 'default',
        labels: { app: 'web' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: rs.metadata.uid!, controller: true }],
      },
      spec: {
        containers: [
          { name: 'side', image: 'busybox' },
          {
            name: 'app',
            image: 'registry.local/web:v2',
            ports: [{ name: 'http', containerPort: 8080 }],
            resources: { limits: { memory: '128Mi' } },
            readinessProbe: { periodSeconds: 5 },
          },
        ],
        ...(extra.spec ?? {}),
      },
      status: {
        phase: extra.phase ?? 'Running',
        podIP: '10.244.1.9',
        conditions: extra.conditions ?? [
          { type: 'PodScheduled', status: 'True' },
          { type: 'Ready', status: 'False' },
        ],
        containerStatuses: [
          { name: 'side', ready: true, restartCount: 0, state: { running: { startedAt: T } } },
          { name: 'app', image: 'registry.local/web:v2', ready: false, restartCount: 4, ...containerStatus },
        ],
      },
    }) as Pod;
  return { ctx, store: ctx.store, pod, deploy };
}

describe('cluster/why explainers', () => {
  before(() => setLanguage('en'));

  it('finds the condition of a pod from its upstream status (table)', () => {
    const { pod } = world();
    const table: [string, Pod, string | null][] = [
      [
        'crash loop',
        pod({
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=app' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error' } },
        }),
        'CrashLoopBackOff',
      ],
      ['pull error', pod({ state: { waiting: { reason: 'ErrImagePull', message: 'rpc error: not found' } } }, { phase: 'Pending' }), 'ErrImagePull'],
      [
        'pull back-off',
        pod({ state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "registry.local/web:v2"' } } }, { phase: 'Pending' }),
        'ImagePullBackOff',
      ],
      ['invalid name', pod({ state: { waiting: { reason: 'InvalidImageName' } } }, { phase: 'Pending' }), 'InvalidImageName'],
      ['OOM just now', pod({ state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }), 'OOMKilled'],
      ['exited with error', pod({ state: { terminated: { exitCode: 2, reason: 'Error' } } }, { phase: 'Failed' }), 'Error'],
      ['readiness failing', pod({ state: { running: { startedAt: T } } }), 'ReadinessFailing'],
      [
        'unschedulable',
        pod(
          { state: {} },
          {
            phase: 'Pending',
            conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient memory.' }],
          },
        ),
        'FailedScheduling',
      ],
      ['fine', pod({ ready: true, state: { running: { startedAt: T } } }, { conditions: [{ type: 'Ready', status: 'True' }] }), null],
      ['completed', pod({ state: { terminated: { exitCode: 0, reason: 'Completed' } } }, { phase: 'Succeeded' }), null],
    ];
    for (const [what, p, expected] of table) assert.equal(podCondition(p)?.condition ?? null, expected, what);
  });

  it('explains a crash loop from lastState: exit code, restarts, the back-off event and the fix', () => {
    const { store, pod } = world();
    const p = pod({ state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error' } } });
    const w = explainWhy(store, p)!;
    assert.equal(w.condition, 'CrashLoopBackOff');
    assert.match(w.text.cause, /Container app keeps exiting \(last exit code 1, Error\).*restarts: 4/);
    assert.match(w.text.event, /^Warning BackOff: Back-off restarting failed container app in pod web-abc-1_default\(/);
    assert.deepEqual(w.field, { object: { kind: 'Deployment', namespace: 'default', name: 'web' }, path: 'spec.template.spec.containers[1].image' });
  });

  it('an OOMKilled crash loop points at the memory limit', () => {
    const { store, pod } = world();
    const w = explainWhy(
      store,
      pod({ state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }),
    )!;
    assert.match(w.text.cause, /more memory than its limit \(128Mi\), was OOMKilled/);
    assert.equal(w.field?.path, 'spec.template.spec.containers[1].resources.limits.memory');
    const now = explainWhy(store, pod({ state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }))!;
    assert.match(now.text.cause, /exit code 137 = killed by SIGKILL/);
  });

  it('image pull problems point at the image and name it', () => {
    const { store, pod } = world();
    for (const reason of ['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName']) {
      const w = explainWhy(store, pod({ state: { waiting: { reason } } }, { phase: 'Pending' }))!;
      assert.equal(w.condition, reason);
      assert.equal(w.field?.path, 'spec.template.spec.containers[1].image', reason);
      assert.match(w.text.cause, /registry\.local\/web:v2/, reason);
    }
  });

  it("uses the pod's latest Warning event when there is one", () => {
    const { ctx, store, pod } = world();
    const p = pod({ state: { waiting: { reason: 'ErrImagePull' } } }, { phase: 'Pending' });
    ctx.events.event(p, 'Warning', 'Failed', 'Failed to pull image "registry.local/web:v2": not found', 'kubelet', 'worker-1');
    assert.equal(explainWhy(store, p)!.text.event, 'Warning Failed: Failed to pull image "registry.local/web:v2": not found');
  });

  it('a Job past its backoffLimit and a Deployment past its progress deadline', () => {
    const { ctx, store, deploy } = world();
    const job = ctx.create({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate', namespace: 'default' },
      spec: { backoffLimit: 2, template: { spec: { containers: [] } } },
      status: {
        failed: 3,
        conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }],
      },
    });
    const j = explainWhy(store, job)!;
    assert.equal(j.condition, 'BackoffLimitExceeded');
    assert.match(j.text.cause, /failed 3 time\(s\), more than backoffLimit \(2\)/);
    assert.equal(j.field?.path, 'spec.backoffLimit');
    deploy.status = {
      replicas: 4,
      updatedReplicas: 1,
      availableReplicas: 3,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-abc" has timed out progressing.' }],
    };
    const d = explainWhy(store, deploy as KObject)!;
    assert.equal(d.condition, 'ProgressDeadlineExceeded');
    assert.match(d.text.cause, /no progress for 600s: ReplicaSet "web-abc" has timed out progressing\. The old pods keep serving/);
    assert.match(d.text.fix, /rollout undo deployment\/web/);
    deploy.status = {
      replicas: 4,
      updatedReplicas: 1,
      availableReplicas: 3,
      conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }],
    };
    const s = explainWhy(store, deploy as KObject)!;
    assert.equal(s.condition, 'RolloutStalled');
    assert.match(s.text.cause, /1 of 3 pods are updated but only 3 are available\. maxUnavailable \(25%\)/);
  });

  it('Services: a selector that matches nothing, a named targetPort no pod has, pods not ready', () => {
    const { ctx, store, pod } = world();
    pod({ state: { running: { startedAt: T } } });
    const svc = (name: string, selector: Record<string, string>, targetPort: number | string) =>
      ctx.create({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace: 'default' },
        spec: { selector, ports: [{ port: 80, targetPort, protocol: 'TCP' }] },
      });
    const table: [KObject, string][] = [
      [svc('typo', { app: 'wbe' }, 80), 'ServiceSelectorMatchesNothing'],
      [svc('named', { app: 'web' }, 'web'), 'ServicePortMismatch'],
      [svc('ok-port', { app: 'web' }, 'http'), 'ServiceNoReadyPods'],
    ];
    for (const [s, condition] of table) assert.equal(explainWhy(store, s)?.condition, condition, s.metadata.name);
    assert.match(explainWhy(store, table[0][0])!.text.cause, /labels app=wbe .*pods with those keys have app=web/);
    assert.match(explainWhy(store, table[1][0])!.text.cause, /none has a container port named "web".*Their ports: http/);
  });

  it('speaks Chinese when the language is zh-cn', () => {
    const { store, pod } = world();
    setLanguage('zh-cn');
    try {
      const w = explainWhy(store, pod({ state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error' } } }))!;
      assert.match(w.text.cause, /反复退出/);
    } finally {
      setLanguage('en');
    }
  });
});
