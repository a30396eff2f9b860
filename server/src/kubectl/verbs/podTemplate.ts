// Where a kind keeps its pod template (kubectl's polymorphichelpers.updatePodSpecForObject).
import type { KObject } from '../../cluster/types';

// biome-ignore lint/suspicious/noExplicitAny: pod specs and statuses are read as plain JSON of every kind
export function podSpecOf(o: KObject): any | undefined {
  if (o.kind === 'Pod') return o.spec;
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec;
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'].includes(o.kind)) return o.spec?.template?.spec;
  return undefined;
}

/**
 * Gives the object a fresh copy of its pod template before a verb edits it: stored templates are
 * never edited in place (the controllers cache their identity per object — templateIdentity.ts).
 */
export function replaceTemplate(o: KObject): void {
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  if (o.kind === 'Pod') o.spec = copy(o.spec);
  else if (o.kind === 'CronJob') o.spec.jobTemplate = copy(o.spec.jobTemplate);
  else if (o.spec?.template) o.spec.template = copy(o.spec.template);
}
