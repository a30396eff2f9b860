// PodDisruptionBudget status, as the disruption controller computes it: expectedPods,
// currentHealthy, desiredHealthy, disruptionsAllowed and the DisruptionAllowed condition.
// upstream: pkg/controller/disruption/disruption.go (trySync, getExpectedPodCount,
// getExpectedScale, countHealthyPods, buildDisruptedPodMap, updatePdbStatus).
import type { ControllerContext } from '../controllerContext';
import type { KObject, Pod } from '../types';
import { isPodReady, labelSelectorMatcher, setStatus } from '../controllerUtils';

const COMPONENT = 'controllermanager';
/** upstream: DeletionTimeout — an eviction not followed by a deletion within 2 minutes is forgotten. */
const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

type IntOrString = number | string | undefined | null;

/** upstream: intstr.GetScaledValueFromIntOrPercent (the controller always rounds up). */
function scaledValue(v: IntOrString, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return 0;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return /^\d+$/.test(v) ? Number(v) : 0;
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

export interface BudgetArithmetic {
  expectedPods: number;
  desiredHealthy: number;
  currentHealthy: number;
  disruptionsAllowed: number;
}

/**
 * upstream: getExpectedPodCount + updatePdbStatus arithmetic. `scale` is the sum of the
 * controllers' replicas (only read for maxUnavailable or a percentage minAvailable).
 * maxUnavailable: desired = scale − ceil(maxUnavailable of scale), at least 0; integer
 * minAvailable: desired = minAvailable, expected = the pods found; percentage: desired =
 * ceil(minAvailable of scale). disruptionsAllowed = max(0, healthy − desired).
 */
export function budgetArithmetic(
  spec: { minAvailable?: IntOrString; maxUnavailable?: IntOrString },
  podCount: number,
  scale: number,
  healthy: number,
): BudgetArithmetic {
  let expectedPods = podCount;
  let desiredHealthy = 0;
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    expectedPods = scale;
    desiredHealthy = Math.max(0, scale - scaledValue(spec.maxUnavailable, scale, true));
  } else if (spec.minAvailable !== undefined && spec.minAvailable !== null) {
    if (typeof spec.minAvailable === 'number') desiredHealthy = spec.minAvailable;
    else {
      expectedPods = scale;
      desiredHealthy = scaledValue(spec.minAvailable, scale, true);
    }
  }
  return { expectedPods, desiredHealthy, currentHealthy: healthy, disruptionsAllowed: Math.max(0, healthy - desiredHealthy) };
}

/** upstream: getPodsForPdb — a nil selector selects nothing; an empty one (policy/v1) every pod of the namespace. */
function podsForBudget(ctx: ControllerContext, pdb: KObject, pods = ctx.store.list<Pod>('Pod', pdb.metadata.namespace)): Pod[] {
  const sel = pdb.spec?.selector;
  if (!sel) return [];
  const empty = !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
  const match = empty ? () => true : labelSelectorMatcher(sel);
  return pods.filter((p) => p.metadata.namespace === pdb.metadata.namespace && match(p.metadata.labels));
}

/**
 * upstream: getExpectedScale — each pod's controller once: a ReplicaSet counts its Deployment's
 * replicas when a Deployment owns it; ReplicationController and StatefulSet their own. Pods without
 * a controller are unmanaged; a controller without a scale (Job, DaemonSet) is an error.
 */
function expectedScale(ctx: ControllerContext, pods: Pod[]): { scale: number; unmanaged: string[]; error?: string } {
  const seen = new Set<string>();
  const unmanaged: string[] = [];
  let scale = 0;
  for (const p of pods) {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref) {
      unmanaged.push(p.metadata.name);
      continue;
    }
    let owner = ctx.store.get(ref.kind, p.metadata.namespace, ref.name);
    if (owner?.kind === 'ReplicaSet') {
      const d = owner.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
      if (d) owner = ctx.store.get('Deployment', p.metadata.namespace, d.name) ?? owner;
    }
    if (!owner || !['ReplicaSet', 'Deployment', 'ReplicationController', 'StatefulSet'].includes(owner.kind)) {
      return { scale: 0, unmanaged, error: `found no controllers for pod "${p.metadata.name}"` };
    }
    if (seen.has(owner.metadata.uid ?? owner.metadata.name)) continue;
    seen.add(owner.metadata.uid ?? owner.metadata.name);
    scale += typeof owner.spec?.replicas === 'number' ? owner.spec.replicas : 1;
  }
  return { scale, unmanaged };
}

function allowedCondition(prev: KObject['status'], status: boolean, reason: string, now: string) {
  const old = (prev?.conditions ?? []).find((c: { type: string }) => c.type === 'DisruptionAllowed');
  const s = status ? 'True' : 'False';
  return { type: 'DisruptionAllowed', status: s, reason, message: '', lastTransitionTime: old?.status === s ? old.lastTransitionTime : now };
}

export function syncAllDisruptionBudgets(ctx: ControllerContext): void {
  const pdbs = ctx.store.list('PodDisruptionBudget');
  for (const pdb of pdbs) syncBudget(ctx, pdb);
}

function syncBudget(ctx: ControllerContext, pdb: KObject): void {
  const now = ctx.store.now();
  const stamp = ctx.store.timestamp();
  const pods = podsForBudget(ctx, pdb);
  const spec = pdb.spec ?? {};
  const needsScale = (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) || typeof spec.minAvailable === 'string';
  const { scale, unmanaged, error } = needsScale ? expectedScale(ctx, pods) : { scale: 0, unmanaged: [] as string[], error: undefined };
  // Events go out when the status changes (upstream syncs on changes; a sync per round would repeat them).
  const events: (() => void)[] = [];
  if (!pods.length) events.push(() => ctx.events.event(pdb, 'Normal', 'NoPods', 'No matching pods found', COMPONENT));
  if (unmanaged.length && needsScale) {
    events.push(() =>
      ctx.events.event(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${selectorString(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
        COMPONENT,
      ),
    );
  }
  const generation = pdb.metadata.generation ?? 1;
  if (error) {
    // upstream: failSafe — no disruption allowed while the status cannot be computed.
    if (
      setStatus(ctx.store, pdb, {
        ...(pdb.status ?? {}),
        disruptionsAllowed: 0,
        observedGeneration: generation,
        conditions: [allowedCondition(pdb.status, false, 'SyncFailed', stamp)],
      })
    ) {
      ctx.events.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${error}`, COMPONENT);
    }
    return;
  }
  // upstream: buildDisruptedPodMap — evictions whose pod is still there and not yet deleting, for 2 minutes.
  const disrupted: Record<string, string> = {};
  const byName = new Map(pods.map((p) => [p.metadata.name, p]));
  for (const [name, at] of Object.entries((pdb.status?.disruptedPods ?? {}) as Record<string, string>)) {
    const p = byName.get(name);
    if (!p || p.metadata.deletionTimestamp) continue;
    if (Date.parse(at) + DELETION_TIMEOUT_MS < now) continue;
    disrupted[name] = at;
    ctx.wakeAt(Date.parse(at) + DELETION_TIMEOUT_MS + 1);
  }
  // upstream: countHealthyPods — not being deleted, not just evicted, Ready.
  let healthy = 0;
  for (const p of pods) if (!p.metadata.deletionTimestamp && !(p.metadata.name in disrupted) && isPodReady(p)) healthy++;
  const a = budgetArithmetic(spec, pods.length, scale, healthy);
  const status: Record<string, unknown> = {
    observedGeneration: generation,
    disruptionsAllowed: a.disruptionsAllowed,
    currentHealthy: a.currentHealthy,
    desiredHealthy: a.desiredHealthy,
    expectedPods: a.expectedPods,
    conditions: [allowedCondition(pdb.status, a.disruptionsAllowed > 0, a.disruptionsAllowed > 0 ? 'SufficientPods' : 'InsufficientPods', stamp)],
  };
  if (Object.keys(disrupted).length) status.disruptedPods = disrupted;
  if (setStatus(ctx.store, pdb, status)) for (const e of events) e();
}

function selectorString(sel: { matchLabels?: Record<string, string> } | undefined): string {
  return `&LabelSelector{MatchLabels:map[string]string{${Object.entries(sel?.matchLabels ?? {})
    .map(([k, v]) => `${k}: ${v},`)
    .join('')}},MatchExpressions:[]LabelSelectorRequirement{},}`;
}
