// Creating/finding the new ReplicaSet, scaling (incl. proportional scaling) and history cleanup.
// upstream: pkg/controller/deployment/sync.go.
import type { ControllerContext } from '../../controllerContext';
import type { KObject } from '../../types';
import { fastClone, ownerReference } from '../../controllerUtils';
import { getCondition, hasProgressDeadline, newCondition, setCondition, syncDeploymentStatus, syncRolloutStatus } from './deploymentStatus';
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
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  getReplicaCountForReplicaSets,
  getReplicaSetProportion,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  newRSNewReplicas,
  replicasOf,
  specReplicas,
  rememberTemplateCopy,
  templateHash,
} from './deploymentUtil';

const COMPONENT = 'deployment-controller';
/** upstream: revision-history annotation capped at 2000 characters. */
const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

export function activeOnly(rss: (KObject | undefined)[]): KObject[] {
  return rss.filter((rs): rs is KObject => !!rs && specReplicas(rs) > 0);
}

function annotations(o: KObject): Record<string, string> {
  return (o.metadata.annotations ??= {});
}

/** upstream: SetReplicasAnnotations — desired-replicas and max-replicas on an RS. */
function setReplicasAnnotations(rs: KObject, desired: number, max: number): boolean {
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
function setNewReplicaSetAnnotations(d: KObject, rs: KObject, newRevision: number, exists: boolean): boolean {
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

function setDeploymentRevision(d: KObject, revision: string): boolean {
  const a = annotations(d);
  if (a[REVISION_ANNOTATION] === revision) return false;
  a[REVISION_ANNOTATION] = revision;
  return true;
}

function updateDeploymentStatus(ctx: ControllerContext, d: KObject): void {
  ctx.store.update(d);
}

/**
 * upstream: getNewReplicaSet. Finds the RS whose template matches the deployment (raising its
 * revision to max(old)+1 if needed), or creates `<deployment>-<hash>` already scaled to
 * NewRSNewReplicas. A name clash with a different template bumps status.collisionCount.
 */
function getNewReplicaSet(ctx: ControllerContext, d: KObject, rsList: KObject[], oldRSs: KObject[], createIfNotExisted: boolean): KObject | undefined {
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
export function getAllReplicaSetsAndSyncRevision(
  ctx: ControllerContext,
  d: KObject,
  rsList: KObject[],
  createIfNotExisted: boolean,
): { newRS: KObject | undefined; oldRSs: KObject[] } {
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
function scaleReplicaSet(ctx: ControllerContext, rs: KObject, newScale: number, d: KObject, operation: 'up' | 'down'): boolean {
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
function findActiveOrLatest(newRS: KObject | undefined, oldRSs: KObject[]): KObject | undefined {
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

// Status and conditions live in deploymentStatus.ts; re-exported for existing importers.
export { getCondition, hasProgressDeadline, newCondition, setCondition, syncDeploymentStatus, syncRolloutStatus };
