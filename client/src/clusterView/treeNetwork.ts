// The namespace groups after the workloads: Services → Endpoints, Ingresses → rules → backends →
// endpoints, ConfigMaps and Secrets (values masked unless revealed), other kinds; and Events.
import type { ClusterView, EndpointView, ServiceView } from '../../../server/src/protocol/clusterView';
import { objectId } from '../../../server/src/protocol/clusterProtocol';
import type { TreeNode, TreeOptions } from './treeNode';
import { group } from './treeNode';
import { GREEN, GREY, RED, Translate, YELLOW } from './statusLook';

const MASK = '••••••';
const MAX_EVENTS = 100;

function endpointNode(e: EndpointView, parentId: string, namespace: string, t: Translate): TreeNode {
  return {
    id: `${parentId}>${e.address}`,
    label: e.pod ?? e.address,
    // An address without a pod (the API server's) is its own label; the description keeps the state.
    description: e.pod ? (e.ready ? e.address : t('{0} · not ready', e.address)) : e.ready ? '' : t('not ready'),
    tooltip: [
      e.ready ? t('Ready endpoint: the Service sends traffic here.') : t('Not ready: the pod matches the selector but is not ready, so it gets no traffic.'),
      e.address,
      ...(e.pod ? [t('Pod: {0}', e.pod)] : []),
      ...(e.node ? [t('Node: {0}', e.node)] : []),
    ].join('\n'),
    contextValue: 'endpoint',
    look: { icon: e.ready ? 'circle-filled' : 'circle-outline', color: e.ready ? GREEN : YELLOW },
    ref: e.pod ? { kind: 'Pod', namespace, name: e.pod } : undefined,
  };
}

function servicePorts(s: ServiceView): string {
  return s.ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

function serviceNode(s: ServiceView, t: Translate): TreeNode {
  const ref = { kind: 'Service', namespace: s.namespace, name: s.name };
  const id = objectId(ref);
  const ready = s.endpoints.filter((e) => e.ready).length;
  const children = s.endpoints.map((e) => endpointNode(e, id, s.namespace, t));
  const selector = s.selector
    ? Object.entries(s.selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
    : null;
  if (!children.length && s.type !== 'ExternalName') {
    children.push({
      id: `${id}>none`,
      label: t('No endpoints'),
      description: selector ? t('no pod matches {0}', selector) : t('no selector'),
      tooltip: selector
        ? t('No running pod in this namespace has the labels {0}, so calls to this Service fail. Compare the selector with the pod template labels.', selector)
        : t('This Service has no selector: its endpoints are managed by hand.'),
      contextValue: 'info',
      look: { icon: 'warning', color: YELLOW },
    });
  }
  const tooltip = [
    `Service ${s.namespace}/${s.name}`,
    t('Type: {0}  Cluster IP: {1}', s.type, s.clusterIP ?? '<none>'),
    t('Ports: {0}', servicePorts(s) || '<none>'),
    t('Selector: {0}', selector ?? '<none>'),
    t('In the cluster, other pods call it as http://{0}:{1} (same namespace) or {0}.{2}.svc.cluster.local.', s.name, s.ports[0]?.port ?? '<port>', s.namespace),
  ].join('\n');
  return {
    id,
    label: s.name,
    description: t('{0} · {1}/{2} ready', s.type, ready, s.endpoints.length),
    tooltip,
    contextValue: 'service',
    look: { icon: 'plug', color: s.type === 'ExternalName' || !selector ? undefined : ready ? GREEN : YELLOW },
    ref,
    source: s.source,
    children,
    expanded: true,
  };
}

export function serviceGroup(nsId: string, ns: string, view: ClusterView, t: Translate): TreeNode | undefined {
  const items = view.services.filter((s) => s.namespace === ns).map((s) => serviceNode(s, t));
  return items.length ? group(`${nsId}>Service`, t('Services'), items, 'folder', true) : undefined;
}

/** The endpoints a backend has, or why it has none. */
export function endpointCount(problem: string | null, endpoints: string[], t: Translate): string {
  return problem ?? (endpoints.length === 1 ? t('1 endpoint') : t('{0} endpoints', endpoints.length));
}

/** A rule's backend Service (Ingress and HTTPRoute rules) and the ready endpoints behind it. */
export function backendNode(
  node: Pick<TreeNode, 'id' | 'label' | 'contextValue' | 'ref'> & { description?: string },
  problem: string | null,
  endpoints: string[],
  t: Translate,
): TreeNode {
  return {
    ...node,
    description: node.description ?? endpointCount(problem, endpoints, t),
    tooltip: problem ? t('Requests for this rule fail: {0}', problem) : t('Requests for this rule go to these endpoints.'),
    look: { icon: 'arrow-right', color: problem ? RED : GREEN },
    children: endpoints.map((address) => ({
      id: `${node.id}>${address}`,
      label: address,
      contextValue: 'endpoint',
      look: { icon: 'circle-filled', color: GREEN },
    })),
    expanded: true,
  };
}

export function ingressGroup(nsId: string, ns: string, view: ClusterView, t: Translate): TreeNode | undefined {
  const items = view.ingresses
    .filter((i) => i.namespace === ns)
    .map((ing): TreeNode => {
      const ref = { kind: 'Ingress', namespace: ns, name: ing.name };
      const id = objectId(ref);
      const rules = ing.routes.map((r, i): TreeNode => {
        const ruleId = `${id}>rule${i}`;
        const backendRef = r.service ? { kind: 'Service', namespace: ns, name: r.service } : undefined;
        const backend = backendNode(
          { id: `${ruleId}>backend`, label: r.service ? `${r.service}:${r.port ?? ''}` : t('no backend'), contextValue: 'ingressBackend', ref: backendRef },
          r.problem,
          r.endpoints,
          t,
        );
        return {
          id: ruleId,
          label: `${r.host === '*' ? '*' : r.host}${r.path === '(default)' ? '' : r.path}`,
          description: r.path === '(default)' ? t('default backend') : r.pathType,
          contextValue: 'ingressRule',
          look: { icon: 'link', color: r.problem ? RED : undefined },
          children: [backend],
          expanded: true,
        };
      });
      const broken = ing.routes.some((r) => r.problem);
      return {
        id,
        label: ing.name,
        description: [ing.className ? t('class {0}', ing.className) : t('no class'), rules.length === 1 ? t('1 rule') : t('{0} rules', rules.length)].join(
          ' · ',
        ),
        tooltip: t(
          'Ingress {0}: routes HTTP requests by host and path to Services. The simulated cluster has no ingress controller, so ADDRESS stays empty.',
          ing.name,
        ),
        contextValue: 'ingress',
        look: { icon: 'globe', color: broken ? RED : GREEN },
        ref,
        source: ing.source,
        children: rules,
        expanded: true,
      };
    });
  return items.length ? group(`${nsId}>Ingress`, t('Ingresses'), items, 'folder', true) : undefined;
}

export function configGroups(nsId: string, ns: string, view: ClusterView, opts: TreeOptions, t: Translate): TreeNode[] {
  const out: TreeNode[] = [];
  for (const kind of ['ConfigMap', 'Secret'] as const) {
    const items = view.configs
      .filter((c) => c.kind === kind && c.namespace === ns)
      .map((c): TreeNode => {
        const ref = { kind, namespace: ns, name: c.name };
        const id = objectId(ref);
        const revealed = kind === 'Secret' ? opts.revealedSecrets.get(id) : undefined;
        const children = c.keys.map(
          (k): TreeNode => ({
            id: `${id}>${k}`,
            label: k,
            description: kind === 'ConfigMap' ? (c.values?.[k] ?? '') : revealed ? (revealed[k] ?? '') : MASK,
            tooltip:
              kind === 'Secret' && !revealed
                ? t('Secret values are hidden. Use "Reveal Secret values" on the Secret to show them (base64 is an encoding, not encryption).')
                : undefined,
            contextValue: kind === 'ConfigMap' ? 'configKey' : 'secretKey',
            look: { icon: kind === 'ConfigMap' ? 'symbol-key' : 'key' },
          }),
        );
        const keys = c.keys.length === 1 ? t('1 key') : t('{0} keys', c.keys.length);
        const used = c.usedBy.length ? t('used by {0}', c.usedBy.length) : t('not used');
        return {
          id,
          label: c.name,
          description: [c.type && c.type !== 'Opaque' ? c.type : null, keys, used, revealed ? t('revealed') : null].filter(Boolean).join(' · '),
          tooltip: [`${kind} ${ns}/${c.name}`, c.usedBy.length ? t('Read by pods: {0}', c.usedBy.join(', ')) : t('No pod reads it.')].join('\n'),
          contextValue: kind === 'ConfigMap' ? 'configmap' : 'secret',
          look: { icon: kind === 'ConfigMap' ? 'settings' : 'lock', color: c.usedBy.length ? undefined : GREY },
          ref,
          source: c.source,
          children,
        };
      });
    if (items.length) out.push(group(`${nsId}>${kind}`, kind === 'ConfigMap' ? t('ConfigMaps') : t('Secrets'), items, 'folder'));
  }
  return out;
}

export function otherGroups(nsId: string, ns: string, view: ClusterView, t: Translate): TreeNode[] {
  const kinds = [...new Set(view.others.filter((o) => o.namespace === ns).map((o) => o.kind))];
  return kinds.map((kind) => {
    const items = view.others
      .filter((o) => o.namespace === ns && o.kind === kind)
      .map((o): TreeNode => {
        const ref = { kind, namespace: ns, name: o.name };
        return {
          id: objectId(ref),
          label: o.name,
          description: o.state ?? '',
          contextValue: kind.toLowerCase(),
          look: { icon: 'symbol-misc', color: o.state === 'Pending' ? YELLOW : undefined },
          ref,
          source: o.source,
        };
      });
    return group(`${nsId}>${kind}`, t('{0} objects', kind), items, 'folder');
  });
}

export function eventsRoot(view: ClusterView, namespaces: string[], t: Translate): TreeNode {
  const shown = new Set(namespaces);
  const events = view.events
    .filter((e) => e.namespace === null || shown.has(e.namespace))
    .slice(-MAX_EVENTS)
    .reverse();
  const items = events.map((e, i): TreeNode => {
    const warning = e.type === 'Warning';
    return {
      id: `Event/${e.namespace ?? ''}/${events.length - i}:${e.object}:${e.reason}`,
      label: e.reason,
      description: `${e.object}${e.namespace && e.namespace !== 'default' ? ` (${e.namespace})` : ''}: ${e.message}${e.count && e.count > 1 ? ` (x${e.count})` : ''}`,
      tooltip: `${e.type} ${e.reason} — ${e.object}\n${e.message}`,
      contextValue: 'event',
      look: { icon: warning ? 'warning' : 'info', color: warning ? YELLOW : undefined },
    };
  });
  const warnings = events.filter((e) => e.type === 'Warning').length;
  const root = {
    id: 'group/Events',
    label: t('Events'),
    description: warnings ? t('{0} · {1} warnings', events.length, warnings) : String(events.length),
    contextValue: 'group',
    look: { icon: 'bell', color: warnings ? YELLOW : undefined },
    children: items,
  };
  return root;
}
