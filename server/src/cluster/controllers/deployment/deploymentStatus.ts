// A Deployment's status and conditions: the counts from its ReplicaSets, Available, and the
// Progressing condition with its deadline. upstream: pkg/controller/deployment/sync.go
// (calculateStatus, syncDeploymentStatus), progress.go (syncRolloutStatus), util (SetDeploymentCondition).
import type { ControllerContext } from '../../controllerContext';
import type { KObject } from '../../types';
import { fastClone, deepEqual } from '../../controllerUtils';
import {
  MAX_INT32,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
  replicasOf,
} from './deploymentUtil';

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
}

export function getCondition(status: { conditions?: Condition[] } | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** upstream: SetDeploymentCondition — same status and reason: keep as is; same status: keep transition time. */
export function setCondition(status: { conditions?: Condition[] }, c: Condition): void {
  const current = getCondition(status, c.type);
  if (current && current.status === c.status && current.reason === c.reason) return;
  if (current && current.status === c.status) c.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), c];
}

export function newCondition(ctx: ControllerContext, type: string, status: Condition['status'], reason: string, message: string): Condition {
  const now = ctx.store.timestamp();
  return { type, status, reason, message, lastUpdateTime: now, lastTransitionTime: now };
}

export function hasProgressDeadline(d: KObject): boolean {
  const p = d.spec?.progressDeadlineSeconds;
  return typeof p === 'number' && p !== MAX_INT32;
}

/** upstream: calculateStatus. */
export function calculateStatus(allRSs: KObject[], newRS: KObject | undefined, d: KObject, ctx: ControllerContext) {
  const availableReplicas = getAvailableReplicaCountForReplicaSets(allRSs);
  const totalReplicas = getReplicaCountForReplicaSets(allRSs);
  const status: Record<string, unknown> & { conditions?: Condition[] } = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: newRS ? getActualReplicaCountForReplicaSets([newRS]) : 0,
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas,
    unavailableReplicas: Math.max(0, totalReplicas - availableReplicas),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  // Conditions are replaced, never edited in place: the array needs copying, its entries do not.
  const conditions = d.status?.conditions ?? [];
  status.conditions = Array.isArray(conditions) ? conditions.slice() : fastClone(conditions);
  if (availableReplicas >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition(ctx, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'));
  } else {
    setCondition(status, newCondition(ctx, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'));
  }
  return status;
}

/** upstream: syncDeploymentStatus (no Progressing handling). */
export function syncDeploymentStatus(ctx: ControllerContext, allRSs: KObject[], newRS: KObject | undefined, d: KObject): void {
  const status = calculateStatus(allRSs, newRS, d, ctx);
  if (deepEqual(d.status, status)) return;
  d.status = status;
  ctx.store.update(d);
}

/** upstream: progress.go syncRolloutStatus — status plus the Progressing condition. */
export function syncRolloutStatus(ctx: ControllerContext, allRSs: KObject[], newRS: KObject | undefined, d: KObject): void {
  const newStatus = calculateStatus(allRSs, newRS, d, ctx) as ReturnType<typeof calculateStatus> & {
    replicas: number;
    updatedReplicas: number;
    readyReplicas: number;
    availableReplicas: number;
  };
  if (!hasProgressDeadline(d)) newStatus.conditions = (newStatus.conditions ?? []).filter((c) => c.type !== 'Progressing');
  const currentCond = getCondition(newStatus, 'Progressing');
  const isCompleteDeployment = newStatus.replicas === newStatus.updatedReplicas && currentCond?.reason === 'NewReplicaSetAvailable';
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    const rsName = newRS?.metadata.name;
    const oldCounts = {
      replicas: d.status?.replicas ?? 0,
      updatedReplicas: d.status?.updatedReplicas ?? 0,
      readyReplicas: d.status?.readyReplicas ?? 0,
      availableReplicas: d.status?.availableReplicas ?? 0,
    };
    if (deploymentComplete(d, newStatus as never)) {
      const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : 'Deployment has successfully progressed.';
      setCondition(newStatus, newCondition(ctx, 'Progressing', 'True', 'NewReplicaSetAvailable', msg));
    } else if (deploymentProgressing(oldCounts, newStatus)) {
      const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : 'Deployment is progressing.';
      const c = newCondition(ctx, 'Progressing', 'True', 'ReplicaSetUpdated', msg);
      if (currentCond) {
        if (currentCond.status === 'True') c.lastTransitionTime = currentCond.lastTransitionTime;
        newStatus.conditions = (newStatus.conditions ?? []).filter((x) => x.type !== 'Progressing');
      }
      setCondition(newStatus, c);
    } else if (deploymentTimedOut(d.spec.progressDeadlineSeconds, currentCond, ctx.store.now())) {
      const msg = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(newStatus, newCondition(ctx, 'Progressing', 'False', 'ProgressDeadlineExceeded', msg));
    }
  }
  if (deepEqual(d.status, newStatus)) return;
  d.status = newStatus;
  ctx.store.update(d);
}
