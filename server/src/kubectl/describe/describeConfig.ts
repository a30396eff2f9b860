// `kubectl describe` for ConfigMap, Secret (values never shown — their sizes, as kubectl),
// PersistentVolumeClaim, Namespace, ServiceAccount, PodDisruptionBudget and
// HorizontalPodAutoscaler. upstream: kubectl pkg/describe/describe.go (ConfigMapDescriber,
// describeSecret, describePersistentVolumeClaim, describeNamespace, describeServiceAccount,
// describePodDisruptionBudgetV1, describeHorizontalPodAutoscalerV2).
import type { Store } from '../../cluster/store';
import type { KObject } from '../../cluster/types';
import { formatLabelSelector } from '../../k8s/labels';
import { PrefixWriter } from './tabWriter';
import { Any, date, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './describeParts';

function head(w: PrefixWriter, o: KObject): void {
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace ?? 'default'}\n`);
  printLabelsMultiline(w, 'Labels', o.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', o.metadata.annotations);
}

const sorted = (m: unknown) => Object.entries((m ?? {}) as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : 1));

export function describeConfigMap(store: Store, cm: KObject): string {
  const w = new PrefixWriter();
  head(w, cm);
  w.write(0, '\nData\n====\n');
  for (const [k, v] of sorted(cm.data)) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${v}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const [k, v] of sorted(cm.binaryData)) w.write(0, `${k}: ${Buffer.from(String(v), 'base64').length} bytes\n`);
  w.write(0, '\n');
  describeEvents(w, store, cm);
  return w.toString();
}

export function describeSecret(_store: Store, s: KObject): string {
  const w = new PrefixWriter();
  head(w, s);
  w.write(0, `\nType:\t${s.type ?? 'Opaque'}\n`);
  w.write(0, '\nData\n====\n');
  // The API server folds stringData into data; kubectl prints sizes only.
  const sizes = new Map<string, number>();
  for (const [k, v] of sorted(s.data)) sizes.set(k, Buffer.from(String(v), 'base64').length);
  for (const [k, v] of sorted(s.stringData)) sizes.set(k, Buffer.byteLength(String(v), 'utf8'));
  for (const [k, n] of [...sizes].sort(([a], [b]) => (a < b ? -1 : 1))) w.write(0, `${k}:\t${n} bytes\n`);
  return w.toString();
}

const ACCESS = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' } as Record<string, string>;

export function describePVC(store: Store, pvc: KObject): string {
  const spec = pvc.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pvc.metadata.name}\n`);
  w.write(0, `Namespace:\t${pvc.metadata.namespace ?? 'default'}\n`);
  w.write(0, `StorageClass:\t${spec.storageClassName ?? ''}\n`);
  w.write(0, pvc.metadata.deletionTimestamp ? 'Status:\tTerminating\n' : `Status:\t${pvc.status?.phase ?? 'Pending'}\n`);
  w.write(0, `Volume:\t${spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(0, `Finalizers:\t[${((pvc.metadata.finalizers ?? []) as string[]).join(' ')}]\n`);
  const bound = !!spec.volumeName;
  w.write(0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '') : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? ((pvc.status?.accessModes ?? []) as string[]).map((m) => ACCESS[m] ?? m).join(',') : ''}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  const users = store
    .list('Pod', pvc.metadata.namespace)
    .filter((p) => ((p.spec?.volumes ?? []) as Any[]).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map((p) => p.metadata.name)
    .sort();
  w.write(0, 'Used By:\t');
  if (!users.length) w.writeLine('<none>');
  users.forEach((u, i) => {
    if (i) w.write(0, '\t');
    w.write(0, `${u}\n`);
  });
  describeEvents(w, store, pvc);
  return w.toString();
}

export function describeNamespace(store: Store, ns: KObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? 'Active'}\n`);
  w.write(0, '\n');
  const quotas = store.list('ResourceQuota', ns.metadata.name);
  if (!quotas.length) w.write(0, 'No resource quota.\n');
  else {
    w.write(0, 'Resource Quotas\n');
    for (const q of quotas) {
      w.write(1, `Name:\t${q.metadata.name}\n`);
      w.write(1, 'Resource\tUsed\tHard\n');
      w.write(1, '--------\t---\t---\n');
      const hard = (q.status?.hard ?? q.spec?.hard ?? {}) as Record<string, string>;
      for (const [k, v] of sorted(hard)) w.write(1, `${k}\t${(q.status?.used ?? {})[k] ?? '0'}\t${v}\n`);
    }
  }
  w.write(0, '\n');
  const limits = store.list('LimitRange', ns.metadata.name);
  if (!limits.length) w.write(0, 'No LimitRange resource.\n');
  else {
    w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    for (const lr of limits) {
      for (const item of (lr.spec?.limits ?? []) as Any[]) {
        const keys = [
          ...new Set([item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio].flatMap((m) => Object.keys(m ?? {}))),
        ].sort();
        for (const k of keys)
          w.write(
            0,
            ` ${item.type}\t${k}\t${item.min?.[k] ?? '-'}\t${item.max?.[k] ?? '-'}\t${item.defaultRequest?.[k] ?? '-'}\t${item.default?.[k] ?? '-'}\t${item.maxLimitRequestRatio?.[k] ?? '-'}\n`,
          );
      }
    }
  }
  return w.toString();
}

export function describeServiceAccount(store: Store, sa: KObject): string {
  const w = new PrefixWriter();
  head(w, sa);
  const names = (list: unknown) => ((list ?? []) as { name: string }[]).map((s) => s.name);
  const rows: [string, string[]][] = [
    ['Image pull secrets:', names(sa.imagePullSecrets)],
    ['Mountable secrets: ', names(sa.secrets)],
    ['Tokens:            ', []],
  ];
  for (const [header, list] of rows) {
    if (!list.length) w.write(0, `${header}\t<none>\n`);
    list.forEach((n, i) =>
      w.write(0, `${i === 0 ? header : '                   '}\t${n}${store.get('Secret', sa.metadata.namespace, n) ? '' : ' (not found)'}\n`),
    );
  }
  describeEvents(w, store, sa);
  return w.toString();
}

export function describePDB(store: Store, pdb: KObject): string {
  const spec = pdb.spec ?? {};
  const s = pdb.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pdb.metadata.name}\n`);
  w.write(0, `Namespace:\t${pdb.metadata.namespace ?? 'default'}\n`);
  if (spec.minAvailable !== undefined) w.write(0, `Min available:\t${spec.minAvailable}\n`);
  else if (spec.maxUnavailable !== undefined) w.write(0, `Max unavailable:\t${spec.maxUnavailable}\n`);
  w.write(0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${s.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${s.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${s.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${s.expectedPods ?? 0}\n`);
  describeEvents(w, store, pdb);
  return w.toString();
}

export function describeHPA(store: Store, hpa: KObject): string {
  const spec = hpa.spec ?? {};
  const s = hpa.status ?? {};
  const w = new PrefixWriter();
  head(w, hpa);
  w.write(0, `CreationTimestamp:\t${date(hpa.metadata.creationTimestamp)}\n`);
  w.write(0, `Reference:\t${spec.scaleTargetRef?.kind}/${spec.scaleTargetRef?.name}\n`);
  // autoscaling/v1's targetCPUUtilizationPercentage is the v2 cpu Resource metric.
  const metrics: Any[] =
    spec.metrics ??
    (spec.targetCPUUtilizationPercentage !== undefined
      ? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }]
      : []);
  w.write(0, 'Metrics:\t( current / target )\n');
  metrics.forEach((m, i) => {
    const cur = (s.currentMetrics ?? [])[i];
    if (m.type === 'Resource' || m.type === 'ContainerResource') {
      const r = m.resource ?? m.containerResource;
      w.write(1, m.type === 'Resource' ? `resource ${r.name} on pods` : `resource ${r.name} of container "${r.container}" on pods`);
      const c = cur?.resource ?? cur?.containerResource;
      if (r.target?.averageValue !== undefined) w.write(0, `:\t${c?.current?.averageValue ?? '<unknown>'} / ${r.target.averageValue}\n`);
      else {
        const current = c?.current?.averageUtilization !== undefined ? `${c.current.averageUtilization}% (${c.current.averageValue})` : '<unknown>';
        w.write(
          1,
          `(as a percentage of request):\t${current} / ${r.target?.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : '<auto>'}\n`,
        );
      }
    } else if (m.type === 'Pods')
      w.write(1, `"${m.pods?.metric?.name}" on pods:\t${cur?.pods?.current?.averageValue ?? '<unknown>'} / ${m.pods?.target?.averageValue}\n`);
    else w.write(1, `<unknown metric type "${m.type}">\n`);
  });
  w.write(0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
  w.write(0, `Max replicas:\t${spec.maxReplicas}\n`);
  w.write(0, `${spec.scaleTargetRef?.kind} pods:\t`);
  w.write(0, `${s.currentReplicas ?? 0} current / ${s.desiredReplicas ?? 0} desired\n`);
  if (s.conditions?.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const c of s.conditions) w.write(1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  describeEvents(w, store, hpa);
  return w.toString();
}
