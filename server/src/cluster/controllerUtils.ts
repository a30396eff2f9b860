// Helpers shared by controllers (upstream: pkg/controller/controller_utils.go and
// pkg/api/v1/pod/util.go). Controllers import this module, never each other.
import type { Store } from './store';
import type { KObject, OwnerReference, Pod, PodTemplateSpec } from './types';
import { labelSelectorMatches, type LabelSelector } from '../k8s/labels';

type Labels = Record<string, string> | undefined | null;

/**
 * labelSelectorMatches prepared once for testing many pods: a matchLabels-only selector becomes
 * a list of pairs (the common case); anything with expressions uses labelSelectorMatches itself.
 */
export function labelSelectorMatcher(selector: LabelSelector | undefined | null): (labels: Labels) => boolean {
  if (selector === undefined || selector === null) return () => false;
  if (typeof selector !== 'object') return prepareSelector(selector);
  // Stored selectors are immutable (validation rejects changes; updates bring new objects): prepare each once.
  let m = matchers.get(selector);
  if (!m) matchers.set(selector, (m = prepareSelector(selector)));
  return m;
}

const matchers = new WeakMap<object, (labels: Labels) => boolean>();

function prepareSelector(selector: LabelSelector): (labels: Labels) => boolean {
  const exprs = selector.matchExpressions;
  if (exprs !== undefined && exprs !== null && !(Array.isArray(exprs) && exprs.length === 0)) return (labels) => labelSelectorMatches(selector, labels);
  return pairsMatcher(Object.entries(selector.matchLabels ?? {}));
}

/** mapSelectorMatches (Service / ReplicationController selectors) prepared once. */
export function mapSelectorMatcher(selector: Record<string, string> | undefined | null): (labels: Labels) => boolean {
  if (selector === undefined || selector === null) return () => false;
  return pairsMatcher(Object.entries(selector));
}

function pairsMatcher(entries: [string, unknown][]): (labels: Labels) => boolean {
  const keys = entries.map(([k]) => k);
  const values = entries.map(([, v]) => String(v));
  return (labels) => {
    const l = labels ?? {};
    for (let i = 0; i < keys.length; i++) if (l[keys[i]] !== values[i]) return false;
    return true;
  };
}

/** Deep copy of plain JSON, faster than JSON round-trips for the many pods a template stamps out. */
export function fastClone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(fastClone) as unknown as T;
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = fastClone(x);
  }
  return out as T;
}

/** What JSON.stringify writes for a value inside an array: undefined and functions become null. */
const inArray = (v: unknown): unknown => (v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v);
/** Whether JSON.stringify skips an object member holding this value. */
const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * JSON.stringify(a) === JSON.stringify(b) for plain data (no toJSON, no cycles), without writing
 * the texts: member order counts, members holding undefined are skipped, as the texts would be.
 */
export function sameJsonText(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJsonText(inArray(a[i]), inArray(bb[i]))) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < ka.length && skipped(ao[ka[i]])) i++;
    while (j < kb.length && skipped(bo[kb[j]])) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    if (ka[i] !== kb[j] || !sameJsonText(ao[ka[i]], bo[kb[j]])) return false;
    i++;
    j++;
  }
}

/** Structural equality of plain JSON; keys holding undefined count as absent. Loops, no key arrays: it runs on every status write. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let na = 0;
  for (const k in ao) {
    const v = ao[k];
    if (v === undefined) continue;
    na++;
    if (!deepEqual(v, bo[k])) return false;
  }
  let nb = 0;
  for (const k in bo) if (bo[k] !== undefined) nb++;
  return na === nb;
}

/** Writes `status` only when it differs, so a quiet round writes nothing and the loop can stop. */
export function setStatus(store: Store, obj: KObject, status: unknown): boolean {
  if (deepEqual(obj.status, status)) return false;
  obj.status = status;
  store.update(obj);
  return true;
}

export function ownerReference(owner: KObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

const ownerRefLists = new WeakMap<KObject, OwnerReference[]>();

/**
 * `[ownerReference(owner)]` for the pods an owner stamps out: one frozen list per owner, shared by
 * all of them (adoption and release replace the list, nothing edits it in place).
 */
function ownerReferencesFor(owner: KObject): OwnerReference[] {
  const known = ownerRefLists.get(owner);
  const ref = known?.[0];
  if (ref && ref.apiVersion === owner.apiVersion && ref.kind === owner.kind && ref.name === owner.metadata.name && ref.uid === (owner.metadata.uid ?? ''))
    return known;
  const list = Object.freeze([Object.freeze(ownerReference(owner))]) as OwnerReference[];
  ownerRefLists.set(owner, list);
  return list;
}

/**
 * A new Pod from a template (upstream GetPodFromTemplate): labels/annotations from the template,
 * generateName `<owner>-` unless a fixed name is given, controller reference to the owner.
 */
export function podFromTemplate(template: PodTemplateSpec, owner: KObject, opts: { name?: string; generateName?: string } = {}): Pod {
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: opts.name ?? '',
      namespace: owner.metadata.namespace,
      labels: { ...(meta.labels ?? {}) },
      ownerReferences: ownerReferencesFor(owner),
    },
    spec: fastClone(template.spec),
    status: { phase: 'Pending' },
  };
  if (!opts.name) pod.metadata.generateName = opts.generateName ?? `${owner.metadata.name}-`;
  if (meta.annotations && Object.keys(meta.annotations).length) pod.metadata.annotations = { ...meta.annotations };
  return pod;
}

/** upstream: IsPodActive — not Succeeded/Failed and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function podCondition(pod: Pod, type: string) {
  return pod.status?.conditions?.find((c) => c.type === type);
}

export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** upstream: IsPodAvailable — Ready for at least minReadySeconds. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const since = Date.parse(c.lastTransitionTime ?? '');
  return !Number.isNaN(since) && since + minReadySeconds * 1000 <= nowMs;
}

/** When a Ready pod becomes available (for a wake-up), or undefined. */
export function availableAt(pod: Pod, minReadySeconds: number): number | undefined {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True' || !minReadySeconds) return undefined;
  const since = Date.parse(c.lastTransitionTime ?? '');
  return Number.isNaN(since) ? undefined : since + minReadySeconds * 1000;
}

/**
 * upstream: endpointslice utils FindPort — integer targetPort as is; a named one is the first
 * container port with that name and the service port's protocol; undefined when none.
 */
export function findPort(pod: Pod, svcPort: { targetPort?: number | string; port: number; protocol?: string }): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const proto = svcPort.protocol ?? 'TCP';
  // App containers first, then sidecars (restartPolicy Always init containers); no combined list built per call.
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  }
  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  }
  return undefined;
}

/** upstream: ShouldPodBeInEndpoints — not terminal, has an IP, not terminating unless asked. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

export interface PodTargetRef {
  kind: 'Pod';
  name: string;
  namespace: string;
  uid: string;
}

const targetRefs = new WeakMap<Pod, PodTargetRef>();

/**
 * `{kind: 'Pod', name, namespace, uid}` for Endpoints addresses and EndpointSlice endpoints: one
 * frozen object per pod, shared by both and by every recomputation (references are replaced, never edited).
 */
export function podTargetRef(pod: Pod, namespace: string): PodTargetRef {
  const name = pod.metadata.name;
  const uid = pod.metadata.uid ?? '';
  const known = targetRefs.get(pod);
  if (known && known.name === name && known.namespace === namespace && known.uid === uid) return known;
  const ref: PodTargetRef = Object.freeze({ kind: 'Pod', name, namespace, uid });
  targetRefs.set(pod, ref);
  return ref;
}

/** Pods by namespace and one label pair, so selector matching does not scan every pod per Service. */
export class PodLabelIndex {
  /** namespace → label key → label value (as a string) → pods, in list order. Nested maps: no key strings to build. */
  private byPair = new Map<string, Map<string, Map<string, Pod[]>>>();
  private byNamespace = new Map<string, Pod[]>();
  constructor(pods: Pod[]) {
    for (let i = 0; i < pods.length; i++) {
      const p = pods[i];
      const ns = p.metadata.namespace ?? 'default';
      let l = this.byNamespace.get(ns);
      if (!l) this.byNamespace.set(ns, (l = []));
      l.push(p);
      const labels = p.metadata.labels;
      if (!labels) continue;
      let byKey = this.byPair.get(ns);
      if (!byKey) this.byPair.set(ns, (byKey = new Map()));
      for (const k in labels) {
        const v = `${labels[k]}`;
        let byValue = byKey.get(k);
        if (!byValue) byKey.set(k, (byValue = new Map()));
        const m = byValue.get(v);
        if (m) m.push(p);
        else byValue.set(v, [p]);
      }
    }
  }
  /** Pods in `namespace` whose labels contain every pair of `selector` (`{}` → all pods of the namespace). */
  select(namespace: string, selector: Record<string, string>): Pod[] {
    const entries = Object.entries(selector);
    if (entries.length === 0) return this.byNamespace.get(namespace) ?? [];
    const [k0, v0] = entries[0];
    const candidates = this.byPair.get(namespace)?.get(k0)?.get(String(v0)) ?? [];
    if (entries.length === 1) return candidates;
    return candidates.filter((p) => entries.every(([k, v]) => p.metadata.labels?.[k] === String(v)));
  }
}
