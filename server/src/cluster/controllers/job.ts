// Job: run pods until `completions` of them succeeded, at most `parallelism` at a time.
// Simulated pods finish JOB_POD_RUN_SECONDS after they start (the kubelet decides).
// upstream: pkg/controller/job/job_controller.go syncJob, manageJob; indexed_job_utils.go.
import type { ControllerContext } from '../controllerContext';
import type { KObject, Pod } from '../types';
import { isPodActive, isPodReady, podFromTemplate, setStatus } from '../controllerUtils';
import { jobFailure, podReplacementAt } from '../jobFailure';

const COMPONENT = 'job-controller';
const INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';

export function syncAllJobs(ctx: ControllerContext): void {
  for (const job of ctx.store.list('Job')) syncJob(ctx, job);
}

function isFinished(job: KObject): boolean {
  return (job.status?.conditions ?? []).some((c: { type: string; status: string }) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

function newJobPod(job: KObject, index?: number): Pod {
  if (index === undefined) return podFromTemplate(job.spec.template, job);
  // upstream podGenerateNameWithIndex: `<job>-<index>-`, hostname `<job>-<index>`.
  const pod = podFromTemplate(job.spec.template, job, { generateName: `${job.metadata.name}-${index}-` });
  pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [INDEX_ANNOTATION]: String(index) };
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [INDEX_ANNOTATION]: String(index) };
  pod.spec.hostname = `${job.metadata.name}-${index}`;
  return pod;
}

function syncJob(ctx: ControllerContext, job: KObject): void {
  const pods = ctx.store.ownedBy<Pod>(job.metadata.uid ?? '', 'Pod');
  const active = pods.filter(isPodActive);
  const succeededPods = pods.filter((p) => p.status?.phase === 'Succeeded');
  const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
  const status = { ...(job.status ?? {}) };
  status.startTime ??= ctx.store.timestamp();
  const indexed = job.spec?.completionMode === 'Indexed';
  const completions: number | undefined = typeof job.spec?.completions === 'number' ? job.spec.completions : undefined;
  const parallelism: number = typeof job.spec?.parallelism === 'number' ? job.spec.parallelism : 1;
  const succeededIdx = new Set(succeededPods.map((p) => Number(p.metadata.annotations?.[INDEX_ANNOTATION])));
  const succeeded = indexed ? succeededIdx.size : succeededPods.length;

  const failure = !isFinished(job) && !job.spec?.suspend ? jobFailure(job, pods, failed, ctx.store.now()) : undefined;
  if (failure) {
    // upstream: FailureTarget, then Failed once the active pods are gone (here: at once).
    const now = ctx.store.timestamp();
    status.conditions = [
      { type: 'FailureTarget', status: 'True', reason: failure.reason, message: failure.message, lastProbeTime: now, lastTransitionTime: now },
      { type: 'Failed', status: 'True', reason: failure.reason, message: failure.message, lastProbeTime: now, lastTransitionTime: now },
    ];
    for (const p of active) ctx.remove(p);
    ctx.events.event(job, 'Warning', failure.reason, failure.message, COMPONENT);
  } else if (typeof job.spec?.activeDeadlineSeconds === 'number' && !isFinished(job) && status.startTime) {
    ctx.wakeAt(Date.parse(status.startTime) + job.spec.activeDeadlineSeconds * 1000, 'runtime');
  }
  const replaceAt = podReplacementAt(pods, failed);
  const mayCreate = replaceAt === undefined || ctx.store.now() >= replaceAt;
  if (!mayCreate) ctx.wakeAt(replaceAt!, 'runtime');
  if (!failure && !isFinished(job) && !job.spec?.suspend) {
    const done = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;
    if (done) {
      const now = ctx.store.timestamp();
      const msg = 'Reached expected number of succeeded pods';
      status.conditions = [
        { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: msg, lastProbeTime: now, lastTransitionTime: now },
        { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: msg, lastProbeTime: now, lastTransitionTime: now },
      ];
      status.completionTime = now;
      ctx.events.event(job, 'Normal', 'Completed', 'Job completed', COMPONENT);
    } else if (mayCreate) {
      const want = completions !== undefined ? Math.min(parallelism, completions - succeeded) : succeeded > 0 ? 0 : parallelism;
      if (indexed && completions !== undefined) {
        const activeIdx = new Set(active.map((p) => Number(p.metadata.annotations?.[INDEX_ANNOTATION])));
        let toCreate = want - active.length;
        for (let i = 0; i < completions && toCreate > 0; i++) {
          if (succeededIdx.has(i) || activeIdx.has(i)) continue;
          const pod = ctx.create(newJobPod(job, i));
          ctx.events.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, COMPONENT);
          toCreate--;
        }
      } else {
        for (let i = active.length; i < want; i++) {
          const pod = ctx.create(newJobPod(job));
          ctx.events.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, COMPONENT);
        }
      }
    }
  }
  const live = ctx.store.ownedBy<Pod>(job.metadata.uid ?? '', 'Pod').filter(isPodActive);
  status.active = live.length || undefined;
  status.ready = live.filter(isPodReady).length;
  status.succeeded = succeeded || undefined;
  status.failed = failed || undefined;
  status.terminating = 0;
  status.uncountedTerminatedPods = {};
  if (indexed && succeededIdx.size) status.completedIndexes = [...succeededIdx].sort((a, b) => a - b).join(',');
  for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
  setStatus(ctx.store, job, status);
}
