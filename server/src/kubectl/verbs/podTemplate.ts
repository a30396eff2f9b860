// Where a kind keeps its pod template (kubectl's polymorphichelpers.updatePodSpecForObject).
import type { KObject } from '../../cluster/types';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function podSpecOf(o: KObject): any | undefined {
  if (o.kind === 'Pod') return o.spec;
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec;
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'].includes(o.kind)) return o.spec?.template?.spec;
  return undefined;
}
