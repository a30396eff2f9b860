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

export function makeSchedulingProbe(nodes: KObject[] = defaultNodes()): SchedulingProbe {
  // The profile's description is localised: a one-entry memo keyed on the language.
  let profile: { lang: Lang; text: string } | undefined;
  return (o) => {
    try {
      if (profile?.lang !== language()) profile = { lang: language(), text: profileText(nodes) };
      return probe(o, nodes, profile.text);
    } catch {
      return undefined;
    }
  };
}

function probe(o: IndexedObject, nodes: KObject[], profile: string): SchedulingVerdict | undefined {
  const tpl = o.pod;
  if (!tpl || typeof tpl.spec.nodeName === 'string' || !Array.isArray(tpl.spec.containers)) return undefined;
  // DaemonSet pods are pinned one per node; Job pods beyond capacity wait their turn and run later.
  const count = o.kind === 'DaemonSet' || o.kind === 'Job' || o.kind === 'CronJob' ? 1 : Math.min(tpl.replicas ?? 1, MAX_PODS);
  const spec = schedulingSpec(tpl.spec);
  const infos = nodes.map(newNodeInfo);
  for (let i = 0; i < count; i++) {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${o.name}-${i}`, namespace: o.namespace, labels: tpl.labels },
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
      profile,
      container: resource ? largestContainer(spec, resource) : undefined,
    };
  }
  return undefined;
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
