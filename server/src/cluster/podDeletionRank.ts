// Which surplus pods a ReplicaSet deletes first.
// upstream: pkg/controller/replicaset/replica_set.go getPodsToDelete /
// getPodsRankedByRelatedPodsOnSameNode; pkg/controller/controller_utils.go ActivePodsWithRanks.Less
// (feature gates PodDeletionCost and LogarithmicScaleDown, both on by default since 1.22).
import type { Pod } from './types';
import { isPodActive, isPodReady, podCondition } from './controllerUtils';

const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** upstream: helper.GetDeletionCostFromPodAnnotations — an int32; absent or invalid counts as 0. */
export function deletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[DELETION_COST_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return 0;
  const n = Number(v.trim());
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** upstream: maxContainerRestarts — the highest restart count of the pod's containers. */
function maxRestarts(pod: Pod): number {
  let m = 0;
  for (const c of pod.status?.containerStatuses ?? []) m = Math.max(m, c.restartCount ?? 0);
  return m;
}

function readyTime(pod: Pod): number {
  const t = Date.parse(podCondition(pod, 'Ready')?.lastTransitionTime ?? '');
  return Number.isNaN(t) ? 0 : t;
}

function created(pod: Pod): number {
  const t = Date.parse(pod.metadata.creationTimestamp ?? '');
  return Number.isNaN(t) ? 0 : t;
}

/** upstream: logarithmicRankDiff — floor(log2(age in ns)) of each, compared (−1 for no age). */
export function logarithmicRankDiff(t1: number, t2: number, nowMs: number): number {
  const rank = (t: number) => {
    const ns = (nowMs - t) * 1e6;
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** Newer (or unset) time first: upstream afterOrZero, or the logarithmic buckets with the uid breaking ties. */
function newerFirst(a: Pod, b: Pod, ta: number, tb: number, nowMs: number): number {
  if (ta === 0 || tb === 0 || nowMs === 0) return ta === 0 ? -1 : tb === 0 ? 1 : tb - ta;
  const diff = logarithmicRankDiff(ta, tb, nowMs);
  if (diff !== 0) return diff;
  const ua = a.metadata.uid ?? '';
  const ub = b.metadata.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * upstream: ActivePodsWithRanks.Less — a negative result means `a` is deleted before `b`:
 * 1 unassigned < assigned; 2 Pending < Unknown < Running; 3 not ready < ready; 4 lower
 * pod-deletion-cost first; 5 more related pods on the same node first (doubled up); 6 both ready:
 * ready more recently first; 7 more container restarts first; 8 created more recently first.
 */
export function compareForDeletion(a: Pod, b: Pod, rankA: number, rankB: number, nowMs: number): number {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const pa = PHASE_ORDINAL[a.status?.phase] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  if (rankA !== rankB) return rankB - rankA;
  if (ra && rb) {
    const ta = readyTime(a);
    const tb = readyTime(b);
    if (ta !== tb) return newerFirst(a, b, ta, tb, nowMs);
  }
  const xa = maxRestarts(a);
  const xb = maxRestarts(b);
  if (xa !== xb) return xb - xa;
  const ta = created(a);
  const tb = created(b);
  if (ta !== tb) return newerFirst(a, b, ta, tb, nowMs);
  return 0;
}

/**
 * upstream: getPodsToDelete — the `diff` pods to delete. Each pod's rank is the number of active
 * related pods (those of every ReplicaSet of the same Deployment) on its node. Sorted only when
 * some pods survive, as upstream does.
 */
export function podsToDelete(pods: Pod[], related: Pod[], diff: number, nowMs: number): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) => compareForDeletion(x.pod, y.pod, x.rank, y.rank, nowMs));
  return ranked.slice(0, diff).map((r) => r.pod);
}
