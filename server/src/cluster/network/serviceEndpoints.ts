// The endpoints of one Service port as kube-proxy and the ingress controller read them: the
// addresses of the Endpoints object whose subset carries that port's name (the targetPort
// already resolved per pod by the Endpoints controller — a named targetPort can differ per pod),
// ready and not ready apart. Only ready ones receive traffic (upstream kube-proxy
// CategorizeEndpoints; Endpoints controller syncService).
import type { Store } from '../store';
import type { KObject, Pod } from '../types';
import type { ServicePort } from '../controllers/service';

export interface Endpoint {
  ip: string;
  port: number;
  pod: Pod | undefined;
  node: string | null;
}

interface Address {
  ip: string;
  nodeName?: string;
  targetRef?: { kind: string; name: string; namespace?: string };
}
interface Subset {
  addresses?: Address[];
  notReadyAddresses?: Address[];
  ports?: { name?: string; port: number; protocol?: string }[];
}

export function serviceEndpoints(store: Store, svc: KObject, sp: ServicePort): { ready: Endpoint[]; notReady: Endpoint[] } {
  const ns = svc.metadata.namespace ?? 'default';
  const ep = store.get('Endpoints', ns, svc.metadata.name);
  const ready: Endpoint[] = [];
  const notReady: Endpoint[] = [];
  const toEndpoint = (a: Address, port: number): Endpoint => {
    const pod = a.targetRef?.kind === 'Pod' ? (store.get('Pod', a.targetRef.namespace ?? ns, a.targetRef.name) as Pod | undefined) : undefined;
    return { ip: a.ip, port, pod, node: a.nodeName ?? pod?.spec.nodeName ?? null };
  };
  for (const s of (ep?.subsets ?? []) as Subset[]) {
    const p = (s.ports ?? []).find((x) => (x.name ?? '') === (sp.name ?? '') && (x.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'));
    if (!p) continue;
    for (const a of s.addresses ?? []) ready.push(toEndpoint(a, p.port));
    for (const a of s.notReadyAddresses ?? []) notReady.push(toEndpoint(a, p.port));
  }
  const order = (a: Endpoint, b: Endpoint) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
  return { ready: ready.sort(order), notReady: notReady.sort(order) };
}

export function endpointText(e: Endpoint): string {
  return e.pod ? `${e.ip}:${e.port} (${e.pod.metadata.name})` : `${e.ip}:${e.port}`;
}

/** `80/TCP, 443/TCP` of a Service, for messages. */
export function portsText(svc: KObject): string {
  const ports = (svc.spec?.ports ?? []) as ServicePort[];
  return ports.length ? ports.map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ') : '-';
}
