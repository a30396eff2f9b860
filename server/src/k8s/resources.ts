// Kinds as kubectl names them: resource (plural) names, short names, group, scope.
// upstream: `kubectl api-resources` on a 1.36 cluster (short names, namespaced column).

export interface ResourceInfo {
  kind: string;
  group: string;
  version: string;
  plural: string;
  shortNames: string[];
  namespaced: boolean;
}

// [kind, group, version, plural, shortNames, namespaced]
type Row = [string, string, string, string, string[], boolean];
const ROWS: Row[] = [
  ['Pod', '', 'v1', 'pods', ['po'], true],
  ['Service', '', 'v1', 'services', ['svc'], true],
  ['Endpoints', '', 'v1', 'endpoints', ['ep'], true],
  ['ConfigMap', '', 'v1', 'configmaps', ['cm'], true],
  ['Secret', '', 'v1', 'secrets', [], true],
  ['Namespace', '', 'v1', 'namespaces', ['ns'], false],
  ['Node', '', 'v1', 'nodes', ['no'], false],
  ['ServiceAccount', '', 'v1', 'serviceaccounts', ['sa'], true],
  ['PersistentVolume', '', 'v1', 'persistentvolumes', ['pv'], false],
  ['PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', ['pvc'], true],
  ['ReplicationController', '', 'v1', 'replicationcontrollers', ['rc'], true],
  ['ResourceQuota', '', 'v1', 'resourcequotas', ['quota'], true],
  ['LimitRange', '', 'v1', 'limitranges', ['limits'], true],
  ['Event', '', 'v1', 'events', ['ev'], true],
  ['PodTemplate', '', 'v1', 'podtemplates', [], true],
  ['ComponentStatus', '', 'v1', 'componentstatuses', ['cs'], false],
  ['Binding', '', 'v1', 'bindings', [], true],
  ['Deployment', 'apps', 'v1', 'deployments', ['deploy'], true],
  ['ReplicaSet', 'apps', 'v1', 'replicasets', ['rs'], true],
  ['StatefulSet', 'apps', 'v1', 'statefulsets', ['sts'], true],
  ['DaemonSet', 'apps', 'v1', 'daemonsets', ['ds'], true],
  ['ControllerRevision', 'apps', 'v1', 'controllerrevisions', [], true],
  ['Job', 'batch', 'v1', 'jobs', [], true],
  ['CronJob', 'batch', 'v1', 'cronjobs', ['cj'], true],
  ['Ingress', 'networking.k8s.io', 'v1', 'ingresses', ['ing'], true],
  ['IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', [], false],
  ['NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', ['netpol'], true],
  ['IPAddress', 'networking.k8s.io', 'v1', 'ipaddresses', ['ip'], false],
  ['ServiceCIDR', 'networking.k8s.io', 'v1', 'servicecidrs', [], false],
  ['EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', [], true],
  ['HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', ['hpa'], true],
  ['PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets', ['pdb'], true],
  ['Role', 'rbac.authorization.k8s.io', 'v1', 'roles', [], true],
  ['RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', [], true],
  ['ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', [], false],
  ['ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', [], false],
  ['StorageClass', 'storage.k8s.io', 'v1', 'storageclasses', ['sc'], false],
  ['CSIDriver', 'storage.k8s.io', 'v1', 'csidrivers', [], false],
  ['CSINode', 'storage.k8s.io', 'v1', 'csinodes', [], false],
  ['CSIStorageCapacity', 'storage.k8s.io', 'v1', 'csistoragecapacities', [], true],
  ['VolumeAttachment', 'storage.k8s.io', 'v1', 'volumeattachments', [], false],
  ['VolumeAttributesClass', 'storage.k8s.io', 'v1', 'volumeattributesclasses', ['vac'], false],
  ['PriorityClass', 'scheduling.k8s.io', 'v1', 'priorityclasses', ['pc'], false],
  ['RuntimeClass', 'node.k8s.io', 'v1', 'runtimeclasses', [], false],
  ['Lease', 'coordination.k8s.io', 'v1', 'leases', [], true],
  ['CustomResourceDefinition', 'apiextensions.k8s.io', 'v1', 'customresourcedefinitions', ['crd', 'crds'], false],
  ['APIService', 'apiregistration.k8s.io', 'v1', 'apiservices', [], false],
  ['MutatingWebhookConfiguration', 'admissionregistration.k8s.io', 'v1', 'mutatingwebhookconfigurations', [], false],
  ['ValidatingWebhookConfiguration', 'admissionregistration.k8s.io', 'v1', 'validatingwebhookconfigurations', [], false],
  ['ValidatingAdmissionPolicy', 'admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicies', [], false],
  ['ValidatingAdmissionPolicyBinding', 'admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicybindings', [], false],
  ['MutatingAdmissionPolicy', 'admissionregistration.k8s.io', 'v1', 'mutatingadmissionpolicies', [], false],
  ['MutatingAdmissionPolicyBinding', 'admissionregistration.k8s.io', 'v1', 'mutatingadmissionpolicybindings', [], false],
  ['CertificateSigningRequest', 'certificates.k8s.io', 'v1', 'certificatesigningrequests', ['csr'], false],
  ['ClusterTrustBundle', 'certificates.k8s.io', 'v1beta1', 'clustertrustbundles', [], false],
  ['FlowSchema', 'flowcontrol.apiserver.k8s.io', 'v1', 'flowschemas', [], false],
  ['PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io', 'v1', 'prioritylevelconfigurations', [], false],
  ['DeviceClass', 'resource.k8s.io', 'v1', 'deviceclasses', [], false],
  ['ResourceClaim', 'resource.k8s.io', 'v1', 'resourceclaims', [], true],
  ['ResourceClaimTemplate', 'resource.k8s.io', 'v1', 'resourceclaimtemplates', [], true],
  ['ResourceSlice', 'resource.k8s.io', 'v1', 'resourceslices', [], false],
  ['DeviceTaintRule', 'resource.k8s.io', 'v1beta2', 'devicetaintrules', [], false],
  ['TokenReview', 'authentication.k8s.io', 'v1', 'tokenreviews', [], false],
  ['SelfSubjectReview', 'authentication.k8s.io', 'v1', 'selfsubjectreviews', [], false],
  ['SubjectAccessReview', 'authorization.k8s.io', 'v1', 'subjectaccessreviews', [], false],
  ['SelfSubjectAccessReview', 'authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', [], false],
  ['SelfSubjectRulesReview', 'authorization.k8s.io', 'v1', 'selfsubjectrulesreviews', [], false],
  ['LocalSubjectAccessReview', 'authorization.k8s.io', 'v1', 'localsubjectaccessreviews', [], true],
  ['StorageVersion', 'internal.apiserver.k8s.io', 'v1alpha1', 'storageversions', [], false],
  ['StorageVersionMigration', 'storagemigration.k8s.io', 'v1beta1', 'storageversionmigrations', [], false],
];

const RESOURCES: ResourceInfo[] = ROWS.map(([kind, group, version, plural, shortNames, namespaced]) => ({
  kind,
  group,
  version,
  plural,
  shortNames,
  namespaced,
}));

const byKind = new Map(RESOURCES.map((r) => [r.kind, r]));

/**
 * Accepts what kubectl accepts: `deploy`, `deployments`, `deployment`, `Deployment`,
 * `deployments.apps`, `deployment.apps`. Case-insensitive.
 */
export function resolveResource(name: string): ResourceInfo | undefined {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.');
  const base = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? undefined : lower.slice(dot + 1);
  return RESOURCES.find(
    (r) => (group === undefined || r.group === group) && (r.plural === base || r.kind.toLowerCase() === base || r.shortNames.includes(base)),
  );
}

/** Every built-in resource's plural name (`deployments`, `services`…), for suggestions. */
export function resourcePlurals(): string[] {
  return RESOURCES.map((r) => r.plural);
}

/** Cluster-scoped kinds have no namespace. Unknown kinds (custom resources) are taken as namespaced. */
export function isNamespaced(kind: string): boolean {
  return byKind.get(kind)?.namespaced ?? true;
}

/** `deployment.apps`, `service`, `ingress.networking.k8s.io` — the prefix kubectl prints. */
export function kubectlName(kind: string, group: string): string {
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

/** `deployments.apps`, `services` — the resource name used in API error messages. */
export function resourceName(kind: string, group: string): string {
  const plural = byKind.get(kind)?.plural ?? pluralize(kind);
  return group ? `${plural}.${group}` : plural;
}

function pluralize(kind: string): string {
  const k = kind.toLowerCase();
  if (k.endsWith('s')) return k + 'es';
  if (/[^aeiou]y$/.test(k)) return k.slice(0, -1) + 'ies';
  return k + 's';
}

/** Splits `apps/v1` into group and version; `v1` is the core group. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}
