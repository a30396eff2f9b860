// `kubectl rollout undo` and `rollout history` for Deployments. Modern kubectl rolls back on the
// client: it copies the chosen ReplicaSet's template (minus pod-template-hash) into the
// Deployment, and the controller then re-uses that RS as the new one, bumping its revision.
// upstream: kubectl pkg/polymorphichelpers/rollback.go DeploymentRollbacker, history.go.
import type { Store } from '../../store';
import type { KObject } from '../../types';
import { fastClone } from '../../controllerUtils';
import { ANNOTATIONS_TO_SKIP, DEFAULT_POD_TEMPLATE_HASH_KEY, equalIgnoreHash, revisionOf } from './deploymentUtil';

export interface UndoResult {
  ok: boolean;
  /** kubectl's output line or error text (upstream strings, not localised). */
  message: string;
}

function ownedReplicaSets(store: Store, d: KObject): KObject[] {
  return store.ownedBy(d.metadata.uid ?? '', 'ReplicaSet');
}

/**
 * Picks the RS to roll back to: `toRevision` 0 → the second-highest revision (so repeated undos
 * toggle between the last two templates); N → the RS whose revision is N.
 */
function replicaSetForRevision(rss: KObject[], name: string, toRevision: number): { rs?: KObject; error?: string } {
  if (toRevision > 0) {
    const rs = rss.find((r) => revisionOf(r) === toRevision);
    return rs ? { rs } : { error: `error: unable to find specified revision ${toRevision} in history` };
  }
  let max = -1;
  let previous = -1;
  let latestRS: KObject | undefined;
  let previousRS: KObject | undefined;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (v > max) {
      previous = max;
      previousRS = latestRS;
      max = v;
      latestRS = rs;
    } else if (v > previous) {
      previous = v;
      previousRS = rs;
    }
  }
  if (previous === -1 || !previousRS) return { error: `error: no rollout history found for deployment "${name}"` };
  return { rs: previousRS };
}

export function rolloutUndo(store: Store, d: KObject, toRevision = 0): UndoResult {
  const name = d.metadata.name;
  if (d.spec?.paused)
    return { ok: false, message: `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again` };
  const { rs, error } = replicaSetForRevision(ownedReplicaSets(store, d), name, toRevision);
  if (!rs) return { ok: false, message: error ?? '' };
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) {
    return { ok: true, message: `deployment.apps/${name} skipped rollback (current template already matches revision ${revisionOf(rs)})` };
  }
  const template = fastClone(rs.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[DEFAULT_POD_TEMPLATE_HASH_KEY];
  const annotations: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) {
    const v = d.metadata.annotations?.[k];
    if (v !== undefined) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  d.spec.template = template;
  d.metadata.annotations = annotations;
  store.updateSpec(d);
  return { ok: true, message: `deployment.apps/${name} rolled back` };
}

export interface HistoryRow {
  revision: number;
  changeCause: string;
  replicaSet: string;
  template: unknown;
}

/** Rows of `kubectl rollout history`, oldest revision first. */
export function rolloutHistory(store: Store, d: KObject): HistoryRow[] {
  return ownedReplicaSets(store, d)
    .map((rs) => ({
      revision: revisionOf(rs) ?? 0,
      changeCause: rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>',
      replicaSet: rs.metadata.name,
      template: rs.spec?.template,
    }))
    .filter((r) => r.revision > 0)
    .sort((a, b) => a.revision - b.revision);
}
