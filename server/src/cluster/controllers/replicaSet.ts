// ReplicaSet and ReplicationController: keep `spec.replicas` active pods.
// upstream: pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas,
// calculateStatus); the replication controller runs the same code with a map selector.
import type { ControllerContext } from '../controllerContext';
import type { KObject, Pod } from '../types';
import {
  availableAt,
  isPodActive,
  isPodAvailable,
  isPodReady,
  labelSelectorMatcher,
  mapSelectorMatcher,
  ownerReference,
  podFromTemplate,
  setStatus,
} from '../controllerUtils';
import { podsToDelete } from '../podDeletionRank';
import { priorityAdmissionError } from '../priorityAdmission';

/** upstream: BurstReplicas — at most 500 creations/deletions per sync. */
const BURST_REPLICAS = 500;

interface Flavour {
  kind: 'ReplicaSet' | 'ReplicationController';
  component: string;
  /** The RS's selector as a predicate on pod labels. */
  matcher(rs: KObject): (labels: Record<string, string> | undefined) => boolean;
}

const REPLICA_SET: Flavour = {
  kind: 'ReplicaSet',
  component: 'replicaset-controller',
  matcher: (rs) => labelSelectorMatcher(rs.spec?.selector),
};

const REPLICATION_CONTROLLER: Flavour = {
  kind: 'ReplicationController',
  component: 'replication-controller',
  // An RC without a selector selects its template's labels (defaulting).
  matcher: (rc) => mapSelectorMatcher(rc.spec?.selector ?? rc.spec?.template?.metadata?.labels),
};

export function syncAllReplicaSets(ctx: ControllerContext): void {
  syncAll(ctx, REPLICA_SET);
}

export function syncAllReplicationControllers(ctx: ControllerContext): void {
  syncAll(ctx, REPLICATION_CONTROLLER);
}

function syncAll(ctx: ControllerContext, f: Flavour): void {
  const all = ctx.store.list(f.kind);
  if (all.length === 0) return;
  let orphans: Pod[] | undefined;
  for (const rs of all) {
    orphans ??= ctx.store.list<Pod>('Pod').filter((p) => !p.metadata.ownerReferences?.some((r) => r.controller) && isPodActive(p));
    syncReplicaSet(ctx, rs, f, orphans);
  }
}

/** Pods controlled by `rs`, releasing ones whose labels stopped matching and adopting matching orphans. */
function claimPods(ctx: ControllerContext, rs: KObject, f: Flavour, orphans: Pod[]): Pod[] {
  const out: Pod[] = [];
  const matches = f.matcher(rs);
  for (const pod of ctx.store.ownedBy<Pod>(rs.metadata.uid ?? '', 'Pod')) {
    if (matches(pod.metadata.labels)) out.push(pod);
    else ctx.store.setOwner(pod, undefined);
  }
  for (const pod of orphans) {
    if (pod.metadata.namespace !== rs.metadata.namespace || pod.metadata.ownerReferences?.some((r) => r.controller)) continue;
    if (!matches(pod.metadata.labels)) continue;
    ctx.store.setOwner(pod, ownerReference(rs));
    out.push(pod);
  }
  return out;
}

function syncReplicaSet(ctx: ControllerContext, rs: KObject, f: Flavour = REPLICA_SET, orphans: Pod[] = []): void {
  const pods = claimPods(ctx, rs, f, orphans);
  const active = pods.filter(isPodActive);
  if (!rs.metadata.deletionTimestamp) manageReplicas(ctx, active, rs, f);
  // upstream computes status from the pods seen at the start of the sync.
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const now = ctx.store.now();
  const templateLabels = Object.entries(rs.spec?.template?.metadata?.labels ?? {});
  let ready = 0;
  let available = 0;
  let fullyLabeled = 0;
  for (const p of active) {
    if (templateLabels.every(([k, v]) => p.metadata.labels?.[k] === v)) fullyLabeled++;
    if (isPodReady(p)) ready++;
    if (isPodAvailable(p, minReady, now)) available++;
    else {
      const at = availableAt(p, minReady);
      if (at !== undefined) ctx.wakeAt(at);
    }
  }
  const status: Record<string, unknown> = {
    replicas: active.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 1,
  };
  if (rs.status?.conditions) status.conditions = rs.status.conditions;
  setStatus(ctx.store, rs, status);
}

/**
 * upstream: manageReplicas — create or delete the difference; victims ranked by getPodsToDelete
 * against the pods of every ReplicaSet of the same owner (getIndirectlyRelatedPods).
 */
function manageReplicas(ctx: ControllerContext, active: Pod[], rs: KObject, f: Flavour): void {
  const want = typeof rs.spec?.replicas === 'number' ? rs.spec.replicas : 1;
  let diff = active.length - want;
  if (diff < 0) {
    diff = Math.min(-diff, BURST_REPLICAS);
    for (let i = 0; i < diff; i++) {
      const template = podFromTemplate(rs.spec.template, rs);
      // upstream: a create refused by admission is a FailedCreate event (repeated each sync; once here).
      const refused = priorityAdmissionError(ctx.store, template);
      if (refused) {
        ctx.events.eventOnce(rs, 'Warning', 'FailedCreate', `Error creating: ${refused}`, f.component);
        break;
      }
      const pod = ctx.create(template);
      ctx.events.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, f.component);
    }
  } else if (diff > 0) {
    diff = Math.min(diff, BURST_REPLICAS);
    for (const pod of podsToDelete(active, relatedPods(ctx, rs, active), diff, ctx.store.now())) {
      ctx.remove(pod);
      ctx.events.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, f.component);
    }
  }
}

/** upstream: getIndirectlyRelatedPods — pods of all ReplicaSets controlled by this one's owner. */
function relatedPods(ctx: ControllerContext, rs: KObject, own: Pod[]): Pod[] {
  const owner = rs.metadata.ownerReferences?.find((r) => r.controller);
  if (!owner) return own;
  const out: Pod[] = [];
  for (const sibling of ctx.store.ownedBy(owner.uid, rs.kind)) out.push(...ctx.store.ownedBy<Pod>(sibling.metadata.uid ?? '', 'Pod'));
  return out;
}
