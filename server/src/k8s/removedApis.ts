// APIs that Kubernetes removed or deprecated, with the release and the replacement.
// upstream: https://kubernetes.io/docs/reference/using-api/deprecation-guide/ (facts tabulated by this project).

export interface ApiChange {
  apiVersion: string;
  kind: string;
  /** The release that stopped serving it (removed) or that started warning (deprecated); '' when only "not served by 1.36" is known. */
  release: string;
  status: 'removed' | 'deprecated';
  /** apiVersion to use instead; undefined when the API has no direct replacement. */
  replacement?: string;
  /** Kind to use instead, when it differs. */
  replacementKind?: string;
}

type Row = [apiVersion: string, kinds: string[], release: string, replacement: string | undefined, status?: 'deprecated', replacementKind?: string];

const ROWS: Row[] = [
  ['extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.16', 'apps/v1'],
  ['extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1'],
  ['extensions/v1beta1', ['PodSecurityPolicy'], '1.16', undefined],
  ['extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1'],
  ['apps/v1beta1', ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], '1.16', 'apps/v1'],
  ['apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], '1.16', 'apps/v1'],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.22', 'networking.k8s.io/v1'],
  ['batch/v1beta1', ['CronJob'], '1.25', 'batch/v1'],
  ['batch/v2alpha1', ['CronJob'], '1.21', 'batch/v1'],
  ['policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1'],
  ['policy/v1beta1', ['PodSecurityPolicy'], '1.25', undefined],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2'],
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2'],
  ['rbac.authorization.k8s.io/v1beta1', ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], '1.22', 'rbac.authorization.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1alpha1', ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], '1.22', 'rbac.authorization.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['StorageClass', 'VolumeAttachment', 'CSIDriver', 'CSINode'], '1.22', 'storage.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1'],
  ['admissionregistration.k8s.io/v1alpha1', ['InitializerConfiguration'], '1.14', undefined],
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.22', 'admissionregistration.k8s.io/v1'],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.22', 'apiextensions.k8s.io/v1'],
  ['apiregistration.k8s.io/v1beta1', ['APIService'], '1.22', 'apiregistration.k8s.io/v1'],
  ['authentication.k8s.io/v1beta1', ['TokenReview'], '1.22', 'authentication.k8s.io/v1'],
  [
    'authorization.k8s.io/v1beta1',
    ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'],
    '1.22',
    'authorization.k8s.io/v1',
  ],
  ['certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.22', 'certificates.k8s.io/v1'],
  ['coordination.k8s.io/v1beta1', ['Lease'], '1.22', 'coordination.k8s.io/v1'],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1'],
  ['scheduling.k8s.io/v1alpha1', ['PriorityClass'], '1.17', 'scheduling.k8s.io/v1'],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1'],
  ['events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1'],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', 'flowcontrol.apiserver.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', 'flowcontrol.apiserver.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.32', 'flowcontrol.apiserver.k8s.io/v1'],
  [
    'resource.k8s.io/v1alpha2',
    ['ResourceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'PodSchedulingContext', 'ResourceClaimParameters', 'ResourceClassParameters', 'ResourceSlice'],
    '1.31',
    'resource.k8s.io/v1',
  ],
  // Alpha versions that Kubernetes 1.36 no longer serves (checked against its OpenAPI document);
  // the release that dropped each is not recorded here, so the message does not name one.
  ['networking.k8s.io/v1alpha1', ['IPAddress', 'ServiceCIDR'], '', 'networking.k8s.io/v1'],
  ['storage.k8s.io/v1alpha1', ['VolumeAttributesClass'], '', 'storage.k8s.io/v1'],
  ['storagemigration.k8s.io/v1alpha1', ['StorageVersionMigration'], '', 'storagemigration.k8s.io/v1beta1'],
  ['scheduling.k8s.io/v1alpha1', ['Workload'], '', 'scheduling.k8s.io/v1alpha2'],
  ['authentication.k8s.io/v1alpha1', ['SelfSubjectReview'], '', 'authentication.k8s.io/v1'],
  ['authentication.k8s.io/v1beta1', ['SelfSubjectReview'], '', 'authentication.k8s.io/v1'],
  ['v1', ['Endpoints'], '1.33', 'discovery.k8s.io/v1', 'deprecated', 'EndpointSlice'],
  ['v1', ['ComponentStatus'], '1.19', undefined, 'deprecated'],
];

export const API_CHANGES: ApiChange[] = ROWS.flatMap(([apiVersion, kinds, release, replacement, status, replacementKind]) =>
  kinds.map((kind) => ({ apiVersion, kind, release, replacement, status: status ?? 'removed', replacementKind })),
);

const index = new Map(API_CHANGES.map((c) => [`${c.apiVersion}/${c.kind}`, c]));

export function findApiChange(apiVersion: string, kind: string): ApiChange | undefined {
  return index.get(`${apiVersion}/${kind}`);
}
