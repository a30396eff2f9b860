// When a Job gives up and how long it waits before replacing a failed pod.
// upstream: pkg/controller/job/job_controller.go syncJob (exceedsBackoffLimit, pastBackoffLimitOnFailure,
// pastActiveDeadline: "Job has reached the specified backoff limit", "Job was active longer than
// specified deadline"), backoff_utils.go getRemainingTime (DefaultJobPodFailureBackOff 10 s,
// doubling per failure, MaxJobPodFailureBackOff 10 min, from the last failed pod's finish).
import type { KObject, Pod } from './types';

export const JOB_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 600_000;

export interface JobFailure {
  reason: 'BackoffLimitExceeded' | 'DeadlineExceeded';
  message: string;
}

/** upstream pastBackoffLimitOnFailure: the restarts of the active pods of an OnFailure Job. */
function restartsOfActive(pods: Pod[]): number {
  let n = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const c of [...(p.status.initContainerStatuses ?? []), ...(p.status.containerStatuses ?? [])]) n += c.restartCount ?? 0;
  }
  return n;
}

export function jobFailure(job: KObject, pods: Pod[], failed: number, nowMs: number): JobFailure | undefined {
  const limit: number = typeof job.spec?.backoffLimit === 'number' ? job.spec.backoffLimit : 6;
  const onFailure = job.spec?.template?.spec?.restartPolicy === 'OnFailure';
  const restarts = onFailure ? restartsOfActive(pods) : 0;
  const pastOnFailure = onFailure && (limit === 0 ? restarts > 0 : restarts >= limit);
  if (failed > limit || pastOnFailure) return { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }; // l10n-exempt: the job controller's own words
  const deadline = job.spec?.activeDeadlineSeconds;
  const start = Date.parse(job.status?.startTime ?? '');
  if (typeof deadline === 'number' && !Number.isNaN(start) && nowMs - start >= deadline * 1000)
    return { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' }; // l10n-exempt: the job controller's own words
  return undefined;
}

/** The moment the Job may create a pod again after `failed` failures (undefined: at once). */
export function podReplacementAt(pods: Pod[], failed: number): number | undefined {
  if (failed === 0) return undefined;
  let last = -Infinity;
  for (const p of pods) {
    if (p.status?.phase !== 'Failed') continue;
    for (const c of p.status.containerStatuses ?? []) {
      const at = Date.parse(c.state.terminated?.finishedAt ?? '');
      if (!Number.isNaN(at) && at > last) last = at;
    }
  }
  if (!Number.isFinite(last)) return undefined;
  return last + Math.min(JOB_POD_FAILURE_BACKOFF_MS * 2 ** (failed - 1), MAX_JOB_POD_FAILURE_BACKOFF_MS);
}
