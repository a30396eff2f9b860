// Builds the Simulated Cluster tree from a ClusterView (issue 5 §3): Nodes (capacity, allocated
// requests, pods, cordoned), Namespaces → Deployments → ReplicaSets → Pods, StatefulSets,
// DaemonSets, Jobs/CronJobs → Pods, Services → Endpoints, Ingresses → rules → backends →
// endpoints, ConfigMaps and Secrets (masked), other objects, and Events.
// Pure: `t` is the client's t (client/src/l10n.ts) in the extension and an identity formatter in tests.
import type { ClusterView, NodeView, PodView, WorkloadView } from '../../../server/src/protocol/clusterView';
import { objectId } from '../../../server/src/protocol/clusterProtocol';
import type { TreeNode, TreeOptions } from './treeNode';
import { group, linkParents } from './treeNode';
import { GREEN, podDescription, podLook, podTooltip, RED, Translate, workloadLook, YELLOW } from './statusLook';
import { configGroups, eventsRoot, ingressGroup, otherGroups, serviceGroup } from './treeNetwork';
import { gatewayGroups } from './treeGateway';
import { addReasonHelp } from './reasonTooltip';
import { addWhyItems } from './whyItems';

function podNode(p: PodView, t: Translate, idPrefix = ''): TreeNode {
  const ref = { kind: 'Pod', namespace: p.namespace, name: p.name };
  return {
    id: idPrefix + objectId(ref),
    label: p.name,
    description: podDescription(p, t),
    tooltip: podTooltip(p, t),
    contextValue: 'pod',
    look: podLook(p),
    ref,
    source: p.source,
  };
}

function nodeItem(n: NodeView, pods: Map<string, PodView>, t: Translate): TreeNode {
  const ref = { kind: 'Node', namespace: null, name: n.name };
  const id = objectId(ref);
  const ready = n.status.startsWith('Ready');
  const parts = [n.status, n.pods.length === 1 ? t('1 pod') : t('{0} pods', n.pods.length)];
  if (n.cordoned) parts.push(t('cordoned'));
  const capacity = t('cpu {0} · memory {1} · pods {2}', n.allocatable.cpu, n.allocatable.memory, n.allocatable.pods);
  const allocated = t('cpu {0} ({1}%) · memory {2} ({3}%)', n.requested.cpu, n.requested.cpuPercent, n.requested.memory, n.requested.memoryPercent);
  const children: TreeNode[] = [
    {
      id: `${id}>capacity`,
      label: t('Capacity'),
      description: capacity,
      contextValue: 'info',
      look: { icon: 'dashboard' },
      tooltip: t('What the scheduler may place on this node (allocatable).'),
    },
    {
      id: `${id}>allocated`,
      label: t('Allocated requests'),
      description: allocated,
      contextValue: 'info',
      look: { icon: 'graph' },
      tooltip: t('Sum of the resource requests of the pods on this node; a new pod fits only if its requests fit in what is left.'),
    },
  ];
  if (n.taints.length)
    children.push({
      id: `${id}>taints`,
      label: t('Taints'),
      description: n.taints.join(', '),
      contextValue: 'info',
      look: { icon: 'shield' },
      tooltip: t('Pods without a matching toleration are not scheduled here; a NoExecute taint also evicts those already running.'),
    });
  for (const key of n.pods) {
    const p = pods.get(key);
    if (p) children.push(podNode(p, t, `${id}>`));
  }
  const tooltip = [
    n.name,
    t('Roles: {0}', n.roles),
    t('Internal IP: {0}  Pod CIDR: {1}', n.internalIP ?? '<none>', n.podCIDR ?? '<none>'),
    t('Capacity: {0}', capacity),
    t('Allocated requests: {0}', allocated),
    ...(n.cordoned ? ['', t('Cordoned: no new pods are scheduled here; the pods already on it keep running.')] : []),
  ].join('\n');
  return {
    id,
    label: n.name,
    description: parts.join(' · '),
    tooltip,
    contextValue: 'node',
    look: { icon: 'server', color: !ready ? RED : n.cordoned ? YELLOW : GREEN },
    ref,
    children,
  };
}

function workloadNode(w: WorkloadView, view: ClusterView, t: Translate): TreeNode {
  const ref = { kind: w.kind, namespace: w.namespace, name: w.name };
  const id = objectId(ref);
  const owned = (kind: string) => (x: { owner: { kind: string; name: string } | null; namespace: string }) =>
    x.namespace === w.namespace && x.owner?.kind === kind && x.owner.name === w.name;
  let children: TreeNode[];
  if (w.kind === 'Deployment' || w.kind === 'CronJob') {
    const childKind = w.kind === 'Deployment' ? 'ReplicaSet' : 'Job';
    const kids = view.workloads.filter((x) => x.kind === childKind).filter(owned(w.kind));
    // Newest revision first, as `kubectl rollout history` reads bottom-up.
    if (childKind === 'ReplicaSet') kids.sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0));
    children = kids.map((k) => workloadNode(k, view, t));
  } else {
    children = view.pods.filter(owned(w.kind)).map((p) => podNode(p, t));
  }
  const parts = [w.ready];
  if (w.kind === 'ReplicaSet' && w.revision !== null) parts.push(t('revision {0}', w.revision));
  if (w.state && w.kind !== 'Deployment') parts.push(w.state);
  // `rollout status` also waits when pods are merely not ready; only an update in progress is "rolling out".
  if (w.kind === 'Deployment' && w.state?.startsWith('error:')) parts.push(t('rollout failed'));
  else if (w.kind === 'Deployment' && /new replicas have been updated|old replicas are pending termination/.test(w.state ?? '')) parts.push(t('rolling out'));
  const tooltip = [
    `${w.kind} ${w.namespace}/${w.name}`,
    t('Ready: {0}', w.ready),
    ...(w.images.length ? [t('Images: {0}', w.images.join(', '))] : []),
    ...(w.state ? ['', w.state] : []),
  ].join('\n');
  return {
    id,
    label: w.name,
    description: parts.join(' · '),
    tooltip,
    contextValue: w.kind.toLowerCase(),
    look: workloadLook(w),
    ref,
    source: w.source,
    children,
    expanded: w.kind === 'Deployment' || (w.kind === 'ReplicaSet' && w.desired > 0) || w.kind === 'StatefulSet' || w.kind === 'DaemonSet',
  };
}

const GROUPS: { kind: WorkloadView['kind']; label: (t: Translate) => string }[] = [
  { kind: 'Deployment', label: (t) => t('Deployments') },
  { kind: 'StatefulSet', label: (t) => t('StatefulSets') },
  { kind: 'DaemonSet', label: (t) => t('DaemonSets') },
  { kind: 'CronJob', label: (t) => t('CronJobs') },
  { kind: 'Job', label: (t) => t('Jobs') },
  { kind: 'ReplicaSet', label: (t) => t('ReplicaSets') },
  { kind: 'ReplicationController', label: (t) => t('ReplicationControllers') },
];

function namespaceNode(ns: string, view: ClusterView, opts: TreeOptions, t: Translate): TreeNode {
  const id = objectId({ kind: 'Namespace', namespace: null, name: ns });
  const children: TreeNode[] = [];
  for (const g of GROUPS) {
    // ReplicaSets / Jobs that a Deployment / CronJob owns are shown under it.
    const items = view.workloads.filter((w) => w.kind === g.kind && w.namespace === ns && !(w.owner && ['Deployment', 'CronJob'].includes(w.owner.kind)));
    if (items.length)
      children.push(
        group(
          `${id}>${g.kind}`,
          g.label(t),
          items.map((w) => workloadNode(w, view, t)),
          'folder',
          g.kind === 'Deployment',
        ),
      );
  }
  const bare = view.pods.filter((p) => p.namespace === ns && !p.owner);
  if (bare.length)
    children.push(
      group(
        `${id}>Pod`,
        t('Pods'),
        bare.map((p) => podNode(p, t)),
        'folder',
        true,
      ),
    );
  const svc = serviceGroup(id, ns, view, t);
  if (svc) children.push(svc);
  const ing = ingressGroup(id, ns, view, t);
  if (ing) children.push(ing);
  children.push(...gatewayGroups(id, ns, view, t));
  children.push(...configGroups(id, ns, view, opts, t), ...otherGroups(id, ns, view, t));
  const pods = view.pods.filter((p) => p.namespace === ns);
  const notRunning = pods.filter((p) => p.status !== 'Running' && p.status !== 'Completed').length;
  const description = notRunning ? t('{0} pods · {1} not running', pods.length, notRunning) : pods.length === 1 ? t('1 pod') : t('{0} pods', pods.length);
  return {
    id,
    label: ns,
    description,
    contextValue: 'namespace',
    look: { icon: 'symbol-namespace', color: notRunning ? YELLOW : undefined },
    ref: { kind: 'Namespace', namespace: null, name: ns },
    children,
    expanded: ns === 'default',
  };
}

export function buildTree(view: ClusterView, opts: TreeOptions, t: Translate): TreeNode[] {
  const pods = new Map(view.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const visible = view.namespaces.filter((n) => opts.showSystemNamespaces || !n.system);
  const roots: TreeNode[] = [
    group(
      'group/Nodes',
      t('Nodes'),
      view.nodes.map((n) => nodeItem(n, pods, t)),
      'server-environment',
    ),
    group(
      'group/Namespaces',
      t('Namespaces'),
      visible.map((n) => namespaceNode(n.name, view, opts, t)),
      'symbol-namespace',
      true,
    ),
    eventsRoot(
      view,
      visible.map((n) => n.name),
      t,
    ),
  ];
  addReasonHelp(roots, view, opts.lang ?? 'en');
  addWhyItems(roots, view, opts.lang ?? 'en', t);
  return linkParents(roots);
}

/** The status bar text: `4 pods · 1 pending` over the user namespaces. */
export function podCounts(view: ClusterView): { pods: number; pending: number; failing: number } {
  const system = new Set(view.namespaces.filter((n) => n.system).map((n) => n.name));
  const pods = view.pods.filter((p) => !system.has(p.namespace) && p.phase !== 'Succeeded' && p.phase !== 'Failed');
  return {
    pods: pods.length,
    pending: pods.filter((p) => p.phase === 'Pending').length,
    failing: pods.filter((p) => podLook(p).color === RED).length,
  };
}
