// The kubelet's own admission of a pod bound to its node: a pod placed with spec.nodeName skips
// the scheduler, so the kubelet re-runs the general predicates and rejects what does not fit —
// phase Failed, reason OutOfcpu / OutOfmemory / OutOfpods (or the predicate's name).
// upstream: pkg/kubelet/lifecycle/predicate.go (Admit, generalFilter, InsufficientResourceError,
// PredicateFailureError); pkg/kubelet/kubelet.go rejectPod ("Pod was rejected: …").
import type { ControllerContext } from '../controllerContext';
import type { KObject, Pod } from '../types';
import { addPodResources, newNodeInfo, NodeInfo, podRequests } from './nodeInfo';
import { nodeAffinity, nodePorts } from './filters';

interface Rejection {
  reason: string;
  message: string;
}

/** Kubelet units: CPU in millicores, memory and the rest as whole numbers. */
function amount(resource: string, v: number): number {
  return resource === 'cpu' ? Math.round(v * 1000) : Math.round(v);
}

/** upstream: InsufficientResourceError.Error(). */
function insufficient(resource: string, requested: number, used: number, capacity: number): Rejection {
  return {
    reason: `OutOf${resource}`,
    message: `Node didn't have enough resource: ${resource}, requested: ${amount(resource, requested)}, used: ${amount(resource, used)}, capacity: ${amount(resource, capacity)}`,
  };
}

/**
 * upstream: generalFilter — noderesources.Fits (pod count first, then each requested resource),
 * then NodeAffinity and NodePorts; only the first failure is reported.
 */
function kubeletAdmit(pod: Pod, info: NodeInfo, req: Record<string, number>): Rejection | undefined {
  if (info.requested.pods + 1 > info.allocatable.pods) return insufficient('pods', 1, info.requested.pods, info.allocatable.pods);
  for (const name in req) {
    const want = req[name];
    if (!(want > 0)) continue;
    const capacity = info.allocatable[name] ?? 0;
    const used = info.requested[name] ?? 0;
    if (want > capacity - used) return insufficient(name, want, used, capacity);
  }
  const predicates: [string, (p: Pod, i: NodeInfo) => { reasons: string[] }][] = [
    ['NodeAffinity', nodeAffinity],
    ['NodePorts', nodePorts],
  ];
  for (const [name, f] of predicates) {
    const r = f(pod, info);
    if (r.reasons.length) return { reason: name, message: `Predicate ${name} failed: ${r.reasons[0]}` }; // l10n-exempt: the kubelet's own words
  }
  return undefined;
}

/** The nodes' admitted pods for one kubelet pass (their requests and host ports), built when the first new pod arrives. */
export type AdmissionCache = Map<string, NodeInfo>;

/**
 * Admission of a pod the kubelet has not started yet (no startTime). A rejected pod is written as
 * upstream's rejectPod leaves it (Failed, reason, "Pod was rejected: …") with a Warning event; true
 * then, so the caller skips it. An admitted pod joins the node's tally for the rest of the pass.
 */
export function rejectAtAdmission(ctx: ControllerContext, pod: Pod, node: KObject, pods: Pod[], cache: { infos?: AdmissionCache }): boolean {
  if (!cache.infos) {
    cache.infos = new Map();
    for (const p of pods) {
      if (!p.spec.nodeName || !p.status?.startTime || p === pod) continue;
      const phase = p.status.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      let info = cache.infos.get(p.spec.nodeName);
      if (!info) {
        const n = ctx.store.get('Node', undefined, p.spec.nodeName);
        if (!n) continue;
        cache.infos.set(p.spec.nodeName, (info = newNodeInfo(n)));
      }
      addPodResources(info, p);
    }
  }
  let info = cache.infos.get(node.metadata.name);
  if (!info) cache.infos.set(node.metadata.name, (info = newNodeInfo(node)));
  const req = podRequests(pod);
  const r = kubeletAdmit(pod, info, req);
  if (!r) {
    addPodResources(info, pod, req);
    return false;
  }
  pod.status = { ...pod.status, phase: 'Failed', reason: r.reason, message: `Pod was rejected: ${r.message}`, startTime: ctx.store.timestamp() }; // l10n-exempt: the kubelet's own words
  ctx.store.update(pod);
  ctx.events.event(pod, 'Warning', r.reason, r.message, 'kubelet', node.metadata.name);
  return true;
}
