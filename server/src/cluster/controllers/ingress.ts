// Ingress (networking.k8s.io/v1) as an ingress controller would route it: host + path rules to a
// Service port, then to that Service's ready endpoints. A request no rule matches (and no
// defaultBackend) gets 404. There is no real ingress controller in the simulated cluster, so the
// ADDRESS stays empty. No controller emits an event for a missing backend Service (ingress-nginx
// only logs it); `kubectl describe ingress` shows it as `<error: services "x" not found>`.
import type { Store } from '../store';
import type { KObject } from '../types';
import type { IngressRouteSummary } from '../../protocol/clusterSnapshot';

interface Backend {
  service?: { name: string; port?: { number?: number; name?: string } };
}

/** upstream Ingress path matching: Exact, or Prefix by `/`-separated elements (ImplementationSpecific as Prefix). */
export function pathMatches(pathType: string, rulePath: string, requestPath: string): boolean {
  if (pathType === 'Exact') return rulePath === requestPath;
  const rule = rulePath.replace(/\/+$/, '');
  if (rule === '') return true;
  return requestPath === rule || requestPath.startsWith(rule + '/');
}

function hostMatches(ruleHost: string | undefined, host: string): boolean {
  if (!ruleHost) return true;
  if (ruleHost.startsWith('*.')) {
    const suffix = ruleHost.slice(1);
    return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
  }
  return ruleHost === host;
}

/** Every rule of every Ingress as a route summary (for `get`/`describe` and the tree view). */
export function ingressRoutes(store: Store, namespace?: string): IngressRouteSummary[] {
  const out: IngressRouteSummary[] = [];
  for (const ing of store.list('Ingress', namespace)) {
    for (const r of ing.spec?.rules ?? []) {
      for (const p of r.http?.paths ?? []) out.push(route(store, ing, r.host ?? '*', p.path ?? '/', p.pathType ?? 'ImplementationSpecific', p.backend ?? {}));
    }
    if (ing.spec?.defaultBackend) out.push(route(store, ing, '*', '(default)', '', ing.spec.defaultBackend));
  }
  return out;
}

/**
 * The ready endpoints ("ip:targetPort") behind port `port` (number or name) of a Service, from its
 * Endpoints; undefined when the Service or that port does not exist.
 */
export function readyServiceEndpoints(store: Store, ns: string, svcName: string, port: number | string | null | undefined): string[] | undefined {
  const svc = store.get('Service', ns, svcName);
  const sp = (svc?.spec?.ports ?? []).find((x: { port: number; name?: string }) => (typeof port === 'number' ? x.port === port : x.name === port));
  if (!sp) return undefined;
  const out: string[] = [];
  const ep = store.get('Endpoints', ns, svcName);
  for (const s of (ep?.subsets ?? []) as { ports?: { name?: string; port: number }[]; addresses?: { ip: string }[] }[]) {
    const epPort = (s.ports ?? []).find((x) => (x.name ?? '') === (sp.name ?? ''));
    if (!epPort) continue;
    for (const a of s.addresses ?? []) out.push(`${a.ip}:${epPort.port}`);
  }
  return out;
}

function route(store: Store, ing: KObject, host: string, path: string, pathType: string, b: Backend): IngressRouteSummary {
  const ns = ing.metadata.namespace ?? 'default';
  const svcName = b.service?.name ?? null;
  const port = b.service?.port?.number ?? b.service?.port?.name ?? null;
  const r: IngressRouteSummary = { namespace: ns, ingress: ing.metadata.name, host, path, pathType, service: svcName, port, endpoints: [], problem: null };
  if (!svcName) return r;
  const svc = store.get('Service', ns, svcName);
  if (!svc) {
    r.problem = `Service "${ns}/${svcName}" not found`;
    return r;
  }
  const endpoints = readyServiceEndpoints(store, ns, svcName, port);
  if (!endpoints) {
    r.problem = `Service "${ns}/${svcName}" has no port ${port}`;
    return r;
  }
  r.endpoints = endpoints;
  if (!r.endpoints.length) r.problem = `Service "${ns}/${svcName}" has no ready endpoints`;
  return r;
}

/** Where a request for `host` + `path` goes: the matching route (longest path wins), or null → 404. */
export function resolveIngressRequest(store: Store, host: string, path: string, namespace?: string): IngressRouteSummary | null {
  let best: IngressRouteSummary | null = null;
  let bestLen = -1;
  let fallback: IngressRouteSummary | null = null;
  for (const r of ingressRoutes(store, namespace)) {
    if (r.path === '(default)') {
      fallback ??= r;
      continue;
    }
    if (!hostMatches(r.host === '*' ? undefined : r.host, host)) continue;
    if (!pathMatches(r.pathType, r.path, path)) continue;
    const len = r.pathType === 'Exact' ? Infinity : r.path.length;
    if (len > bestLen) {
      best = r;
      bestLen = len;
    }
  }
  return best ?? fallback;
}
