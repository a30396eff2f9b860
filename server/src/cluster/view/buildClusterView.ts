// The whole simulated cluster as one plain ClusterView (protocol/clusterView.ts): what the
// Simulated Cluster tree, the status bar and the topology webview draw. Read-only over the store.
// Node "allocated" numbers follow `kubectl describe node` (requests of the non-terminated pods
// bound to it, percent of allocatable rounded down).
import type { Store } from '../store';
import type { KObject, Pod } from '../types';
import type { KEvent } from '../events';
import type { ClusterView, ConfigView, EndpointView, IngressView, NamespaceView, NodeView, OtherObjectView, ServiceView } from '../../protocol/clusterView';
import { eventSummary, listSorted, nodeSummary, serviceSummary, SYSTEM_NAMESPACES } from '../snapshot';
import { ingressRoutes } from '../controllers/ingress';
import { podRequests } from '../scheduler/nodeInfo';
import { parseQuantity } from '../../k8s/quantity';
import { podView, SourceOf, workloadView } from './workloadViews';
import { gatewayViews, httpRouteViews } from './gatewayViews';

const WORKLOAD_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController'];
/** Kinds drawn elsewhere in the tree, or internal bookkeeping a learner does not write. */
const SHOWN_ELSEWHERE = new Set([
  ...WORKLOAD_KINDS,
  'Pod',
  'Service',
  'Endpoints',
  'EndpointSlice',
  'Ingress',
  'Gateway',
  'HTTPRoute',
  'ConfigMap',
  'Secret',
  'Event',
  'Node',
  'Namespace',
  'ControllerRevision',
  'Lease',
]);
const MAX_EVENTS = 200;
const MAX_VALUE = 120;

export interface ViewInput {
  store: Store;
  /** Pod uids whose readiness was made to fail on purpose. */
  readinessFailures: readonly string[];
  sourceOf: SourceOf;
  persisted: boolean;
}

/** CPU cores → "4" / "350m"; bytes → "8Gi" / "192Mi" / "1500Ki" (the largest exact binary unit). */
function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

function formatMemory(bytes: number): string {
  if (bytes === 0) return '0';
  for (const [unit, size] of [
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  if (bytes >= 2 ** 20) return `${Math.round(bytes / 2 ** 20)}Mi`;
  return String(bytes);
}

const q = (v: unknown): number => (typeof v === 'string' || typeof v === 'number' ? (parseQuantity(v) ?? 0) : 0);

function amounts(list: Record<string, unknown> | undefined): NodeView['capacity'] {
  return { cpu: String(list?.cpu ?? '0'), memory: String(list?.memory ?? '0'), pods: String(list?.pods ?? '110') };
}

function nodeView(store: Store, n: KObject, pods: Pod[]): NodeView {
  const summary = nodeSummary(store, n);
  const bound = pods.filter((p) => p.spec.nodeName === n.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  let cpu = 0;
  let memory = 0;
  for (const p of bound) {
    const r = podRequests(p);
    cpu += r.cpu ?? 0;
    memory += r.memory ?? 0;
  }
  const alloc = n.status?.allocatable ?? n.status?.capacity ?? {};
  const pct = (used: number, total: number) => (total > 0 ? Math.floor((used / total) * 100) : 0);
  return {
    name: n.metadata.name,
    status: summary.status,
    roles: summary.roles,
    internalIP: summary.internalIP,
    podCIDR: summary.podCIDR,
    cordoned: !!n.spec?.unschedulable,
    capacity: amounts(n.status?.capacity),
    allocatable: amounts(alloc),
    requested: { cpu: formatCpu(cpu), memory: formatMemory(memory), cpuPercent: pct(cpu, q(alloc.cpu)), memoryPercent: pct(memory, q(alloc.memory)) },
    taints: ((n.spec?.taints ?? []) as { key: string; value?: string; effect: string }[]).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    pods: bound.map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`),
  };
}

function endpointViews(ep: KObject | undefined): EndpointView[] {
  const out: EndpointView[] = [];
  type Addr = { ip: string; nodeName?: string; targetRef?: { name: string } };
  for (const s of (ep?.subsets ?? []) as { addresses?: Addr[]; notReadyAddresses?: Addr[]; ports?: { port: number }[] }[]) {
    const add = (addrs: Addr[] | undefined, ready: boolean) => {
      for (const a of addrs ?? []) {
        const base = { ready, pod: a.targetRef?.name ?? null, node: a.nodeName ?? null };
        if (!s.ports?.length) out.push({ address: a.ip, ...base });
        else for (const p of s.ports) out.push({ address: `${a.ip}:${p.port}`, ...base });
      }
    };
    add(s.addresses, true);
    add(s.notReadyAddresses, false);
  }
  return out;
}

function shorten(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  const one = s.replace(/\n/g, '⏎');
  return one.length > MAX_VALUE ? one.slice(0, MAX_VALUE - 1) + '…' : one;
}

function configView(o: KObject, usedBy: string[], sourceOf: SourceOf): ConfigView {
  const kind = o.kind as 'ConfigMap' | 'Secret';
  const keys = [...new Set([...Object.keys(o.data ?? {}), ...Object.keys(o.binaryData ?? {}), ...Object.keys(o.stringData ?? {})])].sort();
  const ns = o.metadata.namespace ?? 'default';
  return {
    kind,
    namespace: ns,
    name: o.metadata.name,
    type: kind === 'Secret' ? String(o.type ?? 'Opaque') : null,
    keys,
    values: kind === 'ConfigMap' ? Object.fromEntries(Object.entries((o.data ?? {}) as Record<string, unknown>).map(([k, v]) => [k, shorten(v)])) : null,
    usedBy,
    source: sourceOf(kind, ns, o.metadata.name),
  };
}

function otherState(o: KObject): string | null {
  if (o.kind === 'PersistentVolumeClaim' || o.kind === 'PersistentVolume') return o.status?.phase ?? 'Pending';
  if (o.kind === 'HorizontalPodAutoscaler') return `${o.status?.currentReplicas ?? 0}/${o.spec?.minReplicas ?? 1}-${o.spec?.maxReplicas ?? '?'}`;
  return null;
}

export function buildClusterView(input: ViewInput): ClusterView {
  const { store, sourceOf } = input;
  const all = () => true;
  const pods = listSorted<Pod>(store, 'Pod', all);
  const failing = new Set(input.readinessFailures);
  const podViews = pods.map((p) => podView(p, failing, sourceOf));
  const namespaces: NamespaceView[] = listSorted(store, 'Namespace', all).map((n) => ({
    name: n.metadata.name,
    phase: n.status?.phase ?? 'Active',
    system: SYSTEM_NAMESPACES.has(n.metadata.name),
  }));
  const services: ServiceView[] = listSorted(store, 'Service', all).map((svc) => ({
    ...serviceSummary(svc),
    selector: svc.spec?.selector ?? null,
    endpoints: endpointViews(store.get('Endpoints', svc.metadata.namespace, svc.metadata.name)),
    source: sourceOf('Service', svc.metadata.namespace ?? 'default', svc.metadata.name),
  }));
  const ingresses: IngressView[] = listSorted(store, 'Ingress', all).map((ing) => {
    const ns = ing.metadata.namespace ?? 'default';
    return {
      namespace: ns,
      name: ing.metadata.name,
      className: ing.spec?.ingressClassName ?? null,
      routes: ingressRoutes(store, ns).filter((r) => r.ingress === ing.metadata.name),
      source: sourceOf('Ingress', ns, ing.metadata.name),
    };
  });
  const configs = [...listSorted(store, 'ConfigMap', all), ...listSorted(store, 'Secret', all)].map((o) => {
    const ns = o.metadata.namespace ?? 'default';
    const usedBy = podViews
      .filter((p) => p.namespace === ns && (o.kind === 'ConfigMap' ? p.configMaps : p.secrets).includes(o.metadata.name))
      .map((p) => p.name);
    return configView(o, usedBy, sourceOf);
  });
  const others: OtherObjectView[] = [];
  for (const kind of store
    .kinds()
    .filter((k) => !SHOWN_ELSEWHERE.has(k))
    .sort()) {
    for (const o of listSorted(store, kind, (ns) => ns !== undefined)) {
      // Every namespace gets a `default` ServiceAccount from the cluster, not from the learner.
      if (kind === 'ServiceAccount' && o.metadata.name === 'default') continue;
      const ns = o.metadata.namespace ?? 'default';
      others.push({ kind, namespace: ns, name: o.metadata.name, state: otherState(o), source: sourceOf(kind, ns, o.metadata.name) });
    }
  }
  const events = store
    .list<KEvent>('Event')
    .slice()
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .slice(-MAX_EVENTS)
    .map(eventSummary);
  return {
    now: store.timestamp(),
    revision: store.resourceVersionNow(),
    persisted: input.persisted,
    nodes: listSorted(store, 'Node', all).map((n) => nodeView(store, n, pods)),
    namespaces,
    workloads: WORKLOAD_KINDS.flatMap((k) => listSorted(store, k, all).map((o) => workloadView(o, sourceOf))),
    pods: podViews,
    services,
    ingresses,
    gateways: gatewayViews(store, sourceOf),
    httpRoutes: httpRouteViews(store, sourceOf),
    configs,
    others,
    events,
  };
}
