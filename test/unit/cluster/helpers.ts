// Test helpers for the cluster engine: a bare controller context and object builders.
import { Store } from '../../../server/src/cluster/store';
import { EventRecorder } from '../../../server/src/cluster/events';
import { ApiServer } from '../../../server/src/cluster/apiServer';
import type { ControllerContext } from '../../../server/src/cluster/controllerContext';
import type { KObject } from '../../../server/src/cluster/types';
import { SeededIds } from '../../../server/src/util/seededIds';

export function testContext(): ControllerContext {
  const store = new Store(new SeededIds(7), Date.UTC(2026, 0, 1));
  const api = new ApiServer(store);
  return { store, events: new EventRecorder(store), create: (o) => api.create(o), remove: (o) => void api.remove(o), wakeAt: () => undefined };
}

export function deployment(
  replicas: number,
  maxSurge: number | string | undefined,
  maxUnavailable: number | string | undefined,
  extra: Partial<KObject['spec']> = {},
): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'default', uid: 'd-uid', generation: 1 },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'foo' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } },
      template: { metadata: { labels: { app: 'foo' } }, spec: { containers: [{ name: 'c', image: 'foo:1' }] } },
      ...extra,
    },
    status: {},
  };
}

let seq = 0;
/** A ReplicaSet with spec/status sizes; `age` orders creationTimestamp (bigger = older). */
export function rs(name: string, spec: number, available: number, age = 0, annotations: Record<string, string> = {}): KObject {
  seq++;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `${name}-uid-${seq}`,
      creationTimestamp: new Date(Date.UTC(2026, 0, 1) - age * 60000).toISOString(),
      annotations,
      generation: 1,
    },
    spec: { replicas: spec, template: { metadata: { labels: { app: 'foo' } }, spec: { containers: [{ name: 'c', image: name }] } } },
    status: { replicas: spec, availableReplicas: available, readyReplicas: available, observedGeneration: 1 },
  };
}
