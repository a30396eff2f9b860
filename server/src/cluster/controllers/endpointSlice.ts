// The EndpointSlice controller: slices of at most 100 endpoints per Service, keyed by the
// resolved port set, named `<service>-xxxxx`, with ready/serving/terminating conditions.
// upstream: kubernetes/endpointslice reconciler.go, utils.go podToEndpoint.
import type { ControllerContext } from '../controllerContext';
import type { KObject, Pod } from '../types';
import { PodLabelIndex, deepEqual, findPort, isPodReady, ownerReference, podTargetRef, shouldPodBeInEndpoints } from '../controllerUtils';

const MAX_ENDPOINTS_PER_SLICE = 100;
const MANAGED_BY = 'endpointslice-controller.k8s.io';

interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  nodeName?: string;
  hostname?: string;
  targetRef: { kind: 'Pod'; name: string; namespace: string; uid: string };
}

/** upstream podToEndpoint conditions: serving = Ready; terminating = being deleted; ready = publishNotReady || (serving && !terminating). */
function endpointConditions(pod: Pod, publishNotReady: boolean): SliceEndpoint['conditions'] {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = publishNotReady || (serving && !terminating);
  // Eight possible values, shared and frozen (an endpoint's conditions are replaced, never edited).
  return CONDITIONS[(ready ? 4 : 0) + (serving ? 2 : 0) + (terminating ? 1 : 0)];
}

const CONDITIONS: readonly SliceEndpoint['conditions'][] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
  Object.freeze({ ready: (i & 4) !== 0, serving: (i & 2) !== 0, terminating: (i & 1) !== 0 }),
);

export function syncAllEndpointSlices(ctx: ControllerContext, index?: PodLabelIndex): void {
  const services = ctx.store.list('Service');
  if (services.length === 0) return;
  const idx = index ?? new PodLabelIndex(ctx.store.list<Pod>('Pod'));
  const slicesBySvc = new Map<string, KObject[]>();
  for (const s of ctx.store.list('EndpointSlice')) {
    if (s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] !== MANAGED_BY) continue;
    const key = `${s.metadata.namespace}/${s.metadata.labels?.['kubernetes.io/service-name']}`;
    const l = slicesBySvc.get(key) ?? [];
    l.push(s);
    slicesBySvc.set(key, l);
  }
  const seen = new Set<string>();
  for (const svc of services) {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    seen.add(key);
    syncServiceSlices(ctx, svc, idx, slicesBySvc.get(key) ?? []);
  }
  for (const [key, slices] of slicesBySvc) if (!seen.has(key)) for (const s of slices) ctx.remove(s);
}

function syncServiceSlices(ctx: ControllerContext, svc: KObject, index: PodLabelIndex, existing: KObject[]): void {
  if (svc.spec?.type === 'ExternalName' || svc.spec?.selector === undefined || svc.spec?.selector === null) {
    for (const s of existing) ctx.remove(s);
    return;
  }
  const ns = svc.metadata.namespace ?? 'default';
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  const svcPorts = (svc.spec.ports ?? []) as { name?: string; port: number; targetPort?: number | string; protocol?: string }[];
  const groups = new Map<string, { ports: { name: string; port: number; protocol: string }[]; endpoints: SliceEndpoint[] }>();
  // One service port (the usual case): the group depends only on the resolved number; its key is built once per number.
  const keyOfPort = svcPorts.length === 1 ? new Map<unknown, string>() : undefined;
  for (const pod of index.select(ns, svc.spec.selector)) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    let g: { ports: { name: string; port: number; protocol: string }[]; endpoints: SliceEndpoint[] } | undefined;
    let ports: { name: string; port: number; protocol: string }[] | undefined;
    if (keyOfPort) {
      const n = findPort(pod, svcPorts[0]);
      if (n === undefined) continue;
      const known = keyOfPort.get(n);
      g = known === undefined ? undefined : groups.get(known);
    }
    if (!g) {
      ports = [];
      for (const sp of svcPorts) {
        const n = findPort(pod, sp);
        if (n !== undefined) ports.push({ name: sp.name ?? '', port: n, protocol: sp.protocol ?? 'TCP' });
      }
      if (svcPorts.length && !ports.length) continue;
    }
    const ep: SliceEndpoint = {
      addresses: [pod.status.podIP ?? ''],
      conditions: endpointConditions(pod, publishNotReady),
      targetRef: podTargetRef(pod, ns),
    };
    if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
    if (pod.spec.hostname && pod.spec.subdomain === svc.metadata.name) ep.hostname = pod.spec.hostname;
    if (!g && ports) {
      const key = JSON.stringify(ports);
      if (keyOfPort) keyOfPort.set(ports[0].port, key);
      g = groups.get(key);
      if (!g) groups.set(key, (g = { ports, endpoints: [] }));
    }
    g?.endpoints.push(ep);
  }
  // A Service with a selector but no matching pods still gets one empty slice (as upstream).
  if (groups.size === 0)
    groups.set('[]', {
      ports: svcPorts
        .map((p) => ({ name: p.name ?? '', port: typeof p.targetPort === 'number' ? p.targetPort : p.port, protocol: p.protocol ?? 'TCP' }))
        .slice(0, 0),
      endpoints: [],
    });
  const desired: { ports: unknown[]; endpoints: SliceEndpoint[] }[] = [];
  for (const g of groups.values()) {
    const eps = g.endpoints.sort((a, b) => (a.addresses[0] < b.addresses[0] ? -1 : a.addresses[0] > b.addresses[0] ? 1 : 0));
    for (let i = 0; i < Math.max(1, eps.length); i += MAX_ENDPOINTS_PER_SLICE)
      desired.push({ ports: g.ports, endpoints: eps.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {}))
    if (k !== 'kubernetes.io/service-name' && k !== 'endpointslice.kubernetes.io/managed-by') labels[k] = v;
  labels['endpointslice.kubernetes.io/managed-by'] = MANAGED_BY;
  labels['kubernetes.io/service-name'] = svc.metadata.name;
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  desired.forEach((d, i) => {
    const cur = existing[i];
    if (cur) {
      if (deepEqual(cur.endpoints, d.endpoints) && deepEqual(cur.ports, d.ports) && deepEqual(cur.metadata.labels, labels)) return;
      cur.endpoints = d.endpoints;
      cur.ports = d.ports;
      cur.metadata.labels = labels;
      ctx.store.update(cur);
      return;
    }
    ctx.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: '', generateName: `${svc.metadata.name}-`, namespace: ns, labels: { ...labels }, ownerReferences: [ownerReference(svc)] },
      addressType: 'IPv4',
      endpoints: d.endpoints,
      ports: d.ports,
    });
  });
  for (const s of existing.slice(desired.length)) ctx.remove(s);
}
