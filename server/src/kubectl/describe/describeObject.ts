// `kubectl describe` text for every kind the simulator handles, in kubectl's describer layouts;
// any other kind gets kubectl's generic describer (fields as "Smart Labels", nested by indent).
// upstream: kubectl pkg/describe/describe.go (describerMap, genericDescriber, printUnstructuredContent, smartLabelFor).
import type { Store } from '../../cluster/store';
import type { KObject, Pod } from '../../cluster/types';
import { PrefixWriter } from './tabWriter';
import { Any, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './describeParts';
import { describePod } from './describePod';
import { describeCronJob, describeDaemonSet, describeDeployment, describeJob, describeReplicaSet, describeStatefulSet } from './describeWorkloads';
import { describeEndpoints, describeIngress, describeService } from './describeNetwork';
import { describeConfigMap, describeHPA, describeNamespace, describePDB, describePVC, describeSecret, describeServiceAccount } from './describeConfig';
import { describeNode } from './describeNode';

const DESCRIBERS: Record<string, (store: Store, o: KObject) => string> = {
  Pod: (s, o) => describePod(s, o as Pod),
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  ReplicationController: describeReplicaSet,
  StatefulSet: describeStatefulSet,
  DaemonSet: describeDaemonSet,
  Job: describeJob,
  CronJob: describeCronJob,
  Service: describeService,
  Endpoints: describeEndpoints,
  Ingress: describeIngress,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  PersistentVolumeClaim: describePVC,
  Namespace: describeNamespace,
  ServiceAccount: describeServiceAccount,
  PodDisruptionBudget: describePDB,
  HorizontalPodAutoscaler: describeHPA,
  Node: describeNode,
};

/** camelcase.Split + Title, keeping API/URL/UID/OSB/GUID upper-case: `apiVersion` → `API Version`. */
export function smartLabelFor(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[A-Z]+|-/g) ?? [field];
  return parts
    .filter((p) => p !== '_')
    .map((p) => (['API', 'URL', 'UID', 'OSB', 'GUID'].includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

function unstructured(w: PrefixWriter, level: number, content: Record<string, Any>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      unstructured(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) unstructured(w, level + 1, child, path);
        else w.write(level + 1, `${String(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${String(value)}\n`);
  }
}

function describeGeneric(store: Store, o: KObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', o.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', o.metadata.annotations);
  unstructured(w, 0, o as Record<string, Any>, '');
  describeEvents(w, store, o);
  return w.toString();
}

export function describeObject(store: Store, o: KObject): string {
  return (DESCRIBERS[o.kind] ?? describeGeneric)(store, o);
}
