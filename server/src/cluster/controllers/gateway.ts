// The simulated Gateway API controller. It implements the GatewayClasses whose
// spec.controllerName is `kubemate.dev/gateway-controller`; a class naming any other controller
// has none in the simulated cluster and its Gateways keep the status they were given. The
// Gateway API itself is not installed: the user applies its CRDs (examples/gateway-api).
// Accepted classes get Accepted=True; their Gateways an address (a load-balancer IP from
// 172.18.255.200 on, as MetalLB hands out on a kind cluster), Accepted/Programmed and per-listener
// status; HTTPRoutes attached to them get status.parents with Accepted and ResolvedRefs.
// upstream: gateway-api apis/v1 (GatewayClassConditionType, GatewayConditionReason,
// RouteConditionReason, ParentReference, AllowedRoutes; ReferenceGrant for cross-namespace backendRefs).
import type { ControllerContext } from '../controllerContext';
import type { Store } from '../store';
import type { KObject } from '../types';
import { deepEqual } from '../controllerUtils';

export const GATEWAY_CONTROLLER = 'kubemate.dev/gateway-controller';
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const LB_PREFIX = '172.18.255.';
const LB_FIRST = 200;

interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

/** Our GatewayClass for a Gateway, or undefined when no controller of the simulated cluster serves it. */
export function ourClass(store: Store, gw: KObject): KObject | undefined {
  const cls = store.get('GatewayClass', undefined, String(gw.spec?.gatewayClassName ?? ''));
  return cls?.spec?.controllerName === GATEWAY_CONTROLLER ? cls : undefined;
}

/** The listeners' allowed namespaces (default Same) admit a route from `ns`. */
function listenerAllows(store: Store, gw: KObject, listener: KObject['spec'], routeNs: string): boolean {
  const from = listener.allowedRoutes?.namespaces?.from ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Same') return routeNs === (gw.metadata.namespace ?? 'default');
  if (from === 'Selector') {
    const want: Record<string, string> = listener.allowedRoutes?.namespaces?.selector?.matchLabels ?? {};
    const labels = store.get('Namespace', undefined, routeNs)?.metadata.labels ?? {};
    return Object.entries(want).every(([k, v]) => labels[k] === v);
  }
  return false;
}

function hostnamesIntersect(listenerHost: string | undefined, routeHosts: string[]): boolean {
  if (!listenerHost || !routeHosts.length) return true;
  return routeHosts.some((h) => h === listenerHost || wildcardMatch(listenerHost, h) || wildcardMatch(h, listenerHost));
}

/** `*.example.com` matches `a.example.com` and `a.b.example.com` (Gateway API: one or more labels). */
export function wildcardMatch(pattern: string, host: string): boolean {
  return pattern.startsWith('*.') && host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
}

// Condition messages are API status text: English, as upstream controllers write them (the
// editor and CLI localise their own explanations around them).
type Verdict = Pick<Condition, 'status' | 'reason' | 'message'>;
function verdict(ok: boolean, reason: string, text: string): Verdict {
  return { status: ok ? 'True' : 'False', reason, message: text };
}

export interface ParentVerdict {
  gateway?: KObject;
  /** The listeners the route attaches to. */
  listeners: KObject['spec'][];
  accepted: Verdict;
}

/** Whether an HTTPRoute attaches to the Gateway of one parentRef (status.parents[].conditions Accepted). */
export function judgeParent(store: Store, route: KObject, ref: KObject['spec']): ParentVerdict | undefined {
  if ((ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (ref.kind ?? 'Gateway') !== 'Gateway') return undefined;
  const routeNs = route.metadata.namespace ?? 'default';
  const gw = store.get('Gateway', ref.namespace ?? routeNs, String(ref.name ?? ''));
  if (!gw || !ourClass(store, gw)) {
    if (gw) return undefined;
    return { listeners: [], accepted: verdict(false, 'NoMatchingParent', `Gateway ${ref.namespace ?? routeNs}/${ref.name} not found`) };
  }
  const all: KObject['spec'][] = (gw.spec?.listeners ?? []).filter((l: KObject['spec']) => l.protocol === 'HTTP' || l.protocol === 'HTTPS');
  const named = all.filter((l) => (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port));
  if (!named.length) return { gateway: gw, listeners: [], accepted: verdict(false, 'NoMatchingParent', 'No listener matches the parentRef sectionName/port') };
  const allowed = named.filter((l) => listenerAllows(store, gw, l, routeNs));
  if (!allowed.length)
    return {
      gateway: gw,
      listeners: [],
      accepted: verdict(false, 'NotAllowedByListeners', `No listener allows routes from namespace ${routeNs}`),
    };
  const hosts: string[] = route.spec?.hostnames ?? [];
  const matching = allowed.filter((l) => hostnamesIntersect(l.hostname, hosts));
  if (!matching.length)
    return {
      gateway: gw,
      listeners: [],
      accepted: verdict(false, 'NoMatchingListenerHostname', 'No listener hostname matches the route hostnames'),
    };
  return { gateway: gw, listeners: matching, accepted: verdict(true, 'Accepted', 'Route is accepted') };
}

/** A ReferenceGrant in the backend's namespace lets HTTPRoutes of `fromNs` reference its Services. */
export function referenceGranted(store: Store, fromNs: string, toNs: string, name: string): boolean {
  return store
    .list('ReferenceGrant', toNs)
    .some(
      (g) =>
        (g.spec?.from ?? []).some((f: KObject['spec']) => f.group === GATEWAY_GROUP && f.kind === 'HTTPRoute' && f.namespace === fromNs) &&
        (g.spec?.to ?? []).some((x: KObject['spec']) => (x.group ?? '') === '' && x.kind === 'Service' && (x.name === undefined || x.name === name)),
    );
}

export type BackendProblem = { reason: 'BackendNotFound' | 'RefNotPermitted' | 'InvalidKind'; message: string };
const problemOf = (reason: BackendProblem['reason'], text: string): BackendProblem => ({ reason, message: text });

/** Why a backendRef does not resolve, or undefined when it names an existing Service port it may use. */
export function backendProblem(store: Store, route: KObject, ref: KObject['spec']): BackendProblem | undefined {
  if ((ref.group ?? '') !== '' || (ref.kind ?? 'Service') !== 'Service')
    return problemOf('InvalidKind', `Unsupported backend kind ${ref.kind ?? 'Service'} (group "${ref.group ?? ''}")`);
  const routeNs = route.metadata.namespace ?? 'default';
  const ns = ref.namespace ?? routeNs;
  if (ns !== routeNs && !referenceGranted(store, routeNs, ns, String(ref.name)))
    return problemOf('RefNotPermitted', `Backend ${ns}/${ref.name} is in another namespace and no ReferenceGrant allows it`);
  const svc = store.get('Service', ns, String(ref.name ?? ''));
  if (!svc) return problemOf('BackendNotFound', `Service ${ns}/${ref.name} not found`);
  if (!(svc.spec?.ports ?? []).some((p: { port: number }) => p.port === ref.port))
    return problemOf('BackendNotFound', `Service ${ns}/${ref.name} has no port ${ref.port}`);
  return undefined;
}

function withTimes(store: Store, next: Condition[], prev: Condition[] | undefined, generation: number): Condition[] {
  return next.map((c) => {
    const old = (prev ?? []).find((p) => p.type === c.type);
    const same = old && old.status === c.status;
    return { ...c, observedGeneration: generation, lastTransitionTime: same && old.lastTransitionTime ? old.lastTransitionTime : store.timestamp() };
  });
}

function writeStatus(ctx: ControllerContext, obj: KObject, status: Record<string, unknown>): void {
  if (deepEqual(obj.status, status)) return;
  obj.status = status;
  ctx.store.update(obj);
}

function cond(type: string, ok: boolean, reason: string, text: string): Condition {
  return { type, ...verdict(ok, reason, text) };
}

function nextAddress(store: Store): string {
  const used = new Set(store.list('Gateway').flatMap((g) => (g.status?.addresses ?? []).map((a: { value: string }) => a.value)));
  for (let i = LB_FIRST; i < 255; i++) if (!used.has(LB_PREFIX + i)) return LB_PREFIX + i;
  return '';
}

export function syncAllGateways(ctx: ControllerContext): void {
  const store = ctx.store;
  if (!store.count('GatewayClass')) return;
  for (const cls of store.list('GatewayClass')) {
    if (cls.spec?.controllerName !== GATEWAY_CONTROLLER) continue;
    const gen = cls.metadata.generation ?? 1;
    writeStatus(ctx, cls, {
      ...cls.status,
      conditions: withTimes(store, [cond('Accepted', true, 'Accepted', 'Handled by the KubeMate gateway controller')], cls.status?.conditions, gen),
    });
  }
  const routes = store.list('HTTPRoute');
  const attached = new Map<string, number>();
  for (const route of routes) {
    const prevParents: KObject['status'][] = route.status?.parents ?? [];
    const others = prevParents.filter((p) => p.controllerName !== GATEWAY_CONTROLLER);
    const ours: KObject['status'][] = [];
    const problem = (route.spec?.rules ?? [])
      .flatMap((r: KObject['spec']) => r.backendRefs ?? [])
      .map((b: KObject['spec']) => backendProblem(store, route, b))
      .find((p: BackendProblem | undefined) => p);
    for (const ref of route.spec?.parentRefs ?? []) {
      const v = judgeParent(store, route, ref);
      if (!v) continue;
      for (const l of v.listeners) {
        const key = `${v.gateway?.metadata.namespace}/${v.gateway?.metadata.name}/${l.name}`;
        attached.set(key, (attached.get(key) ?? 0) + 1);
      }
      const prev = prevParents.find((p) => p.controllerName === GATEWAY_CONTROLLER && deepEqual(p.parentRef, ref));
      const conditions = [
        cond('Accepted', v.accepted.status === 'True', v.accepted.reason, v.accepted.message),
        problem ? cond('ResolvedRefs', false, problem.reason, problem.message) : cond('ResolvedRefs', true, 'ResolvedRefs', 'All references are resolved'),
      ];
      ours.push({
        parentRef: ref,
        controllerName: GATEWAY_CONTROLLER,
        conditions: withTimes(store, conditions, prev?.conditions, route.metadata.generation ?? 1),
      });
    }
    if (!ours.length && !prevParents.some((p) => p.controllerName === GATEWAY_CONTROLLER)) continue;
    writeStatus(ctx, route, { ...route.status, parents: [...others, ...ours] });
  }
  for (const gw of store.list('Gateway')) {
    if (!ourClass(store, gw)) continue;
    const gen = gw.metadata.generation ?? 1;
    const address = gw.status?.addresses?.[0]?.value || nextAddress(store);
    const listeners = (gw.spec?.listeners ?? []).map((l: KObject['spec']) => {
      const supported = l.protocol === 'HTTP' || l.protocol === 'HTTPS';
      const prev = (gw.status?.listeners ?? []).find((p: KObject['status']) => p.name === l.name);
      const conditions = supported
        ? [
            cond('Accepted', true, 'Accepted', 'Listener is accepted'),
            cond('Programmed', true, 'Programmed', 'Listener is programmed'),
            cond('ResolvedRefs', true, 'ResolvedRefs', 'All references are resolved'),
          ]
        : [
            cond('Accepted', false, 'UnsupportedProtocol', `Protocol ${l.protocol} is not supported by the KubeMate gateway controller`),
            cond('Programmed', false, 'Invalid', 'Listener is not accepted'),
          ];
      return {
        name: l.name,
        supportedKinds: supported ? [{ group: GATEWAY_GROUP, kind: 'HTTPRoute' }] : [],
        attachedRoutes: attached.get(`${gw.metadata.namespace}/${gw.metadata.name}/${l.name}`) ?? 0,
        conditions: withTimes(store, conditions, prev?.conditions, gen),
      };
    });
    const conditions = [cond('Accepted', true, 'Accepted', 'Gateway is accepted'), cond('Programmed', true, 'Programmed', 'Gateway is programmed')];
    writeStatus(ctx, gw, {
      ...gw.status,
      addresses: address ? [{ type: 'IPAddress', value: address }] : [],
      conditions: withTimes(store, conditions, gw.status?.conditions, gen),
      listeners,
    });
  }
}
