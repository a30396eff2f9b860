// A request from outside through the ingress controller. The simulated cluster comes with one
// controller, ingress-nginx, serving the IngressClass `nginx` (and any IngressClass whose
// spec.controller is k8s.io/ingress-nginx); an Ingress of another class, or of none without a
// default IngressClass, is served by nobody. Host first (exact, then `*.` wildcard of one label,
// then rules without host), then the longest matching path (Exact before Prefix on a tie;
// Prefix element-wise; ImplementationSpecific as Prefix); no match → the Ingress defaultBackend,
// else the controller's default backend: 404. ingress-nginx sends to the backend's endpoints
// directly (not through the ClusterIP), round robin; none → 503; a refusing pod → 502.
// upstream: networking/v1 types.go (HTTPIngressPath), ingress-nginx internal/ingress/controller
// (createServers, getBackendServers), its default-backend and load-balance=round_robin.
import type { KObject } from '../types';
import type { ServicePort } from '../controllers/service';
import { pathMatches } from '../controllers/ingress';
import { connectToPod } from './podAnswer';
import { endpointText, portsText, serviceEndpoints } from './serviceEndpoints';
import { fail, hop, Outcome, RouteContext } from './routeContext';
import { svcName } from './serviceRoute';
import { t } from '../../util/l10n';

export const CONTROLLER_CLASS = 'nginx';
export const CONTROLLER_NAME = 'k8s.io/ingress-nginx';

interface Backend {
  service?: { name: string; port?: { number?: number; name?: string } };
}
interface Candidate {
  ing: KObject;
  host: string | undefined;
  path: string;
  pathType: string;
  backend: Backend;
}

/** The class an Ingress asks for: ingressClassName, the legacy annotation, or the default IngressClass. */
export function ingressClassOf(ing: KObject, classes: KObject[]): string | null {
  const named = ing.spec?.ingressClassName ?? ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (named) return String(named);
  const def = classes.find((c) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true');
  return def ? def.metadata.name : null;
}

export function servedByController(ing: KObject, classes: KObject[]): boolean {
  const cls = ingressClassOf(ing, classes);
  if (!cls) return false;
  const obj = classes.find((c) => c.metadata.name === cls);
  return obj ? obj.spec?.controller === CONTROLLER_NAME : cls === CONTROLLER_CLASS;
}

function hostMatches(ruleHost: string, host: string): boolean {
  if (!ruleHost.startsWith('*.')) return ruleHost === host;
  const suffix = ruleHost.slice(1);
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
}

function candidates(ings: KObject[]): Candidate[] {
  const out: Candidate[] = [];
  for (const ing of ings)
    for (const r of ing.spec?.rules ?? [])
      for (const p of r.http?.paths ?? [])
        out.push({ ing, host: r.host || undefined, path: p.path ?? '/', pathType: p.pathType ?? 'ImplementationSpecific', backend: p.backend ?? {} });
  return out;
}

/** The rules of the server nginx picks for the Host header. */
function serverRules(all: Candidate[], host: string): { rules: Candidate[]; server: string } {
  const exact = all.filter((c) => c.host === host);
  if (exact.length) return { rules: exact, server: host };
  const wild = all.filter((c) => c.host?.startsWith('*.') && hostMatches(c.host, host));
  if (wild.length) return { rules: wild, server: wild[0].host! };
  return { rules: all.filter((c) => !c.host), server: '*' };
}

/** Longest path first; on the same length Exact before Prefix (networking/v1 HTTPIngressPath). */
export function bestPath(rules: Candidate[], path: string): Candidate | undefined {
  let best: Candidate | undefined;
  let bestLen = -1;
  for (const c of rules) {
    const type = c.pathType === 'ImplementationSpecific' ? 'Prefix' : c.pathType;
    if (!pathMatches(type, c.path, path)) continue;
    const len = c.path.replace(/\/+$/, '').length * 2 + (type === 'Exact' ? 1 : 0);
    if (len > bestLen) {
      best = c;
      bestLen = len;
    }
  }
  return best;
}

export function routeThroughIngress(ctx: RouteContext, host: string, path: string): Outcome {
  const classes = ctx.store.list('IngressClass');
  const ings = ctx.store.list('Ingress');
  hop(
    ctx,
    'IngressController',
    'ingress-nginx',
    t('the request reaches the ingress controller (IngressClass {0}) with Host: {1}', CONTROLLER_CLASS, host),
    t('{0} Ingress(es) in the cluster', ings.length),
  );
  const served = ings.filter((i) => servedByController(i, classes));
  const { rules, server } = serverRules(candidates(served), host);
  const match = bestPath(rules, path);
  if (!match) {
    const unserved = bestPath(serverRules(candidates(ings.filter((i) => !served.includes(i))), host).rules, path);
    if (unserved) {
      const cls = ingressClassOf(unserved.ing, classes);
      const name = `${unserved.ing.metadata.namespace ?? 'default'}/${unserved.ing.metadata.name}`;
      hop(ctx, 'Ingress', name, cls ? t('IngressClass {0}', cls) : t('no ingressClassName and no default IngressClass'), t('no controller serves it'));
      return fail(
        'NoIngressController',
        cls
          ? t(
              'Ingress {0} has the rule for this request but asks for IngressClass "{1}", which no controller in the cluster serves (the simulated cluster runs ingress-nginx, class "{2}"). Set spec.ingressClassName: {2}.',
              name,
              cls,
              CONTROLLER_CLASS,
            )
          : t(
              'Ingress {0} has the rule for this request but names no IngressClass and no IngressClass is marked default, so no controller serves it. Set spec.ingressClassName: {1}.',
              name,
              CONTROLLER_CLASS,
            ),
      );
    }
    const fallback = served.find((i) => i.spec?.defaultBackend?.service);
    if (fallback) {
      hop(
        ctx,
        'Ingress',
        `${fallback.metadata.namespace ?? 'default'}/${fallback.metadata.name}`,
        t('no rule matches host {0} and path {1}', host, path),
        t('spec.defaultBackend'),
      );
      return toBackend(ctx, fallback, fallback.spec.defaultBackend);
    }
    const known = [...new Set(rules.map((r) => `${r.path} (${r.pathType})`))].join(', ') || t('none');
    hop(ctx, 'Ingress', server, t('no rule matches host {0} and path {1} (paths for this host: {2})', host, path, known), t('default backend → 404'));
    return fail(
      'NotFound404',
      t(
        '404 Not Found: no Ingress rule matches host {0} with path {1}, so ingress-nginx answers from its default backend. Paths for this host: {2}. Add a path for it to spec.rules[].http.paths, or call one of those paths.',
        host,
        path,
        known,
      ),
    );
  }
  const name = `${match.ing.metadata.namespace ?? 'default'}/${match.ing.metadata.name}`;
  const svc = match.backend.service;
  hop(
    ctx,
    'Ingress',
    name,
    t('host {0}, path {1} ({2}) — the longest matching path', match.host ?? '*', match.path, match.pathType),
    svc ? `${svc.name}:${svc.port?.number ?? svc.port?.name ?? ''}` : '-',
  );
  return toBackend(ctx, match.ing, match.backend);
}

function toBackend(ctx: RouteContext, ing: KObject, backend: Backend): Outcome {
  const ns = ing.metadata.namespace ?? 'default';
  const b = backend.service;
  const svc = b ? ctx.store.get('Service', ns, b.name) : undefined;
  if (!b || !svc) {
    hop(ctx, 'Service', `${ns}/${b?.name ?? '-'}`, t('the backend of the rule'), t('not found → 503'));
    return fail('ServiceUnavailable503', t('503 Service Temporarily Unavailable: the backend Service {0}/{1} does not exist.', ns, b?.name ?? '-'));
  }
  const sp = ((svc.spec?.ports ?? []) as ServicePort[]).find((p) => (b.port?.number !== undefined ? p.port === b.port.number : p.name === b.port?.name));
  if (!sp) {
    hop(ctx, 'Service', svcName(svc), t('backend port {0}', b.port?.number ?? b.port?.name ?? ''), t('not one of its ports ({0}) → 503', portsText(svc)));
    return fail(
      'ServiceUnavailable503',
      t(
        '503 Service Temporarily Unavailable: Service {0} has no port {1} (its ports: {2}).',
        svcName(svc),
        b.port?.number ?? b.port?.name ?? '',
        portsText(svc),
      ),
    );
  }
  return proxyToEndpoints(
    ctx,
    svc,
    sp,
    'IngressController',
    'ingress-nginx',
    t('port {0} → targetPort {1}; ingress-nginx sends to the endpoints directly, not through the ClusterIP', sp.port, String(sp.targetPort ?? sp.port)),
  );
}

/**
 * A proxy in front of a Service (ingress-nginx, the gateway) sends to its ready endpoints directly,
 * round robin from a seeded start; none → 503; a refusing pod → 502.
 */
export function proxyToEndpoints(ctx: RouteContext, svc: KObject, sp: ServicePort, proxyKind: string, proxy: string, rule: string): Outcome {
  const { ready, notReady } = serviceEndpoints(ctx.store, svc, sp);
  hop(ctx, 'Service', svcName(svc), rule, ready.length ? t('{0} ready: {1}', ready.length, ready.map(endpointText).join(', ')) : t('no ready endpoint'));
  if (!ready.length)
    return fail(
      'ServiceUnavailable503',
      t('503 Service Temporarily Unavailable: Service {0} has no ready endpoints ({1} not ready).', svcName(svc), notReady.length),
    );
  const key = `${svcName(svc)}:${sp.port}`;
  const sent = ctx.roundRobin.get(key) ?? Math.floor(ctx.random() * ready.length);
  ctx.roundRobin.set(key, sent + 1);
  const e = ready[sent % ready.length];
  hop(ctx, proxyKind, proxy, t('round robin over {0} ready endpoints', ready.length), t('proxies to {0}', endpointText(e)));
  if (!e.pod) return { answer: { pod: e.ip, node: e.node, ip: e.ip, port: e.port } };
  return connectToPod(ctx, e.pod, e.port, 'BadGateway502');
}
