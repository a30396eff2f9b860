// The Deployment arithmetic, as small pure functions named after upstream so a reader can check
// them side by side. upstream: pkg/controller/deployment/util/deployment_util.go
// (and apimachinery pkg/util/intstr GetScaledValueFromIntOrPercent).
import type { KObject } from '../../types';
import { equalIgnoreHash } from './templateIdentity';

export { DEFAULT_POD_TEMPLATE_HASH_KEY, equalIgnoreHash, rememberTemplateCopy, templateHash } from './templateIdentity';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
const ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const MAX_INT32 = 2147483647;

/** Annotations a Deployment never copies onto its ReplicaSets (upstream annotationsToSkip). */
export const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
]);

export type IntOrString = number | string | undefined | null;

/**
 * upstream: intstr.GetScaledValueFromIntOrPercent — "25%" of 10 is 2.5: surge rounds up (3),
 * unavailable rounds down (2). A string without % is an error.
 */
function getScaledValueFromIntOrPercent(v: IntOrString, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const pct = percent(v);
  const scaled = (pct * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** "25%" → 25 (valid percentages remembered: every sync of every Deployment asks again). */
const percents = new Map<string, number>();

function percent(v: string): number {
  const known = percents.get(v);
  if (known !== undefined) return known;
  if (!v.endsWith('%')) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const pct = Number(v.slice(0, -1));
  if (!Number.isInteger(pct)) throw new Error(`invalid value "${v}": ${v} is not a valid percentage`);
  if (percents.size >= 1024) percents.clear();
  percents.set(v, pct);
  return pct;
}

/**
 * upstream: ResolveFenceposts. If both resolve to 0, maxUnavailable becomes 1 "on the theory
 * that surge might not work due to quota". E.g. 10 replicas, 39%/39% → surge 4, unavailable 3.
 */
export function resolveFenceposts(maxSurge: IntOrString, maxUnavailable: IntOrString, desired: number): [number, number] {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function isRollingUpdate(d: KObject): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

function fenceposts(d: KObject): [number, number] {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d));
}

/** upstream: MaxUnavailable — 0 for Recreate or 0 replicas; otherwise capped at spec.replicas. */
export function maxUnavailable(d: KObject): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  return Math.min(fenceposts(d)[1], replicasOf(d));
}

/** upstream: MaxSurge — 0 for Recreate, not capped. */
export function maxSurge(d: KObject): number {
  if (!isRollingUpdate(d)) return 0;
  return fenceposts(d)[0];
}

export function replicasOf(o: KObject): number {
  return typeof o.spec?.replicas === 'number' ? o.spec.replicas : 1;
}

export function specReplicas(rs: KObject): number {
  return rs.spec?.replicas ?? 0;
}

/** Σ spec.replicas (upstream GetReplicaCountForReplicaSets). */
export function getReplicaCountForReplicaSets(rss: KObject[]): number {
  return rss.reduce((n, rs) => n + specReplicas(rs), 0);
}

/** Σ status.replicas (upstream GetActualReplicaCountForReplicaSets). */
export function getActualReplicaCountForReplicaSets(rss: KObject[]): number {
  return rss.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
}

export function getReadyReplicaCountForReplicaSets(rss: KObject[]): number {
  return rss.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
}

export function getAvailableReplicaCountForReplicaSets(rss: KObject[]): number {
  return rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
}

/**
 * upstream: NewRSNewReplicas. Rolling: maxTotalPods = replicas + maxSurge; if the sum of all
 * RS specs already reaches it, keep; else grow by min(room, replicas − new). Recreate: replicas.
 * E.g. replicas 4, surge 1, old 4, new 0 → max 5, current 4 → new = 0 + min(1, 4) = 1.
 */
export function newRSNewReplicas(d: KObject, allRSs: KObject[], newRS: KObject): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const maxTotalPods = replicasOf(d) + maxSurge(d);
  const currentPodCount = getReplicaCountForReplicaSets(allRSs);
  if (currentPodCount >= maxTotalPods) return specReplicas(newRS);
  const scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicasOf(d) - specReplicas(newRS));
  return specReplicas(newRS) + scaleUpCount;
}

/** upstream: IsSaturated — the new RS holds all replicas and all of them are available. */
export function isSaturated(d: KObject, rs: KObject | undefined): boolean {
  if (!rs) return false;
  const desired = Number(rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]);
  if (!Number.isInteger(desired)) return false;
  return specReplicas(rs) === replicasOf(d) && desired === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

/** upstream: k8s.io/utils/integer RoundToInt32 — half away from zero. */
function roundToInt32(a: number): number {
  return a < 0 ? Math.trunc(a - 0.5) : Math.trunc(a + 0.5);
}

/**
 * upstream: getReplicaSetFraction — rs.spec × (new allowed size) / max-replicas annotation.
 * Worked example 7→10: annotation 7, allowed 10; RS of 3 → round(4.29) − 3 = +1.
 */
function getReplicaSetFraction(rs: KObject, d: KObject): number {
  if (replicasOf(d) === 0) return -specReplicas(rs);
  const deploymentMaxReplicas = replicasOf(d) + maxSurge(d);
  const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION]);
  let deploymentMaxReplicasBeforeScale: number;
  if (Number.isInteger(annotated) && rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION] !== undefined) {
    deploymentMaxReplicasBeforeScale = annotated;
  } else {
    // No annotation: fall back to the deployment's current status size (0 → no proportion).
    deploymentMaxReplicasBeforeScale = d.status?.replicas ?? 0;
    if (deploymentMaxReplicasBeforeScale === 0) return 0;
  }
  const newRSsize = (specReplicas(rs) * deploymentMaxReplicas) / deploymentMaxReplicasBeforeScale;
  return roundToInt32(newRSsize) - specReplicas(rs);
}

/** upstream: GetReplicaSetProportion — the fraction, bounded by what is left to add/remove. */
export function getReplicaSetProportion(rs: KObject | undefined, d: KObject, deploymentReplicasToAdd: number, deploymentReplicasAdded: number): number {
  if (!rs || specReplicas(rs) === 0 || deploymentReplicasToAdd === 0 || deploymentReplicasToAdd === deploymentReplicasAdded) return 0;
  const rsFraction = getReplicaSetFraction(rs, d);
  const allowed = deploymentReplicasToAdd - deploymentReplicasAdded;
  if (deploymentReplicasToAdd > 0) return Math.min(rsFraction, allowed);
  return Math.max(rsFraction, allowed);
}

/** Revision number of a ReplicaSet; 0 when missing, undefined when unparsable. */
export function revisionOf(rs: KObject): number | undefined {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

export function maxRevision(rss: KObject[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

export function creationOrder(a: KObject, b: KObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** upstream: FindNewReplicaSet — the oldest RS whose template equals the deployment's. */
export function findNewReplicaSet(d: KObject, rsList: KObject[]): KObject | undefined {
  const sorted = [...rsList].sort(creationOrder);
  return sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** upstream: FindOldReplicaSets → [all old, active old (spec > 0)]. */
export function findOldReplicaSets(newRS: KObject | undefined, rsList: KObject[]): { old: KObject[]; activeOld: KObject[] } {
  const old = rsList.filter((rs) => rs !== newRS);
  return { old, activeOld: old.filter((rs) => specReplicas(rs) > 0) };
}

/** Sort: larger first; newer first on ties (upstream ReplicaSetsBySizeNewer). */
export function bySizeNewer(a: KObject, b: KObject): number {
  if (specReplicas(a) !== specReplicas(b)) return specReplicas(b) - specReplicas(a);
  return -creationOrder(a, b);
}

/** Sort: larger first; older first on ties (upstream ReplicaSetsBySizeOlder). */
export function bySizeOlder(a: KObject, b: KObject): number {
  if (specReplicas(a) !== specReplicas(b)) return specReplicas(b) - specReplicas(a);
  return creationOrder(a, b);
}

/** Sort by revision ascending, then creation (upstream ReplicaSetsByRevision). */
export function byRevision(a: KObject, b: KObject): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return creationOrder(a, b);
  return ra - rb;
}

export interface RolloutCounts {
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
}

/** upstream: DeploymentComplete. */
export function deploymentComplete(d: KObject, status: RolloutCounts & { observedGeneration?: number }): boolean {
  const r = replicasOf(d);
  return (
    status.updatedReplicas === r && status.replicas === r && status.availableReplicas === r && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** upstream: DeploymentProgressing — any of updated↑, old pods↓, ready↑, available↑. */
export function deploymentProgressing(oldStatus: RolloutCounts, newStatus: RolloutCounts): boolean {
  const oldStatusOldReplicas = oldStatus.replicas - oldStatus.updatedReplicas;
  const newStatusOldReplicas = newStatus.replicas - newStatus.updatedReplicas;
  return (
    newStatus.updatedReplicas > oldStatus.updatedReplicas ||
    newStatusOldReplicas < oldStatusOldReplicas ||
    newStatus.readyReplicas > oldStatus.readyReplicas ||
    newStatus.availableReplicas > oldStatus.availableReplicas
  );
}

/**
 * upstream: DeploymentTimedOut — Progressing condition's lastUpdateTime + deadline < now.
 * E.g. deadline 10 s, last update 00:01:09, now 00:01:20 → 11 s > 10 s → true.
 */
export function deploymentTimedOut(
  progressDeadlineSeconds: number | undefined,
  condition: { reason?: string; lastUpdateTime?: string } | undefined,
  nowMs: number,
): boolean {
  if (progressDeadlineSeconds === undefined || progressDeadlineSeconds === MAX_INT32 || !condition) return false;
  if (condition.reason === 'NewReplicaSetAvailable') return false;
  if (condition.reason === 'ProgressDeadlineExceeded') return true;
  const last = Date.parse(condition.lastUpdateTime ?? '');
  if (Number.isNaN(last)) return false;
  return last + progressDeadlineSeconds * 1000 < nowMs;
}

/**
 * kubectl rollout status text. upstream: kubectl pkg/polymorphichelpers/rollout_status.go.
 * `done` is true for "successfully rolled out" (and for the progress-deadline error).
 */
export function rolloutStatusMessage(d: KObject): { message: string; done: boolean } {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if ((st.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) return { message: 'Waiting for deployment spec update to be observed...', done: false }; // l10n-exempt: kubectl's own words
  const progressing = (st.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { message: `error: deployment "${name}" exceeded its progress deadline`, done: true };
  const want = replicasOf(d);
  const updated = st.updatedReplicas ?? 0;
  const replicas = st.replicas ?? 0;
  const available = st.availableReplicas ?? 0;
  if (updated < want)
    return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...`, done: false };
  if (replicas > updated)
    return { message: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...`, done: false };
  if (available < updated)
    return { message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`, done: false };
  return { message: `deployment "${name}" successfully rolled out`, done: true };
}
