// CronJob: the simulator does not let time run to the next schedule, so Jobs are created only
// on an explicit "run now" (`kubemate create job <name> --from=cronjob/<cronjob>`, like kubectl).
// The controller keeps status.active and reports the next scheduled time.
// upstream: pkg/controller/cronjob/cronjob_controllerv2.go; kubectl create job --from.
import type { ControllerContext } from '../controllerContext';
import type { KObject } from '../types';
import { fastClone, ownerReference, setStatus } from '../controllerUtils';
import { nextCronTime, parseCron } from '../cronSchedule';

export function syncAllCronJobs(ctx: ControllerContext): void {
  const cronJobs = ctx.store.list('CronJob');
  if (!cronJobs.length) return;
  for (const cj of cronJobs) {
    const jobs = ctx.store.ownedBy(cj.metadata.uid ?? '', 'Job');
    const active = jobs
      .filter((j) => !(j.status?.conditions ?? []).some((c: { type: string; status: string }) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True'))
      .map((j) => ({ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name, namespace: j.metadata.namespace, uid: j.metadata.uid }));
    const status: Record<string, unknown> = { ...(cj.status ?? {}) };
    if (active.length) status.active = active;
    else delete status.active;
    const lastSuccess = jobs.map((j) => j.status?.completionTime).filter(Boolean).sort().pop();
    if (lastSuccess) status.lastSuccessfulTime = lastSuccess;
    setStatus(ctx.store, cj, status);
  }
}

/** The next time the schedule fires after `nowMs`, or undefined for a suspended / invalid one. */
export function nextScheduleTime(cj: KObject, nowMs: number): number | undefined {
  if (cj.spec?.suspend) return undefined;
  const s = parseCron(String(cj.spec?.schedule ?? ''));
  return s ? nextCronTime(s, nowMs) : undefined;
}

/** What `kubectl create job <name> --from=cronjob/<cj>` sends: the job template, owned by the CronJob. */
export function jobFromCronJob(cj: KObject, name: string): KObject {
  const tpl = cj.spec?.jobTemplate ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: cj.metadata.namespace,
      labels: { ...(tpl.metadata?.labels ?? {}) },
      annotations: { ...(tpl.metadata?.annotations ?? {}), 'cronjob.kubernetes.io/instantiate': 'manual' },
      ownerReferences: [ownerReference(cj)],
    },
    spec: fastClone(tpl.spec ?? {}),
  };
}
