// The Deployment controller's entry point. upstream: pkg/controller/deployment/deployment_controller.go
// syncDeployment — status only when deleting; paused → scale only; scaling event → proportional
// scale; otherwise the strategy (Recreate / RollingUpdate).
import type { ControllerContext } from '../../controllerContext';
import type { KObject } from '../../types';
import { labelSelectorMatches } from '../../../k8s/labels';
import { ownerReference, deepEqual } from '../../controllerUtils';
import { rolloutRolling } from './rolling';
import { rolloutRecreate } from './recreate';
import {
  getAllReplicaSetsAndSyncRevision,
  getCondition,
  hasProgressDeadline,
  isScalingEvent,
  newCondition,
  setCondition,
  syncDeploymentStatus,
  syncScaleOnly,
} from './sync';

export function syncAllDeployments(ctx: ControllerContext): void {
  const orphans = ctx.store.list('ReplicaSet').filter((rs) => !rs.metadata.ownerReferences?.some((r) => r.controller));
  for (const d of ctx.store.list('Deployment')) syncDeployment(ctx, d, orphans);
}

/** upstream: getReplicaSetsForDeployment — owned RSs that still match, plus adopted matching orphans. */
function replicaSetsForDeployment(ctx: ControllerContext, d: KObject, orphans: KObject[]): KObject[] {
  const selector = d.spec?.selector;
  const owned = ctx.store.ownedBy(d.metadata.uid ?? '', 'ReplicaSet');
  const out: KObject[] = [];
  for (const rs of owned) {
    if (labelSelectorMatches(selector, rs.metadata.labels)) out.push(rs);
    else ctx.store.setOwner(rs, undefined); // release: labels no longer match
  }
  if (!d.metadata.deletionTimestamp) {
    for (const rs of orphans) {
      if (rs.metadata.namespace !== d.metadata.namespace || rs.metadata.ownerReferences?.some((r) => r.controller)) continue;
      if (!labelSelectorMatches(selector, rs.metadata.labels)) continue;
      ctx.store.setOwner(rs, ownerReference(d));
      out.push(rs);
    }
  }
  return out;
}

/** upstream: checkPausedConditions. */
function checkPausedConditions(ctx: ControllerContext, d: KObject): void {
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, 'Progressing');
  if (cond?.reason === 'ProgressDeadlineExceeded') return;
  const pausedCondExists = cond?.reason === 'DeploymentPaused';
  d.status ??= {};
  if (d.spec.paused && !pausedCondExists) {
    setCondition(d.status, newCondition(ctx, 'Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused'));
    ctx.store.update(d);
  } else if (!d.spec.paused && pausedCondExists) {
    setCondition(d.status, newCondition(ctx, 'Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed'));
    ctx.store.update(d);
  }
}

function syncDeployment(ctx: ControllerContext, d: KObject, orphans: KObject[] = []): void {
  // upstream records a SelectingAll warning and stops; validation already rejects `selector: {}`.
  if (deepEqual(d.spec?.selector, {})) return;
  const rsList = replicaSetsForDeployment(ctx, d, orphans);
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
    return syncDeploymentStatus(ctx, [...oldRSs, ...(newRS ? [newRS] : [])], newRS, d);
  }
  checkPausedConditions(ctx, d);
  if (d.spec.paused) return syncScaleOnly(ctx, d, rsList);
  if (isScalingEvent(d, rsList)) return syncScaleOnly(ctx, d, rsList);
  if (d.spec.strategy?.type === 'Recreate') return rolloutRecreate(ctx, d, rsList);
  rolloutRolling(ctx, d, rsList);
}
