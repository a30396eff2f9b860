// The "would not schedule" verdict for a workload, from the simulated cluster's own scheduler
// filters (cluster/scheduler) run on the cluster profile's nodes: the workload's pods are
// placed one by one on otherwise empty nodes, so only what the workload itself cannot get is
// reported — requests larger than any node, or more host-port pods than eligible nodes.
// Node selectors and affinity are ignored (a profile rarely carries the labels of a real
// cluster), and so are extended resources such as GPUs (the default profile has none).
import type { SchedulingProbe, SchedulingVerdict } from '../features/crossRefs/schedulingRule';
import type { IndexedObject } from '../workspace/indexedObject';
import { defaultNodes } from '../cluster/defaultCluster';
import { addPod, newNodeInfo } from '../cluster/scheduler/nodeInfo';
import { runFilters } from '../cluster/scheduler/filters';
import { fitErrorMessage } from '../cluster/scheduler/schedule';
import { selectHost } from '../cluster/scheduler/score';
import type { KObject, Pod } from '../cluster/types';
import { parseQuantity } from '../k8s/quantity';
import { language, Lang, t } from '../util/l10n';

const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
/** Enough to fill every node of any realistic profile; bounds the work for `replicas: 100000`. */
const MAX_PODS = 1000;
/** Distinct placements remembered per probe (a workspace rarely has more than a few). */
const MAX_VERDICTS = 1000;

export function makeSchedulingProbe(nodes: KObject[] = defaultNodes()): SchedulingProbe {
  // The profile's description is localised: a one-entry memo keyed on the language.
  let profile: { lang: Lang; text: string } | undefined;
  // Verdicts by what the scheduler reads of a workload (placementKey): the pods of a file's
  // workloads mostly ask for the same resources, so one placement answers for all of them.
  const verdicts = new Map<string, Placed | undefined>();
  return (o) => {
    try {
      if (profile?.lang !== language()) profile = { lang: language(), text: profileText(nodes) };
      const p = placementOf(o, true);
      if (!p) return undefined;
      const key = placementKey(p);
      let v: Placed | undefined;
      if (key !== undefined && verdicts.has(key)) v = verdicts.get(key);
      else {
        v = place(p, nodes);
        if (key !== undefined) {
          if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
          verdicts.set(key, v);
        }
      }
      return v && { ...v, profile: profile.text };
    } catch {
      return undefined;
    }
  };
}

/**
 * The verdict computed on the workload's whole pod spec, its name and labels, without the memo
 * or the projection the probe uses: what makeSchedulingProbe must answer (its property test
 * compares the two).
 */
export function plainSchedulingVerdict(o: IndexedObject, nodes: KObject[] = defaultNodes()): SchedulingVerdict | undefined {
  try {
    const p = placementOf(o, false);
    const v = p && place(p, nodes);
    return v && { ...v, profile: profileText(nodes) };
  } catch {
    return undefined;
  }
}

/** A verdict before the profile's (localised) description is added. */
type Placed = Omit<SchedulingVerdict, 'profile'>;

/** What the probe places: `count` pods of one spec, on otherwise empty nodes. */
interface Placement {
  count: number;
  spec: Record<string, unknown>;
  name: string;
  namespace: string | undefined;
  labels: Record<string, string> | undefined;
}

/**
 * The pods to place for `o`, or undefined when it has none to check. `projected`: the pod carries
 * only what the filters and scores of cluster/scheduler read (schedulingView), so two workloads
 * with the same placement key get the same verdict; otherwise the whole spec (schedulingSpec).
 */
function placementOf(o: IndexedObject, projected: boolean): Placement | undefined {
  const tpl = o.pod;
  if (!tpl || typeof tpl.spec.nodeName === 'string' || !Array.isArray(tpl.spec.containers)) return undefined;
  // DaemonSet pods are pinned one per node; Job pods beyond capacity wait their turn and run later.
  const count = o.kind === 'DaemonSet' || o.kind === 'Job' || o.kind === 'CronJob' ? 1 : Math.min(tpl.replicas ?? 1, MAX_PODS);
  if (!projected) return { count, spec: schedulingSpec(tpl.spec), name: o.name, namespace: o.namespace, labels: tpl.labels };
  const spec = schedulingView(tpl.spec);
  // Pod labels and namespace are read only to match topology spread constraints' selectors
  // (the affinity that could also match them is left out of the spec).
  const spread = Array.isArray(spec.topologySpreadConstraints) && spec.topologySpreadConstraints.length > 0;
  return { count, spec, name: 'probe', namespace: spread ? o.namespace : undefined, labels: spread ? tpl.labels : undefined };
}

/**
 * The memo key of a projected placement: everything its pods carry but their names, written so
 * that different values give different keys (undefined, NaN and Infinity are not JSON's null; a
 * string that starts with the marker gets one more). Undefined when it cannot be written (a
 * cycle, a bigint): the verdict is then computed and not kept.
 */
function placementKey(p: Placement): string | undefined {
  try {
    return JSON.stringify([p.count, p.namespace, p.labels, p.spec], keyValue);
  } catch {
    return undefined;
  }
}

const MARK = '\u0000';

function keyValue(_key: string, v: unknown): unknown {
  if (v === undefined) return `${MARK}u`;
  if (typeof v === 'number') return Number.isFinite(v) ? v : `${MARK}n${v}`;
  if (typeof v === 'string' && v.startsWith(MARK)) return MARK + v;
  return v;
}

function place(p: Placement, nodes: KObject[]): Placed | undefined {
  const { count, spec } = p;
  const infos = nodes.map(newNodeInfo);
  for (let i = 0; i < count; i++) {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${p.name}-${i}`, namespace: p.namespace, labels: p.labels },
      spec,
      status: {},
    } as unknown as Pod;
    const results = infos.map((info) => runFilters(pod, info));
    const feasible = infos.filter((_, n) => results[n].reasons.length === 0);
    if (feasible.length) {
      addPod(selectHost(pod, feasible) ?? feasible[0], pod);
      continue;
    }
    const reasons = results.flatMap((r) => r.reasons);
    const insufficient = reasons.find((r) => r.startsWith('Insufficient '));
    const ports = reasons.some((r) => r.includes('free ports'));
    if (!insufficient && !ports && !reasons.includes('Too many pods')) return undefined;
    const resource = insufficient?.slice('Insufficient '.length);
    return {
      reason: fitErrorMessage(infos.length, results),
      cause: i === 0 && insufficient ? 'resources' : 'replicas',
      pod: i + 1,
      of: count,
      container: resource ? largestContainer(spec, resource) : undefined,
    };
  }
  return undefined;
}

/**
 * schedulingSpec keeping only what cluster/scheduler's filters and scores read of a pod spec
 * (filters.ts, score.ts, nodeInfo.ts, podTopologySpread.ts): per container its name (for the
 * finding), resources, host ports and restart policy; tolerations and topology spread
 * constraints. A value of an unexpected shape is kept as it is, so the scheduler meets it as
 * it would in the whole spec.
 */
function schedulingView(spec: Record<string, unknown>): Record<string, unknown> {
  const hostNetwork = spec.hostNetwork === true;
  const container = (c: unknown) => {
    if (!c || typeof c !== 'object') return c;
    const x = c as Record<string, unknown>;
    const out: Record<string, unknown> = { name: x.name, restartPolicy: x.restartPolicy };
    const res = x.resources;
    out.resources =
      res && typeof res === 'object'
        ? { requests: standard((res as Record<string, unknown>).requests), limits: standard((res as Record<string, unknown>).limits) }
        : res;
    out.ports = Array.isArray(x.ports)
      ? x.ports.map((p) => {
          if (!p || typeof p !== 'object') return p;
          const q = p as Record<string, unknown>;
          // upstream defaulting: with hostNetwork, every container port is also a host port.
          return { hostPort: hostNetwork ? (q.hostPort ?? q.containerPort) : q.hostPort, hostIP: q.hostIP, protocol: q.protocol };
        })
      : x.ports;
    return out;
  };
  return {
    containers: (spec.containers as unknown[]).map(container),
    initContainers: Array.isArray(spec.initContainers) ? spec.initContainers.map(container) : spec.initContainers,
    tolerations: spec.tolerations,
    topologySpreadConstraints: spec.topologySpreadConstraints,
  };
}

/** The pod spec as the scheduler should see it here: no node pinning or selection, standard resources only. */
function schedulingSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const hostNetwork = spec.hostNetwork === true;
  const container = (c: unknown) => {
    if (!c || typeof c !== 'object') return c;
    const x = { ...(c as Record<string, unknown>) };
    const res = x.resources as Record<string, unknown> | undefined;
    if (res && typeof res === 'object') x.resources = { requests: standard(res.requests), limits: standard(res.limits) };
    // upstream defaulting: with hostNetwork, every container port is also a host port.
    if (hostNetwork && Array.isArray(x.ports))
      x.ports = x.ports.map((p) =>
        p && typeof p === 'object' ? { ...p, hostPort: (p as Record<string, unknown>).hostPort ?? (p as Record<string, unknown>).containerPort } : p,
      );
    return x;
  };
  const out: Record<string, unknown> = { ...spec, containers: (spec.containers as unknown[]).map(container) };
  if (Array.isArray(spec.initContainers)) out.initContainers = spec.initContainers.map(container);
  delete out.nodeSelector;
  delete out.affinity;
  delete out.nodeName;
  return out;
}

function standard(v: unknown): Record<string, unknown> | undefined {
  if (!v || typeof v !== 'object') return undefined;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => STANDARD_RESOURCES.has(k)));
}

function largestContainer(spec: Record<string, unknown>, resource: string): string | undefined {
  let best: string | undefined;
  let most = -1;
  for (const c of [...((spec.containers as unknown[]) ?? []), ...((spec.initContainers as unknown[]) ?? [])]) {
    const x = c as { name?: string; resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> } };
    const v = x.resources?.requests?.[resource] ?? x.resources?.limits?.[resource];
    const n = typeof v === 'string' || typeof v === 'number' ? (parseQuantity(v) ?? 0) : 0;
    if (n > most) {
      most = n;
      best = x.name;
    }
  }
  return best;
}

function profileText(nodes: KObject[]): string {
  const alloc = nodes.map((n) => (n.status?.allocatable ?? {}) as Record<string, string>);
  const uniform = alloc.every((a) => a.cpu === alloc[0]?.cpu && a.memory === alloc[0]?.memory);
  const tainted = nodes.filter((n) => (n.spec?.taints ?? []).some((x: { effect?: string }) => x.effect === 'NoSchedule' || x.effect === 'NoExecute')).length;
  if (uniform && alloc.length) {
    return tainted
      ? t('{0} nodes with {1} CPU and {2} memory each, {3} of them tainted', nodes.length, alloc[0].cpu, alloc[0].memory, tainted)
      : t('{0} nodes with {1} CPU and {2} memory each', nodes.length, alloc[0].cpu, alloc[0].memory);
  }
  return t('{0} nodes', nodes.length);
}
