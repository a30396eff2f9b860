// Small helpers for walking plain Kubernetes objects: where pod specs, containers and selectors
// live in each workload kind.
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function child(o: unknown, ...path: string[]): Obj | undefined {
  let cur: unknown = o;
  for (const p of path) {
    if (!isObj(cur)) return undefined;
    cur = cur[p];
  }
  return isObj(cur) ? cur : undefined;
}

/** Gets or creates the mapping at `path`. */
export function ensure(o: Obj, ...path: string[]): Obj {
  let cur = o;
  for (const p of path) {
    if (!isObj(cur[p])) cur[p] = {};
    cur = cur[p] as Obj;
  }
  return cur;
}

export const kindOf = (o: Obj): string => (typeof o.kind === 'string' ? o.kind : '');
export const nameOf = (o: Obj): string => (typeof child(o, 'metadata')?.name === 'string' ? (child(o, 'metadata')?.name as string) : '');
export const namespaceOf = (o: Obj): string | undefined =>
  typeof child(o, 'metadata')?.namespace === 'string' ? (child(o, 'metadata')?.namespace as string) : undefined;
export const groupOf = (o: Obj): string => {
  const v = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  return v.includes('/') ? v.split('/')[0] : '';
};
export const versionOf = (o: Obj): string => {
  const v = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  return v.includes('/') ? v.split('/')[1] : v;
};

const TEMPLATED = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController']);

/** The pod template of a workload (CronJob: the job template's), or undefined. */
export function podTemplate(o: Obj): Obj | undefined {
  const kind = kindOf(o);
  if (TEMPLATED.has(kind)) return child(o, 'spec', 'template');
  if (kind === 'CronJob') return child(o, 'spec', 'jobTemplate', 'spec', 'template');
  return undefined;
}

/** The pod spec of a Pod or of a workload's template. */
export function podSpec(o: Obj): Obj | undefined {
  if (kindOf(o) === 'Pod') return child(o, 'spec');
  return child(podTemplate(o), 'spec');
}

/** Every container of a pod spec, init and ephemeral ones included. */
export function containers(spec: Obj | undefined): Obj[] {
  if (!spec) return [];
  return ['initContainers', 'containers', 'ephemeralContainers'].flatMap((k) => (Array.isArray(spec[k]) ? (spec[k] as unknown[]).filter(isObj) : []));
}

/** Kinds that live outside namespaces: kustomize's namespace transformer leaves them alone. */
export const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'ClusterIssuer',
  'GatewayClass',
]);
