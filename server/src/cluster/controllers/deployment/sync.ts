// Creating/finding the new ReplicaSet, scaling (incl. proportional scaling), status and history
// cleanup. upstream: pkg/controller/deployment/sync.go and progress.go.
import type { ControllerContext } from '../../controllerContext';
import type { KObject } from '../../types';
import { fastClone, ownerReference, deepEqual } from '../../controllerUtils';
import {
  ANNOTATIONS_TO_SKIP,
  DEFAULT_POD_TEMPLATE_HASH_KEY,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_INT32,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  creationOrder,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  getReplicaSetProportion,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  replicasOf,
  revisionOf,
  specReplicas,
  rememberTemplateCopy,
  templateHash,
} from './deploymentUtil';

const COMPONENT = 'deployment-controller';
/** upstream: revision-history annotation capped at 2000 characters. */
const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
}

export function activeOnly(rss: (KObject | undefined)[]): KObject[] {
  return rss.filter((rs): rs is KObject => !!rs && specReplicas(rs) > 0);
}

function annotations(o: KObject): Record<string, string> {
  return (o.metadata.annotations ??= {});
}

/** upstream: SetReplicasAnnotations — desired-replicas and max-replicas on an RS. */
export function setReplicasAnnotations(rs: KObject, desired: number, max: number): boolean {
  const a = annotations(rs);
  let changed = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    a[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

/**
 * upstream: SetNewReplicaSetAnnotations — copy the deployment's annotations, raise the revision
 * (recording the old number in revision-history when an existing RS is re-used, e.g. rollback),
 * and on creation the desired/max replica annotations.
 */
export function setNewReplicaSetAnnotations(d: KObject, rs: KObject, newRevision: number, exists: boolean): boolean {
  const a = annotations(rs);
  let changed = false;
  const from = d.metadata.annotations ?? {};
  for (const k in from) {
    const v = from[k];
    if (ANNOTATIONS_TO_SKIP.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldRevision = a[REVISION_ANNOTATION];
  const oldRevisionInt = oldRevision === undefined ? 0 : Number(oldRevision);
  if (!Number.isInteger(oldRevisionInt)) return changed;
  if (oldRevisionInt < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (oldRevision !== undefined && oldRevision !== '') {
      const history = a[REVISION_HISTORY_ANNOTATION];
      let next = history ? `${history},${oldRevision}` : oldRevision;
      // Keep the newest entries when the list grows past the cap.
      while (next.length > MAX_REV_HISTORY_LENGTH_IN_CHARS && next.includes(',')) next = next.slice(next.indexOf(',') + 1);
      a[REVISION_HISTORY_ANNOTATION] = next;
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

export function setDeploymentRevision(d: KObject, revision: string): boolean {
  const a = annotations(d);
  if (a[REVISION_ANNOTATION] === revision) return false;
  a[REVISION_ANNOTATION] = revision;
  return true;
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

function hasProgressDeadline(d: KObject): boolean {
  const p = d.spec?.progressDeadlineSeconds;
  return typeof p === 'number' && p !== MAX_INT32;
}

function updateDeploymentStatus(ctx: ControllerContext, d: KObject): void {
  ctx.store.update(d);
}

/**
 * upstream: getNewReplicaSet. Finds the RS whose template matches the deployment (raising its
 * revision to max(old)+1 if needed), or creates `<deployment>-<hash>` already scaled to
 * NewRSNewReplicas. A name clash with a different template bumps status.collisionCount.
 */
export function getNewReplicaSet(ctx: ControllerContext, d: KObject, rsList: KObject[], oldRSs: KObject[], createIfNotExisted: boolean): KObject | undefined {
  const existingNewRS = findNewReplicaSet(d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existingNewRS) {
    const annotationsUpdated = setNewReplicaSetAnnotations(d, existingNewRS, newRevision, true);
    const minReadyNeedsUpdate = (existingNewRS.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
    if (minReadyNeedsUpdate) existingNewRS.spec.minReadySeconds = d.spec.minReadySeconds ?? 0;
    if (annotationsUpdated || minReadyNeedsUpdate) ctx.store.update(existingNewRS);
    let needsUpdate = setDeploymentRevision(d, existingNewRS.metadata.annotations?.[REVISION_ANNOTATION] ?? String(newRevision));
    d.status ??= {};
    if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
      setCondition(d.status, newCondition(ctx, 'Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${existingNewRS.metadata.name}"`));
      needsUpdate = true;
    }
    if (needsUpdate) updateDeploymentStatus(ctx, d);
    return existingNewRS;
  }
  if (!createIfNotExisted) return undefined;

  const template = fastClone(d.spec.template ?? {});
  const collisionCount: number | undefined = d.status?.collisionCount;
  const hash = templateHash(d.spec.template, collisionCount);
  template.metadata ??= {};
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [DEFAULT_POD_TEMPLATE_HASH_KEY]: hash };
  const selector = fastClone(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [DEFAULT_POD_TEMPLATE_HASH_KEY]: hash };
  const newRS: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [ownerReference(d)],
    },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
  };
  rememberTemplateCopy(template, d.spec.template);
  const newReplicasCount = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = newReplicasCount;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  const existing = ctx.store.get('ReplicaSet', d.metadata.namespace, newRS.metadata.name);
  if (existing) {
    // AlreadyExists: ours with an equal template → adopt it; otherwise a hash collision.
    const ref = existing.metadata.ownerReferences?.find((r) => r.controller);
    if (ref?.uid === d.metadata.uid && equalIgnoreHash(existing.spec?.template, d.spec.template)) return existing;
    d.status ??= {};
    d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
    updateDeploymentStatus(ctx, d);
    return undefined;
  }
  ctx.store.create(newRS);
  if (newReplicasCount > 0) {
    ctx.events.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${newRS.metadata.name} from 0 to ${newReplicasCount}`, COMPONENT);
  }
  setDeploymentRevision(d, String(newRevision));
  d.status ??= {};
  if (hasProgressDeadline(d)) {
    setCondition(d.status, newCondition(ctx, 'Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${newRS.metadata.name}"`));
  }
  updateDeploymentStatus(ctx, d);
  return newRS;
}

/** upstream: getAllReplicaSetsAndSyncRevision → { newRS, oldRSs }. */
export function getAllReplicaSetsAndSyncRevision(ctx: ControllerContext, d: KObject, rsList: KObject[], createIfNotExisted: boolean): { newRS: KObject | undefined; oldRSs: KObject[] } {
  const { old } = findOldReplicaSets(findNewReplicaSet(d, rsList), rsList);
  const newRS = getNewReplicaSet(ctx, d, rsList, old, createIfNotExisted);
  return { newRS, oldRSs: old };
}

/** upstream: scaleReplicaSetAndRecordEvent. */
export function scaleReplicaSetAndRecordEvent(ctx: ControllerContext, rs: KObject, newScale: number, d: KObject): boolean {
  if (specReplicas(rs) === newScale) return false;
  return scaleReplicaSet(ctx, rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down');
}

/** upstream: scaleReplicaSet — also refreshes desired/max-replicas annotations. Event wording of v1.31+. */
export function scaleReplicaSet(ctx: ControllerContext, rs: KObject, newScale: number, d: KObject, operation: 'up' | 'down'): boolean {
  const sizeNeedsUpdate = specReplicas(rs) !== newScale;
  const annotationsNeedUpdate = setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d));
  if (!sizeNeedsUpdate && !annotationsNeedUpdate) return false;
  const oldScale = specReplicas(rs);
  rs.spec.replicas = newScale;
  if (sizeNeedsUpdate) {
    ctx.store.updateSpec(rs);
    ctx.events.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`, COMPONENT);
  } else {
    ctx.store.update(rs);
  }
  return sizeNeedsUpdate;
}

/** upstream: FindActiveOrLatest — the only active RS, or (none active) the new / newest one. */
export function findActiveOrLatest(newRS: KObject | undefined, oldRSs: KObject[]): KObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const sortedOld = [...oldRSs].sort((a, b) => -creationOrder(a, b));
  const all = activeOnly([...sortedOld, newRS]);
  if (all.length === 0) return newRS ?? sortedOld[0];
  if (all.length === 1) return all[0];
  return undefined;
}

/**
 * upstream: scale — proportional scaling when spec.replicas changes mid-rollout.
 * Worked example (25%/25%, 10 → 15, RS annotations max-replicas 13): allowed 15+4 = 19,
 * toAdd 19 − 13 = 6; old 8 → round(8·19/13 = 11.69) = 12 (+4); new 5 → round(7.31) = 7 (+2).
 */
export function scale(ctx: ControllerContext, d: KObject, newRS: KObject | undefined, oldRSs: KObject[]): void {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === replicasOf(d)) return;
    scaleReplicaSetAndRecordEvent(ctx, activeOrLatest, replicasOf(d), d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeOnly(oldRSs)) scaleReplicaSetAndRecordEvent(ctx, old, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const allRSs = activeOnly([...oldRSs, newRS]);
  const allRSsReplicas = getReplicaCountForReplicaSets(allRSs);
  const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - allRSsReplicas;
  let operation: 'up' | 'down' = 'up';
  if (toAdd > 0) allRSs.sort(bySizeNewer);
  else if (toAdd < 0) {
    allRSs.sort(bySizeOlder);
    operation = 'down';
  }
  let added = 0;
  const sizes = new Map<KObject, number>();
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const proportion = getReplicaSetProportion(rs, d, toAdd, added);
      sizes.set(rs, specReplicas(rs) + proportion);
      added += proportion;
    } else sizes.set(rs, specReplicas(rs));
  }
  // The leftover goes to the first (largest) RS, never below 0.
  if (toAdd !== 0 && allRSs.length > 0) {
    const leftover = toAdd - added;
    sizes.set(allRSs[0], Math.max(0, (sizes.get(allRSs[0]) ?? 0) + leftover));
  }
  for (const rs of allRSs) scaleReplicaSet(ctx, rs, sizes.get(rs) ?? specReplicas(rs), d, operation);
}

/** upstream: isScalingEvent — an active RS whose desired-replicas annotation ≠ spec.replicas. */
export function isScalingEvent(d: KObject, rsList: KObject[]): boolean {
  for (const rs of activeOnly(rsList)) {
    const v = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    if (v === undefined || !Number.isInteger(Number(v))) continue;
    if (Number(v) !== replicasOf(d)) return true;
  }
  return false;
}

/** upstream: sync — used while paused and for scaling events: scale, clean up, status. */
export function syncScaleOnly(ctx: ControllerContext, d: KObject, rsList: KObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  scale(ctx, d, newRS, oldRSs);
  if (d.spec.paused) cleanupDeployment(ctx, oldRSs, d);
  syncDeploymentStatus(ctx, [...oldRSs, ...(newRS ? [newRS] : [])], newRS, d);
}

/**
 * upstream: cleanupDeployment — delete the lowest revisions beyond revisionHistoryLimit, but only
 * RSs fully scaled to 0 (spec and status) whose status caught up; busy ones are skipped, not replaced.
 */
export function cleanupDeployment(ctx: ControllerContext, oldRSs: KObject[], d: KObject): number {
  const limit = d.spec.revisionHistoryLimit;
  if (typeof limit !== 'number' || limit === MAX_INT32) return 0;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return 0;
  cleanable.sort(byRevision);
  let deleted = 0;
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    ctx.store.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    deleted++;
  }
  return deleted;
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
    const oldCounts = { replicas: d.status?.replicas ?? 0, updatedReplicas: d.status?.updatedReplicas ?? 0, readyReplicas: d.status?.readyReplicas ?? 0, availableReplicas: d.status?.availableReplicas ?? 0 };
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

export { revisionOf, hasProgressDeadline };
