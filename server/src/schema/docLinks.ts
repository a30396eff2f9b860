// kubernetes.io API reference pages for a kind, in English and Chinese.

const SECTIONS: Record<string, string[]> = {
  'workload-resources': [
    'Pod',
    'PodTemplate',
    'ReplicationController',
    'ReplicaSet',
    'Deployment',
    'StatefulSet',
    'ControllerRevision',
    'DaemonSet',
    'Job',
    'CronJob',
    'HorizontalPodAutoscaler',
    'PriorityClass',
    'PodSchedulingContext',
    'ResourceClaim',
    'ResourceClaimTemplate',
    'DeviceClass',
    'ResourceSlice',
  ],
  'service-resources': ['Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'IngressClass'],
  'config-and-storage-resources': [
    'ConfigMap',
    'Secret',
    'CSIDriver',
    'CSINode',
    'CSIStorageCapacity',
    'PersistentVolumeClaim',
    'PersistentVolume',
    'StorageClass',
    'StorageVersionMigration',
    'VolumeAttachment',
    'VolumeAttributesClass',
  ],
  'authentication-resources': ['ServiceAccount', 'TokenRequest', 'TokenReview', 'CertificateSigningRequest', 'ClusterTrustBundle', 'SelfSubjectReview'],
  'authorization-resources': [
    'LocalSubjectAccessReview',
    'SelfSubjectAccessReview',
    'SelfSubjectRulesReview',
    'SubjectAccessReview',
    'ClusterRole',
    'ClusterRoleBinding',
    'Role',
    'RoleBinding',
  ],
  'policy-resources': [
    'FlowSchema',
    'LimitRange',
    'ResourceQuota',
    'NetworkPolicy',
    'PodDisruptionBudget',
    'PriorityLevelConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'MutatingAdmissionPolicy',
  ],
  'extend-resources': ['CustomResourceDefinition', 'DeviceClass', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'cluster-resources': ['APIService', 'ComponentStatus', 'Event', 'IPAddress', 'Lease', 'LeaseCandidate', 'Namespace', 'Node', 'RuntimeClass', 'ServiceCIDR'],
};

const SECTION_OF = new Map<string, string>();
for (const [section, kinds] of Object.entries(SECTIONS)) for (const k of kinds) if (!SECTION_OF.has(k)) SECTION_OF.set(k, section);

export interface DocLinks {
  en: string;
  zhCn: string;
}

/** `HorizontalPodAutoscaler` → `horizontal-pod-autoscaler`. */
function slug(kind: string): string {
  return kind
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

export function kindDocLinks(kind: string, version: string, anchorType?: string): DocLinks {
  const section = SECTION_OF.get(kind);
  if (!section) {
    return {
      en: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/',
      zhCn: 'https://kubernetes.io/zh-cn/docs/concepts/overview/working-with-objects/',
    };
  }
  const page = `docs/reference/kubernetes-api/${section}/${slug(kind)}-${version}/${anchorType ? '#' + anchorType : ''}`;
  return { en: `https://kubernetes.io/${page}`, zhCn: `https://kubernetes.io/zh-cn/${page}` };
}
