// The scheduling cycle: for each pending pod, run the filters on every node, score the feasible
// ones, bind to the best, or leave it Pending with the upstream FailedScheduling message.
// upstream: pkg/scheduler/schedule_one.go; FitError.Error() in pkg/scheduler/framework/types.go.
import type { ControllerContext } from '../controllerContext';
import type { KObject, Pod, PodCondition } from '../types';
import { addPod, newNodeInfo, NodeInfo, nonZeroRequests, podRequests } from './nodeInfo';
import { CycleState, FilterResult, runFiltersWith } from './filters';
import { Candidate, findPreemption, priorityOf } from './preemption';
import { rescoreAfterBind, ScoreContext, ScoreMemo, scoreHost } from './score';
import { sharedCondition } from '../sharedStatus';
import { markDisruptionTarget } from '../podConditions';
import { interPodAffinityPreFilter, NamespaceLabels } from './interPodAffinity';
import { systemDefaultConstraints, topologySpreadPreFilter } from './podTopologySpread';
import { deepEqual, labelSelectorMatcher, mapSelectorMatcher } from '../controllerUtils';
import { ServiceSelectors } from './serviceSelectors';

const COMPONENT = 'default-scheduler';

/**
 * `0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3
 * nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`
 * Histogram entries "<count> <reason>" are sorted as plain strings (so "10 …" sorts before "2 …").
 */
export function fitErrorMessage(
  numNodes: number,
  perNode: { reasons: string[]; unresolvable: boolean }[],
  preFilterMessage?: string,
  postFilter?: 'nominated' | 'never',
): string {
  let msg: string;
  if (preFilterMessage) {
    msg = `0/${numNodes} nodes are available: ${preFilterMessage}.`;
  } else {
    msg = `0/${numNodes} nodes are available: ${histogram(perNode.flatMap((n) => n.reasons))}.`;
  }
  const preemption = preFilterMessage
    ? perNode.map(() => 'Preemption is not helpful for scheduling')
    : perNode.map((n) => (n.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  // A successful preemption leaves no PostFilter message: the fit error alone.
  // upstream: PodEligibleToPreemptOthers — a pod with preemptionPolicy Never does not look for victims.
  if (postFilter === 'never') msg += ' preemption: not eligible due to preemptionPolicy=Never.';
  else if (numNodes > 0 && postFilter !== 'nominated') msg += ` preemption: 0/${numNodes} nodes are available: ${histogram(preemption)}.`;
  return msg;
}

function histogram(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.entries()]
    .map(([r, n]) => `${n} ${r}`)
    .sort()
    .join(', ');
}

/** PreFilter checks of VolumeBinding: claims must exist and (for immediate binding) be bound. */
function volumePreFilter(ctx: ControllerContext, pod: Pod): string | undefined {
  for (const v of pod.spec.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    if (!claim) continue;
    const pvc = ctx.store.get('PersistentVolumeClaim', pod.metadata.namespace, claim);
    if (!pvc) return `persistentvolumeclaim "${claim}" not found`;
    if (pvc.status?.phase !== 'Bound') return 'pod has unbound immediate PersistentVolumeClaims';
  }
  return undefined;
}

function isPending(p: Pod): boolean {
  return (
    !p.spec.nodeName &&
    !p.metadata.deletionTimestamp &&
    p.status?.phase !== 'Succeeded' &&
    p.status?.phase !== 'Failed' &&
    (p.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler'
  );
}

function setScheduledCondition(ctx: ControllerContext, pod: Pod, c: PodCondition): boolean {
  const conds = pod.status.conditions ?? [];
  const cur = conds.find((x) => x.type === 'PodScheduled');
  if (cur && cur.status === c.status && cur.reason === c.reason && cur.message === c.message) return false;
  pod.status.conditions = [...conds.filter((x) => x.type !== 'PodScheduled'), c];
  ctx.store.update(pod);
  return true;
}

/** `reuse` false runs every cycle in full (tests compare both ways; the placements are the same). */
export function scheduleAll(ctx: ControllerContext, reuse = true): void {
  const allPods = ctx.store.list<Pod>('Pod');
  const pending = allPods.filter(isPending);
  if (pending.length === 0) return;
  const nodes = ctx.store.list<KObject>('Node').sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const infos = new Map<string, NodeInfo>(nodes.map((n) => [n.metadata.name, newNodeInfo(n)]));
  for (const p of allPods) {
    if (!p.spec.nodeName || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    const info = infos.get(p.spec.nodeName);
    if (info) addPod(info, p);
  }
  const ordered = [...pending].sort((a, b) => Number(b.spec.priority ?? 0) - Number(a.spec.priority ?? 0));
  const nodeInfos = [...infos.values()];
  // Preemption is only worth trying for a pod that outranks some bound pod.
  let lowest = Infinity;
  for (const info of nodeInfos) for (const p of info.pods) lowest = Math.min(lowest, priorityOf(p));
  const nsLabels = namespaceLabels(ctx);
  let last: BoundCycle | undefined;
  for (const pod of ordered) last = scheduleOne(ctx, pod, nodeInfos, priorityOf(pod) > lowest, nsLabels, reuse ? last : undefined);
}

/**
 * A scheduling cycle that bound its pod the ordinary way (no preemption), kept for the next pod.
 * When that pod comes from the same template — the replicas of a ReplicaSet are scheduled one
 * after another — the state it is scheduled against differs only by that binding: the filters
 * run again on the node just bound (every other node passes or fails as it did), and the scores
 * are computed again from that node's new numbers (rescoreAfterBind). The result is the node a
 * full cycle would pick. Kept only for pods without pod (anti-)affinity or topology spread
 * constraints of their own, whose cycle-wide states do not depend on the pods bound.
 */
interface BoundCycle {
  pod: Pod;
  host: NodeInfo;
  state: CycleState;
  req: Record<string, number>;
  nz: { cpu: number; memory: number };
  scores: ScoreMemo;
}

/** Whether a cycle's state stays valid while pods like this one are bound (see BoundCycle). */
function reusable(pod: Pod): boolean {
  const affinity = pod.spec.affinity as { podAffinity?: unknown; podAntiAffinity?: unknown } | undefined;
  const spread = pod.spec.topologySpreadConstraints as unknown[] | undefined;
  return !affinity?.podAffinity && !affinity?.podAntiAffinity && !(Array.isArray(spread) ? spread.length : spread);
}

/**
 * The same scheduling inputs: namespace, labels, owner references (the default spread selector)
 * and the spec but `nodeName` (set on `prev` by its binding, unset on a pending pod).
 */
function sameTemplate(prev: Pod, pod: Pod): boolean {
  if (pod.spec.nodeName !== undefined || prev.metadata.namespace !== pod.metadata.namespace) return false;
  if (!sameLabels(prev.metadata.labels, pod.metadata.labels) || !deepEqual(prev.metadata.ownerReferences, pod.metadata.ownerReferences)) return false;
  const a = prev.spec as unknown as Record<string, unknown>;
  const b = pod.spec as unknown as Record<string, unknown>;
  let n = 0;
  for (const k in a) {
    if (k === 'nodeName' || a[k] === undefined) continue;
    if (!deepEqual(a[k], b[k])) return false;
    n++;
  }
  for (const k in b) if (k !== 'nodeName' && b[k] !== undefined) n--;
  return n === 0;
}

type LabelsMatcher = (labels: Record<string, string> | undefined) => boolean;
interface SpreadSelector {
  matches: LabelsMatcher;
  pairs: [string, string][];
}

/**
 * Per store: the Services with their selectors prepared and indexed, and the default spread
 * selector per (owner, labels) — the pods of one ReplicaSet share both. Rebuilt when Services change.
 */
interface SelectorCache {
  key: number;
  services: ServiceSelectors;
  selectors: Map<string, SpreadSelector | undefined>;
  /** The previous pod's inputs and answer: pods of one workload are scheduled one after another. */
  last?: { ns: string; owner: string; labels: Record<string, string> | undefined; result: SpreadSelector | undefined };
}
const selectorCaches = new WeakMap<object, SelectorCache>();
function selectorCache(ctx: ControllerContext): SelectorCache {
  const key = ctx.store.kindVersion('Service');
  let c = selectorCaches.get(ctx.store);
  if (!c || c.key !== key) {
    c = { key, services: new ServiceSelectors(ctx.store.list('Service')), selectors: new Map() };
    selectorCaches.set(ctx.store, c);
  }
  return c;
}

function namespaceLabels(ctx: ControllerContext): NamespaceLabels {
  return (ns) => ctx.store.get('Namespace', undefined, ns)?.metadata.labels;
}

/**
 * upstream: helper.DefaultSelector — the selectors of the Services that select the pod, ANDed with
 * its controlling ReplicationController's, ReplicaSet's or StatefulSet's; undefined when empty.
 */
function defaultSpreadSelector(ctx: ControllerContext, pod: Pod): SpreadSelector | undefined {
  const cache = selectorCache(ctx);
  const ns = pod.metadata.namespace ?? 'default';
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  const ownerId = owner ? `${owner.kind}/${owner.name}` : '';
  const labels = pod.metadata.labels;
  const last = cache.last;
  if (last && last.ns === ns && last.owner === ownerId && sameLabels(last.labels, labels)) return last.result;
  let key = `${ns}\u0000${ownerId}`;
  for (const k in labels) key += `\u0000${k}=${labels[k]}`;
  if (cache.selectors.has(key)) {
    const known = cache.selectors.get(key);
    cache.last = { ns, owner: ownerId, labels, result: known };
    return known;
  }
  const parts: LabelsMatcher[] = [];
  const pairs: [string, string][] = [];
  for (const svc of cache.services.selecting(ns, pod.metadata.labels)) {
    parts.push(svc.matches);
    pairs.push(...svc.pairs);
  }
  if (owner && ['ReplicationController', 'ReplicaSet', 'StatefulSet'].includes(owner.kind)) {
    const o = ctx.store.get(owner.kind, ns, owner.name);
    const sel = o?.spec?.selector;
    if (sel && owner.kind === 'ReplicationController') {
      parts.push(mapSelectorMatcher(sel));
      for (const k in sel) pairs.push([k, String(sel[k])]);
    } else if (sel && (Object.keys(sel.matchLabels ?? {}).length || (sel.matchExpressions ?? []).length)) {
      parts.push(labelSelectorMatcher(sel));
      for (const k in sel.matchLabels ?? {}) pairs.push([k, String(sel.matchLabels[k])]);
    }
  }
  const result = parts.length ? { matches: (labels: Record<string, string> | undefined) => parts.every((m) => m(labels)), pairs } : undefined;
  cache.selectors.set(key, result);
  cache.last = { ns, owner: ownerId, labels, result };
  return result;
}

/** The same label pairs (values compared as they are: a difference only means a lookup by key). */
function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

function scheduleOne(
  ctx: ControllerContext,
  pod: Pod,
  infos: NodeInfo[],
  mayPreempt = false,
  nsLabels = namespaceLabels(ctx),
  last?: BoundCycle,
): BoundCycle | undefined {
  const now = ctx.store.timestamp();
  const preFilter = volumePreFilter(ctx, pod);
  if (!preFilter && last && sameTemplate(last.pod, pod) && runFiltersWith(pod, last.req, last.host, last.state).reasons.length === 0) {
    const host = rescoreAfterBind(last.scores, last.host);
    bind(ctx, pod, host, now, last.req, last.nz);
    return { ...last, pod, host };
  }
  const feasible: NodeInfo[] = [];
  const perNode: { reasons: string[]; unresolvable: boolean }[] = [];
  const results = new Map<NodeInfo, FilterResult>();
  // Requests are the same on every node: computed once per pod.
  const req = podRequests(pod);
  const nz = nonZeroRequests(pod);
  let sctx: ScoreContext | undefined;
  let state: CycleState | undefined;
  if (!preFilter) {
    state = { spread: topologySpreadPreFilter(pod, infos), affinity: interPodAffinityPreFilter(pod, infos, nsLabels) };
    for (const info of infos) {
      const r = runFiltersWith(pod, req, info, state);
      if (r.reasons.length === 0) feasible.push(info);
      else {
        perNode.push(r);
        results.set(info, r);
      }
    }
    if (feasible.length > 1) sctx = { all: infos, nsLabels, defaults: systemDefaultConstraints(defaultSpreadSelector(ctx, pod)) };
  }
  const scored = preFilter ? undefined : scoreHost(pod, feasible, nz, sctx);
  if (!scored) {
    const candidate = !preFilter && mayPreempt ? findPreemption(pod, infos, results, nsLabels) : undefined;
    if (candidate) preemptOn(ctx, pod, candidate);
    const postFilter = candidate ? 'nominated' : !preFilter && pod.spec.preemptionPolicy === 'Never' ? 'never' : undefined;
    const message = fitErrorMessage(infos.length, preFilter ? infos.map(() => ({ reasons: [], unresolvable: true })) : perNode, preFilter, postFilter);
    const changed = setScheduledCondition(ctx, pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: now });
    if (changed) ctx.events.event(pod, 'Warning', 'FailedScheduling', message, COMPONENT);
    return undefined;
  }
  bind(ctx, pod, scored.host, now, req, nz);
  return state && scored.memo && reusable(pod) ? { pod, host: scored.host, state, req, nz, scores: scored.memo } : undefined;
}

/** upstream: the Bind step — spec.nodeName, PodScheduled True, the node counts the pod, the Scheduled event. */
function bind(ctx: ControllerContext, pod: Pod, host: NodeInfo, now: string, req: Record<string, number>, nz: { cpu: number; memory: number }): void {
  pod.spec.nodeName = host.node.metadata.name;
  if (pod.status.nominatedNodeName) delete pod.status.nominatedNodeName;
  const conditions: PodCondition[] = [];
  for (const c of pod.status.conditions ?? []) if (c.type !== 'PodScheduled') conditions.push(c);
  conditions.push(sharedCondition('PodScheduled', 'True', now));
  pod.status.conditions = conditions;
  ctx.store.update(pod);
  addPod(host, pod, req, nz);
  ctx.events.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${host.node.metadata.name}`, COMPONENT);
}

/**
 * upstream: prepareCandidate — each victim gets a Preempted event and is deleted; the preemptor is
 * nominated to the node (status.nominatedNodeName) and binds in a later cycle. For the rest of this
 * pass the node counts the preemptor as placed, as addNominatedPods does for lower-priority pods.
 */
function preemptOn(ctx: ControllerContext, pod: Pod, c: Candidate): void {
  const nodeName = c.node.node.metadata.name;
  for (const v of c.victims) {
    ctx.events.event(v, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata.uid} on node ${nodeName}`, COMPONENT);
    const scheduler = typeof pod.spec.schedulerName === 'string' ? pod.spec.schedulerName : 'default-scheduler';
    markDisruptionTarget(v, 'PreemptionByScheduler', `${scheduler}: preempting to accommodate a higher priority pod`, ctx.store.timestamp());
    ctx.store.update(v);
    ctx.remove(v);
  }
  const fresh = newNodeInfo(c.node.node);
  for (const p of c.node.pods) if (!c.victims.includes(p)) addPod(fresh, p);
  addPod(fresh, pod);
  Object.assign(c.node, fresh);
  if (pod.status.nominatedNodeName !== nodeName) {
    pod.status.nominatedNodeName = nodeName;
    ctx.store.update(pod);
  }
}
