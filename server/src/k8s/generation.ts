// Which objects carry metadata.generation. The API server sets it to 1 on create, and adds 1 on
// each spec change and on a graceful delete, only for kinds whose registry strategy tracks it
// (their PrepareForCreate sets `Generation = 1`): the workloads, Pods (1.33+), Ingresses,
// NetworkPolicies, PodDisruptionBudgets, EndpointSlices, admission and flow-control
// configuration, CustomResourceDefinitions and every custom resource. ConfigMaps, Secrets,
// Services, Namespaces, Nodes, Events and the other built-in kinds have none.
// upstream: pkg/registry/*/strategy.go PrepareForCreate/PrepareForUpdate,
// apiserver pkg/registry/rest/delete.go BeforeDelete (the bump on graceful deletion).
import { resolveResource } from './resources';

const TRACKED = new Set([
  'Pod',
  'PodTemplate',
  'ReplicationController',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Ingress',
  'IngressClass',
  'NetworkPolicy',
  'EndpointSlice',
  'PodDisruptionBudget',
  'CustomResourceDefinition',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'DeviceClass',
  'ResourceSlice',
]);

/** Does the API server keep metadata.generation for `kind`? Kinds it does not serve itself are custom resources: yes. */
export function tracksGeneration(kind: string): boolean {
  return TRACKED.has(kind) || resolveResource(kind)?.kind !== kind;
}
