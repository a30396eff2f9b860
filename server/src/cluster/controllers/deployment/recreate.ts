// Recreate: scale every old RS to 0, wait until their pods are gone, then create the new RS
// at full size. upstream: pkg/controller/deployment/recreate.go.
import type { ControllerContext } from '../../controllerContext';
import type { KObject, Pod } from '../../types';
import { activeOnly, cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, syncRolloutStatus } from './sync';
import { deploymentComplete, replicasOf } from './deploymentUtil';

export function rolloutRecreate(ctx: ControllerContext, d: KObject, rsList: KObject[]): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  let allRSs = [...oldRSs, ...(newRS ? [newRS] : [])];
  let scaledDown = false;
  for (const rs of activeOnly(oldRSs)) if (scaleReplicaSetAndRecordEvent(ctx, rs, 0, d)) scaledDown = true;
  if (scaledDown) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (oldPodsRunning(ctx, oldRSs)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true));
    allRSs = [...oldRSs, ...(newRS ? [newRS] : [])];
  }
  if (newRS) scaleReplicaSetAndRecordEvent(ctx, newRS, replicasOf(d), d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d);
  syncRolloutStatus(ctx, allRSs, newRS, d);
}

/** upstream: oldPodsRunning — old RS still reports replicas, or a non-terminal pod of it exists. */
function oldPodsRunning(ctx: ControllerContext, oldRSs: KObject[]): boolean {
  for (const rs of oldRSs) {
    if ((rs.status?.replicas ?? 0) > 0) return true;
    for (const pod of ctx.store.ownedBy<Pod>(rs.metadata.uid ?? '', 'Pod')) {
      if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}
