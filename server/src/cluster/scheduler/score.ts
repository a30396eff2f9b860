// Scoring of the nodes that passed the filters. Each plugin gives 0–100, weighted as in the
// default profile: NodeResourcesFit (LeastAllocated) 1, NodeResourcesBalancedAllocation 1,
// PodTopologySpread 2 (default system constraint: spread a controller's pods over hostnames),
// TaintToleration 3 (PreferNoSchedule). Ties go to the first node in name order, so a run is
// reproducible (upstream picks randomly among the best).
// upstream: pkg/scheduler/framework/plugins/noderesources/least_allocated.go, balanced_allocation.go.
import type { Pod, Taint } from '../types';
import { NodeInfo, nonZeroRequests } from './nodeInfo';
import { toleratesTaint } from './filters';

/** upstream: leastResourceScorer — ((allocatable − requested) × 100 / allocatable), averaged over cpu and memory. */
export function leastAllocatedScore(pod: Pod, info: NodeInfo, nz: { cpu: number; memory: number } = nonZeroRequests(pod)): number {
  return Math.floor((leastPart(info.allocatable.cpu, info.nonZeroRequested.cpu + nz.cpu) + leastPart(info.allocatable.memory, info.nonZeroRequested.memory + nz.memory)) / 2);
}

function leastPart(alloc: number, req: number): number {
  return alloc <= 0 || req > alloc ? 0 : ((alloc - req) * 100) / alloc;
}

/** upstream: balancedResourceScorer — (1 − std(cpu fraction, memory fraction)) × 100. */
export function balancedAllocationScore(pod: Pod, info: NodeInfo, nz: { cpu: number; memory: number } = nonZeroRequests(pod)): number {
  const cpu = fraction(info.allocatable.cpu, info.nonZeroRequested.cpu + nz.cpu);
  const mem = fraction(info.allocatable.memory, info.nonZeroRequested.memory + nz.memory);
  const std = Math.abs(cpu - mem) / 2;
  return Math.floor((1 - std) * 100);
}

function fraction(alloc: number, req: number): number {
  return alloc <= 0 ? 1 : Math.min(1, req / alloc);
}

function intolerablePreferNoSchedule(pod: Pod, info: NodeInfo): number {
  const taints: Taint[] = info.node.spec?.taints ?? [];
  let n = 0;
  for (const t of taints) if (t.effect === 'PreferNoSchedule' && !(pod.spec.tolerations ?? []).some((tol) => toleratesTaint(tol, t))) n++;
  return n;
}

/** Picks the best node among `feasible`; undefined when the list is empty. */
export function selectHost(pod: Pod, feasible: NodeInfo[], nz?: { cpu: number; memory: number }): NodeInfo | undefined {
  if (feasible.length <= 1) return feasible[0];
  const req = nz ?? nonZeroRequests(pod);
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller)?.uid;
  const counts = feasible.map((n) => (owner ? n.podsByOwner.get(owner) ?? 0 : 0));
  const maxCount = Math.max(...counts);
  const taintCounts = feasible.map((n) => intolerablePreferNoSchedule(pod, n));
  const maxTaints = Math.max(...taintCounts);
  let best: NodeInfo | undefined;
  let bestScore = -Infinity;
  feasible.forEach((n, i) => {
    const spread = maxCount === 0 ? 100 : Math.floor((100 * (maxCount - counts[i])) / maxCount);
    const taint = maxTaints === 0 ? 100 : Math.floor((100 * (maxTaints - taintCounts[i])) / maxTaints);
    const score = leastAllocatedScore(pod, n, req) + balancedAllocationScore(pod, n, req) + 2 * spread + 3 * taint;
    if (score > bestScore) {
      bestScore = score;
      best = n;
    }
  });
  return best;
}
