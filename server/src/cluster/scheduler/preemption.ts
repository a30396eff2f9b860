// DefaultPreemption: when a pod fits nowhere, look for one node where evicting lower-priority
// pods would make room; evict the fewest / least important, nominate the node.
// upstream: pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go
// (SelectVictimsOnNode, PodEligibleToPreemptOthers), framework/preemption/preemption.go
// (findCandidates, pickOneNodeForPreemption, prepareCandidate).
import type { Pod } from '../types';
import { addPod, newNodeInfo, NodeInfo, podRequests } from './nodeInfo';
import { CycleState, FilterResult, runFiltersWith } from './filters';
import { interPodAffinityPreFilter, NamespaceLabels } from './interPodAffinity';
import { topologySpreadPreFilter } from './podTopologySpread';

export const priorityOf = (p: Pod): number => Number(p.spec.priority ?? 0);

export interface Candidate {
  node: NodeInfo;
  victims: Pod[];
}

function startTime(p: Pod): string {
  return p.status?.startTime ?? p.metadata.creationTimestamp ?? '';
}

/** upstream: util.MoreImportantPod — higher priority, then the one started earlier. */
function moreImportant(a: Pod, b: Pod): number {
  if (priorityOf(a) !== priorityOf(b)) return priorityOf(b) - priorityOf(a);
  return startTime(a) < startTime(b) ? -1 : startTime(a) > startTime(b) ? 1 : 0;
}

function withPods(info: NodeInfo, pods: Pod[]): NodeInfo {
  const copy = newNodeInfo(info.node);
  for (const p of pods) addPod(copy, p);
  return copy;
}

function fits(pod: Pod, node: NodeInfo, infos: NodeInfo[], nsLabels: NamespaceLabels): boolean {
  const all = infos.map((i) => (i.node === node.node ? node : i));
  const state: CycleState = { spread: topologySpreadPreFilter(pod, all), affinity: interPodAffinityPreFilter(pod, all, nsLabels) };
  return runFiltersWith(pod, podRequests(pod), node, state).reasons.length === 0;
}

/**
 * upstream: SelectVictimsOnNode — remove every lower-priority pod; if the pod then fits, add them
 * back most important first while it still fits (reprieve); the rest are the victims.
 */
function selectVictimsOnNode(pod: Pod, info: NodeInfo, infos: NodeInfo[], nsLabels: NamespaceLabels): Pod[] | undefined {
  const lower = info.pods.filter((p) => priorityOf(p) < priorityOf(pod));
  if (!lower.length) return undefined;
  const keep = info.pods.filter((p) => !lower.includes(p));
  if (!fits(pod, withPods(info, keep), infos, nsLabels)) return undefined;
  const victims: Pod[] = [];
  for (const p of [...lower].sort(moreImportant)) {
    const trial = withPods(info, [...keep, p]);
    if (fits(pod, trial, infos, nsLabels)) keep.push(p);
    else victims.push(p);
  }
  return victims;
}

/**
 * upstream: pickOneNodeForPreemption — fewest PDB violations (not modelled: 0 everywhere), then
 * the lowest highest-priority victim, the lowest sum of priorities, the fewest victims, the latest
 * start of the highest-priority victim, then the first node.
 */
export function pickCandidate(cands: Candidate[]): Candidate | undefined {
  const key = (c: Candidate) => {
    const top = [...c.victims].sort(moreImportant)[0];
    return {
      high: top ? priorityOf(top) : -Infinity,
      sum: c.victims.reduce((s, p) => s + priorityOf(p) + 2147483648, 0),
      n: c.victims.length,
      start: top ? startTime(top) : '',
    };
  };
  let best: Candidate | undefined;
  let bk: ReturnType<typeof key> | undefined;
  for (const c of cands) {
    const k = key(c);
    if (!bk || k.high < bk.high || (k.high === bk.high && (k.sum < bk.sum || (k.sum === bk.sum && (k.n < bk.n || (k.n === bk.n && k.start > bk.start)))))) {
      best = c;
      bk = k;
    }
  }
  return best;
}

/** upstream: PodEligibleToPreemptOthers (preemptionPolicy Never) and findCandidates over the nodes preemption may help. */
export function findPreemption(pod: Pod, infos: NodeInfo[], results: Map<NodeInfo, FilterResult>, nsLabels: NamespaceLabels): Candidate | undefined {
  if (pod.spec.preemptionPolicy === 'Never') return undefined;
  const cands: Candidate[] = [];
  for (const info of infos) {
    const r = results.get(info);
    if (!r || r.unresolvable) continue;
    const victims = selectVictimsOnNode(pod, info, infos, nsLabels);
    if (victims?.length) cands.push({ node: info, victims });
  }
  return pickCandidate(cands);
}
