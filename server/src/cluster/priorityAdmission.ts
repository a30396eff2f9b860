// The Priority admission plugin: a pod's priorityClassName becomes spec.priority (and its
// preemptionPolicy); without one the globalDefault class applies, else 0. An unknown class is
// refused. upstream: plugin/pkg/admission/priority/admission.go (admitPod, getDefaultPriority);
// pkg/apis/scheduling SystemPriorityClasses.
import type { Store } from './store';
import type { KObject, Pod } from './types';

/** Built into every cluster (the API server creates them at start-up). */
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

/** upstream: getDefaultPriorityClass — among globalDefault classes, the one with the lowest value. */
function defaultClass(store: Store): KObject | undefined {
  let best: KObject | undefined;
  for (const pc of store.list('PriorityClass')) {
    if (pc.globalDefault !== true) continue;
    if (!best || Number(pc.value ?? 0) < Number(best.value ?? 0)) best = pc;
  }
  return best;
}

/** `pods "<name or generateName>" is forbidden: …`, as admission.NewForbidden words it. */
function forbidden(pod: Pod, why: string): string {
  return `pods "${pod.metadata.name || pod.metadata.generateName || 'Unknown'}" is forbidden: ${why}`;
}

/**
 * Why the API server would refuse this pod, or undefined (then resolvePriority may run).
 * upstream: admitPod — unknown class; a spec.priority that differs from the class's value.
 */
export function priorityAdmissionError(store: Store, pod: Pod): string | undefined {
  const name = pod.spec?.priorityClassName as string | undefined;
  let value: number | undefined;
  if (name) {
    value = SYSTEM_PRIORITY_CLASSES[name] ?? (store.get('PriorityClass', undefined, name)?.value as number | undefined);
    if (value === undefined) return forbidden(pod, `no PriorityClass with name ${name} was found`);
  } else value = Number(defaultClass(store)?.value ?? 0);
  const given = pod.spec?.priority;
  if (typeof given === 'number' && given !== value) {
    return forbidden(
      pod,
      `the integer value of priority (${given}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`,
    );
  }
  return undefined;
}

/** Sets spec.priority, spec.priorityClassName (from the global default) and spec.preemptionPolicy. */
export function resolvePriority(store: Store, pod: Pod): void {
  if (!pod.spec) return;
  const name = pod.spec.priorityClassName as string | undefined;
  if (name) {
    const system = SYSTEM_PRIORITY_CLASSES[name];
    const pc = system === undefined ? store.get('PriorityClass', undefined, name) : undefined;
    if (system === undefined && !pc) return;
    pod.spec.priority = system ?? Number(pc?.value ?? 0);
    if (pc?.preemptionPolicy && pod.spec.preemptionPolicy === undefined) pod.spec.preemptionPolicy = pc.preemptionPolicy;
    return;
  }
  const def = defaultClass(store);
  if (def) {
    pod.spec.priorityClassName = def.metadata.name;
    pod.spec.priority = Number(def.value ?? 0);
    if (def.preemptionPolicy && pod.spec.preemptionPolicy === undefined) pod.spec.preemptionPolicy = def.preemptionPolicy;
  }
}
