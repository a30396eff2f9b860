// Scoring of the nodes that passed the filters. Each plugin gives 0–100, weighted as in the
// default profile: NodeResourcesFit (LeastAllocated) 1, NodeResourcesBalancedAllocation 1,
// NodeAffinity 2 (preferred terms), PodTopologySpread 2 (ScheduleAnyway constraints, or the system
// defaults: spread what a Service / ReplicaSet / StatefulSet selects over hostnames and zones),
// InterPodAffinity 2 (preferred terms), TaintToleration 3 (PreferNoSchedule). Ties go to the first node in name order, so a run is
// reproducible (upstream picks randomly among the best).
// upstream: pkg/scheduler/framework/plugins/noderesources/least_allocated.go, balanced_allocation.go.
import type { NodeSelectorTerm, Pod, Taint } from '../types';
import { NodeInfo, nonZeroRequests } from './nodeInfo';
import { toleratesTaint } from './filters';
import { matchNodeSelectorTerms } from '../nodeMatching';
import { interPodAffinityScores, NamespaceLabels } from './interPodAffinity';
import { recountAfterBind, SpreadConstraint, SpreadCounts, spreadCounts, spreadScoresFrom } from './podTopologySpread';

/** upstream: leastResourceScorer — ((allocatable − requested) × 100 / allocatable), averaged over cpu and memory. */
function leastAllocatedScore(info: NodeInfo, nz: { cpu: number; memory: number }): number {
  return Math.floor(
    (leastPart(info.allocatable.cpu, info.nonZeroRequested.cpu + nz.cpu) + leastPart(info.allocatable.memory, info.nonZeroRequested.memory + nz.memory)) / 2,
  );
}

function leastPart(alloc: number, req: number): number {
  return alloc <= 0 || req > alloc ? 0 : ((alloc - req) * 100) / alloc;
}

/** upstream: balancedResourceScorer — (1 − std(cpu fraction, memory fraction)) × 100. */
function balancedAllocationScore(info: NodeInfo, nz: { cpu: number; memory: number }): number {
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

/** upstream: helper.DefaultNormalizeScore — scale to 0–100 by the maximum; reverse flips it (all 0 → all 100). */
export function defaultNormalizeScore(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? 100 : 0));
  return scores.map((s) => {
    const n = Math.floor((100 * s) / max);
    return reverse ? 100 - n : n;
  });
}

type WeightedTerm = {
  weight?: number;
  preference?: { matchExpressions?: NodeSelectorTerm['matchExpressions']; matchFields?: NodeSelectorTerm['matchFields'] };
};

/** upstream: nodeaffinity Score — the sum of the weights of the preferred terms the node matches. */
export function nodeAffinityScore(pod: Pod, info: NodeInfo): number {
  const prefs = (pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as WeightedTerm[];
  if (!Array.isArray(prefs)) return 0;
  let s = 0;
  for (const p of prefs) {
    if (p?.preference && matchNodeSelectorTerms([p.preference], info.node.metadata.labels ?? {}, info.node.metadata.name)) s += Number(p.weight ?? 0);
  }
  return s;
}

/** Cluster-wide inputs of the scoring plugins that look beyond one node. */
export interface ScoreContext {
  all: NodeInfo[];
  nsLabels: NamespaceLabels;
  /** PodTopologySpread's system default constraints for this pod (empty when nothing selects it). */
  defaults: SpreadConstraint[];
}

/**
 * The parts of one pod's scores over its feasible nodes, kept by the scheduler for the next pod of
 * the same template: after that pod is bound, only the node it went to has other resources and
 * other spread counts (rescoreAfterBind); what the other plugins gave depends on the nodes' labels
 * and taints and on pods with affinity terms, which a pod without such terms does not change.
 */
export interface ScoreMemo {
  feasible: NodeInfo[];
  nz: { cpu: number; memory: number };
  /** Per feasible node: NodeResourcesFit + NodeResourcesBalancedAllocation. */
  resources: number[];
  /** Per feasible node: 2 × NodeAffinity + 2 × InterPodAffinity + 3 × TaintToleration. */
  others: number[];
  /** PodTopologySpread's counts; undefined when no constraint applies. */
  spread?: SpreadCounts;
}

/**
 * The weighted score of every feasible node (default profile weights: NodeResourcesFit 1,
 * NodeResourcesBalancedAllocation 1, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2,
 * TaintToleration 3). upstream: pkg/scheduler/apis/config/v1 getDefaultPlugins; schedule_one.go prioritizeNodes.
 */
function scoreParts(pod: Pod, feasible: NodeInfo[], nz: { cpu: number; memory: number } = nonZeroRequests(pod), sctx?: ScoreContext): ScoreMemo {
  // TaintToleration and NodeAffinity raw scores are mostly all 0 (no PreferNoSchedule taint, no
  // preferred terms): normalised, that is 100 (reversed) and 0 for every node, without the arrays.
  const n = feasible.length;
  let taint: number[] | undefined;
  for (let i = 0; i < n; i++) {
    const v = intolerablePreferNoSchedule(pod, feasible[i]);
    if (v !== 0 && !taint) taint = new Array(n).fill(0);
    if (taint) taint[i] = v;
  }
  const taintScores = taint ? defaultNormalizeScore(taint, true) : undefined;
  const prefs = pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  const affinity =
    Array.isArray(prefs) && prefs.length
      ? defaultNormalizeScore(
          feasible.map((info) => nodeAffinityScore(pod, info)),
          false,
        )
      : undefined;
  const spread = spreadCounts(pod, feasible, sctx?.all ?? feasible, sctx?.defaults ?? []);
  const podAffinity = interPodAffinityScores(pod, feasible, sctx?.all ?? feasible, sctx?.nsLabels ?? (() => undefined));
  const resources: number[] = new Array(n);
  const others: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const info = feasible[i];
    resources[i] = leastAllocatedScore(info, nz) + balancedAllocationScore(info, nz);
    others[i] = 2 * (affinity?.[i] ?? 0) + 2 * (podAffinity?.[i] ?? 0) + 3 * (taintScores?.[i] ?? 100);
  }
  return { feasible, nz, resources, others, spread };
}

/** The weighted sums (every part is a whole number, so the order of the sum does not matter). */
function totals(m: ScoreMemo): number[] {
  const spread = m.spread ? spreadScoresFrom(m.spread) : undefined;
  const out: number[] = new Array(m.feasible.length);
  for (let i = 0; i < out.length; i++) out[i] = m.resources[i] + 2 * (spread?.[i] ?? 0) + m.others[i];
  return out;
}

/** The best node (first in name order on a tie). */
function best(feasible: NodeInfo[], scores: number[]): NodeInfo {
  let b = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[b]) b = i;
  return feasible[b];
}

/** Picks the best node among `feasible` (first in name order on a tie); undefined when the list is empty. */
export function selectHost(pod: Pod, feasible: NodeInfo[], nz?: { cpu: number; memory: number }, sctx?: ScoreContext): NodeInfo | undefined {
  return scoreHost(pod, feasible, nz, sctx)?.host;
}

/** selectHost, with the scores' parts when more than one node was scored. */
export function scoreHost(
  pod: Pod,
  feasible: NodeInfo[],
  nz?: { cpu: number; memory: number },
  sctx?: ScoreContext,
): { host: NodeInfo; memo?: ScoreMemo } | undefined {
  if (feasible.length <= 1) return feasible.length ? { host: feasible[0] } : undefined;
  const memo = scoreParts(pod, feasible, nz ?? nonZeroRequests(pod), sctx);
  return { host: best(feasible, totals(memo)), memo };
}

/**
 * The best node for a pod of the same template as the one `memo` scored, now bound to `host` (one
 * of memo.feasible, still feasible): that node's resource scores and spread counts are computed
 * again, the rest is what they were. `memo` is updated for the next pod.
 */
export function rescoreAfterBind(memo: ScoreMemo, host: NodeInfo): NodeInfo {
  const h = memo.feasible.indexOf(host);
  memo.resources[h] = leastAllocatedScore(host, memo.nz) + balancedAllocationScore(host, memo.nz);
  if (memo.spread) recountAfterBind(memo.spread, host);
  return best(memo.feasible, totals(memo));
}
