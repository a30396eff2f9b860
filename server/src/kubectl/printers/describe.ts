// `kubectl describe` text for the kinds a learner looks at most (Pod, Deployment, ReplicaSet,
// Service, Node) and a generic form for the rest. Layout: kubectl's describe tabwriter
// (padding 2) per block of consecutive "Key:\tvalue" lines.
// upstream: kubectl pkg/describe/describe.go.
import type { Store } from '../../cluster/store';
import type { KObject, Pod } from '../../cluster/types';
import type { KEvent } from '../../cluster/events';
import { formatLabelSelector } from '../../k8s/labels';
import { podColumns } from '../../cluster/podStatus';
import { serviceExternalIP } from '../../cluster/snapshot';
import { formatTable } from './table';
import { age } from './age';
import { formatEndpoints } from './getTables';

type Line = [indent: number, key: string, value?: string];

function render(lines: Line[]): string {
  const out: string[] = [];
  let block: Line[] = [];
  const flush = () => {
    if (!block.length) return;
    const width = Math.max(...block.map(([i, k]) => i + k.length + 1)) + 2;
    for (const [i, k, v] of block) out.push(`${' '.repeat(i)}${k}:`.padEnd(width) + (v ?? ''));
    block = [];
  };
  for (const l of lines) {
    if (l[2] === undefined) {
      flush();
      out.push(`${' '.repeat(l[0])}${l[1]}`);
    } else block.push(l);
  }
  flush();
  return out.join('\n');
}

function date(ts: string | undefined): string {
  if (!ts) return '<unknown>';
  const d = new Date(ts);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

function mapLines(indent: number, key: string, m: Record<string, string> | undefined): Line[] {
  const entries = Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (!entries.length) return [[indent, key, '<none>']];
  return entries.map(([k, v], i) => [indent, i === 0 ? key : '', `${k}=${v}`] as Line).map((l, i) => (i === 0 ? l : ([indent, ' '.repeat(0), l[2]] as Line)));
}

function annotationLines(o: KObject): Line[] {
  const a = { ...(o.metadata.annotations ?? {}) };
  delete a['kubectl.kubernetes.io/last-applied-configuration'];
  const entries = Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1));
  if (!entries.length) return [[0, 'Annotations', '<none>']];
  return entries.map(([k, v], i) => [0, i === 0 ? 'Annotations' : '', `${k}: ${v}`] as Line);
}

function header(o: KObject): Line[] {
  const lines: Line[] = [[0, 'Name', o.metadata.name]];
  if (o.metadata.namespace) lines.push([0, 'Namespace', o.metadata.namespace]);
  return lines;
}

export function eventsBlock(store: Store, o: KObject): string {
  const events = store
    .list<KEvent>('Event', o.metadata.namespace ?? 'default')
    .filter((e) => e.involvedObject.uid === o.metadata.uid)
    // kubectl sorts by last occurrence.
    .sort((a, b) => (a.lastTimestamp < b.lastTimestamp ? -1 : a.lastTimestamp > b.lastTimestamp ? 1 : Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion)));
  if (!events.length) return 'Events:  <none>';
  const now = store.now();
  const rows = [
    ['Type', 'Reason', 'Age', 'From', 'Message'],
    ['----', '------', '----', '----', '-------'],
    ...events.map((e) => [e.type, e.reason, e.count > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${age(e.firstTimestamp, now)})` : age(e.firstTimestamp, now), e.source.component, e.message]),
  ];
  return 'Events:\n' + formatTable(rows, 2, 0).split('\n').map((l) => '  ' + l).join('\n');
}

function containerLines(indent: number, containers: Pod['spec']['containers'], statuses?: Pod['status']['containerStatuses']): Line[] {
  const lines: Line[] = [[indent, 'Containers:']];
  for (const c of containers ?? []) {
    lines.push([indent + 1, `${c.name}:`]);
    lines.push([indent + 2, 'Image', c.image ?? '']);
    const ports = c.ports ?? [];
    lines.push([indent + 2, ports.length > 1 ? 'Ports' : 'Port', ports.length ? ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>']);
    lines.push([indent + 2, ports.length > 1 ? 'Host Ports' : 'Host Port', ports.length ? ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>']);
    const st = statuses?.find((s) => s.name === c.name);
    if (st) {
      const state = st.state.running ? 'Running' : st.state.waiting ? 'Waiting' : 'Terminated';
      lines.push([indent + 2, 'State', state]);
      if (st.state.running) lines.push([indent + 3, 'Started', date(st.state.running.startedAt)]);
      if (st.state.waiting?.reason) lines.push([indent + 3, 'Reason', st.state.waiting.reason]);
      if (st.state.terminated) lines.push([indent + 3, 'Reason', st.state.terminated.reason ?? ''], [indent + 3, 'Exit Code', String(st.state.terminated.exitCode)]);
      lines.push([indent + 2, 'Ready', st.ready ? 'True' : 'False'], [indent + 2, 'Restart Count', String(st.restartCount)]);
    }
    if (c.readinessProbe) lines.push([indent + 2, 'Readiness', `delay=${c.readinessProbe.initialDelaySeconds ?? 0}s period=${c.readinessProbe.periodSeconds ?? 10}s #success=${c.readinessProbe.successThreshold ?? 1} #failure=${c.readinessProbe.failureThreshold ?? 3}`]);
    const env = [...(c.env ?? []).map((e) => `${e.name}:  ${e.value ?? (e.valueFrom?.configMapKeyRef ? `<set to the key '${e.valueFrom.configMapKeyRef.key}' of config map '${e.valueFrom.configMapKeyRef.name}'>` : e.valueFrom?.secretKeyRef ? `<set to the key '${e.valueFrom.secretKeyRef.key}' in secret '${e.valueFrom.secretKeyRef.name}'>` : '')}`)];
    if (env.length) {
      lines.push([indent + 2, 'Environment:']);
      for (const e of env) lines.push([indent + 3, e]);
    } else lines.push([indent + 2, 'Environment', '<none>']);
    const mounts = (c.volumeMounts ?? []).map((m) => `${m.mountPath} from ${m.name}`);
    if (mounts.length) {
      lines.push([indent + 2, 'Mounts:']);
      for (const m of mounts) lines.push([indent + 3, m]);
    } else lines.push([indent + 2, 'Mounts', '<none>']);
  }
  return lines;
}

function describePod(store: Store, p: Pod): string {
  const cols = podColumns(p);
  const owner = p.metadata.ownerReferences?.find((r) => r.controller);
  const lines: Line[] = [
    ...header(p),
    [0, 'Priority', String(p.spec.priority ?? 0)],
    ...(p.spec.priorityClassName ? [[0, 'Priority Class Name', String(p.spec.priorityClassName)] as Line] : []),
    [0, 'Service Account', String(p.spec.serviceAccountName ?? 'default')],
    [0, 'Node', p.spec.nodeName ? `${p.spec.nodeName}/${p.status?.hostIP ?? ''}` : '<none>'],
    [0, 'Start Time', p.status?.startTime ? date(p.status.startTime) : '<none>'],
    ...mapLines(0, 'Labels', p.metadata.labels),
    ...annotationLines(p),
    [0, 'Status', p.metadata.deletionTimestamp ? 'Terminating' : p.status?.phase ?? 'Pending'],
  ];
  if (cols.reason && cols.status !== 'Running' && p.status?.phase === 'Pending' && cols.reason !== 'Unschedulable') lines.push([0, 'Reason', cols.reason]);
  lines.push([0, 'IP', p.status?.podIP ?? '']);
  lines.push([0, 'IPs', p.status?.podIP ? '' : '<none>']);
  if (p.status?.podIP) lines.push([2, 'IP', p.status.podIP]);
  lines.push([0, 'Controlled By', owner ? `${owner.kind}/${owner.name}` : '<none>']);
  lines.push(...containerLines(0, p.spec.containers, p.status?.containerStatuses));
  lines.push([0, 'Conditions:'], [2, 'Type              Status']);
  for (const c of p.status?.conditions ?? []) lines.push([2, `${c.type.padEnd(26)}${c.status}`]);
  lines.push([0, 'QoS Class', p.status?.qosClass ?? 'BestEffort']);
  lines.push(...mapLines(0, 'Node-Selectors', p.spec.nodeSelector));
  const tol = (p.spec.tolerations ?? []).map((t) => `${t.key ?? ''}${t.operator === 'Exists' ? '' : `=${t.value ?? ''}`}${t.effect ? `:${t.effect}` : ''}${t.operator === 'Exists' && !t.key ? ' op=Exists' : ' op=' + (t.operator ?? 'Equal')}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`);
  if (tol.length) tol.forEach((x, i) => lines.push([0, i === 0 ? 'Tolerations' : '', x]));
  else lines.push([0, 'Tolerations', '<none>']);
  return render(lines) + '\n' + eventsBlock(store, p);
}

function describeWorkload(store: Store, o: KObject): string {
  const s = o.status ?? {};
  const lines: Line[] = [...header(o), [0, 'CreationTimestamp', date(o.metadata.creationTimestamp)], ...mapLines(0, 'Labels', o.metadata.labels), ...annotationLines(o), [0, 'Selector', formatLabelSelector(o.spec?.selector)]];
  if (o.kind === 'Deployment') {
    lines.push([0, 'Replicas', `${o.spec.replicas} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`]);
    lines.push([0, 'StrategyType', o.spec.strategy?.type ?? 'RollingUpdate'], [0, 'MinReadySeconds', String(o.spec.minReadySeconds ?? 0)]);
    const ru = o.spec.strategy?.rollingUpdate;
    if (ru) lines.push([0, 'RollingUpdateStrategy', `${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge`]);
  } else {
    const owner = o.metadata.ownerReferences?.find((r) => r.controller);
    if (owner) lines.push([0, 'Controlled By', `${owner.kind}/${owner.name}`]);
    lines.push([0, 'Replicas', `${s.replicas ?? 0} current / ${o.spec?.replicas ?? 1} desired`]);
    lines.push([0, 'Pods Status', `${s.readyReplicas ?? 0} Running / 0 Waiting / 0 Succeeded / 0 Failed`]);
  }
  lines.push([0, 'Pod Template:'], ...mapLines(2, 'Labels', o.spec?.template?.metadata?.labels), ...containerLines(2, o.spec?.template?.spec?.containers ?? []));
  if (o.kind === 'Deployment') {
    lines.push([0, 'Conditions:'], [2, 'Type           Status  Reason'], [2, '----           ------  ------']);
    for (const c of s.conditions ?? []) lines.push([2, `${String(c.type).padEnd(15)}${String(c.status).padEnd(8)}${c.reason}`]);
    const rss = store.ownedBy(o.metadata.uid ?? '', 'ReplicaSet');
    const fmt = (r: KObject) => `${r.metadata.name} (${r.status?.replicas ?? 0}/${r.spec?.replicas ?? 0} replicas created)`;
    const newRS = rss.find((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === o.metadata.annotations?.['deployment.kubernetes.io/revision']);
    const old = rss.filter((r) => r !== newRS && (r.spec?.replicas ?? 0) > 0);
    lines.push([0, 'OldReplicaSets', old.length ? old.map(fmt).join(', ') : '<none>'], [0, 'NewReplicaSet', newRS ? fmt(newRS) : '<none>']);
  }
  return render(lines) + '\n' + eventsBlock(store, o);
}

function describeService(store: Store, svc: KObject): string {
  const spec = svc.spec ?? {};
  const lines: Line[] = [...header(svc), ...mapLines(0, 'Labels', svc.metadata.labels), ...annotationLines(svc), [0, 'Selector', spec.selector ? Object.entries(spec.selector).map(([k, v]) => `${k}=${v}`).join(',') : '<none>'], [0, 'Type', spec.type ?? 'ClusterIP']];
  if (spec.type !== 'ExternalName') lines.push([0, 'IP Family Policy', spec.ipFamilyPolicy ?? 'SingleStack'], [0, 'IP Families', (spec.ipFamilies ?? ['IPv4']).join(',')], [0, 'IP', spec.clusterIP ?? ''], [0, 'IPs', (spec.clusterIPs ?? [spec.clusterIP]).join(',')]);
  else lines.push([0, 'External Name', spec.externalName ?? '']);
  const ext = serviceExternalIP(svc);
  if (spec.type === 'LoadBalancer') lines.push([0, 'LoadBalancer Ingress', ext === '<pending>' ? '' : ext ?? '']);
  const ep = store.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
  for (const p of (spec.ports ?? []) as { name?: string; port: number; targetPort?: number | string; nodePort?: number; protocol?: string }[]) {
    lines.push([0, 'Port', `${p.name ?? '<unset>'}  ${p.port}/${p.protocol ?? 'TCP'}`], [0, 'TargetPort', `${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`]);
    if (p.nodePort) lines.push([0, 'NodePort', `${p.name ?? '<unset>'}  ${p.nodePort}/${p.protocol ?? 'TCP'}`]);
    if (spec.selector) lines.push([0, 'Endpoints', ep ? formatEndpointsForPort(ep, p.name) : '']);
  }
  lines.push([0, 'Session Affinity', spec.sessionAffinity ?? 'None']);
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') lines.push([0, 'External Traffic Policy', spec.externalTrafficPolicy ?? 'Cluster']);
  lines.push([0, 'Internal Traffic Policy', spec.internalTrafficPolicy ?? 'Cluster']);
  return render(lines) + '\n' + eventsBlock(store, svc);
}

function formatEndpointsForPort(ep: KObject, portName: string | undefined): string {
  const subsets = ((ep.subsets ?? []) as { addresses?: { ip: string }[]; ports?: { name?: string; port: number }[] }[]).map((s) => ({ ...s, ports: (s.ports ?? []).filter((p) => (p.name ?? '') === (portName ?? '')) }));
  return formatEndpoints({ ...ep, subsets }).replace('<none>', '');
}

function describeNode(store: Store, n: KObject): string {
  const pods = store.list<Pod>('Pod').filter((p) => p.spec.nodeName === n.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const lines: Line[] = [
    ...header(n),
    [0, 'Roles', Object.keys(n.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.split('/')[1]).join(',') || '<none>'],
    ...mapLines(0, 'Labels', n.metadata.labels),
    [0, 'CreationTimestamp', date(n.metadata.creationTimestamp)],
    ...((n.spec?.taints ?? []) as { key: string; value?: string; effect: string }[]).map((t, i) => [0, i === 0 ? 'Taints' : '', `${t.key}${t.value ? '=' + t.value : ''}:${t.effect}`] as Line),
  ];
  if (!(n.spec?.taints ?? []).length) lines.push([0, 'Taints', '<none>']);
  lines.push([0, 'Unschedulable', String(!!n.spec?.unschedulable)], [0, 'PodCIDR', n.spec?.podCIDR ?? ''], [0, 'Addresses:']);
  for (const a of (n.status?.addresses ?? []) as { type: string; address: string }[]) lines.push([2, a.type, a.address]);
  lines.push([0, 'Allocatable:']);
  for (const [k, v] of Object.entries(n.status?.allocatable ?? {})) lines.push([2, k, String(v)]);
  lines.push([0, `Non-terminated Pods:          (${pods.length} in total)`]);
  const rows = [['Namespace', 'Name', 'CPU Requests', 'Memory Requests', 'Age'], ['---------', '----', '------------', '---------------', '---']];
  for (const p of pods) {
    const r = p.spec.containers.map((c) => c.resources?.requests ?? {});
    rows.push([p.metadata.namespace ?? '', p.metadata.name, r.map((x) => String(x.cpu ?? 0)).join('+'), r.map((x) => String(x.memory ?? 0)).join('+'), age(p.metadata.creationTimestamp, store.now())]);
  }
  return render(lines) + '\n' + formatTable(rows, 2, 0).split('\n').map((l) => '  ' + l).join('\n') + '\n' + eventsBlock(store, n);
}

function describeGeneric(store: Store, o: KObject): string {
  const lines: Line[] = [...header(o), ...mapLines(0, 'Labels', o.metadata.labels), ...annotationLines(o)];
  const body = Object.fromEntries(Object.entries(o).filter(([k]) => !['apiVersion', 'kind', 'metadata'].includes(k)));
  const text = JSON.stringify(body, null, 2);
  return render(lines) + '\n' + text + '\n' + eventsBlock(store, o);
}

export function describeObject(store: Store, o: KObject): string {
  switch (o.kind) {
    case 'Pod':
      return describePod(store, o as Pod);
    case 'Deployment':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'StatefulSet':
    case 'DaemonSet':
      return describeWorkload(store, o);
    case 'Service':
      return describeService(store, o);
    case 'Node':
      return describeNode(store, o);
    default:
      return describeGeneric(store, o);
  }
}
