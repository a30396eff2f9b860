// `kubectl describe` for the workload controllers: Deployment, ReplicaSet, ReplicationController,
// StatefulSet, DaemonSet, Job and CronJob. upstream: kubectl pkg/describe/describe.go
// (describeDeployment, describeReplicaSet, describeReplicationController, describeStatefulSet,
// describeDaemonSet, describeJob, describeCronJob, describeVolumeClaimTemplates).
import type { Store } from '../../cluster/store';
import type { KObject } from '../../cluster/types';
import { formatLabelSelector } from '../../k8s/labels';
import { equalIgnoreHash } from '../../cluster/controllers/deployment/deploymentUtil';
import { humanDuration } from '../printers/age';
import { PrefixWriter } from './tabWriter';
import {
  Any,
  date,
  describeEvents,
  describePodTemplate,
  formatLabels,
  podPhases,
  printAnnotationsMultiline,
  printController,
  printLabelsMultiline,
} from './describeParts';

function head(w: PrefixWriter, o: KObject): void {
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace ?? 'default'}\n`);
}

function meta(w: PrefixWriter, o: KObject): void {
  printLabelsMultiline(w, 'Labels', o.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', o.metadata.annotations);
}

function conditions(w: PrefixWriter, list: Any[] | undefined): void {
  if (!list?.length) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of list) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

const rsLine = (rs: KObject) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`;

export function describeDeployment(store: Store, d: KObject): string {
  const s = d.status ?? {};
  const w = new PrefixWriter();
  head(w, d);
  w.write(0, `CreationTimestamp:\t${date(d.metadata.creationTimestamp)}\n`);
  meta(w, d);
  w.write(0, `Selector:\t${formatLabelSelector(d.spec?.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec?.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${d.spec?.strategy?.type ?? 'RollingUpdate'}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge\n`);
  describePodTemplate(w, d.spec?.template);
  conditions(w, s.conditions);
  // deploymentutil.GetAllReplicaSets: the new RS has the Deployment's template; every other owned RS is old.
  const rss = store.ownedBy(d.metadata.uid ?? '', 'ReplicaSet');
  const newRS = rss.find((r) => equalIgnoreHash(r.spec?.template, d.spec?.template));
  const old = rss.filter((r) => r !== newRS);
  if (rss.length) {
    w.write(0, `OldReplicaSets:\t${old.length ? old.map(rsLine).join(', ') : '<none>'}\n`);
    w.write(0, `NewReplicaSet:\t${newRS ? rsLine(newRS) : '<none>'}\n`);
  }
  describeEvents(w, store, d);
  return w.toString();
}

export function describeReplicaSet(store: Store, rs: KObject): string {
  const w = new PrefixWriter();
  head(w, rs);
  w.write(0, `Selector:\t${rs.kind === 'ReplicationController' ? formatLabels(rs.spec?.selector) : formatLabelSelector(rs.spec?.selector)}\n`);
  meta(w, rs);
  const controlledBy = printController(rs);
  if (controlledBy && rs.kind === 'ReplicaSet') w.write(0, `Controlled By:\t${controlledBy}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podPhases(store, rs)}\n`);
  describePodTemplate(w, rs.spec?.template);
  conditions(w, rs.status?.conditions);
  describeEvents(w, store, rs);
  return w.toString();
}

export function describeStatefulSet(store: Store, ss: KObject): string {
  const w = new PrefixWriter();
  head(w, ss);
  w.write(0, `CreationTimestamp:\t${date(ss.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(ss.spec?.selector)}\n`);
  meta(w, ss);
  w.write(0, `Replicas:\t${ss.spec?.replicas ?? 1} desired | ${ss.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${ss.spec?.updateStrategy?.type ?? 'RollingUpdate'}\n`);
  const ru = ss.spec?.updateStrategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(0, `Pods Status:\t${podPhases(store, ss)}\n`);
  describePodTemplate(w, ss.spec?.template);
  const claims: Any[] = ss.spec?.volumeClaimTemplates ?? [];
  if (!claims.length) w.write(0, 'Volume Claims:\t<none>\n');
  else {
    w.write(0, 'Volume Claims:\n');
    for (const pvc of claims) {
      w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
      w.write(1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
      printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
      printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
      w.write(1, `Capacity:\t${pvc.spec?.resources?.requests?.storage ?? '<default>'}\n`);
      w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
    }
  }
  describeEvents(w, store, ss);
  return w.toString();
}

export function describeDaemonSet(store: Store, ds: KObject): string {
  const s = ds.status ?? {};
  const w = new PrefixWriter();
  head(w, ds);
  w.write(0, `Selector:\t${formatLabelSelector(ds.spec?.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  meta(w, ds);
  w.write(0, `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${s.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${s.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${podPhases(store, ds)}\n`);
  describePodTemplate(w, ds.spec?.template);
  describeEvents(w, store, ds);
  return w.toString();
}

export function describeJob(store: Store, job: KObject): string {
  const spec = job.spec ?? {};
  const s = job.status ?? {};
  const w = new PrefixWriter();
  head(w, job);
  w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
  meta(w, job);
  const controlledBy = printController(job);
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
  if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
  if (spec.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (s.startTime) w.write(0, `Start Time:\t${date(s.startTime)}\n`);
  if (s.completionTime) w.write(0, `Completed At:\t${date(s.completionTime)}\n`);
  if (s.startTime && s.completionTime) w.write(0, `Duration:\t${humanDuration(Date.parse(s.completionTime) - Date.parse(s.startTime))}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${s.active ?? 0} Active${s.ready !== undefined ? ` (${s.ready} Ready)` : ''} / ${s.succeeded ?? 0} Succeeded / ${s.failed ?? 0} Failed`;
  w.write(0, `Pods Statuses:\t${counts}\n`);
  describePodTemplate(w, spec.template);
  describeEvents(w, store, job);
  return w.toString();
}

export function describeCronJob(store: Store, cj: KObject): string {
  const spec = cj.spec ?? {};
  const jt = spec.jobTemplate?.spec ?? {};
  const w = new PrefixWriter();
  head(w, cj);
  meta(w, cj);
  w.write(0, `Schedule:\t${spec.schedule ?? ''}\n`);
  w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? 'Allow'}\n`);
  w.write(0, `Suspend:\t${spec.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`);
  w.write(0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds !== undefined ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
  w.write(0, `Selector:\t${jt.selector ? formatLabelSelector(jt.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${jt.parallelism ?? '<unset>'}\n`);
  w.write(0, `Completions:\t${jt.completions ?? '<unset>'}\n`);
  if (jt.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, jt.template);
  w.write(0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? date(cj.status.lastScheduleTime) : '<unset>'}\n`);
  const active: Any[] = cj.status?.active ?? [];
  w.write(0, 'Active Jobs:\t');
  w.writeLine(active.length ? active.map((j) => j.name).join(', ') : '<none>');
  describeEvents(w, store, cj);
  return w.toString();
}
