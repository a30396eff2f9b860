// Defaulting and admission the API server applies to what it stores, so `get -o json` and the
// pod-template-hash see the same defaulted objects a real cluster would.
// upstream: pkg/apis/{core,apps,batch}/v1/defaults.go; admission plugins ServiceAccount,
// DefaultTolerationSeconds, DefaultStorageClass.
import type { Container, KObject, PodSpec, Pod, Toleration } from './types';
import { defaultService } from './controllers/service';
import { parseImageReference } from '../k8s/imageReference';

/**
 * SetDefaults_Container: Always when the tag ParseImageName reads is "latest" (written, or implied
 * by neither tag nor digest), else IfNotPresent — also for a reference that does not parse.
 */
function defaultPullPolicy(image: string): string {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return 'IfNotPresent';
  const tag = parsed.ref.tag ?? (parsed.ref.digest ? undefined : 'latest');
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Container, hostNetwork: boolean): void {
  // Only looked at when the policy is unset: templates arrive defaulted, and so do their pods.
  c.imagePullPolicy ??= defaultPullPolicy(String(c.image ?? ''));
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  // Limits without requests: requests default to the limits.
  if (c.resources.limits && !c.resources.requests) c.resources.requests = { ...c.resources.limits };
  else if (c.resources.limits && c.resources.requests) {
    for (const [k, v] of Object.entries(c.resources.limits)) if (c.resources.requests[k] === undefined) c.resources.requests[k] = v;
  }
  for (const p of c.ports ?? []) {
    p.protocol ??= 'TCP';
    // hostNetwork: every declared container port is also a host port.
    if (hostNetwork && !p.hostPort) p.hostPort = p.containerPort;
  }
  for (const probe of [c.readinessProbe, c.livenessProbe as Container['readinessProbe'], c.startupProbe as Container['readinessProbe']]) {
    if (!probe) continue;
    probe.timeoutSeconds ??= 1;
    probe.periodSeconds ??= 10;
    probe.successThreshold ??= 1;
    probe.failureThreshold ??= 3;
  }
}

/** upstream SetDefaults_PodSpec (+ container defaults). */
function defaultPodSpec(spec: PodSpec): void {
  if (!spec) return;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.containers ?? []) defaultContainer(c, spec.hostNetwork === true);
  for (const c of spec.initContainers ?? []) defaultContainer(c, spec.hostNetwork === true);
}

function defaultTemplate(o: KObject, path: 'template' | 'jobTemplate'): void {
  if (path === 'jobTemplate') {
    const spec = o.spec?.jobTemplate?.spec;
    if (spec?.template?.spec) defaultPodSpec(spec.template.spec);
    return;
  }
  if (o.spec?.template?.spec) defaultPodSpec(o.spec.template.spec);
}

/** Applies the defaults for a stored object of any kind we simulate. */
export function applyDefaults(o: KObject): void {
  const spec = o.spec;
  switch (o.kind) {
    case 'Pod':
      defaultPodSpec(spec);
      break;
    case 'Deployment':
      spec.replicas ??= 1;
      spec.strategy ??= {};
      spec.strategy.type ??= 'RollingUpdate';
      if (spec.strategy.type === 'RollingUpdate') {
        spec.strategy.rollingUpdate ??= {};
        spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
        spec.strategy.rollingUpdate.maxSurge ??= '25%';
      }
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      defaultTemplate(o, 'template');
      break;
    case 'ReplicaSet':
    case 'ReplicationController':
      spec.replicas ??= 1;
      if (o.kind === 'ReplicationController' && !spec.selector && spec.template?.metadata?.labels) spec.selector = { ...spec.template.metadata.labels };
      defaultTemplate(o, 'template');
      break;
    case 'StatefulSet':
      spec.replicas ??= 1;
      spec.podManagementPolicy ??= 'OrderedReady';
      spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
      spec.revisionHistoryLimit ??= 10;
      spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      defaultTemplate(o, 'template');
      break;
    case 'DaemonSet':
      spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
      spec.revisionHistoryLimit ??= 10;
      defaultTemplate(o, 'template');
      break;
    case 'Job':
      defaultJob(o);
      break;
    case 'CronJob':
      spec.concurrencyPolicy ??= 'Allow';
      spec.suspend ??= false;
      spec.successfulJobsHistoryLimit ??= 3;
      spec.failedJobsHistoryLimit ??= 1;
      defaultTemplate(o, 'jobTemplate');
      break;
    case 'Service':
      defaultService(o);
      break;
    case 'PersistentVolumeClaim':
      spec.volumeMode ??= 'Filesystem';
      break;
    case 'Secret':
      o.type ??= 'Opaque';
      break;
  }
}

/** upstream batch defaults + the selector the API server generates (manualSelector unset). */
function defaultJob(o: KObject): void {
  const spec = o.spec;
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  defaultTemplate(o, 'template');
}

/** Labels and selector the API server puts on a Job at creation (needs the uid). */
export function generateJobSelector(o: KObject): void {
  if (o.kind !== 'Job' || o.spec?.manualSelector) return;
  const uid = o.metadata.uid ?? '';
  const labels = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': o.metadata.name,
    'controller-uid': uid,
    'job-name': o.metadata.name,
  };
  o.spec.selector ??= { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  o.spec.template.metadata = { ...(o.spec.template.metadata ?? {}), labels: { ...(o.spec.template.metadata?.labels ?? {}), ...labels } };
}

/** DefaultTolerationSeconds: the same two tolerations on (nearly) every pod, shared and frozen — nothing edits them in place. */
const DEFAULT_TOLERATIONS: readonly Toleration[] = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) =>
  Object.freeze({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }),
);

/** Pod admission: ServiceAccount and DefaultTolerationSeconds plugins, priority. */
export function admitPod(pod: Pod): void {
  defaultPodSpec(pod.spec);
  pod.spec.serviceAccountName ??= 'default';
  pod.spec.enableServiceLinks ??= true;
  pod.spec.priority ??= 0;
  pod.spec.preemptionPolicy ??= 'PreemptLowerPriority';
  const tol = (pod.spec.tolerations ??= []);
  for (const t of DEFAULT_TOLERATIONS) {
    if (!tol.some((x) => x.key === t.key && (x.effect === 'NoExecute' || !x.effect))) tol.push(t);
  }
  pod.status ??= { phase: 'Pending' };
  pod.status.phase ??= 'Pending';
  pod.status.qosClass ??= qosClass(pod);
}

/** upstream qos.GetPodQOS. */
function qosClass(pod: Pod): string {
  let anyReq = false;
  let guaranteed = true;
  for (const c of pod.spec.containers ?? []) {
    const r = c.resources?.requests ?? {};
    const l = c.resources?.limits ?? {};
    if (Object.keys(r).length || Object.keys(l).length) anyReq = true;
    for (const k of ['cpu', 'memory']) if (l[k] === undefined || String(r[k] ?? l[k]) !== String(l[k])) guaranteed = false;
  }
  if (!anyReq) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
