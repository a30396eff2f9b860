// PodTopologySpread: DoNotSchedule constraints filter (skew = matching pods in the node's domain
// + the pod itself − the smallest domain's count, must stay ≤ maxSkew); ScheduleAnyway
// constraints — or, when the pod has none, the system defaults — score (fewer matching pods in
// the domain score higher).
// upstream: pkg/scheduler/framework/plugins/podtopologyspread/{common,filtering,scoring}.go.
import type { LabelSelector, Pod } from '../types';
import { labelSelectorMatcher } from '../controllerUtils';
import { labelSelectorMatches } from '../../k8s/labels';
import { podMatchesNodeSelectorAndAffinity, untoleratedTaint } from '../nodeMatching';
import { labelIndexKey, NodeInfo } from './nodeInfo';
import type { FilterResult } from './filters';

const ERR_SPREAD = "node(s) didn't match pod topology spread constraints";
const ERR_SPREAD_MISSING_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";
const HOSTNAME = 'kubernetes.io/hostname';

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  minDomains?: number;
  selector: (labels: Record<string, string> | undefined) => boolean;
  /** Label pairs every selected pod must carry (from matchLabels): lets counting read the label index. */
  pairs: [string, string][];
  honourAffinity: boolean;
  honourTaints: boolean;
}

interface RawConstraint {
  maxSkew?: number;
  topologyKey?: string;
  whenUnsatisfiable?: string;
  labelSelector?: LabelSelector;
  minDomains?: number;
  matchLabelKeys?: string[];
  nodeAffinityPolicy?: string;
  nodeTaintsPolicy?: string;
}

/**
 * upstream: filterTopologySpreadConstraints — the constraints of one whenUnsatisfiable; matchLabelKeys
 * add `key In (pod's value)` to the selector; nodeAffinityPolicy defaults to Honor, nodeTaintsPolicy to Ignore.
 */
function spreadConstraints(pod: Pod, when: 'DoNotSchedule' | 'ScheduleAnyway'): SpreadConstraint[] {
  const list = (pod.spec.topologySpreadConstraints ?? []) as RawConstraint[];
  if (!Array.isArray(list)) return [];
  const out: SpreadConstraint[] = [];
  for (const c of list) {
    if (!c || c.whenUnsatisfiable !== when || typeof c.topologyKey !== 'string') continue;
    let selector: LabelSelector | undefined = c.labelSelector;
    const labels = pod.metadata.labels ?? {};
    const extra = (c.matchLabelKeys ?? []).filter((k) => k in labels).map((k) => ({ key: k, operator: 'In', values: [labels[k]] }));
    if (extra.length && selector) selector = { ...selector, matchExpressions: [...(selector.matchExpressions ?? []), ...extra] };
    out.push({
      maxSkew: Number(c.maxSkew ?? 1),
      topologyKey: c.topologyKey,
      minDomains: c.minDomains,
      selector: extra.length ? (l) => labelSelectorMatches(selector, l) : labelSelectorMatcher(selector),
      pairs: Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => [k, String(v)]),
      honourAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honourTaints: c.nodeTaintsPolicy === 'Honor',
    });
  }
  return out;
}

/** upstream: matchNodeInclusionPolicies. */
function includesNode(c: SpreadConstraint, pod: Pod, info: NodeInfo): boolean {
  if (c.honourAffinity && !podMatchesNodeSelectorAndAffinity(pod, info.node)) return false;
  if (c.honourTaints && untoleratedTaint(pod, info.node)) return false;
  return true;
}

/** The last namespace's index keys per constraint: the system default constraints are shared by a workload's pods. */
const keysOf = new WeakMap<SpreadConstraint, { namespace: string; keys: string[] }>();

/** The label index keys of a constraint's required pairs in a namespace (built once per pod, read per node). */
function indexKeys(c: SpreadConstraint, namespace: string): string[] {
  const known = keysOf.get(c);
  if (known && known.namespace === namespace) return known.keys;
  const keys = c.pairs.map(([k, v]) => labelIndexKey(namespace, k, v));
  keysOf.set(c, { namespace, keys });
  return keys;
}

/** upstream: countPodsMatchSelector — same namespace, not terminating, selector matches. `keys`: indexKeys(c, namespace). */
function countMatching(info: NodeInfo, c: SpreadConstraint, namespace: string, keys: string[]): number {
  let list: Pod[] = info.pods;
  // The shortest list among the selector's required label pairs holds every candidate.
  for (const key of keys) {
    const l = info.podsByLabel.get(key);
    if (!l) return 0;
    if (l.length < list.length) list = l;
  }
  let n = 0;
  for (const p of list) if (!p.metadata.deletionTimestamp && (p.metadata.namespace ?? 'default') === namespace && c.selector(p.metadata.labels)) n++;
  return n;
}

const hasKeys = (info: NodeInfo, cs: SpreadConstraint[]) => cs.every((c) => (info.node.metadata.labels ?? {})[c.topologyKey] !== undefined);

export interface TopologySpreadState {
  constraints: SpreadConstraint[];
  /** Per constraint: matching pods per domain value. */
  counts: Map<string, number>[];
  /** Per constraint: the smallest count over its domains. */
  minMatch: number[];
}

/** upstream: podtopologyspread calPreFilterState. */
export function topologySpreadPreFilter(pod: Pod, infos: NodeInfo[]): TopologySpreadState | undefined {
  const constraints = spreadConstraints(pod, 'DoNotSchedule');
  if (!constraints.length) return undefined;
  const ns = pod.metadata.namespace ?? 'default';
  const counts = constraints.map(() => new Map<string, number>());
  const keys = constraints.map((c) => indexKeys(c, ns));
  for (const info of infos) {
    if (!hasKeys(info, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!includesNode(c, pod, info)) return;
      const v = (info.node.metadata.labels ?? {})[c.topologyKey];
      counts[i].set(v, (counts[i].get(v) ?? 0) + countMatching(info, c, ns, keys[i]));
    });
  }
  const minMatch = constraints.map((c, i) => {
    // upstream: minMatchNum — with fewer domains than minDomains the global minimum is 0.
    if (c.minDomains !== undefined && counts[i].size < c.minDomains) return 0;
    return counts[i].size ? Math.min(...counts[i].values()) : 0;
  });
  return { constraints, counts, minMatch };
}

/** upstream: podtopologyspread Filter. */
export function topologySpreadFilter(pod: Pod, state: TopologySpreadState | undefined, info: NodeInfo): FilterResult | undefined {
  if (!state) return undefined;
  const labels: Record<string, string> = info.node.metadata.labels ?? {};
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i];
    const v = labels[c.topologyKey];
    if (v === undefined) return { reasons: [ERR_SPREAD_MISSING_LABEL], unresolvable: true };
    const self = c.selector(pod.metadata.labels) ? 1 : 0;
    const skew = (state.counts[i].get(v) ?? 0) + self - state.minMatch[i];
    if (skew > c.maxSkew) return { reasons: [ERR_SPREAD], unresolvable: false };
  }
  return undefined;
}

/** upstream: topologyNormalizingWeight — log(size + 2). */
function normalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/**
 * What PodTopologySpread's PreScore counted for one pod over the feasible nodes. The scheduler
 * keeps it for the next pod of the same template: after a binding only that node's counts move
 * (recountAfterBind), and the scores are computed again from the counts (spreadScoresFrom).
 */
export interface SpreadCounts {
  constraints: SpreadConstraint[];
  ns: string;
  keys: string[][];
  weights: number[];
  feasible: NodeInfo[];
  /** Per feasible node: left out because it lacks a declared constraint's topology label. */
  ignored: boolean[];
  considered: number;
  /** Per constraint, per feasible node: its domain's index in `totals`, −1 when it has no such label (or is ignored). */
  domain: number[][];
  /** Per constraint: matching pods per domain (hostname: per feasible node). */
  totals: number[][];
  /** Per constraint (not hostname): the index of each domain value. */
  domainIndex: Map<string, number>[];
  /** Per constraint (not hostname): what each node that counted towards its domain added. */
  counted: Map<NodeInfo, number>[];
}

/**
 * upstream: podtopologyspread PreScore / Score / NormalizeScore. `defaults` are the system default
 * constraints (hostname maxSkew 3, zone maxSkew 5) built by the caller when the pod declares none.
 * Returns 0–100 per feasible node, or undefined when no constraint applies.
 */
export function topologySpreadScores(pod: Pod, feasible: NodeInfo[], all: NodeInfo[], defaults: SpreadConstraint[]): number[] | undefined {
  const counts = spreadCounts(pod, feasible, all, defaults);
  return counts && spreadScoresFrom(counts);
}

/** upstream: podtopologyspread PreScore — the matching pods per node and domain; undefined when no constraint applies. */
export function spreadCounts(pod: Pod, feasible: NodeInfo[], all: NodeInfo[], defaults: SpreadConstraint[]): SpreadCounts | undefined {
  const own = (pod.spec.topologySpreadConstraints ?? []) as unknown[];
  const declared = Array.isArray(own) && own.length > 0;
  const constraints = declared ? spreadConstraints(pod, 'ScheduleAnyway') : defaults;
  if (!constraints.length) return undefined;
  const requireAll = declared;
  const ns = pod.metadata.namespace ?? 'default';
  const nc = constraints.length;
  const nf = feasible.length;
  // Plain loops over the nodes: this runs for every pod on every feasible node.
  const ignored: boolean[] = new Array(nf);
  let considered = 0;
  for (let n = 0; n < nf; n++) {
    ignored[n] = requireAll && !hasKeys(feasible[n], constraints);
    if (!ignored[n]) considered++;
  }
  const domain: number[][] = new Array(nc);
  const totals: number[][] = new Array(nc);
  const domainIndex: Map<string, number>[] = new Array(nc);
  const counted: Map<NodeInfo, number>[] = new Array(nc);
  const keys: string[][] = new Array(nc);
  const weights: number[] = new Array(nc);
  for (let i = 0; i < nc; i++) {
    const c = constraints[i];
    const d: number[] = new Array(nf);
    const index = new Map<string, number>();
    const tot: number[] = [];
    domain[i] = d;
    totals[i] = tot;
    domainIndex[i] = index;
    counted[i] = new Map();
    keys[i] = indexKeys(c, ns);
    const hostname = c.topologyKey === HOSTNAME;
    for (let n = 0; n < nf; n++) {
      const info = feasible[n];
      const v = (info.node.metadata.labels ?? {})[c.topologyKey];
      if (ignored[n] || v === undefined) {
        d[n] = -1;
        if (hostname) tot.push(0);
      } else if (hostname) {
        d[n] = n;
        tot.push(countMatching(info, c, ns, keys[i]));
      } else {
        let k = index.get(v);
        if (k === undefined) {
          index.set(v, (k = tot.length));
          tot.push(0);
        }
        d[n] = k;
      }
    }
    weights[i] = normalizingWeight(hostname ? considered : index.size);
  }
  for (const info of all) {
    if (requireAll && !hasKeys(info, constraints)) continue;
    const labels = info.node.metadata.labels ?? {};
    for (let i = 0; i < nc; i++) {
      const c = constraints[i];
      if (c.topologyKey === HOSTNAME) continue;
      // The node's domain first (a map read), the inclusion policies (the pod's node affinity) only for a counted domain.
      const v = labels[c.topologyKey];
      const k = v === undefined ? undefined : domainIndex[i].get(v);
      if (k === undefined || !includesNode(c, pod, info)) continue;
      const cnt = countMatching(info, c, ns, keys[i]);
      counted[i].set(info, cnt);
      totals[i][k] += cnt;
    }
  }
  return { constraints, ns, keys, weights, feasible, ignored, considered, domain, totals, domainIndex, counted };
}

/**
 * The counts after one more pod was bound to `host` (one of the feasible nodes): only that node's
 * own count and its domains' totals can have moved; everything else was counted from nodes that
 * did not change. Recounts the node from its pods, as spreadCounts would.
 */
export function recountAfterBind(s: SpreadCounts, host: NodeInfo): void {
  const h = s.feasible.indexOf(host);
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    if (c.topologyKey === HOSTNAME) {
      if (h >= 0 && s.domain[i][h] >= 0) s.totals[i][h] = countMatching(host, c, s.ns, s.keys[i]);
      continue;
    }
    const before = s.counted[i].get(host);
    if (before === undefined) continue;
    const now = countMatching(host, c, s.ns, s.keys[i]);
    s.counted[i].set(host, now);
    s.totals[i][s.domainIndex[i].get((host.node.metadata.labels ?? {})[c.topologyKey]) ?? 0] += now - before;
  }
}

/** upstream: podtopologyspread Score + NormalizeScore from the PreScore counts. */
export function spreadScoresFrom(s: SpreadCounts): number[] {
  const { constraints, feasible, ignored, weights, domain, totals } = s;
  const nc = constraints.length;
  const nf = feasible.length;
  const raw: number[] = new Array(nf);
  let min = Infinity;
  let max = -Infinity;
  let nan = false;
  for (let n = 0; n < nf; n++) {
    if (ignored[n]) {
      raw[n] = 0;
      continue;
    }
    let sum = 0;
    for (let i = 0; i < nc; i++) {
      const d = domain[i][n];
      if (d < 0) continue;
      sum += totals[i][d] * weights[i] + (constraints[i].maxSkew - 1);
    }
    const r = Math.round(sum);
    raw[n] = r;
    if (r < min) min = r;
    if (r > max) max = r;
    if (Number.isNaN(r)) nan = true;
  }
  // As Math.min/Math.max over the considered nodes: 0 when there are none, NaN when one is NaN.
  if (s.considered === 0) min = max = 0;
  else if (nan) min = max = NaN;
  const out: number[] = new Array(nf);
  for (let n = 0; n < nf; n++) out[n] = ignored[n] ? 0 : max === 0 ? 100 : Math.floor((100 * (max + min - raw[n])) / max);
  return out;
}

/** upstream: podtopologyspread systemDefaultConstraints, with the selector DefaultSelector built. */
export function systemDefaultConstraints(sel: DefaultSelector | undefined): SpreadConstraint[] {
  if (!sel) return [];
  let made = defaultsOf.get(sel);
  if (!made) defaultsOf.set(sel, (made = buildSystemDefaults(sel)));
  return made;
}

type DefaultSelector = { matches: (labels: Record<string, string> | undefined) => boolean; pairs: [string, string][] };

/** Built once per selector object (the scheduler keeps one per workload); callers never modify them. */
const defaultsOf = new WeakMap<DefaultSelector, SpreadConstraint[]>();

function buildSystemDefaults(sel: DefaultSelector): SpreadConstraint[] {
  const selector = sel.matches;
  return [
    { maxSkew: 3, topologyKey: HOSTNAME, selector, pairs: sel.pairs, honourAffinity: true, honourTaints: false },
    { maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', selector, pairs: sel.pairs, honourAffinity: true, honourTaints: false },
  ];
}
