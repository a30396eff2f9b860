// A title for every code KubeMate reports, in the user's language: SARIF rule metadata and
// `kubemate check --list-rules`. The messages of individual findings say what is wrong where; a
// title says what the rule is about. A test fails when a code has no title.
import { t } from '../../util/l10n';
import { DIAGNOSTIC_CODES } from '../../features/diagnostics/diagnostic';
import { LINT_RULES } from '../../features/lint/lintRules';
import { CROSS_REF_CODES } from '../../features/crossRefs/crossRefCodes';
import type { FindingSeverity, RuleDescription } from './checkFinding';

const TITLES: Record<string, () => string> = {
  // YAML and schema
  'yaml-syntax': () => t('The file is not valid YAML'),
  'duplicate-key': () => t('A key appears twice in one mapping'),
  'unknown-field': () => t('A field the API does not know'),
  'wrong-type': () => t('A value of the wrong type'),
  'missing-required': () => t('A required field is missing'),
  'invalid-enum': () => t('A value outside the allowed set'),
  'invalid-quantity': () => t('A resource quantity the API server rejects'),
  'fractional-bytes': () => t('A memory quantity in millibytes (m instead of Mi)'),
  'missing-api-version': () => t('A manifest without apiVersion'),
  'missing-kind': () => t('A manifest without kind'),
  'unknown-api-version': () => t('An apiVersion Kubernetes does not serve'),
  'unknown-kind': () => t('A kind Kubernetes does not know'),
  'kind-not-in-version': () => t('A kind not served by this apiVersion'),
  'removed-api': () => t('An API version removed from Kubernetes'),
  'deprecated-api': () => t('A deprecated API version'),
  'custom-resource': () => t('A custom resource without a known schema'),
  'unchecked-api-version': () => t('An API version checked only in part'),
  // API-server rules
  'selector-mismatch': () => t('The selector does not match the pod template labels'),
  'missing-selector': () => t('A workload without a selector'),
  'empty-selector': () => t('An empty selector'),
  'invalid-name': () => t('An object name the API server rejects'),
  'invalid-label': () => t('A label key or value the API server rejects'),
  'invalid-container-name': () => t('A container name the API server rejects'),
  'duplicate-container-name': () => t('Two containers with the same name'),
  'invalid-port': () => t('A port number outside 1–65535'),
  'duplicate-port': () => t('The same port declared twice'),
  'invalid-port-name': () => t('A port name the API server rejects'),
  'requests-exceed-limits': () => t('Resource requests above the limits'),
  'invalid-value': () => t('A value the API server rejects'),
  'required-value': () => t('A value the API server requires'),
  'forbidden-field': () => t('A field the API server forbids here'),
  'not-found-reference': () => t('A reference the API server cannot resolve'),
  'duplicate-value': () => t('A value that must be unique appears twice'),
  'unsupported-value': () => t('A value the API server does not support'),
  'invalid-config-key': () => t('A ConfigMap or Secret key the API server rejects'),
  // Cross-file rules
  'service-selects-nothing': () => t('A Service whose selector matches no workload'),
  'target-port-not-exposed': () => t('A Service targetPort no selected container declares'),
  'missing-configmap': () => t('A reference to a ConfigMap that is not defined'),
  'missing-configmap-key': () => t('A reference to a ConfigMap key that is not defined'),
  'missing-secret': () => t('A reference to a Secret that is not defined'),
  'missing-secret-key': () => t('A reference to a Secret key that is not defined'),
  'ingress-backend-missing': () => t('An Ingress backend Service that is not defined'),
  'ingress-port-missing': () => t('An Ingress backend port the Service does not expose'),
  'unknown-ingress-class': () => t('An IngressClass that is not defined'),
  'missing-service-account': () => t('A ServiceAccount that is not defined'),
  'missing-pvc': () => t('A PersistentVolumeClaim that is not defined'),
  'hpa-target-missing': () => t('A HorizontalPodAutoscaler target that is not defined'),
  'pdb-selects-nothing': () => t('A PodDisruptionBudget whose selector matches no workload'),
  'statefulset-service-missing': () => t('A StatefulSet whose serviceName is not defined'),
  'namespace-undefined': () => t('A namespace that is not defined in the workspace'),
  'duplicate-object': () => t('The same object defined twice'),
  unschedulable: () => t('Pods that no node can fit'),
  // Lints
  'secret-in-env': () => t('A secret value written in plain text in env'),
  'invalid-base64': () => t('Secret data that is not valid base64'),
  'single-replica-no-pdb': () => t('A single replica without a PodDisruptionBudget'),
  'pdb-blocks-eviction': () => t('A PodDisruptionBudget that blocks every eviction'),
  'default-namespace': () => t('An object in the default namespace'),
  'missing-namespace': () => t('An object without a namespace'),
  'privileged-container': () => t('A privileged container'),
  'dangerous-capabilities': () => t('Dangerous Linux capabilities added'),
  'allow-privilege-escalation': () => t('Privilege escalation not turned off'),
  'run-as-non-root': () => t('A container that may run as root'),
  'seccomp-unconfined': () => t('Seccomp turned off (Unconfined)'),
  'proc-mount-unmasked': () => t('An unmasked /proc mount'),
  'drop-all-capabilities': () => t('Capabilities not dropped (drop: ALL)'),
  'read-only-root-fs': () => t('A writable root file system'),
  'configmap-not-versioned': () => t('A ConfigMap referenced by a name without a version'),
  'no-readiness-probe': () => t('A container without a readiness probe'),
  'no-liveness-probe': () => t('A container without a liveness probe'),
  'probe-port-not-exposed': () => t('A probe on a port the container does not declare'),
  'no-resource-requests': () => t('A container without resource requests'),
  'no-resource-limits': () => t('A container without resource limits'),
  'image-latest-tag': () => t('An image with the latest tag or no tag'),
  'pull-always-with-digest': () => t('imagePullPolicy Always with an image digest'),
  'image-no-digest': () => t('An image without a digest'),
  'deprecated-service-account': () => t('The deprecated serviceAccount field'),
  'duplicate-env': () => t('The same environment variable set twice'),
  'host-network': () => t('A pod on the node network (hostNetwork)'),
  'host-pid': () => t('A pod sharing the node process namespace (hostPID)'),
  'host-ipc': () => t('A pod sharing the node IPC namespace (hostIPC)'),
  'host-path-volume': () => t('A hostPath volume'),
  'host-port': () => t('A container bound to a node port (hostPort)'),
  'unsafe-sysctls': () => t('Unsafe sysctls'),
};

function severityOf(code: string): FindingSeverity | undefined {
  if (code in DIAGNOSTIC_CODES) return DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES];
  if (code in CROSS_REF_CODES) return CROSS_REF_CODES[code as keyof typeof CROSS_REF_CODES];
  return LINT_RULES.find((r) => r.id === code)?.severity;
}

export function describeRule(code: string): RuleDescription | undefined {
  const title = TITLES[code];
  const severity = severityOf(code);
  if (!title || !severity) return undefined;
  const lint = LINT_RULES.find((r) => r.id === code);
  const help = lint
    ? t('{0}. A best-practice lint ({1}); set its level or turn it off with "rules" in .kubemate.yaml or a `# kubemate-disable-next-line {2}` comment.', title(), lint.family, code)
    : code in CROSS_REF_CODES
      ? t('{0}. A cross-file check over the files checked together; set its level or turn it off with "rules" in .kubemate.yaml.', title())
      : t('{0}. Reported by the schema and API-server checks: the API server would reject or misread this manifest.', title());
  return { id: code, title: title(), help, severity };
}

/** Every code, in a stable order: schema and API rules, cross-file rules, lints. */
export function allCodes(): string[] {
  return [...Object.keys(DIAGNOSTIC_CODES), ...Object.keys(CROSS_REF_CODES), ...LINT_RULES.map((r) => r.id)];
}

export function listRules(): RuleDescription[] {
  return allCodes().flatMap((c) => describeRule(c) ?? []);
}
