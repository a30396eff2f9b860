// The kubelet's pod conditions: set one (new object only when status or reason change) and keep
// them in the order the API shows them. Runs a few times per pod start, so both build at most one
// array and no intermediate copies.
import type { Pod, PodCondition } from './types';
import { sharedCondition } from './sharedStatus';

/** The order the API shows pod conditions in (rank below). */
// ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']

/** Same status and reason: the list as is; otherwise the others plus a new condition at the end. */
export function setPodCondition(conds: PodCondition[], type: string, status: PodCondition['status'], now: string, reason?: string): PodCondition[] {
  const cur = conds.find((c) => c.type === type);
  if (cur && cur.status === status && cur.reason === reason) return conds;
  const c = sharedCondition(type, status, now, reason);
  const out: PodCondition[] = [];
  for (const x of conds) if (x.type !== type) out.push(x);
  out.push(c);
  return out;
}

/** CONDITION_ORDER.indexOf(c.type), by switch: it runs inside the sort for every pod start. */
function rank(c: PodCondition): number {
  switch (c.type) {
    case 'PodReadyToStartContainers':
      return 0;
    case 'Initialized':
      return 1;
    case 'Ready':
      return 2;
    case 'ContainersReady':
      return 3;
    case 'PodScheduled':
      return 4;
    default:
      return -1;
  }
}

/** A copy in CONDITION_ORDER; stable, like the sort it replaces (unknown types first, in their order). */
export function orderPodConditions(conds: PodCondition[]): PodCondition[] {
  const out = conds.slice();
  for (let i = 1; i < out.length; i++) {
    const c = out[i];
    const r = rank(c);
    let j = i - 1;
    while (j >= 0 && rank(out[j]) > r) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = c;
  }
  return out;
}

/** True when orderPodConditions would return the same sequence. */
export function podConditionsOrdered(conds: PodCondition[]): boolean {
  for (let i = 1; i < conds.length; i++) if (rank(conds[i - 1]) > rank(conds[i])) return false;
  return true;
}

/**
 * The DisruptionTarget condition a pod gets just before a disruption deletes it (a NoExecute
 * taint, an eviction, a preemption), so that a pod still terminating shows why it goes. Shown first,
 * as orderPodConditions puts types the kubelet does not own. upstream: PodDisruptionConditions (GA
 * 1.31) — tainteviction, registry/core/pod/storage/eviction.go, scheduler preemption prepareCandidate.
 */
export function markDisruptionTarget(pod: Pod, reason: string, message: string, now: string): void {
  const rest: PodCondition[] = [];
  for (const c of pod.status.conditions ?? []) if (c.type !== 'DisruptionTarget') rest.push(c);
  pod.status.conditions = [{ type: 'DisruptionTarget', status: 'True', reason, message, lastTransitionTime: now }, ...rest];
}
