// RollingUpdate. upstream: pkg/controller/deployment/rolling.go.
// One sync either scales the new RS up or scales old RSs down, never both — except right after
// the new RS is created (it is created already scaled, then old RSs are reconciled in the same sync).
import type { ControllerContext } from '../../controllerContext';
import type { KObject } from '../../types';
import { activeOnly, cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, syncRolloutStatus } from './sync';
import {
  creationOrder,
  deploymentComplete,
  getAvailableReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
  newRSNewReplicas,
  replicasOf,
  specReplicas,
} from './deploymentUtil';

/** upstream: rolloutRolling. */
export function rolloutRolling(ctx: ControllerContext, d: KObject, rsList: KObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  const allRSs = [...oldRSs, ...(newRS ? [newRS] : [])];
  if (newRS && reconcileNewReplicaSet(ctx, allRSs, newRS, d)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (reconcileOldReplicaSets(ctx, allRSs, activeOnly(oldRSs), newRS, d)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d);
  syncRolloutStatus(ctx, allRSs, newRS, d);
}

/**
 * upstream: reconcileNewReplicaSet. new == replicas → nothing; new > replicas → scale down to
 * replicas; otherwise scale to NewRSNewReplicas (e.g. 10 replicas, surge 2, old 5, new 0 → 7).
 */
export function reconcileNewReplicaSet(ctx: ControllerContext, allRSs: KObject[], newRS: KObject, d: KObject): boolean {
  if (specReplicas(newRS) === replicasOf(d)) return false;
  if (specReplicas(newRS) > replicasOf(d)) return scaleReplicaSetAndRecordEvent(ctx, newRS, replicasOf(d), d);
  return scaleReplicaSetAndRecordEvent(ctx, newRS, newRSNewReplicas(d, allRSs, newRS), d);
}

/**
 * upstream: reconcileOldReplicaSets.
 * maxScaledDown = all − minAvailable − (new.spec − new.available). The last term keeps old pods
 * while new pods are not available: 10 replicas, maxUnavailable 2, surge 3, new pods crash-looping:
 * all 13, minAvailable 8, new unavailable 5 → 13 − 8 − 5 = 0, old never scaled further.
 */
export function reconcileOldReplicaSets(ctx: ControllerContext, allRSs: KObject[], oldRSs: KObject[], newRS: KObject | undefined, d: KObject): boolean {
  const oldPodsCount = getReplicaCountForReplicaSets(oldRSs);
  if (oldPodsCount === 0) return false;
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newRSUnavailablePodCount = newRS ? specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0) : 0;
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) return false;
  const cleanupCount = cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown);
  const scaledDownCount = scaleDownOldReplicaSetsForRollingUpdate(ctx, [...oldRSs, ...(newRS ? [newRS] : [])], oldRSs, d);
  return cleanupCount + scaledDownCount > 0;
}

/**
 * upstream: cleanupUnhealthyReplicas — oldest first, remove only unavailable replicas, at most
 * maxCleanupCount. Old RS of 10 with 8 available and maxCleanupCount 1 → 9.
 */
export function cleanupUnhealthyReplicas(ctx: ControllerContext, oldRSs: KObject[], d: KObject, maxCleanupCount: number): number {
  const sorted = [...oldRSs].sort(creationOrder);
  let totalScaledDown = 0;
  for (const rs of sorted) {
    if (totalScaledDown >= maxCleanupCount) break;
    const spec = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const scaledDownCount = Math.min(maxCleanupCount - totalScaledDown, spec - available);
    scaleReplicaSetAndRecordEvent(ctx, rs, spec - scaledDownCount, d);
    totalScaledDown += scaledDownCount;
  }
  return totalScaledDown;
}

/**
 * upstream: scaleDownOldReplicaSetsForRollingUpdate — remove (available − minAvailable) replicas,
 * oldest RS first. 10 replicas, maxUnavailable 2, 10 available → old 10 → 8.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(ctx: ControllerContext, allRSs: KObject[], oldRSs: KObject[], d: KObject): number {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) return 0;
  const totalScaleDownCount = availablePodCount - minAvailable;
  let totalScaledDown = 0;
  for (const rs of [...oldRSs].sort(creationOrder)) {
    if (totalScaledDown >= totalScaleDownCount) break;
    if (specReplicas(rs) === 0) continue;
    const scaleDownCount = Math.min(specReplicas(rs), totalScaleDownCount - totalScaledDown);
    scaleReplicaSetAndRecordEvent(ctx, rs, specReplicas(rs) - scaleDownCount, d);
    totalScaledDown += scaleDownCount;
  }
  return totalScaledDown;
}
