// What the scheduler knows about a node: allocatable, what bound pods already request,
// the host ports in use. upstream: pkg/scheduler/framework/types.go NodeInfo.
import type { KObject, Pod } from '../types';
import { parseQuantity } from '../../k8s/quantity';

interface Resources {
  cpu: number;
  memory: number;
  pods: number;
  [extended: string]: number;
}

export interface NodeInfo {
  node: KObject;
  allocatable: Resources;
  requested: Resources;
  /** Requests with the scoring defaults (100m CPU, 200Mi) for pods that request nothing. */
  nonZeroRequested: { cpu: number; memory: number };
  /** `protocol/hostIP/port` of every host port in use. */
  usedPorts: Set<string>;
  /** The pods bound to the node (not terminal), for inter-pod affinity and topology spread. */
  pods: Pod[];
  /** Those of `pods` that declare pod affinity or anti-affinity. */
  podsWithAffinity: Pod[];
  /** `pods` by `namespace\0key=value` of each label: counting a selector's pods reads one list. */
  podsByLabel: Map<string, Pod[]>;
}

export function labelIndexKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}=${value}`;
}

/** upstream: schedutil.DefaultMilliCPURequest / DefaultMemoryRequest, used for scoring only. */
const DEFAULT_MILLI_CPU_REQUEST = 0.1;
const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** Quantities repeat across every pod of a workload ("100m", "64Mi"): remember their values (bounded). */
const quantities = new Map<string, number>();

function q(v: unknown): number {
  if (typeof v === 'number') return parseQuantity(v) ?? 0;
  if (typeof v !== 'string') return 0;
  let n = quantities.get(v);
  if (n === undefined) {
    n = parseQuantity(v) ?? 0;
    if (quantities.size >= 4096) quantities.clear();
    quantities.set(v, n);
  }
  return n;
}

function addRequests(into: Record<string, number>, reqs: Record<string, unknown> | undefined): void {
  for (const k in reqs) into[k] = (into[k] ?? 0) + q(reqs[k]);
}

/**
 * upstream: computePodResourceRequest — max(Σ app containers, max init container), plus
 * sidecar init containers (restartPolicy Always) added to the sum. Cheap enough to compute per
 * call (quantities are memoised); the scheduler computes it once per pod and cycle.
 */
export function podRequests(pod: Pod): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const c of pod.spec.containers ?? []) addRequests(sum, c.resources?.requests ?? c.resources?.limits);
  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always') {
      addRequests(sum, c.resources?.requests ?? c.resources?.limits);
      continue;
    }
    const one: Record<string, number> = {};
    addRequests(one, c.resources?.requests ?? c.resources?.limits);
    for (const k in one) if (one[k] > (sum[k] ?? 0)) sum[k] = one[k];
  }
  return sum;
}

export function nonZeroRequests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers ?? []) {
    const r = c.resources?.requests ?? c.resources?.limits ?? {};
    cpu += r.cpu !== undefined ? q(r.cpu) : DEFAULT_MILLI_CPU_REQUEST;
    memory += r.memory !== undefined ? q(r.memory) : DEFAULT_MEMORY_REQUEST;
  }
  return { cpu, memory };
}

/** Host ports a pod asks for (hostNetwork pods were defaulted to hostPort = containerPort). */
export function podHostPorts(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      out.push(`${p.protocol ?? 'TCP'}/${p.hostIP ?? '0.0.0.0'}/${p.hostPort}`);
    }
  }
  return out;
}

export function newNodeInfo(node: KObject): NodeInfo {
  const a = node.status?.allocatable ?? node.status?.capacity ?? {};
  const allocatable: Resources = { cpu: q(a.cpu), memory: q(a.memory), pods: a.pods !== undefined ? q(a.pods) : 110 };
  for (const [k, v] of Object.entries(a)) if (!(k in allocatable)) allocatable[k] = q(v);
  return {
    node,
    allocatable,
    requested: { cpu: 0, memory: 0, pods: 0 },
    nonZeroRequested: { cpu: 0, memory: 0 },
    usedPorts: new Set(),
    pods: [],
    podsWithAffinity: [],
    podsByLabel: new Map(),
  };
}

export function addPod(
  info: NodeInfo,
  pod: Pod,
  r: Record<string, number> = podRequests(pod),
  nz: { cpu: number; memory: number } = nonZeroRequests(pod),
): void {
  for (const k in r) info.requested[k] = (info.requested[k] ?? 0) + r[k];
  info.requested.pods += 1;
  info.pods.push(pod);
  const affinity = pod.spec.affinity as { podAffinity?: unknown; podAntiAffinity?: unknown } | undefined;
  if (affinity?.podAffinity || affinity?.podAntiAffinity) info.podsWithAffinity.push(pod);
  const ns = pod.metadata.namespace ?? 'default';
  const labels = pod.metadata.labels;
  for (const k in labels) {
    const key = labelIndexKey(ns, k, labels[k]);
    const list = info.podsByLabel.get(key);
    if (list) list.push(pod);
    else info.podsByLabel.set(key, [pod]);
  }
  info.nonZeroRequested.cpu += nz.cpu;
  info.nonZeroRequested.memory += nz.memory;
  for (const p of podHostPorts(pod)) info.usedPorts.add(p);
}

/**
 * What the kubelet's admission reads of a pod placed on the node: requests, the pod count and host
 * ports — addPod without the pod lists and label index the scheduler's plugins need.
 */
export function addPodResources(info: NodeInfo, pod: Pod, r: Record<string, number> = podRequests(pod)): void {
  for (const k in r) info.requested[k] = (info.requested[k] ?? 0) + r[k];
  info.requested.pods += 1;
  for (const p of podHostPorts(pod)) info.usedPorts.add(p);
}
