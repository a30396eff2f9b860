// The Endpoints controller: one Endpoints object per selector Service, named like the Service.
// upstream: pkg/controller/endpoint/endpoints_controller.go syncService; endpoints.RepackSubsets.
import type { ControllerContext } from '../controllerContext';
import type { KObject, Pod } from '../types';
import { PodLabelIndex, deepEqual, findPort, isPodReady, podTargetRef, shouldPodBeInEndpoints } from '../controllerUtils';

interface Address {
  ip: string;
  nodeName?: string;
  hostname?: string;
  targetRef: { kind: 'Pod'; name: string; namespace: string; uid: string };
}
interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}
interface Subset {
  addresses?: Address[];
  notReadyAddresses?: Address[];
  ports?: EndpointPort[];
}

const MAX_ENDPOINTS_ADDRESSES = 1000;

export function syncAllEndpoints(ctx: ControllerContext, index?: PodLabelIndex): void {
  const services = ctx.store.list('Service');
  if (services.length === 0) return;
  const idx = index ?? new PodLabelIndex(ctx.store.list<Pod>('Pod'));
  for (const svc of services) syncService(ctx, svc, idx);
}

/** upstream ShouldSetHostname: pod hostname set and its subdomain names this Service. */
function address(pod: Pod, svc: KObject): Address {
  const a: Address = {
    ip: pod.status.podIP ?? '',
    targetRef: podTargetRef(pod, pod.metadata.namespace ?? 'default'),
  };
  if (pod.spec.nodeName) a.nodeName = pod.spec.nodeName;
  if (pod.spec.hostname && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace) a.hostname = pod.spec.hostname;
  return a;
}

function byIP(a: Address, b: Address): number {
  return a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.targetRef.uid < b.targetRef.uid ? -1 : 1;
}

/** The subsets the controller would write, repacked: addresses with identical port sets share a subset. */
function computeSubsets(svc: KObject, pods: Pod[]): Subset[] {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const ports = (svc.spec?.ports ?? []) as { name?: string; port: number; targetPort?: number | string; protocol?: string; appProtocol?: string }[];
  const headless = svc.spec?.clusterIP === 'None';
  const groups = new Map<string, { ports: EndpointPort[]; ready: Address[]; notReady: Address[] }>();
  // One service port (the usual case): the group key depends only on the resolved port number, so
  // its JSON is built once per number rather than per pod.
  const keyOfPort = ports.length === 1 ? new Map<unknown, string>() : undefined;
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const addr = address(pod, svc);
    const ready = publishNotReady || isPodReady(pod);
    if (keyOfPort) {
      const n = findPort(pod, ports[0]);
      if (n === undefined) continue;
      const known = keyOfPort.get(n);
      const g = known === undefined ? undefined : groups.get(known);
      if (g) {
        (ready ? g.ready : g.notReady).push(addr);
        continue;
      }
    }
    const epPorts: EndpointPort[] = [];
    if (ports.length === 0) {
      if (!headless) continue; // a non-headless Service without ports gets no subsets
    } else {
      for (const sp of ports) {
        const n = findPort(pod, sp);
        if (n === undefined) continue; // "no suitable port for manifest": this pod is left out for this port
        const ep: EndpointPort = { port: n, protocol: sp.protocol ?? 'TCP' };
        if (sp.name) ep.name = sp.name;
        if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
        epPorts.push(ep);
      }
      if (epPorts.length === 0) continue;
    }
    const key = JSON.stringify(epPorts);
    if (keyOfPort) keyOfPort.set(epPorts[0].port, key);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports: epPorts, ready: [], notReady: [] }));
    (ready ? g.ready : g.notReady).push(addr);
  }
  const subsets: Subset[] = [];
  for (const g of groups.values()) {
    const s: Subset = {};
    if (g.ready.length) s.addresses = g.ready.sort(byIP);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(byIP);
    if (g.ports.length) s.ports = [...g.ports].sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : a.port - b.port));
    else if (ports.length === 0) s.ports = undefined;
    subsets.push(s);
  }
  const first = (s: Subset) => (s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip ?? '';
  return subsets.sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
}

function syncService(ctx: ControllerContext, svc: KObject, index: PodLabelIndex): void {
  const ns = svc.metadata.namespace ?? 'default';
  // ExternalName and selector-less Services are left alone (user-managed Endpoints stay as they are).
  if (svc.spec?.type === 'ExternalName' || svc.spec?.selector === undefined || svc.spec?.selector === null) return;
  const pods = index.select(ns, svc.spec.selector);
  let subsets = computeSubsets(svc, pods);
  const annotations: Record<string, string> = {};
  let total = 0;
  for (const s of subsets) total += (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0);
  if (total > MAX_ENDPOINTS_ADDRESSES) {
    subsets = truncate(subsets);
    annotations['endpoints.kubernetes.io/over-capacity'] = 'truncated';
  }
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  labels['endpoints.kubernetes.io/managed-by'] = 'endpoint-controller';
  const existing = ctx.store.get('Endpoints', ns, svc.metadata.name);
  if (existing && deepEqual(existing.subsets ?? [], subsets) && deepEqual(existing.metadata.labels ?? {}, labels)) return;
  annotations['endpoints.kubernetes.io/last-change-trigger-time'] = ctx.store.timestamp();
  if (existing) {
    existing.subsets = subsets;
    existing.metadata.labels = labels;
    existing.metadata.annotations = { ...(existing.metadata.annotations ?? {}), ...annotations };
    ctx.store.update(existing);
    return;
  }
  ctx.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: ns, labels, annotations }, subsets });
}

function truncate(subsets: Subset[]): Subset[] {
  let left = MAX_ENDPOINTS_ADDRESSES;
  return subsets.map((s) => {
    const ready = (s.addresses ?? []).slice(0, Math.max(0, left));
    left -= ready.length;
    const notReady = (s.notReadyAddresses ?? []).slice(0, Math.max(0, left));
    left -= notReady.length;
    return { ...s, addresses: ready.length ? ready : undefined, notReadyAddresses: notReady.length ? notReady : undefined };
  });
}

/** Garbage: Endpoints whose selector Service is gone (upstream deletes them on Service deletion). */
export function deleteOrphanEndpoints(ctx: ControllerContext): void {
  for (const ep of ctx.store.list('Endpoints')) {
    if (ep.metadata.labels?.['endpoints.kubernetes.io/managed-by'] !== 'endpoint-controller') continue;
    const svc = ctx.store.get('Service', ep.metadata.namespace, ep.metadata.name);
    if (!svc || svc.spec?.selector === undefined || svc.spec?.type === 'ExternalName') ctx.remove(ep);
  }
}
