// The Eviction subresource of a pod: delete it unless that would break its PodDisruptionBudget.
// upstream: pkg/registry/core/pod/storage/eviction.go (EvictionREST.Create, canIgnorePDB,
// checkAndDecrement); api policy/v1 UnhealthyPodEvictionPolicy.
import type { Store } from './store';
import type { KObject, Pod } from './types';
import { isPodReady, labelSelectorMatcher } from './controllerUtils';

export const VIOLATES_BUDGET = "Cannot evict pod as it would violate the pod's disruption budget.";

export type EvictionResult =
  | { ok: true }
  /** 429 TooManyRequests: kubectl drain retries after 5 s. */
  | { ok: false; code: 429 | 500; message: string; cause?: string };

/** upstream: canIgnorePDB — terminal, pending or already-deleting pods are evicted without a budget check. */
function canIgnoreBudget(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

function budgetsFor(store: Store, pod: Pod): KObject[] {
  return store.list('PodDisruptionBudget', pod.metadata.namespace).filter((pdb) => {
    const sel = pdb.spec?.selector;
    if (!sel) return false;
    const empty = !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
    return empty || labelSelectorMatcher(sel)(pod.metadata.labels);
  });
}

/**
 * Decides an eviction and, when allowed, records it in the budget (disruptionsAllowed − 1, the pod
 * in disruptedPods) so a second eviction in the same instant sees the smaller budget. The caller
 * deletes the pod on `ok`.
 */
export function evict(store: Store, pod: Pod): EvictionResult {
  if (canIgnoreBudget(pod)) return { ok: true };
  const pdbs = budgetsFor(store, pod);
  if (pdbs.length === 0) return { ok: true };
  if (pdbs.length > 1)
    return { ok: false, code: 500, message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' }; // l10n-exempt: the API server's own words
  const pdb = pdbs[0];
  const st = pdb.status ?? {};
  // An unhealthy pod does not count towards the budget: AlwaysAllow evicts it; IfHealthyBudget (default) while the budget holds.
  if (!isPodReady(pod)) {
    if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return { ok: true };
    if ((st.currentHealthy ?? 0) >= (st.desiredHealthy ?? 0) && (st.desiredHealthy ?? 0) > 0) return { ok: true };
  }
  if ((st.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1)) {
    return { ok: false, code: 429, message: VIOLATES_BUDGET, cause: `The disruption budget ${pdb.metadata.name} is still being processed by the server.` };
  }
  const allowed = Number(st.disruptionsAllowed ?? 0);
  if (allowed <= 0) {
    return {
      ok: false,
      code: 429,
      message: VIOLATES_BUDGET,
      cause: `The disruption budget ${pdb.metadata.name} needs ${st.desiredHealthy ?? 0} healthy pods and has ${st.currentHealthy ?? 0} currently`,
    };
  }
  const next: Record<string, unknown> = {
    ...st,
    disruptionsAllowed: allowed - 1,
    disruptedPods: { ...(st.disruptedPods ?? {}), [pod.metadata.name]: store.timestamp() },
  };
  if (allowed - 1 === 0) {
    next.conditions = (st.conditions ?? []).map((c: { type: string; status: string }) =>
      c.type === 'DisruptionAllowed' && c.status === 'True' ? { ...c, status: 'False', reason: 'InsufficientPods', lastTransitionTime: store.timestamp() } : c,
    );
  }
  pdb.status = next;
  store.update(pdb);
  return { ok: true };
}
