// Which manifest the user wrote for an object and where in it a pod's fields live: a pod made by
// a ReplicaSet of a Deployment is decided by the Deployment's `spec.template.spec…`; a bare pod
// by its own `spec…`.
import type { Store } from '../store';
import type { KObject, Pod } from '../types';
import { controllerOf } from '../types';
import type { ObjectRef } from '../../protocol/clusterView';

export function refOf(obj: KObject): ObjectRef {
  return { kind: obj.kind, namespace: obj.metadata.namespace ?? null, name: obj.metadata.name };
}

/** The topmost controller owner (Deployment, StatefulSet, DaemonSet, Job, CronJob) or the object itself. */
export function topOwner(store: Store, obj: KObject): KObject {
  let cur = obj;
  for (let i = 0; i < 4; i++) {
    const o = controllerOf(cur);
    const next = o ? store.get(o.kind, cur.metadata.namespace, o.name) : undefined;
    if (!next) break;
    cur = next;
  }
  return cur;
}

/** The path prefix of the pod spec inside the owner's manifest. */
export function podSpecPath(owner: KObject): string {
  if (owner.kind === 'Pod') return 'spec';
  if (owner.kind === 'CronJob') return 'spec.jobTemplate.spec.template.spec';
  return 'spec.template.spec';
}

/** `{object, path}` of a field of a pod's spec (`containers[0].image`), on the manifest the user wrote. */
export function podField(store: Store, pod: Pod, rel: string): { object: ObjectRef; path: string } {
  const owner = topOwner(store, pod);
  return { object: refOf(owner), path: `${podSpecPath(owner)}.${rel}` };
}

export function containerIndex(pod: Pod, name: string): string {
  const i = pod.spec.containers.findIndex((c) => c.name === name);
  if (i >= 0) return `containers[${i}]`;
  const j = (pod.spec.initContainers ?? []).findIndex((c) => c.name === name);
  return j >= 0 ? `initContainers[${j}]` : 'containers[0]';
}
