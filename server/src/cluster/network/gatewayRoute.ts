// A request through a Gateway of the simulated gateway controller (controllers/gateway.ts): the
// listener on the port, the HTTPRoutes accepted on it whose hostnames match, then the rule match
// of highest precedence, then a backendRef picked by weight, then the Service's endpoints.
// Precedence (Gateway API HTTPRouteRule): the most specific matching hostname; an Exact path over
// a PathPrefix; the longest prefix; a method match; the most header matches; the most query
// matches; then the oldest route, then namespace/name alphabetically, then rule and match order.
// No match → 404; a rule with no usable backend (not found, not permitted, wrong kind, weight 0
// everywhere) → 500, as the spec asks of implementations.
// upstream: gateway-api apis/v1 httproute_types.go (HTTPPathMatch, HTTPRouteRule, HTTPBackendRef).
import type { KObject } from '../types';
import type { ServicePort } from '../controllers/service';
import { backendProblem, GATEWAY_CONTROLLER, judgeParent, ourClass, wildcardMatch } from '../controllers/gateway';
import { pathMatches } from '../controllers/ingress';
import { proxyToEndpoints } from './ingressRoute';
import { fail, hop, Outcome, RouteContext } from './routeContext';
import { t } from '../../util/l10n';

export interface GatewayRequest {
  host: string;
  port: number;
  path: string;
  method: string;
  /** Header names lower-case. */
  headers: Record<string, string>;
}

export interface RuleCandidate {
  route: KObject;
  ruleIndex: number;
  rule: KObject['spec'];
  /** 3 exact hostname, 2 wildcard hostname, 1 no hostnames on the route or listener. */
  hostScore: number;
  hostLen: number;
  exact: boolean;
  pathLen: number;
  method: boolean;
  headers: number;
  queries: number;
  matchIndex: number;
}

function routeKey(r: KObject): string {
  return `${r.metadata.namespace ?? 'default'}/${r.metadata.name}`;
}

/** The route hostname the request's host matches, scored; undefined when the route does not take the host. */
function hostScore(routeHosts: string[], listenerHost: string | undefined, host: string): { score: number; len: number } | undefined {
  if (listenerHost && listenerHost !== host && !wildcardMatch(listenerHost, host)) return undefined;
  if (!routeHosts.length) return listenerHost ? { score: listenerHost === host ? 3 : 2, len: listenerHost.length } : { score: 1, len: 0 };
  let best: { score: number; len: number } | undefined;
  for (const h of routeHosts) {
    const s = h === host ? { score: 3, len: h.length } : wildcardMatch(h, host) ? { score: 2, len: h.length } : undefined;
    if (s && (!best || s.score > best.score || (s.score === best.score && s.len > best.len))) best = s;
  }
  return best;
}

function matchOf(m: KObject['spec'], req: GatewayRequest): { exact: boolean; pathLen: number } | undefined {
  const type = m.path?.type ?? 'PathPrefix';
  const value = String(m.path?.value ?? '/');
  if (type === 'Exact' ? value !== req.path : type === 'PathPrefix' ? !pathMatches('Prefix', value, req.path) : true) return undefined;
  if (m.method && String(m.method).toUpperCase() !== req.method) return undefined;
  for (const h of m.headers ?? []) {
    if ((h.type ?? 'Exact') !== 'Exact' || req.headers[String(h.name).toLowerCase()] !== String(h.value)) return undefined;
  }
  // The request carries no query string to the tracer: a rule that needs one does not match.
  if ((m.queryParams ?? []).length) return undefined;
  return { exact: type === 'Exact', pathLen: value.replace(/\/+$/, '').length };
}

/** 1 when a should win over b (Gateway API rule precedence). */
export function comparePrecedence(a: RuleCandidate, b: RuleCandidate): number {
  const keys: [number, number][] = [
    [a.hostScore, b.hostScore],
    [a.hostLen, b.hostLen],
    [a.exact ? 1 : 0, b.exact ? 1 : 0],
    [a.pathLen, b.pathLen],
    [a.method ? 1 : 0, b.method ? 1 : 0],
    [a.headers, b.headers],
    [a.queries, b.queries],
  ];
  for (const [x, y] of keys) if (x !== y) return y - x;
  const ta = String(a.route.metadata.creationTimestamp ?? '');
  const tb = String(b.route.metadata.creationTimestamp ?? '');
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = routeKey(a.route);
  const kb = routeKey(b.route);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.ruleIndex - b.ruleIndex || a.matchIndex - b.matchIndex;
}

/** Every rule match of the routes attached to `gw`'s listener that takes the request, best first. */
export function gatewayCandidates(ctx: RouteContext, gw: KObject, listener: KObject['spec'], req: GatewayRequest): RuleCandidate[] {
  const out: RuleCandidate[] = [];
  for (const route of ctx.store.list('HTTPRoute')) {
    const attached = (route.spec?.parentRefs ?? []).some((ref: KObject['spec']) => {
      const v = judgeParent(ctx.store, route, ref);
      return v?.gateway === gw && v.accepted.status === 'True' && v.listeners.includes(listener);
    });
    if (!attached) continue;
    const hs = hostScore(route.spec?.hostnames ?? [], listener.hostname, req.host);
    if (!hs) continue;
    (route.spec?.rules ?? []).forEach((rule: KObject['spec'], ruleIndex: number) => {
      const matches: KObject['spec'][] = rule.matches?.length ? rule.matches : [{ path: { type: 'PathPrefix', value: '/' } }];
      matches.forEach((m, matchIndex) => {
        const ok = matchOf(m, req);
        if (!ok) return;
        out.push({
          route,
          ruleIndex,
          rule,
          hostScore: hs.score,
          hostLen: hs.len,
          exact: ok.exact,
          pathLen: ok.pathLen,
          method: !!m.method,
          headers: (m.headers ?? []).length,
          queries: 0,
          matchIndex,
        });
      });
    });
  }
  return out.sort(comparePrecedence);
}

/** A backendRef by weight (default 1), from the request's seeded generator; undefined when all weigh 0. */
export function pickBackend(refs: KObject['spec'][], random: () => number): KObject['spec'] | undefined {
  const weights = refs.map((r) => (typeof r.weight === 'number' ? Math.max(0, r.weight) : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  if (!total) return undefined;
  let x = random() * total;
  for (let i = 0; i < refs.length; i++) {
    x -= weights[i];
    if (x < 0) return refs[i];
  }
  return refs[refs.length - 1];
}

/** The Gateway of ours whose status address is `ip`. */
export function gatewayByAddress(ctx: RouteContext, ip: string): KObject | undefined {
  return ctx.store.list('Gateway').find((g) => ourClass(ctx.store, g) && (g.status?.addresses ?? []).some((a: { value: string }) => a.value === ip));
}

/** The Gateway of ours with an accepted HTTPRoute (or listener) for this hostname. */
export function gatewayForHost(ctx: RouteContext, host: string): KObject | undefined {
  for (const gw of ctx.store.list('Gateway')) {
    if (!ourClass(ctx.store, gw)) continue;
    const listeners: KObject['spec'][] = gw.spec?.listeners ?? [];
    if (listeners.some((l) => l.hostname && (l.hostname === host || wildcardMatch(l.hostname, host)))) return gw;
    for (const route of ctx.store.list('HTTPRoute')) {
      const hosts: string[] = route.spec?.hostnames ?? [];
      if (!hosts.some((h) => h === host || wildcardMatch(h, host))) continue;
      if ((route.spec?.parentRefs ?? []).some((ref: KObject['spec']) => judgeParent(ctx.store, route, ref)?.gateway === gw)) return gw;
    }
  }
  return undefined;
}

export function routeThroughGateway(ctx: RouteContext, gw: KObject, req: GatewayRequest): Outcome {
  const gwName = routeKey(gw);
  const address = gw.status?.addresses?.[0]?.value ?? '-';
  const listener = (gw.spec?.listeners ?? []).find(
    (l: KObject['spec']) =>
      l.port === req.port &&
      (l.protocol === 'HTTP' || l.protocol === 'HTTPS') &&
      (!l.hostname || l.hostname === req.host || wildcardMatch(l.hostname, req.host)),
  );
  if (!listener) {
    const ports = (gw.spec?.listeners ?? []).map((l: KObject['spec']) => `${l.name} ${l.protocol}/${l.port}${l.hostname ? ` ${l.hostname}` : ''}`).join(', ');
    hop(ctx, 'Gateway', gwName, t('address {0}, port {1}, Host: {2}', address, req.port, req.host), t('no listener → connection refused'));
    return fail(
      'ConnectionRefused',
      t(
        'Gateway {0} has no HTTP listener on port {1} for host {2} (its listeners: {3}), so the connection is refused.',
        gwName,
        req.port,
        req.host,
        ports || t('none'),
      ),
    );
  }
  hop(
    ctx,
    'Gateway',
    gwName,
    t('address {0}, listener {1} ({2}/{3}), Host: {4}', address, listener.name, listener.protocol, listener.port, req.host),
    t('{0} controller', GATEWAY_CONTROLLER),
  );
  const best = gatewayCandidates(ctx, gw, listener, req)[0];
  if (!best) {
    hop(ctx, 'HTTPRoute', '-', t('no HTTPRoute rule on listener {0} matches host {1} and path {2}', listener.name, req.host, req.path), '404');
    return fail(
      'NotFound404',
      t(
        '404 Not Found: no HTTPRoute attached to Gateway {0} (listener {1}) matches host {2} with path {3}. `kubemate describe httproute` shows whether a route was accepted (status.parents).',
        gwName,
        listener.name,
        req.host,
        req.path,
      ),
    );
  }
  const routeName = routeKey(best.route);
  const refs: KObject['spec'][] = best.rule.backendRefs ?? [];
  const ref = pickBackend(refs, ctx.random);
  const weights = refs.map((r) => `${r.name}:${r.port ?? ''}=${typeof r.weight === 'number' ? r.weight : 1}`).join(', ');
  hop(ctx, 'HTTPRoute', routeName, t('rules[{0}] — the match of highest precedence', best.ruleIndex), ref ? `${ref.name}:${ref.port ?? ''} (${weights})` : '-');
  if (!ref) {
    return fail(
      'InternalServerError500',
      t(
        '500 Internal Server Error: rules[{0}] of HTTPRoute {1} has no backendRef with a weight above 0, so the gateway has nowhere to send the request.',
        best.ruleIndex,
        routeName,
      ),
    );
  }
  const problem = backendProblem(ctx.store, best.route, ref);
  const ns = ref.namespace ?? best.route.metadata.namespace ?? 'default';
  if (problem) {
    hop(ctx, 'Service', `${ns}/${ref.name}`, t('backendRef of rules[{0}]', best.ruleIndex), `${problem.reason} → 500`);
    return fail(
      'InternalServerError500',
      t(
        '500 Internal Server Error: the backendRef {0}/{1} of HTTPRoute {2} does not resolve ({3}: {4}); the gateway answers 500 for an invalid backend.',
        ns,
        ref.name,
        routeName,
        problem.reason,
        problem.message,
      ),
    );
  }
  const svc = ctx.store.get('Service', ns, String(ref.name))!;
  const sp = ((svc.spec?.ports ?? []) as ServicePort[]).find((p) => p.port === ref.port)!;
  return proxyToEndpoints(
    ctx,
    svc,
    sp,
    'Gateway',
    gwName,
    t('port {0} → targetPort {1}; the gateway sends to the endpoints directly, not through the ClusterIP', sp.port, String(sp.targetPort ?? sp.port)),
  );
}
