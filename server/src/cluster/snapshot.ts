// Plain summaries of the stored objects: the JSON contract of `apply -o json` / `get -o json`
// (protocol/clusterSnapshot.ts) and what the tree view renders.
import type { Store } from './store';
import type { KObject, Pod } from './types';
import type { EndpointsSummary, EventSummary, NodeSummary, PodSummary, ReplicaSetSummary, ServiceSummary } from '../protocol/clusterSnapshot';
import type { KEvent } from './events';
import { podColumns } from './podStatus';
import { controllerOf } from './types';
import { REVISION_ANNOTATION } from './controllers/deployment/deploymentUtil';

export type NamespaceFilter = (ns: string | undefined) => boolean;

export const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** Everything outside the kube-* system namespaces. */
export const userNamespaces: NamespaceFilter = (ns) => !SYSTEM_NAMESPACES.has(ns ?? '');

export function podSummary(p: Pod): PodSummary {
  const cols = podColumns(p);
  const owner = controllerOf(p);
  return {
    namespace: p.metadata.namespace ?? 'default',
    name: p.metadata.name,
    phase: p.status?.phase ?? 'Pending',
    status: cols.status,
    ready: cols.ready,
    restarts: cols.restarts,
    node: p.spec.nodeName ?? null,
    ip: p.status?.podIP ?? null,
    owner: owner ? { kind: owner.kind, name: owner.name } : null,
    reason: cols.reason,
    message: cols.message,
  };
}

export function replicaSetSummary(rs: KObject): ReplicaSetSummary {
  const owner = controllerOf(rs);
  const rev = rs.metadata.annotations?.[REVISION_ANNOTATION];
  return {
    namespace: rs.metadata.namespace ?? 'default',
    name: rs.metadata.name,
    desired: rs.spec?.replicas ?? 1,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    revision: rev !== undefined && Number.isInteger(Number(rev)) ? Number(rev) : null,
    owner: owner ? { kind: owner.kind, name: owner.name } : null,
  };
}

export function serviceExternalIP(svc: KObject): string | null {
  const spec = svc.spec ?? {};
  if (spec.type === 'ExternalName') return spec.externalName ?? null;
  if (spec.type === 'LoadBalancer') {
    const ing = (svc.status?.loadBalancer?.ingress ?? []).map((i: { ip?: string; hostname?: string }) => i.ip ?? i.hostname).filter(Boolean);
    const all = [...ing, ...(spec.externalIPs ?? [])];
    return all.length ? all.join(',') : '<pending>';
  }
  return spec.externalIPs?.length ? spec.externalIPs.join(',') : null;
}

export function serviceSummary(svc: KObject): ServiceSummary {
  const spec = svc.spec ?? {};
  return {
    namespace: svc.metadata.namespace ?? 'default',
    name: svc.metadata.name,
    type: spec.type ?? 'ClusterIP',
    clusterIP: spec.type === 'ExternalName' ? null : (spec.clusterIP ?? null),
    externalIP: serviceExternalIP(svc),
    ports: ((spec.ports ?? []) as { name?: string; port: number; targetPort?: number | string; nodePort?: number; protocol?: string }[]).map((p) => ({
      name: p.name ?? null,
      port: p.port,
      targetPort: p.targetPort ?? p.port,
      nodePort: p.nodePort ?? null,
      protocol: p.protocol ?? 'TCP',
    })),
  };
}

export function endpointsSummary(ep: KObject): EndpointsSummary {
  const ready: string[] = [];
  const notReady: string[] = [];
  for (const s of (ep.subsets ?? []) as { addresses?: { ip: string }[]; notReadyAddresses?: { ip: string }[]; ports?: { port: number }[] }[]) {
    const ports = s.ports ?? [];
    const add = (list: string[], addrs: { ip: string }[] | undefined) => {
      for (const a of addrs ?? []) {
        if (ports.length === 0) list.push(a.ip);
        else for (const p of ports) list.push(`${a.ip}:${p.port}`);
      }
    };
    add(ready, s.addresses);
    add(notReady, s.notReadyAddresses);
  }
  return { namespace: ep.metadata.namespace ?? 'default', name: ep.metadata.name, ready, notReady };
}

export function eventSummary(e: KEvent): EventSummary {
  const s: EventSummary = {
    type: e.type,
    reason: e.reason,
    object: `${e.involvedObject.kind}/${e.involvedObject.name}`,
    namespace: e.involvedObject.namespace ?? null,
    message: e.message,
  };
  if (e.count > 1) s.count = e.count;
  return s;
}

export function nodeSummary(store: Store, n: KObject): NodeSummary {
  const ready = (n.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready')?.status === 'True';
  let status = ready ? 'Ready' : 'NotReady';
  if (n.spec?.unschedulable) status += ',SchedulingDisabled';
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();
  return {
    name: n.metadata.name,
    status,
    roles: roles.length ? roles.join(',') : '<none>',
    podCIDR: n.spec?.podCIDR ?? null,
    internalIP: (n.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address ?? null,
    pods: store.list<Pod>('Pod').filter((p) => p.spec.nodeName === n.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length,
  };
}

/** Objects of a kind whose namespace passes the filter, sorted by namespace then name (kubectl's order). */
export function listSorted<T extends KObject = KObject>(store: Store, kind: string, filter: NamespaceFilter): T[] {
  return store
    .list<T>(kind)
    .filter((o) => filter(o.metadata.namespace))
    .sort((a, b) => {
      const na = a.metadata.namespace ?? '';
      const nb = b.metadata.namespace ?? '';
      if (na !== nb) return na < nb ? -1 : 1;
      return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
    });
}
