// `kubemate request <target>`: follow a request through the simulated cluster — DNS, Service,
// kube-proxy, NodePort, Ingress, pod — naming every hop and its rule, or the exact reason it
// stops. Pure and deterministic: nothing in the cluster changes, and the random choices kube-proxy
// makes are drawn from a generator seeded by the request, so the same request in the same
// cluster always gives the same trace. `count` requests show how they spread over the pods.
import type { ImageBehaviour } from '../runtime/simulationProfile';
import type { Store } from '../store';
import type { KObject, Pod } from '../types';
import type { ServicePort } from '../controllers/service';
import type { RequestTrace } from '../../protocol/requestTrace';
import { isIPv4, parseRequestTarget, RequestTarget } from './requestTarget';
import { resolveName } from './clusterDns';
import { connectToPod } from './podAnswer';
import { routeThroughIngress } from './ingressRoute';
import { gatewayByAddress, gatewayForHost, GatewayRequest, routeThroughGateway } from './gatewayRoute';
import { findServicePort, noSuchPort, routeThroughService, svcName } from './serviceRoute';
import { serviceEndpoints } from './serviceEndpoints';
import { pickIndex, seededRandom, seedOf } from './seededPick';
import { fail, hop, Outcome, originNamespace, podKey, RequestOrigin, RouteContext } from './routeContext';
import { t } from '../../util/l10n';

export type { RequestOrigin } from './routeContext';

export const MAX_REQUEST_COUNT = 10000;

function nodeIP(n: KObject): string | undefined {
  return (n.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address;
}

function clientHop(ctx: RouteContext, url: string): void {
  const o = ctx.origin;
  if (o.kind === 'pod')
    hop(
      ctx,
      'Client',
      podKey(o.pod),
      t('from pod {0} on {1} ({2})', o.pod.metadata.name, o.pod.spec.nodeName ?? '-', o.pod.status?.podIP ?? '-'),
      t('sends {0}', url),
    );
  else if (o.kind === 'client')
    hop(ctx, 'Client', t('namespace {0}', o.namespace), t('from a temporary pod in namespace {0} (as kubectl run -it --rm)', o.namespace), t('sends {0}', url));
  else hop(ctx, 'Client', t('outside'), t('from outside the cluster (your machine)'), t('sends {0}', url));
}

function nodePortRoute(ctx: RouteContext, node: KObject, port: number): Outcome {
  const name = node.metadata.name;
  const svc = ctx.store
    .list('Service')
    .find((s) => ((s.spec?.ports ?? []) as ServicePort[]).some((p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP'));
  if (!svc) {
    hop(ctx, 'Node', name, t('port {0} on the node', port), t('no Service has nodePort {0} → connection refused', port));
    return fail(
      'ConnectionRefused',
      t(
        'No Service has nodePort {0}, so nothing listens on {1}:{0} and the node refuses the connection. `kubemate get services` lists the nodePorts (80:3xxxx/TCP).',
        port,
        nodeIP(node) ?? name,
      ),
    );
  }
  const sp = ((svc.spec.ports ?? []) as ServicePort[]).find((p) => p.nodePort === port)!;
  hop(ctx, 'Node', name, t('nodePort {0} opens on every node (type {1})', port, svc.spec.type), svcName(svc));
  const local = ctx.origin.kind === 'outside' && svc.spec?.externalTrafficPolicy === 'Local' ? name : undefined;
  return routeThroughService(ctx, svc, sp, t('nodePort {0}', port), local);
}

function gatewayRequest(ctx: RouteContext, target: RequestTarget): GatewayRequest {
  return {
    host: (ctx.headers?.host ?? target.host).toLowerCase(),
    port: target.port,
    path: target.path,
    method: (ctx.method ?? 'GET').toUpperCase(),
    headers: ctx.headers ?? {},
  };
}

function ipRoute(ctx: RouteContext, target: RequestTarget): Outcome {
  const ip = target.host;
  const gw = gatewayByAddress(ctx, ip);
  if (gw) return routeThroughGateway(ctx, gw, gatewayRequest(ctx, target));
  const node = ctx.store.list('Node').find((n) => nodeIP(n) === ip);
  if (node) return nodePortRoute(ctx, node, target.port);
  const outside = ctx.origin.kind === 'outside';
  const svc = ctx.store.list('Service').find((s) => s.spec?.clusterIP === ip);
  if (svc) {
    if (outside) {
      hop(ctx, 'Service', svcName(svc), t('ClusterIP {0}', ip), t('not reachable from outside the cluster'));
      return fail(
        'ConnectionTimedOut',
        t(
          '{0} is the ClusterIP of Service {1}: a virtual address that exists only inside the cluster, so from outside the connection times out. Use a NodePort (<node-ip>:<nodePort>) or an Ingress.',
          ip,
          svcName(svc),
        ),
      );
    }
    const sp = findServicePort(svc, target.port);
    return sp ? routeThroughService(ctx, svc, sp, t('ClusterIP {0}', ip)) : noSuchPort(ctx, svc, target.port, t('ClusterIP {0}', ip));
  }
  const pod = ctx.store.list<Pod>('Pod').find((p) => p.status?.podIP === ip && !p.spec.hostNetwork);
  if (pod) {
    if (outside) {
      hop(ctx, 'Pod', podKey(pod), t('pod IP {0}', ip), t('not reachable from outside the cluster'));
      return fail(
        'ConnectionTimedOut',
        t('{0} is the IP of pod {1}, in the pod network that exists only inside the cluster; from outside the connection times out.', ip, podKey(pod)),
      );
    }
    return connectToPod(ctx, pod, target.port);
  }
  hop(ctx, 'Client', ip, t('no node, Service or pod has this IP'), t('no route'));
  return fail(
    'ConnectionTimedOut',
    t(
      'Nothing in the simulated cluster has the IP {0}, so the connection times out. `kubemate get nodes -o wide`, `get services` and `get pods -o wide` list the IPs.',
      ip,
    ),
  );
}

function nameRoute(ctx: RouteContext, target: RequestTarget, depth = 0): Outcome {
  if (ctx.origin.kind === 'outside') {
    const gw = gatewayForHost(ctx, target.host);
    return gw ? routeThroughGateway(ctx, gw, gatewayRequest(ctx, target)) : routeThroughIngress(ctx, target.host, target.path);
  }
  const ns = originNamespace(ctx.origin);
  const answer = resolveName(ctx.store, target.host, ns);
  if (answer.kind === 'nxdomain') {
    const isIngressHost = ctx.store.list('Ingress').some((i) => (i.spec?.rules ?? []).some((r: { host?: string }) => r.host === target.host));
    hop(ctx, 'DNS', target.host, t('searched {0}', answer.tried.join(', ')), 'NXDOMAIN');
    const hint = isIngressHost
      ? t(' {0} is an Ingress host: send the request with --from-outside to go through the ingress controller.', target.host)
      : target.host.includes('.')
        ? ''
        : t(" A short name resolves only in the client's own namespace ({0}); for another namespace write <service>.<namespace>.", ns);
    return fail('NXDOMAIN', t('Could not resolve host {0}: no Service of that name (NXDOMAIN).{1}', target.host, hint));
  }
  const svc = answer.svc;
  const how = answer.searched ? t('search domain {0} of namespace {1}', answer.searched, ns) : t('a fully qualified name');
  if (svc.spec?.type === 'ExternalName') {
    const cname = String(svc.spec.externalName ?? '');
    hop(ctx, 'DNS', answer.fqdn, how, t('CNAME {0} (ExternalName)', cname));
    if (depth === 0 && cname.endsWith('.svc.cluster.local')) return nameRoute(ctx, { ...target, host: cname }, 1);
    return fail(
      'ExternalName',
      t(
        'Service {0} is of type ExternalName: DNS answers with the CNAME {1}, a name outside the simulated cluster; the request leaves the cluster there and is not followed further.',
        svcName(svc),
        cname,
      ),
    );
  }
  if (svc.spec?.clusterIP === 'None') {
    const sp = ((svc.spec?.ports ?? []) as ServicePort[])[0] ?? { port: target.port };
    const { ready } = serviceEndpoints(ctx.store, svc, sp as ServicePort);
    const pods = ready.filter((e) => e.pod);
    hop(
      ctx,
      'DNS',
      answer.fqdn,
      t('{0}; headless Service (clusterIP: None): one A record per ready pod', how),
      pods.length ? pods.map((e) => e.ip).join(', ') : 'NXDOMAIN',
    );
    if (!pods.length) return fail('NXDOMAIN', t('Headless Service {0} has no ready pod, so its name has no A record (NXDOMAIN).', svcName(svc)));
    const e = pods[pickIndex(pods.length, ctx.random)];
    hop(
      ctx,
      'Client',
      e.ip,
      t('the client takes one of the {0} addresses; no kube-proxy in between', pods.length),
      t('connects to {0}:{1}', e.ip, target.port),
    );
    return connectToPod(ctx, e.pod!, target.port);
  }
  hop(ctx, 'DNS', answer.fqdn, how, t('ClusterIP {0}', svc.spec?.clusterIP ?? '-'));
  const sp = findServicePort(svc, target.port);
  const via = t('ClusterIP {0}', svc.spec?.clusterIP ?? '-');
  return sp ? routeThroughService(ctx, svc, sp, via) : noSuchPort(ctx, svc, target.port, via);
}

export interface TraceInput {
  target: string;
  origin: RequestOrigin;
  count?: number;
  /** What each image listens on (Simulator.simulationProfile()); default: the declared containerPorts. */
  profile?: readonly ImageBehaviour[];
  /** HTTP method (default GET) and headers, for HTTPRoute method and header matches. */
  method?: string;
  headers?: Record<string, string>;
}

/** The trace, or a localised problem with the input (a target that cannot be parsed). */
export function traceRequest(store: Store, input: TraceInput): RequestTrace | { problem: string } {
  const target = parseRequestTarget(input.target);
  if ('problem' in target) return target;
  const count = Math.max(1, Math.min(MAX_REQUEST_COUNT, Math.floor(input.count ?? 1)));
  const url = `${target.scheme}://${target.host}:${target.port}${target.path}`;
  const originKey = input.origin.kind === 'pod' ? podKey(input.origin.pod) : input.origin.kind === 'client' ? `ns:${input.origin.namespace}` : 'outside';
  const ctx: RouteContext = {
    store,
    origin: input.origin,
    hops: [],
    random: seededRandom(seedOf(`${url}|${originKey}`)),
    affinity: new Map(),
    roundRobin: new Map(),
    profile: input.profile,
    method: input.method,
    headers: Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const answered: Record<string, number> = {};
  let failed = 0;
  let first: Outcome | undefined;
  let hops = ctx.hops;
  for (let i = 0; i < count; i++) {
    ctx.hops = [];
    clientHop(ctx, url);
    const outcome = isIPv4(target.host) ? ipRoute(ctx, target) : nameRoute(ctx, target);
    if (i === 0) {
      first = outcome;
      hops = ctx.hops;
    }
    if (outcome.answer) answered[outcome.answer.pod] = (answered[outcome.answer.pod] ?? 0) + 1;
    else failed++;
  }
  const sorted = Object.fromEntries(Object.entries(answered).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    target: input.target,
    hops,
    answeredBy: first?.answer ?? null,
    error: first?.error ?? null,
    distribution: { requests: count, answered: sorted, failed },
  };
}
