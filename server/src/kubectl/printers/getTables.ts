// `kubectl get` columns per resource (KUBERNETES-BEHAVIOUR §8.2/§8.3).
// upstream: pkg/printers/internalversion/printers.go (AddHandlers and the print* functions).
import type { KObject, Pod } from '../../cluster/types';
import type { Store } from '../../cluster/store';
import type { KEvent } from '../../cluster/events';
import { podColumns } from '../../cluster/podStatus';
import { nodeSummary, serviceExternalIP } from '../../cluster/snapshot';
import { formatLabelSelector } from '../../k8s/labels';
import { age, humanDuration } from './age';
import { customResources, CustomResourceInfo } from '../../cluster/customResources';
import { customResourceTable } from './printerColumns';

export interface TableOptions {
  wide: boolean;
  namespaceColumn: boolean;
  /** Prefix names with `kind.group/` (kubectl get all / several kinds). */
  prefix?: string;
  /** `-L key,…`: a column per label key, headed by its last path segment in upper case. */
  labelColumns?: string[];
  /** `--show-labels`: a last LABELS column, `k=v,…` sorted by key or `<none>`. */
  showLabels?: boolean;
}

/** labels.FormatLabels: sorted `k=v` pairs joined by commas, `<none>` when there are none. */
function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels?.[k]}`).join(',') : '<none>';
}

type Row = string[];
interface Columns {
  headers: string[];
  wide?: string[];
  row(o: KObject, now: number, store: Store): Row;
  wideRow?(o: KObject, now: number, store: Store): Row;
}

const none = (v: unknown) => (v === undefined || v === null || v === '' ? '<none>' : String(v));
const containersOf = (o: KObject) =>
  (o.spec?.template?.spec?.containers ?? o.spec?.jobTemplate?.spec?.template?.spec?.containers ?? []) as { name: string; image?: string }[];
const containerCols = (o: KObject) => [
  containersOf(o)
    .map((c) => c.name)
    .join(',') || '<none>',
  containersOf(o)
    .map((c) => c.image ?? '')
    .join(',') || '<none>',
];
const sel = (o: KObject) => formatLabelSelector(o.spec?.selector);

function servicePorts(svc: KObject): string {
  const ports = (svc.spec?.ports ?? []) as { port: number; nodePort?: number; protocol?: string }[];
  if (!ports.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

/** ENDPOINTS cell: ready addresses as ip:port, at most 3 then ` + N more...`. */
function formatEndpoints(ep: KObject): string {
  const subsets = (ep.subsets ?? []) as { addresses?: { ip: string }[]; ports?: { port: number }[] }[];
  if (!subsets.length) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const s of subsets) {
    const addrs = s.addresses ?? [];
    if (!s.ports?.length) {
      for (const a of addrs) {
        count++;
        if (list.length < 3) list.push(a.ip);
      }
      continue;
    }
    for (const p of s.ports) {
      for (const a of addrs) {
        count++;
        if (list.length < 3) list.push(`${a.ip}:${p.port}`);
      }
    }
  }
  let out = list.join(',');
  if (count > list.length) out += ` + ${count - list.length} more...`;
  return out;
}

function sliceEndpoints(s: KObject): string {
  const eps = (s.endpoints ?? []) as { addresses: string[] }[];
  const addrs = eps.flatMap((e) => e.addresses);
  if (!addrs.length) return '<unset>';
  return addrs.slice(0, 3).join(',') + (addrs.length > 3 ? ` + ${addrs.length - 3} more...` : '');
}

function jobStatus(job: KObject): string {
  const conds = (job.status?.conditions ?? []) as { type: string; status: string }[];
  const has = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function jobCompletions(job: KObject): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (typeof job.spec?.completions === 'number') return `${succeeded}/${job.spec.completions}`;
  const p = job.spec?.parallelism ?? 1;
  return p > 1 ? `${succeeded}/1 of ${p}` : `${succeeded}/1`;
}

function jobDuration(job: KObject, now: number): string {
  const start = Date.parse(job.status?.startTime ?? '');
  if (Number.isNaN(start)) return '';
  const end = Date.parse(job.status?.completionTime ?? '');
  return humanDuration((Number.isNaN(end) ? now : end) - start);
}

const COLUMNS: Record<string, Columns> = {
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (o, now) => {
      const c = podColumns(o as Pod);
      // upstream printPod: "<n> (<age> ago)" of the latest lastState.terminated.finishedAt.
      const restarts = c.restarts && c.lastRestartAt ? `${c.restarts} (${age(c.lastRestartAt, now)} ago)` : String(c.restarts);
      return [o.metadata.name, c.ready, c.status, restarts, age(o.metadata.creationTimestamp, now)];
    },
    wideRow: (o) => {
      const p = o as Pod;
      const gates = p.spec.readinessGates ?? [];
      const gatesCell = gates.length
        ? `${gates.filter((g) => p.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`
        : '<none>';
      return [none(p.status?.podIP), none(p.spec.nodeName), none(p.status?.nominatedNodeName), gatesCell];
    },
  },
  Deployment: {
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => [
      o.metadata.name,
      `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 1}`,
      String(o.status?.updatedReplicas ?? 0),
      String(o.status?.availableReplicas ?? 0),
      age(o.metadata.creationTimestamp, now),
    ],
    wideRow: (o) => [...containerCols(o), sel(o)],
  },
  ReplicaSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => [
      o.metadata.name,
      String(o.spec?.replicas ?? 1),
      String(o.status?.replicas ?? 0),
      String(o.status?.readyReplicas ?? 0),
      age(o.metadata.creationTimestamp, now),
    ],
    wideRow: (o) => [...containerCols(o), sel(o)],
  },
  ReplicationController: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => [
      o.metadata.name,
      String(o.spec?.replicas ?? 1),
      String(o.status?.replicas ?? 0),
      String(o.status?.readyReplicas ?? 0),
      age(o.metadata.creationTimestamp, now),
    ],
    wideRow: (o) => [...containerCols(o), formatLabelSelector(o.spec?.selector)],
  },
  StatefulSet: {
    headers: ['NAME', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES'],
    row: (o, now) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 1}`, age(o.metadata.creationTimestamp, now)],
    wideRow: (o) => containerCols(o),
  },
  DaemonSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => {
      const s = o.status ?? {};
      const ns = Object.entries(o.spec?.template?.spec?.nodeSelector ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      return [
        o.metadata.name,
        String(s.desiredNumberScheduled ?? 0),
        String(s.currentNumberScheduled ?? 0),
        String(s.numberReady ?? 0),
        String(s.updatedNumberScheduled ?? 0),
        String(s.numberAvailable ?? 0),
        ns || '<none>',
        age(o.metadata.creationTimestamp, now),
      ];
    },
    wideRow: (o) => [...containerCols(o), sel(o)],
  },
  Job: {
    headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => [o.metadata.name, jobStatus(o), jobCompletions(o), jobDuration(o, now), age(o.metadata.creationTimestamp, now)],
    wideRow: (o) => [...containerCols(o), sel(o)],
  },
  CronJob: {
    headers: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => [
      o.metadata.name,
      String(o.spec?.schedule ?? ''),
      none(o.spec?.timeZone),
      String(!!o.spec?.suspend),
      String((o.status?.active ?? []).length),
      o.status?.lastScheduleTime ? age(o.status.lastScheduleTime, now) : '<none>',
      age(o.metadata.creationTimestamp, now),
    ],
    wideRow: (o) => [...containerCols(o), formatLabelSelector(o.spec?.jobTemplate?.spec?.selector)],
  },
  Service: {
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wide: ['SELECTOR'],
    row: (o, now) => [
      o.metadata.name,
      String(o.spec?.type ?? 'ClusterIP'),
      o.spec?.type === 'ExternalName' ? '<none>' : none(o.spec?.clusterIP),
      none(serviceExternalIP(o)),
      servicePorts(o),
      age(o.metadata.creationTimestamp, now),
    ],
    wideRow: (o) => [o.spec?.selector ? formatLabelSelector(o.spec.selector) : '<none>'],
  },
  Endpoints: {
    headers: ['NAME', 'ENDPOINTS', 'AGE'],
    row: (o, now) => [o.metadata.name, formatEndpoints(o), age(o.metadata.creationTimestamp, now)],
  },
  EndpointSlice: {
    headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    row: (o, now) => {
      const ports = ((o.ports ?? []) as { port: number }[]).map((p) => String(p.port)).join(',') || '<unset>';
      return [o.metadata.name, String(o.addressType ?? 'IPv4'), ports, sliceEndpoints(o), age(o.metadata.creationTimestamp, now)];
    },
  },
  Ingress: {
    headers: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    row: (o, now) => {
      const hosts = ((o.spec?.rules ?? []) as { host?: string }[]).map((r) => r.host ?? '*');
      const addr = ((o.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]).map((i) => i.ip ?? i.hostname).join(',');
      return [
        o.metadata.name,
        none(o.spec?.ingressClassName),
        hosts.length ? hosts.join(',') : '*',
        addr,
        o.spec?.tls?.length ? '80, 443' : '80',
        age(o.metadata.creationTimestamp, now),
      ];
    },
  },
  Node: {
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (o, now, store) => {
      const s = nodeSummary(store, o);
      return [o.metadata.name, s.status, s.roles, age(o.metadata.creationTimestamp, now), String(o.status?.nodeInfo?.kubeletVersion ?? '')];
    },
    wideRow: (o) => {
      const addr = (t: string) => ((o.status?.addresses ?? []) as { type: string; address: string }[]).find((a) => a.type === t)?.address ?? '<none>';
      const info = o.status?.nodeInfo ?? {};
      return [addr('InternalIP'), addr('ExternalIP'), none(info.osImage), none(info.kernelVersion), none(info.containerRuntimeVersion)];
    },
  },
  Namespace: {
    headers: ['NAME', 'STATUS', 'AGE'],
    row: (o, now) => [o.metadata.name, String(o.status?.phase ?? 'Active'), age(o.metadata.creationTimestamp, now)],
  },
  Event: {
    headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    row: (o, now) => {
      const e = o as KEvent;
      return [age(e.lastTimestamp, now), e.type, e.reason, `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`, e.message];
    },
  },
  ConfigMap: {
    headers: ['NAME', 'DATA', 'AGE'],
    row: (o, now) => [
      o.metadata.name,
      String(Object.keys((o.data as object) ?? {}).length + Object.keys((o.binaryData as object) ?? {}).length),
      age(o.metadata.creationTimestamp, now),
    ],
  },
  Secret: {
    headers: ['NAME', 'TYPE', 'DATA', 'AGE'],
    row: (o, now) => [
      o.metadata.name,
      String(o.type ?? 'Opaque'),
      String(Object.keys({ ...((o.data as object) ?? {}), ...((o.stringData as object) ?? {}) }).length),
      age(o.metadata.creationTimestamp, now),
    ],
  },
  ServiceAccount: {
    headers: ['NAME', 'SECRETS', 'AGE'],
    row: (o, now) => [o.metadata.name, String(((o.secrets as unknown[]) ?? []).length), age(o.metadata.creationTimestamp, now)],
  },
  PersistentVolumeClaim: {
    headers: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    wide: ['VOLUMEMODE'],
    row: (o, now) => [
      o.metadata.name,
      String(o.status?.phase ?? 'Pending'),
      o.spec?.volumeName ?? '',
      o.status?.capacity?.storage ?? '',
      accessModes(o.status?.accessModes ?? []),
      none(o.spec?.storageClassName),
      '<unset>',
      age(o.metadata.creationTimestamp, now),
    ],
    wideRow: (o) => [String(o.spec?.volumeMode ?? 'Filesystem')],
  },
  PersistentVolume: {
    headers: ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
    row: (o, now) => [
      o.metadata.name,
      String(o.spec?.capacity?.storage ?? ''),
      accessModes(o.spec?.accessModes ?? []),
      String(o.spec?.persistentVolumeReclaimPolicy ?? 'Retain'),
      String(o.status?.phase ?? 'Available'),
      o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : '',
      String(o.spec?.storageClassName ?? ''),
      '<unset>',
      '',
      age(o.metadata.creationTimestamp, now),
    ],
  },
  StorageClass: {
    headers: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
    row: (o, now) => [
      o.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ? `${o.metadata.name} (default)` : o.metadata.name,
      String(o.provisioner ?? ''),
      String(o.reclaimPolicy ?? 'Delete'),
      String(o.volumeBindingMode ?? 'Immediate'),
      String(o.allowVolumeExpansion ?? false),
      age(o.metadata.creationTimestamp, now),
    ],
  },
  // upstream: printPodDisruptionBudget — N/A for the field not set, the int or percentage as written.
  PodDisruptionBudget: {
    headers: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
    row: (o, now) => [
      o.metadata.name,
      o.spec?.minAvailable === undefined || o.spec?.minAvailable === null ? 'N/A' : String(o.spec.minAvailable),
      o.spec?.maxUnavailable === undefined || o.spec?.maxUnavailable === null ? 'N/A' : String(o.spec.maxUnavailable),
      String(o.status?.disruptionsAllowed ?? 0),
      age(o.metadata.creationTimestamp, now),
    ],
  },
  HorizontalPodAutoscaler: {
    headers: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
    row: (o, now) => [
      o.metadata.name,
      `${o.spec?.scaleTargetRef?.kind}/${o.spec?.scaleTargetRef?.name}`,
      hpaTargets(o),
      String(o.spec?.minReplicas ?? 1),
      String(o.spec?.maxReplicas ?? ''),
      String(o.status?.currentReplicas ?? 0),
      age(o.metadata.creationTimestamp, now),
    ],
  },
};

function accessModes(modes: string[]): string {
  const short: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
  return modes.map((m) => short[m] ?? m).join(',');
}

/** TARGETS without a metrics server: `cpu: <unknown>/50%`. */
function hpaTargets(o: KObject): string {
  const metrics = (o.spec?.metrics ?? []) as { type: string; resource?: { name: string; target?: { averageUtilization?: number; averageValue?: string } } }[];
  if (!metrics.length && o.spec?.targetCPUUtilizationPercentage !== undefined) return `cpu: <unknown>/${o.spec.targetCPUUtilizationPercentage}%`;
  if (!metrics.length) return '<none>';
  return metrics
    .map((m) => {
      if (m.type !== 'Resource' || !m.resource) return '<unknown>/<unknown>';
      const tgt =
        m.resource.target?.averageUtilization !== undefined ? `${m.resource.target.averageUtilization}%` : (m.resource.target?.averageValue ?? '<unset>');
      return `${m.resource.name}: <unknown>/${tgt}`;
    })
    .join(', ');
}

/** A custom resource's columns (printerColumns.ts), computed for the objects being printed. */
function customColumns(info: CustomResourceInfo, objects: KObject[], wide: boolean, now: number): Columns {
  const table = customResourceTable(info, objects, now, wide);
  const byObject = new Map(objects.map((o, i) => [o, table.rows[i]]));
  return { headers: table.headers, row: (o) => byObject.get(o) ?? [o.metadata.name] };
}

const GENERIC: Columns = { headers: ['NAME', 'AGE'], row: (o, now) => [o.metadata.name, age(o.metadata.creationTimestamp, now)] };

/** Header + rows for objects of one kind. */
export function tableRows(kind: string, objects: KObject[], store: Store, opts: TableOptions): string[][] {
  const custom = COLUMNS[kind] ? undefined : customResources(store).find((r) => r.kind === kind);
  const cols = COLUMNS[kind] ?? (custom ? customColumns(custom, objects, opts.wide, store.now()) : GENERIC);
  const now = store.now();
  const labelColumns = opts.labelColumns ?? [];
  const headers = [
    ...(opts.namespaceColumn ? ['NAMESPACE'] : []),
    ...cols.headers,
    ...(opts.wide && cols.wide ? cols.wide : []),
    ...labelColumns.map((k) => k.slice(k.lastIndexOf('/') + 1).toUpperCase()),
    ...(opts.showLabels ? ['LABELS'] : []),
  ];
  const rows = objects.map((o) => {
    const r = cols.row(o, now, store);
    if (opts.prefix) r[kind === 'Event' ? 3 : 0] = kind === 'Event' ? r[3] : `${opts.prefix}/${r[0]}`;
    const wide = opts.wide && cols.wideRow ? cols.wideRow(o, now, store) : [];
    const labels = o.metadata.labels as Record<string, string> | undefined;
    return [
      ...(opts.namespaceColumn ? [o.metadata.namespace ?? ''] : []),
      ...r,
      ...wide,
      ...labelColumns.map((k) => labels?.[k] ?? ''),
      ...(opts.showLabels ? [formatLabels(labels)] : []),
    ];
  });
  return [headers, ...rows];
}
