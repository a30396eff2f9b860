// Gateway API objects as the tree draws them: each Gateway with its class, address, Programmed
// condition and listeners (attached route counts), each HTTPRoute with its parents (Accepted),
// its rules and their backends (the Service's ready endpoints, or why the reference does not
// resolve) — read from the status the simulated gateway controller wrote (controllers/gateway.ts).
import type { Store } from '../store';
import type { KObject } from '../types';
import type { ConditionView, GatewayView, HTTPRouteView } from '../../protocol/clusterView';
import { backendProblem } from '../controllers/gateway';
import { deepEqual } from '../controllerUtils';
import { readyServiceEndpoints } from '../controllers/ingress';
import { listSorted } from '../snapshot';
import type { SourceOf } from './workloadViews';
type Cond = { type?: string; status?: string; reason?: string; message?: string };

function condition(conds: Cond[] | undefined, type: string): ConditionView | null {
  const c = (conds ?? []).find((x) => x.type === type);
  return c ? { status: String(c.status ?? 'Unknown'), reason: String(c.reason ?? ''), message: String(c.message ?? '') } : null;
}

export function gatewayViews(store: Store, sourceOf: SourceOf): GatewayView[] {
  return listSorted(store, 'Gateway', () => true).map((gw) => {
    const ns = gw.metadata.namespace ?? 'default';
    const byName = new Map<string, { attachedRoutes?: number; conditions?: Cond[] }>(
      (gw.status?.listeners ?? []).map((l: { name: string; attachedRoutes?: number; conditions?: Cond[] }) => [l.name, l]),
    );
    return {
      namespace: ns,
      name: gw.metadata.name,
      className: gw.spec?.gatewayClassName ?? null,
      address: gw.status?.addresses?.[0]?.value ?? null,
      programmed: condition(gw.status?.conditions, 'Programmed'),
      listeners: (gw.spec?.listeners ?? []).map((l: KObject['spec']) => ({
        name: String(l.name ?? ''),
        protocol: String(l.protocol ?? ''),
        port: typeof l.port === 'number' ? l.port : null,
        hostname: l.hostname ?? null,
        attachedRoutes: byName.get(l.name)?.attachedRoutes ?? null,
        programmed: condition(byName.get(l.name)?.conditions, 'Programmed'),
      })),
      source: sourceOf('Gateway', ns, gw.metadata.name),
    };
  });
}

/** `PathPrefix /api`, `Exact /health`, with a header or method match after it; `PathPrefix /` when the rule has none. */
function matchText(m: KObject['spec']): string {
  const path = m.path ? `${m.path.type ?? 'PathPrefix'} ${m.path.value ?? '/'}` : 'PathPrefix /';
  const extra = [m.method, ...(m.headers ?? []).map((h: { name: string; value: string }) => `${h.name}: ${h.value}`)].filter(Boolean);
  return extra.length ? `${path} (${extra.join(', ')})` : path;
}

export function httpRouteViews(store: Store, sourceOf: SourceOf): HTTPRouteView[] {
  return listSorted(store, 'HTTPRoute', () => true).map((route) => {
    const ns = route.metadata.namespace ?? 'default';
    const written: { parentRef?: unknown; conditions?: Cond[] }[] = route.status?.parents ?? [];
    const parents = (route.spec?.parentRefs ?? []).map((ref: KObject['spec']) => {
      const st = written.find((p) => deepEqual(p.parentRef, ref));
      const gwNs = ref.namespace ?? ns;
      return { gateway: gwNs === ns ? String(ref.name ?? '') : `${gwNs}/${ref.name}`, accepted: condition(st?.conditions, 'Accepted') };
    });
    const rules = (route.spec?.rules ?? []).map((r: KObject['spec']) => ({
      matches: (r.matches?.length ? r.matches : [{}]).map(matchText).join(' | '),
      backends: (r.backendRefs ?? []).map((b: KObject['spec']) => {
        const backendNs = b.namespace ?? ns;
        const problem = backendProblem(store, route, b)?.message ?? null;
        const endpoints = problem ? [] : (readyServiceEndpoints(store, backendNs, String(b.name), b.port) ?? []);
        return {
          service: String(b.name ?? ''),
          namespace: backendNs,
          port: typeof b.port === 'number' ? b.port : null,
          weight: typeof b.weight === 'number' ? b.weight : null,
          endpoints,
          problem: problem ?? (endpoints.length ? null : `Service ${backendNs}/${b.name} has no ready endpoints`),
        };
      }),
    }));
    return {
      namespace: ns,
      name: route.metadata.name,
      hostnames: route.spec?.hostnames ?? [],
      parents,
      resolvedRefs: condition(written[0]?.conditions, 'ResolvedRefs'),
      rules,
      source: sourceOf('HTTPRoute', ns, route.metadata.name),
    };
  });
}
