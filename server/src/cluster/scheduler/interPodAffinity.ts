// InterPodAffinity: required pod affinity / anti-affinity as a filter, preferred terms (and the
// existing pods' terms) as a score. Counts are kept per topology pair (label key, node's value),
// computed once per scheduling cycle (PreFilter / PreScore) and read per node.
// upstream: pkg/scheduler/framework/plugins/interpodaffinity/{filtering,scoring}.go;
// pkg/scheduler/framework/types.go AffinityTerm.Matches.
import type { LabelSelector, Pod } from '../types';
import { labelSelectorMatcher } from '../controllerUtils';
import type { NodeInfo } from './nodeInfo';
import type { FilterResult } from './filters';

const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

/** Labels of a namespace, for namespaceSelector (undefined when the namespace is unknown). */
export type NamespaceLabels = (namespace: string) => Record<string, string> | undefined;

interface RawTerm {
  labelSelector?: LabelSelector;
  namespaces?: string[];
  namespaceSelector?: LabelSelector;
  topologyKey: string;
}

interface AffinityTerm {
  topologyKey: string;
  weight: number;
  matches(pod: Pod, nsLabels: NamespaceLabels): boolean;
}

/**
 * upstream: framework.newAffinityTerm / AffinityTerm.Matches — the pod's namespace must be listed
 * (none listed and no namespaceSelector: the owner's own namespace) or match the namespaceSelector,
 * then the labelSelector must match (a missing selector matches nothing).
 */
function affinityTerm(owner: Pod, t: RawTerm, weight = 1): AffinityTerm {
  const namespaces = new Set(t.namespaces ?? []);
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(owner.metadata.namespace ?? 'default');
  const selector = labelSelectorMatcher(t.labelSelector);
  const nsSelector = t.namespaceSelector ? labelSelectorMatcher(t.namespaceSelector) : undefined;
  return {
    topologyKey: t.topologyKey,
    weight,
    matches(pod, nsLabels) {
      const ns = pod.metadata.namespace ?? 'default';
      if (!namespaces.has(ns) && !(nsSelector && nsSelector(nsLabels(ns) ?? {}))) return false;
      return selector(pod.metadata.labels);
    },
  };
}

type Affinity = { podAffinity?: Record<string, unknown>; podAntiAffinity?: Record<string, unknown> } | undefined;

function requiredTerms(pod: Pod, which: 'podAffinity' | 'podAntiAffinity'): AffinityTerm[] {
  const a = (pod.spec.affinity as Affinity)?.[which];
  const list = (a?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as RawTerm[];
  return Array.isArray(list) ? list.filter((t) => t && typeof t.topologyKey === 'string').map((t) => affinityTerm(pod, t)) : [];
}

function preferredTerms(pod: Pod, which: 'podAffinity' | 'podAntiAffinity'): AffinityTerm[] {
  const a = (pod.spec.affinity as Affinity)?.[which];
  const list = (a?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as { weight?: number; podAffinityTerm?: RawTerm }[];
  if (!Array.isArray(list)) return [];
  return list
    .filter((w) => w?.podAffinityTerm && typeof w.podAffinityTerm.topologyKey === 'string')
    .map((w) => affinityTerm(pod, w.podAffinityTerm as RawTerm, Number(w.weight ?? 1)));
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

export interface InterPodAffinityState {
  affinityTerms: AffinityTerm[];
  antiAffinityTerms: AffinityTerm[];
  /** Existing pods whose required anti-affinity terms match the incoming pod. */
  existingAntiAffinityCounts: Map<string, number>;
  /** Existing pods matching all of the incoming pod's affinity terms, per term's pair. */
  affinityCounts: Map<string, number>;
  /** Existing pods matching each of the incoming pod's anti-affinity terms. */
  antiAffinityCounts: Map<string, number>;
  selfMatchesAffinity: boolean;
}

function bump(m: Map<string, number>, key: string, by = 1): void {
  m.set(key, (m.get(key) ?? 0) + by);
}

/** upstream: interpodaffinity PreFilter (getExistingAntiAffinityCounts, getIncomingAffinityAntiAffinityCounts). */
export function interPodAffinityPreFilter(pod: Pod, infos: NodeInfo[], nsLabels: NamespaceLabels): InterPodAffinityState | undefined {
  const affinityTerms = requiredTerms(pod, 'podAffinity');
  const antiAffinityTerms = requiredTerms(pod, 'podAntiAffinity');
  const existingAntiAffinityCounts = new Map<string, number>();
  const affinityCounts = new Map<string, number>();
  const antiAffinityCounts = new Map<string, number>();
  let anyExistingAnti = false;
  const incoming = affinityTerms.length > 0 || antiAffinityTerms.length > 0;
  for (const info of infos) {
    const labels: Record<string, string> = info.node.metadata.labels ?? {};
    for (const existing of info.podsWithAffinity) {
      for (const t of requiredTerms(existing, 'podAntiAffinity')) {
        const v = labels[t.topologyKey];
        if (v !== undefined && t.matches(pod, nsLabels)) {
          bump(existingAntiAffinityCounts, pairKey(t.topologyKey, v));
          anyExistingAnti = true;
        }
      }
    }
    // Only a pod with its own required terms needs to look at every pod.
    if (!incoming) continue;
    for (const existing of info.pods) {
      if (affinityTerms.length && affinityTerms.every((t) => t.matches(existing, nsLabels))) {
        for (const t of affinityTerms) {
          const v = labels[t.topologyKey];
          if (v !== undefined) bump(affinityCounts, pairKey(t.topologyKey, v));
        }
      }
      for (const t of antiAffinityTerms) {
        const v = labels[t.topologyKey];
        if (v !== undefined && t.matches(existing, nsLabels)) bump(antiAffinityCounts, pairKey(t.topologyKey, v));
      }
    }
  }
  if (!affinityTerms.length && !antiAffinityTerms.length && !anyExistingAnti) return undefined;
  const selfMatchesAffinity = affinityTerms.length > 0 && affinityTerms.every((t) => t.matches(pod, nsLabels));
  return { affinityTerms, antiAffinityTerms, existingAntiAffinityCounts, affinityCounts, antiAffinityCounts, selfMatchesAffinity };
}

/**
 * upstream: interpodaffinity Filter — satisfyPodAffinity (UnschedulableAndUnresolvable), then
 * satisfyPodAntiAffinity and satisfyExistingPodsAntiAffinity (Unschedulable: preemption may help).
 */
export function interPodAffinityFilter(state: InterPodAffinityState | undefined, info: NodeInfo): FilterResult | undefined {
  if (!state) return undefined;
  const labels: Record<string, string> = info.node.metadata.labels ?? {};
  if (state.affinityTerms.length) {
    let podsExist = true;
    for (const t of state.affinityTerms) {
      const v = labels[t.topologyKey];
      // All topology labels must exist on the node.
      if (v === undefined) return { reasons: [ERR_AFFINITY], unresolvable: true };
      if (!((state.affinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) > 0)) podsExist = false;
    }
    // The first pod of a group that selects itself may go anywhere its topology labels exist.
    if (!podsExist && !(state.affinityCounts.size === 0 && state.selfMatchesAffinity)) return { reasons: [ERR_AFFINITY], unresolvable: true };
  }
  for (const t of state.antiAffinityTerms) {
    const v = labels[t.topologyKey];
    if (v !== undefined && (state.antiAffinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) > 0) return { reasons: [ERR_ANTI_AFFINITY], unresolvable: false };
  }
  for (const k in labels) {
    if ((state.existingAntiAffinityCounts.get(pairKey(k, labels[k])) ?? 0) > 0) return { reasons: [ERR_EXISTING_ANTI_AFFINITY], unresolvable: false };
  }
  return undefined;
}

/** upstream: interpodaffinity scoring.go — hardPodAffinityWeight default. */
const HARD_POD_AFFINITY_WEIGHT = 1;

/**
 * upstream: interpodaffinity PreScore + Score + NormalizeScore. Per topology pair: + weight of the
 * incoming pod's preferred affinity terms an existing pod matches, − for preferred anti-affinity;
 * the existing pods' own preferred terms (and required affinity × hardPodAffinityWeight) that match
 * the incoming pod count the same way. A node scores the sum of its pairs, normalised to 0–100 by
 * (s − min) / (max − min); all equal → 0.
 */
export function interPodAffinityScores(pod: Pod, feasible: NodeInfo[], all: NodeInfo[], nsLabels: NamespaceLabels): number[] | undefined {
  const prefAff = preferredTerms(pod, 'podAffinity');
  const prefAnti = preferredTerms(pod, 'podAntiAffinity');
  const topologyScore = new Map<string, number>();
  let any = false;
  const incoming = prefAff.length > 0 || prefAnti.length > 0;
  for (const info of all) {
    // Nothing to count on a node when neither the pod nor the node's pods have terms.
    if (!incoming && info.podsWithAffinity.length === 0) continue;
    const labels: Record<string, string> = info.node.metadata.labels ?? {};
    const add = (t: AffinityTerm, sign: number) => {
      const v = labels[t.topologyKey];
      if (v === undefined) return;
      bump(topologyScore, pairKey(t.topologyKey, v), sign * t.weight);
      any = true;
    };
    if (incoming) {
      for (const existing of info.pods) {
        for (const t of prefAff) if (t.matches(existing, nsLabels)) add(t, 1);
        for (const t of prefAnti) if (t.matches(existing, nsLabels)) add(t, -1);
      }
    }
    for (const existing of info.podsWithAffinity) {
      for (const t of requiredTerms(existing, 'podAffinity')) if (t.matches(pod, nsLabels)) add({ ...t, weight: HARD_POD_AFFINITY_WEIGHT }, 1);
      for (const t of preferredTerms(existing, 'podAffinity')) if (t.matches(pod, nsLabels)) add(t, 1);
      for (const t of preferredTerms(existing, 'podAntiAffinity')) if (t.matches(pod, nsLabels)) add(t, -1);
    }
  }
  if (!any) return undefined;
  const raw = feasible.map((info) => {
    const labels: Record<string, string> = info.node.metadata.labels ?? {};
    let s = 0;
    for (const k in labels) s += topologyScore.get(pairKey(k, labels[k])) ?? 0;
    return s;
  });
  const min = Math.min(...raw);
  const max = Math.max(...raw);
  return raw.map((s) => (max - min > 0 ? Math.floor((100 * (s - min)) / (max - min)) : 0));
}
