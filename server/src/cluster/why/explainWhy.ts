// "Why?" for every object that is not fine: finds the condition of a pod (not Running and Ready),
// a Service (no ready endpoints), a Deployment (stalled rollout) or a Job (failed) from its
// upstream status, and asks the explainer keyed by that condition (podExplainers.ts,
// objectExplainers.ts) for the cause, the event, the deciding manifest field and the fix.
import type { Store } from '../store';
import type { KObject, Pod } from '../types';
import type { WhyExplanation } from '../../protocol/why';
import { POD_EXPLAINERS, PodWhyContext } from './podExplainers';
import { OBJECT_EXPLAINERS, deploymentCondition, jobCondition, serviceCondition } from './objectExplainers';
import { podField, refOf } from './manifestField';
import { isPodReady } from '../controllerUtils';

/**
 * The latest Warning event of each object (by uid), as `Warning <Reason>: <message>`: one pass
 * over the event log's records, without materialising the Event objects.
 */
export function latestWarnings(store: Store, namespace?: string): Map<string, string> {
  const best = new Map<string, { last: string; text: string }>();
  for (const r of store.eventLog.records()) {
    const e = r.full;
    const type = e ? e.type : r.type;
    const uid = e ? e.involvedObject.uid : r.uid;
    if (type !== 'Warning' || !uid || (namespace !== undefined && (e ? e.metadata.namespace : r.ns) !== namespace)) continue;
    const last = e ? (e.lastTimestamp ?? e.firstTimestamp) : r.last;
    const b = best.get(uid);
    if (!b || last >= b.last) best.set(uid, { last, text: `Warning ${e ? e.reason : r.reason}: ${e ? e.message : r.message}` });
  }
  return new Map([...best].map(([uid, b]) => [uid, b.text]));
}

const CONTAINER_REASONS = ['CrashLoopBackOff', 'ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'CreateContainerConfigError', 'ContainerCreating'];

/** The condition of a pod and the container it is about, or null for a fine (or finished, or terminating) pod. */
export function podCondition(pod: Pod): { condition: string; container?: string } | null {
  const st = pod.status ?? ({} as Pod['status']);
  if (pod.metadata.deletionTimestamp || st.phase === 'Succeeded') return null;
  if (st.reason === 'Evicted') return { condition: 'Evicted' };
  const scheduled = (st.conditions ?? []).find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False') return { condition: 'FailedScheduling' };
  const statuses = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])];
  for (const s of statuses) {
    const w = s.state?.waiting?.reason;
    if (w && CONTAINER_REASONS.includes(w)) return { condition: w, container: s.name };
    const term = s.state?.terminated;
    if (term && term.exitCode !== 0) return { condition: term.reason === 'OOMKilled' ? 'OOMKilled' : 'Error', container: s.name };
  }
  if (st.phase === 'Running' && !isPodReady(pod)) {
    const notReady = (st.containerStatuses ?? []).find((s) => s.state?.running && !s.ready);
    if (notReady) return { condition: 'ReadinessFailing', container: notReady.name };
  }
  return null;
}

function podWhy(store: Store, pod: Pod, warnings: Map<string, string>): WhyExplanation | null {
  const found = podCondition(pod);
  if (!found) return null;
  const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  const ctx: PodWhyContext = {
    store,
    pod,
    spec: all.find((c) => c.name === found.container),
    status: [...(pod.status.initContainerStatuses ?? []), ...(pod.status.containerStatuses ?? [])].find(
      (s) => s.name === found.container,
    ) as PodWhyContext['status'],
    warning: warnings.get(pod.metadata.uid ?? '') ?? null,
  };
  const w = POD_EXPLAINERS[found.condition](ctx);
  return {
    condition: found.condition,
    object: refOf(pod),
    field: w.field ? podField(store, pod, w.field) : null,
    text: { cause: w.cause, event: w.event, fix: w.fix },
  };
}

function objectWhy(store: Store, obj: KObject, condition: string | null, warnings: Map<string, string>): WhyExplanation | null {
  if (!condition) return null;
  const w = OBJECT_EXPLAINERS[condition]({ store, obj, warning: warnings.get(obj.metadata.uid ?? '') ?? null });
  return { condition, object: refOf(obj), field: w.field ? { object: refOf(obj), path: w.field } : null, text: { cause: w.cause, event: w.event, fix: w.fix } };
}

/** The explanation for one object, or null when it is fine (or of a kind with no explainer). */
export function explainWhy(store: Store, obj: KObject, warnings?: () => Map<string, string>): WhyExplanation | null {
  let own: Map<string, string> | undefined;
  // Events are read only for an object that needs explaining.
  const w = () => (warnings ? warnings() : (own ??= latestWarnings(store, obj.metadata.namespace)));
  switch (obj.kind) {
    case 'Pod':
      return podCondition(obj as Pod) ? podWhy(store, obj as Pod, w()) : null;
    case 'Service': {
      const c = serviceCondition(store, obj);
      return c ? objectWhy(store, obj, c, w()) : null;
    }
    case 'Deployment': {
      const c = deploymentCondition(obj);
      return c ? objectWhy(store, obj, c, w()) : null;
    }
    case 'Job': {
      const c = jobCondition(obj);
      return c ? objectWhy(store, obj, c, w()) : null;
    }
    default:
      return null;
  }
}

/** Every explanation in the given namespaces, Deployments and Jobs first, then Services, then pods. */
export function explainAll(store: Store, namespaces: (ns: string) => boolean): WhyExplanation[] {
  const out: WhyExplanation[] = [];
  let warnings: Map<string, string> | undefined;
  for (const kind of ['Deployment', 'Job', 'Service', 'Pod']) {
    for (const obj of store.list(kind)) {
      if (!namespaces(obj.metadata.namespace ?? 'default')) continue;
      const w = explainWhy(store, obj, () => (warnings ??= latestWarnings(store)));
      if (w) out.push(w);
    }
  }
  return out;
}
