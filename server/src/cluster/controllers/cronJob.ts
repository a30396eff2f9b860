// CronJob: create a Job at each scheduled time as simulated time passes, honouring
// concurrencyPolicy, startingDeadlineSeconds, suspend, timeZone and the history limits; keep
// status.active, lastScheduleTime and lastSuccessfulTime. `kubemate create job --from=cronjob/x`
// still makes a manual run, like kubectl.
// upstream: pkg/controller/cronjob/cronjob_controllerv2.go (syncCronJob, cleanupFinishedJobs,
// getJobFromTemplate2), utils.go (mostRecentScheduleTime, getJobName, inActiveList).
import type { ControllerContext } from '../controllerContext';
import type { Store } from '../store';
import type { KObject } from '../types';
import { fastClone, ownerReference, setStatus } from '../controllerUtils';
import { cronJobName, isKnownTimeZone, mostRecentScheduleTime, nextCronTime, parseCron } from '../cronSchedule';

const COMPONENT = 'cronjob-controller';
const SCHEDULED_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

type Condition = { type: string; status: string };
const finishedAs = (j: KObject): 'Complete' | 'Failed' | undefined =>
  ((j.status?.conditions ?? []) as Condition[]).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type as
    | 'Complete'
    | 'Failed'
    | undefined;

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Go's time.RFC1123Z, as the MissSchedule event prints the scheduled time (UTC). */
function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export function syncAllCronJobs(ctx: ControllerContext): void {
  const cronJobs = ctx.store.list('CronJob');
  for (const cj of cronJobs) syncCronJob(ctx, cj);
}

function activeRef(j: KObject) {
  return { apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name, namespace: j.metadata.namespace, uid: j.metadata.uid };
}

function syncCronJob(ctx: ControllerContext, cj: KObject): void {
  if (cj.metadata.deletionTimestamp) return;
  const jobs = ctx.store.ownedBy(cj.metadata.uid ?? '', 'Job');
  const status: Record<string, unknown> = { ...(cj.status ?? {}) };
  const prevActive = (status.active ?? []) as { uid?: string; name: string }[];
  const active: KObject[] = [];
  for (const j of jobs) {
    const done = finishedAs(j);
    const wasActive = prevActive.some((a) => a.uid === j.metadata.uid);
    if (!done) {
      active.push(j);
      continue;
    }
    // upstream: a finished job still listed as active is reported once and dropped.
    if (wasActive) ctx.events.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, status: ${done}`, COMPONENT);
    if (
      done === 'Complete' &&
      j.status?.completionTime &&
      (!status.lastSuccessfulTime || String(j.status.completionTime) > String(status.lastSuccessfulTime))
    ) {
      status.lastSuccessfulTime = j.status.completionTime;
    }
  }
  for (const a of prevActive)
    if (!jobs.some((j) => j.metadata.uid === a.uid)) ctx.events.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${a.name}`, COMPONENT);
  cleanupFinishedJobs(ctx, cj, jobs);
  scheduleNext(ctx, cj, status, active);
  if (active.length) status.active = active.map(activeRef);
  else delete status.active;
  setStatus(ctx.store, cj, status);
}

/** upstream: syncCronJob from "if cronJob.Spec.Suspend" on — decide whether this instant starts a Job. */
function scheduleNext(ctx: ControllerContext, cj: KObject, status: Record<string, unknown>, active: KObject[]): void {
  if (cj.spec?.suspend) return;
  const tz: string | undefined = cj.spec?.timeZone ?? undefined;
  if (tz && !isKnownTimeZone(tz)) {
    ctx.events.eventOnce(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${tz}": unknown time zone ${tz}`, COMPONENT);
    return;
  }
  const sched = parseCron(String(cj.spec?.schedule ?? ''));
  if (!sched) {
    ctx.events.eventOnce(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec?.schedule ?? ''}"`, COMPONENT);
    return;
  }
  const now = ctx.store.now();
  let earliest = Date.parse(String(status.lastScheduleTime ?? cj.metadata.creationTimestamp ?? ''));
  if (Number.isNaN(earliest)) earliest = now;
  const deadline = typeof cj.spec?.startingDeadlineSeconds === 'number' ? cj.spec.startingDeadlineSeconds : undefined;
  if (deadline !== undefined && now - deadline * 1000 > earliest) earliest = now - deadline * 1000;
  const { time: scheduled, missed } = mostRecentScheduleTime(sched, earliest, now, tz);
  if (missed > 100) {
    ctx.events.eventOnce(
      cj,
      'Warning',
      'TooManyMissedTimes',
      `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`,
      COMPONENT,
    );
  }
  if (scheduled === undefined) return;
  if (deadline !== undefined && scheduled + deadline * 1000 < now) {
    ctx.events.eventOnce(cj, 'Normal', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`, COMPONENT);
    return;
  }
  const name = cronJobName(cj.metadata.name, scheduled);
  if (active.some((j) => j.metadata.name === name) || status.lastScheduleTime === iso(scheduled)) return;
  const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
  if (policy === 'Forbid' && active.length) {
    // Once per scheduled time (upstream syncs again at the next schedule, not every round).
    const msg = 'Not starting job because prior execution is running and concurrency policy is Forbid';
    const seen = ctx.events.lastSeen(cj, 'Normal', 'JobAlreadyActive', msg);
    if (!seen || seen < iso(scheduled)) ctx.events.event(cj, 'Normal', 'JobAlreadyActive', msg, COMPONENT);
    return;
  }
  if (policy === 'Replace') {
    for (const j of active.splice(0)) {
      ctx.remove(j);
      ctx.events.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, COMPONENT);
    }
  }
  if (ctx.store.get('Job', cj.metadata.namespace, name)) return;
  const job = ctx.create(jobFromTemplate(cj, name, scheduled, tz));
  ctx.events.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`, COMPONENT);
  active.push(job);
  status.lastScheduleTime = iso(scheduled);
}

/** upstream: cleanupFinishedJobs / removeOldestJobs — keep the newest N successful and M failed Jobs. */
function cleanupFinishedJobs(ctx: ControllerContext, cj: KObject, jobs: KObject[]): void {
  const limits: ['Complete' | 'Failed', unknown][] = [
    ['Complete', cj.spec?.successfulJobsHistoryLimit],
    ['Failed', cj.spec?.failedJobsHistoryLimit],
  ];
  for (const [kind, limit] of limits) {
    if (typeof limit !== 'number') continue;
    const done = jobs.filter((j) => finishedAs(j) === kind && !j.metadata.deletionTimestamp);
    if (done.length <= limit) continue;
    const start = (j: KObject) => String(j.status?.startTime ?? j.metadata.creationTimestamp ?? '');
    done.sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : a.metadata.name < b.metadata.name ? -1 : 1));
    for (const j of done.slice(0, done.length - limit)) {
      ctx.remove(j);
      ctx.events.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, COMPONENT);
    }
  }
}

/** upstream: getJobFromTemplate2 — the template's labels and annotations, the scheduled timestamp, owned by the CronJob. */
function jobFromTemplate(cj: KObject, name: string, scheduledMs: number, tz?: string): KObject {
  const tpl = cj.spec?.jobTemplate ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: cj.metadata.namespace,
      labels: { ...(tpl.metadata?.labels ?? {}) },
      annotations: { ...(tpl.metadata?.annotations ?? {}), [SCHEDULED_ANNOTATION]: scheduledTimestamp(scheduledMs, tz) },
      ownerReferences: [ownerReference(cj)],
    },
    spec: fastClone(tpl.spec ?? {}),
  };
}

/** RFC 3339 in the CronJob's zone (UTC → `Z`). */
function scheduledTimestamp(ms: number, tz?: string): string {
  if (!tz || tz === 'UTC' || tz === 'Etc/UTC') return iso(ms);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }).formatToParts(new Date(ms));
  const off = parts.find((p) => p.type === 'timeZoneName')?.value.replace('GMT', '') || '+00:00';
  const wall = new Date(ms + offsetMs(off)).toISOString().replace('.000Z', '');
  return `${wall}${off === '+00:00' ? 'Z' : off}`;
}

function offsetMs(off: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(off);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600000 + Number(m[3]) * 60000) : 0;
}

/** The next time the schedule fires after `nowMs`, or undefined for a suspended / invalid one. */
export function nextScheduleTime(cj: KObject, nowMs: number): number | undefined {
  if (cj.spec?.suspend) return undefined;
  const tz: string | undefined = cj.spec?.timeZone ?? undefined;
  if (tz && !isKnownTimeZone(tz)) return undefined;
  const s = parseCron(String(cj.spec?.schedule ?? ''));
  return s ? nextCronTime(s, nowMs, tz) : undefined;
}

/** The earliest next schedule of any CronJob after `nowMs`: where letting time pass should stop next. */
export function nextCronWakeup(store: Store, nowMs: number): number | undefined {
  let best: number | undefined;
  for (const cj of store.list('CronJob')) {
    const t = nextScheduleTime(cj, nowMs);
    if (t !== undefined && (best === undefined || t < best)) best = t;
  }
  return best;
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
