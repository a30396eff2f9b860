// The Gateway API groups of a namespace, after the Ingresses: Gateways → listeners (with the
// routes attached to each), HTTPRoutes → their parent Gateways (Accepted or why not) and rules →
// backends → ready endpoints. Colours follow the controller's status: green when programmed /
// accepted with resolved backends, red when a condition is False, yellow while nothing wrote one.
import type { ConditionView, ClusterView, GatewayView, HTTPRouteView } from '../../../server/src/protocol/clusterView';
import { objectId } from '../../../server/src/protocol/clusterProtocol';
import type { TreeNode } from './treeNode';
import { group } from './treeNode';
import { GREEN, RED, Translate, YELLOW } from './statusLook';
import { backendNode, endpointCount } from './treeNetwork';

const colorOf = (c: ConditionView | null): string => (!c ? YELLOW : c.status === 'True' ? GREEN : RED);

function gatewayNode(gw: GatewayView, t: Translate): TreeNode {
  const ref = { kind: 'Gateway', namespace: gw.namespace, name: gw.name };
  const id = objectId(ref);
  const state = !gw.programmed
    ? t('no controller has taken it')
    : gw.programmed.status === 'True'
      ? 'Programmed'
      : t('not programmed: {0}', gw.programmed.reason);
  const listeners = gw.listeners.map(
    (l): TreeNode => ({
      id: `${id}>listener/${l.name}`,
      label: l.name,
      description: [`${l.protocol} :${l.port ?? '?'}`, l.hostname, l.attachedRoutes === null ? null : t('{0} routes attached', l.attachedRoutes)]
        .filter(Boolean)
        .join(' · '),
      tooltip: l.programmed && l.programmed.status !== 'True' ? `${l.programmed.reason}: ${l.programmed.message}` : undefined,
      contextValue: 'gatewayListener',
      look: { icon: 'radio-tower', color: l.programmed ? colorOf(l.programmed) : undefined },
    }),
  );
  return {
    id,
    label: gw.name,
    description: [gw.className ? t('class {0}', gw.className) : t('no class'), gw.address, state].filter(Boolean).join(' · '),
    tooltip: [
      t('Gateway {0}: takes requests on its listeners and hands them to the HTTPRoutes attached to them.', gw.name),
      gw.programmed
        ? `Programmed: ${gw.programmed.status} (${gw.programmed.reason}) ${gw.programmed.message}`
        : t('No gateway controller wrote a status: its class names a controller the simulated cluster does not run.'),
    ].join('\n'),
    contextValue: 'gateway',
    look: { icon: 'globe', color: colorOf(gw.programmed) },
    ref,
    source: gw.source,
    children: listeners,
    expanded: true,
  };
}

function routeNode(r: HTTPRouteView, t: Translate): TreeNode {
  const ref = { kind: 'HTTPRoute', namespace: r.namespace, name: r.name };
  const id = objectId(ref);
  const parents = r.parents.map(
    (p): TreeNode => ({
      id: `${id}>parent/${p.gateway}`,
      label: t('Gateway {0}', p.gateway),
      description: !p.accepted ? t('no status yet') : p.accepted.status === 'True' ? 'Accepted' : `${p.accepted.reason}: ${p.accepted.message}`,
      contextValue: 'routeParent',
      look: { icon: 'arrow-up', color: colorOf(p.accepted) },
      ref: { kind: 'Gateway', namespace: p.gateway.includes('/') ? p.gateway.split('/')[0] : r.namespace, name: p.gateway.split('/').pop() ?? '' },
    }),
  );
  const rules = r.rules.map((rule, i): TreeNode => {
    const ruleId = `${id}>rule${i}`;
    const backends = rule.backends.map((b, j) =>
      backendNode(
        {
          id: `${ruleId}>backend${j}`,
          label: `${b.namespace === r.namespace ? b.service : `${b.namespace}/${b.service}`}:${b.port ?? ''}`,
          description: [b.weight === null ? null : t('weight {0}', b.weight), endpointCount(b.problem, b.endpoints, t)].filter(Boolean).join(' · '),
          contextValue: 'routeBackend',
          ref: { kind: 'Service', namespace: b.namespace, name: b.service },
        },
        b.problem,
        b.endpoints,
        t,
      ),
    );
    return {
      id: ruleId,
      label: rule.matches,
      description: rule.backends.length === 1 ? t('1 backend') : t('{0} backends', rule.backends.length),
      contextValue: 'routeRule',
      look: { icon: 'link', color: rule.backends.some((b) => b.problem) ? RED : undefined },
      children: backends,
      expanded: true,
    };
  });
  const accepted = r.parents.filter((p) => p.accepted?.status === 'True').map((p) => p.gateway);
  const refused = r.parents.some((p) => p.accepted?.status === 'False') || r.resolvedRefs?.status === 'False';
  const waiting = r.parents.some((p) => !p.accepted);
  return {
    id,
    label: r.name,
    description: [r.hostnames.length ? r.hostnames.join(', ') : '*', accepted.length ? t('accepted by {0}', accepted.join(', ')) : t('not accepted')].join(
      ' · ',
    ),
    tooltip: [
      t('HTTPRoute {0}: routes HTTP requests that reach its parent Gateways, by host and path, to Services.', r.name),
      ...(r.resolvedRefs ? [`ResolvedRefs: ${r.resolvedRefs.status} (${r.resolvedRefs.reason}) ${r.resolvedRefs.message}`] : []),
    ].join('\n'),
    contextValue: 'httpRoute',
    look: { icon: 'git-merge', color: refused ? RED : waiting ? YELLOW : GREEN },
    ref,
    source: r.source,
    children: [...parents, ...rules],
    expanded: true,
  };
}

export function gatewayGroups(nsId: string, ns: string, view: ClusterView, t: Translate): TreeNode[] {
  const out: TreeNode[] = [];
  const gateways = (view.gateways ?? []).filter((g) => g.namespace === ns).map((g) => gatewayNode(g, t));
  if (gateways.length) out.push(group(`${nsId}>Gateway`, t('Gateways'), gateways, 'folder', true));
  const routes = (view.httpRoutes ?? []).filter((r) => r.namespace === ns).map((r) => routeNode(r, t));
  if (routes.length) out.push(group(`${nsId}>HTTPRoute`, t('HTTPRoutes'), routes, 'folder', true));
  return out;
}
