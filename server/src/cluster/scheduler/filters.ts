// Filter plugins in the default profile's order; a node is rejected by the first plugin that
// fails. Reason strings are upstream's (KUBERNETES-BEHAVIOUR §6.2).
// upstream: pkg/scheduler/framework/plugins/{nodeunschedulable,nodename,tainttoleration,
// nodeaffinity,nodeports,noderesources,podtopologyspread,interpodaffinity}.
import type { Pod, Taint } from '../types';
import { matchNodeSelectorTerms, toleratesTaint } from '../nodeMatching';

export { toleratesTaint };
import { NodeInfo, podHostPorts, podRequests } from './nodeInfo';
import { interPodAffinityFilter, InterPodAffinityState } from './interPodAffinity';
import { topologySpreadFilter, TopologySpreadState } from './podTopologySpread';

/** What the PreFilter step of the cluster-wide plugins computed for one pod in one cycle. */
export interface CycleState {
  spread?: TopologySpreadState;
  affinity?: InterPodAffinityState;
}

export interface FilterResult {
  reasons: string[];
  /** UnschedulableAndUnresolvable: preemption cannot help on this node. */
  unresolvable: boolean;
}

const PASS: FilterResult = { reasons: [], unresolvable: false };

function nodeUnschedulable(pod: Pod, info: NodeInfo): FilterResult {
  if (!info.node.spec?.unschedulable) return PASS;
  const tolerated = (pod.spec.tolerations ?? []).some((t) => toleratesTaint(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }));
  return tolerated ? PASS : { reasons: ['node(s) were unschedulable'], unresolvable: true };
}

function nodeName(pod: Pod, info: NodeInfo): FilterResult {
  if (!pod.spec.nodeName || pod.spec.nodeName === info.node.metadata.name) return PASS;
  return { reasons: ["node(s) didn't match the requested node name"], unresolvable: true };
}

/** Only NoSchedule and NoExecute taints filter; PreferNoSchedule only scores. Wording of 1.35+. */
function tolerated(pod: Pod, taint: Taint): boolean {
  for (const t of pod.spec.tolerations ?? []) if (toleratesTaint(t, taint)) return true;
  return false;
}

function taintToleration(pod: Pod, info: NodeInfo): FilterResult {
  const taints: Taint[] = info.node.spec?.taints ?? [];
  for (const taint of taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerated(pod, taint)) return { reasons: ['node(s) had untolerated taint(s)'], unresolvable: true };
  }
  return PASS;
}

function affinityMismatch(): FilterResult {
  return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
}

export function nodeAffinity(pod: Pod, info: NodeInfo): FilterResult {
  const labels: Record<string, string> = info.node.metadata.labels ?? {};
  const selector = pod.spec.nodeSelector;
  for (const k in selector) if (labels[k] !== String(selector[k])) return affinityMismatch();
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && !matchNodeSelectorTerms(terms, labels, info.node.metadata.name)) return affinityMismatch();
  return PASS;
}

/** A host port conflicts when protocol and port match and the host IPs overlap (0.0.0.0 overlaps all). */
export function nodePorts(pod: Pod, info: NodeInfo): FilterResult {
  if (!requestsHostPorts(pod)) return PASS;
  for (const p of podHostPorts(pod)) {
    const [proto, ip, port] = p.split('/');
    const wildcard = `${proto}/0.0.0.0/${port}`;
    let conflict = info.usedPorts.has(p) || info.usedPorts.has(wildcard);
    if (!conflict && ip === '0.0.0.0') for (const u of info.usedPorts) if (u.startsWith(`${proto}/`) && u.endsWith(`/${port}`)) conflict = true;
    if (conflict) return { reasons: ["node(s) didn't have free ports for the requested pod ports"], unresolvable: false };
  }
  return PASS;
}

/** Whether podHostPorts(pod) is non-empty, without building it (most pods ask for no host port). */
function requestsHostPorts(pod: Pod): boolean {
  for (const c of pod.spec.containers ?? []) for (const p of c.ports ?? []) if (p.hostPort) return true;
  return false;
}

/** upstream: noderesources fitsRequest — pod count, then each requested resource against what is free. */
function nodeResourcesFit(pod: Pod, info: NodeInfo): FilterResult {
  return fitsRequest(podRequests(pod), info);
}

function fitsRequest(req: Record<string, number>, info: NodeInfo): FilterResult {
  let reasons: string[] | undefined;
  let unresolvable = false;
  if (info.requested.pods + 1 > info.allocatable.pods) (reasons ??= []).push('Too many pods');
  for (const name in req) {
    const amount = req[name];
    if (!(amount > 0)) continue;
    const allocatable = info.allocatable[name] ?? 0;
    if (amount > allocatable - (info.requested[name] ?? 0)) {
      (reasons ??= []).push(`Insufficient ${name}`);
      if (amount > allocatable) unresolvable = true;
    }
  }
  return reasons ? { reasons, unresolvable } : PASS;
}

/** The default profile's filters, in order. */
const FILTERS: ((pod: Pod, info: NodeInfo) => FilterResult)[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit];

/** Runs the per-node filters on one node, stopping at the first plugin that rejects. */
export function runFilters(pod: Pod, info: NodeInfo, state?: CycleState): FilterResult {
  return runFiltersWith(pod, podRequests(pod), info, state);
}

/**
 * runFilters with the pod's requests computed once per scheduling cycle instead of per node; then
 * PodTopologySpread and InterPodAffinity (last in the default profile) from the cycle's state.
 */
export function runFiltersWith(pod: Pod, req: Record<string, number>, info: NodeInfo, state?: CycleState): FilterResult {
  for (const f of FILTERS) {
    const r = f === nodeResourcesFit ? fitsRequest(req, info) : f(pod, info);
    if (r.reasons.length) return r;
  }
  if (state) return topologySpreadFilter(pod, state.spread, info) ?? interPodAffinityFilter(state.affinity, info) ?? PASS;
  return PASS;
}
