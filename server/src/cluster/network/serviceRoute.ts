// A connection to a Service: the port must be one of spec.ports; kube-proxy DNATs it to one
// ready endpoint, chosen at random (iptables mode) or kept per client (sessionAffinity
// ClientIP); no ready endpoint → the REJECT rule kube-proxy writes ("has no endpoints") →
// connection refused. upstream: pkg/proxy/iptables/proxier.go syncProxyRules
// (KUBE-SERVICES REJECT for services without endpoints, KUBE-EXT DROP for Local without local
// endpoints), writeServiceToEndpointRules (statistic random, recent --rcheck for ClientIP).
import type { KObject } from '../types';
import type { ServicePort } from '../controllers/service';
import { connectToPod } from './podAnswer';
import { Endpoint, endpointText, portsText, serviceEndpoints } from './serviceEndpoints';
import { pickIndex } from './seededPick';
import { fail, hop, Outcome, RouteContext } from './routeContext';
import { t } from '../../util/l10n';

export function svcName(svc: KObject): string {
  return `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`;
}

function targetText(sp: ServicePort): string {
  return String(sp.targetPort ?? sp.port);
}

/** Ready endpoints listed, not-ready ones named (never chosen). */
function endpointsHop(ctx: RouteContext, svc: KObject, ready: Endpoint[], notReady: Endpoint[], scope: string): void {
  const notReadyText = notReady.length ? t('; not ready (get no traffic): {0}', notReady.map(endpointText).join(', ')) : '';
  hop(
    ctx,
    'Endpoints',
    svcName(svc),
    scope,
    ready.length ? t('{0} ready: {1}{2}', ready.length, ready.map(endpointText).join(', '), notReadyText) : t('no ready endpoint{0}', notReadyText),
  );
}

/** Why a Service has no ready endpoint, in plain words, for the error message. */
export function noEndpointReason(svc: KObject, notReady: Endpoint[]): string {
  if (svc.spec?.selector === undefined || svc.spec?.selector === null) return t('Service {0} has no selector and nobody wrote its Endpoints.', svcName(svc));
  if (notReady.length)
    return t('{0} pod(s) match its selector but none is ready ({1}).', notReady.length, notReady.map((e) => e.pod?.metadata.name ?? e.ip).join(', '));
  const selector =
    Object.entries(svc.spec.selector as Record<string, string>)
      .map(([k, v]) => `${k}=${v}`)
      .join(',') || '{}';
  return t('no pod with an IP matches its selector {0} (or the matching pods have no container port named like its targetPort).', selector);
}

export function findServicePort(svc: KObject, port: number): ServicePort | undefined {
  return ((svc.spec?.ports ?? []) as ServicePort[]).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
}

export function choose(ctx: RouteContext, key: string, svc: KObject, ready: Endpoint[]): { endpoint: Endpoint; rule: string } {
  if (svc.spec?.sessionAffinity === 'ClientIP') {
    const sticky = ctx.affinity.get(key);
    const kept = sticky ? ready.find((e) => `${e.ip}:${e.port}` === sticky) : undefined;
    if (kept) return { endpoint: kept, rule: t('sessionAffinity ClientIP: the same client keeps the endpoint it got first') };
    const endpoint = ready[pickIndex(ready.length, ctx.random)];
    ctx.affinity.set(key, `${endpoint.ip}:${endpoint.port}`);
    return { endpoint, rule: t('sessionAffinity ClientIP: a random pick among {0} ready endpoints, kept for this client from now on', ready.length) };
  }
  return { endpoint: ready[pickIndex(ready.length, ctx.random)], rule: t('a random pick among {0} ready endpoints (kube-proxy, iptables mode)', ready.length) };
}

/**
 * From a ClusterIP or a nodePort, the Service's port already found: its ready endpoints (only
 * those on `localNode` for externalTrafficPolicy Local), one chosen, then the pod.
 */
export function routeThroughService(ctx: RouteContext, svc: KObject, sp: ServicePort, via: string, localNode?: string): Outcome {
  const { ready: all, notReady } = serviceEndpoints(ctx.store, svc, sp);
  hop(
    ctx,
    'Service',
    svcName(svc),
    t('{0}: port {1}{2} → targetPort {3}', via, sp.port, sp.name ? ` (${sp.name})` : '', targetText(sp)),
    typeof sp.targetPort === 'string' && !/^\d+$/.test(sp.targetPort)
      ? t('a named port: the Endpoints controller looks it up in each pod')
      : t('the same port number on every pod'),
  );
  const ready = localNode ? all.filter((e) => e.node === localNode) : all;
  if (localNode) {
    endpointsHop(
      ctx,
      svc,
      ready,
      notReady,
      t('externalTrafficPolicy Local: only endpoints on node {0} ({1} ready in the whole cluster)', localNode, all.length),
    );
    if (!ready.length)
      return fail(
        'ConnectionTimedOut',
        t(
          'Service {0} has externalTrafficPolicy: Local and no ready endpoint on node {1}, so kube-proxy on that node drops the packets and the connection times out. Call the nodePort of a node that runs one of its pods, or use externalTrafficPolicy: Cluster.',
          svcName(svc),
          localNode,
        ),
      );
  } else {
    endpointsHop(ctx, svc, ready, notReady, t('only ready endpoints receive traffic'));
    if (!ready.length)
      return fail(
        'ConnectionRefused',
        t('Service {0} has no ready endpoints, so kube-proxy rejects the connection (connection refused): {1}', svcName(svc), noEndpointReason(svc, notReady)),
      );
  }
  const { endpoint, rule } = choose(ctx, `${svcName(svc)}:${sp.port}`, svc, ready);
  hop(ctx, 'kube-proxy', svcName(svc), rule, t('DNAT to {0}', endpointText(endpoint)));
  if (!endpoint.pod) {
    hop(ctx, 'Pod', endpoint.ip, t('an address written by hand in the Endpoints'), t('answered'));
    return { answer: { pod: endpoint.ip, node: endpoint.node, ip: endpoint.ip, port: endpoint.port } };
  }
  return connectToPod(ctx, endpoint.pod, endpoint.port);
}

export function noSuchPort(ctx: RouteContext, svc: KObject, port: number, via: string): Outcome {
  hop(ctx, 'Service', svcName(svc), t('{0}: port {1}', via, port), t('not one of its ports ({0})', portsText(svc)));
  return fail(
    'ConnectionTimedOut',
    t(
      'Service {0} has no port {1} (its ports: {2}). kube-proxy writes no rule for it, so the connection times out. Call one of spec.ports[].port — not the targetPort.',
      svcName(svc),
      port,
      portsText(svc),
    ),
  );
}
