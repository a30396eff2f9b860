// The kubelet's container runtime loop for a pod whose sandbox is up: a running container stops
// (exit, OOMKilled, liveness/startup probe, a fault), a stopped one restarts as restartPolicy says
// after the crash back-off (CrashLoopBackOff: 10 s doubling to 5 min, reset after 10 min of
// running), a failed pull is retried after the pull back-off; then the pod's phase follows.
// upstream: pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions, doBackOff
// ("back-off 10s restarting failed container=<c> pod=<pod>_<ns>(<uid>)", event BackOffStartContainer);
// pkg/kubelet/kubelet_pods.go getPhase; pkg/kubelet/status/generate.go (PodCompleted).
import type { ControllerContext } from '../controllerContext';
import type { Container, ContainerStatus, Pod, Probe } from '../types';
import { createdMessage, startedMessage } from '../kubeletMessages';
import { runningSince } from '../sharedStatus';
import { orderPodConditions, setPodCondition } from '../podConditions';
import { BackoffTable, goDuration, inBackoffSince, nextBackoff } from './backoff';
import { behaviourFor, ImageBehaviour } from './simulationProfile';
import { ensureImage } from './imagePull';
import { Fault, isJobPod, killingMessage, planRunning, readinessFailures, terminatedReason } from './containerLifecycle';

/** What the runtime keeps between rounds (part of the kubelet's state, saved with the cluster). */
export interface RuntimeState {
  /** The simulation profile's image entries. */
  simulation?: ImageBehaviour[];
  /** Crash and pull back-off entries (keys `<uid>_<container>` and `<uid>_<image>`). */
  backoff?: BackoffTable;
  faults?: Fault[];
  /** Images a `fault … unpullable` took out of the registry. */
  unpullable?: string[];
  /** Last probe failure reported as an event, per `<uid>_<container>`. */
  probeReported?: Record<string, number>;
}

const RUNTIME_WAITING = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'CrashLoopBackOff']);

/** A container state the runtime loop owns (the first start is the kubelet's startPod). */
export function isRuntimeOwned(cs: ContainerStatus | undefined): boolean {
  return !!cs && (!!cs.state.terminated || RUNTIME_WAITING.has(cs.state.waiting?.reason ?? ''));
}

/** True when the pod has anything the runtime loop must look at (cheap for the plain running pod). */
export function needsRuntime(pod: Pod, rt: RuntimeState): boolean {
  const uid = pod.metadata.uid ?? '';
  if (rt.faults?.some((f) => f.uid === uid)) return true;
  if (isJobPod(pod)) return true;
  const statuses = pod.status.containerStatuses ?? [];
  for (let i = 0; i < statuses.length; i++) if (isRuntimeOwned(statuses[i])) return true;
  const containers = pod.spec.containers;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    if (c.livenessProbe || c.startupProbe) return true;
    // A readiness probe fails (and is evented) only until it first passes.
    if (c.readinessProbe && !(statuses[i]?.name === c.name ? statuses[i] : statuses.find((s) => s.name === c.name))?.ready) return true;
    const b = rt.simulation?.length ? behaviourFor(rt.simulation, c.image) : undefined;
    if (b && (b.exit || b.memory)) return true;
  }
  return false;
}

export function startedStatus(
  ctx: ControllerContext,
  pod: Pod,
  c: Container,
  restartCount: number,
  lastState: ContainerStatus['lastState'],
  host: string,
): ContainerStatus {
  ctx.events.event(pod, 'Normal', 'Created', createdMessage(c.name), 'kubelet', host);
  ctx.events.event(pod, 'Normal', 'Started', startedMessage(c.name), 'kubelet', host);
  const s: ContainerStatus = { name: c.name, image: c.image, ready: false, started: true, restartCount, state: runningSince(ctx.store.timestamp()) };
  if (lastState) s.lastState = lastState;
  return s;
}

/**
 * upstream prober: each failed readiness probe records `Readiness probe failed: <output>` (repeats of
 * one message counted on one event); the container stays running, only unready.
 */
function reportReadinessFailures(
  ctx: ControllerContext,
  rt: RuntimeState,
  pod: Pod,
  c: Container,
  startMs: number,
  startedAtMs: number,
  endMs: number,
  host: string,
): void {
  const key = `${pod.metadata.uid ?? ''}_${c.name}/readiness`;
  const reported = rt.probeReported?.[key] ?? -Infinity;
  const { failures, nextMs } = readinessFailures(
    pod,
    c,
    c.readinessProbe as Probe,
    rt.simulation,
    startMs,
    startedAtMs,
    reported,
    Math.min(ctx.store.now(), endMs - 1),
  );
  for (const f of failures) ctx.events.event(pod, 'Warning', 'Unhealthy', `${f.type} probe failed: ${f.message}`, 'kubelet', host);
  if (failures.length) (rt.probeReported ??= {})[key] = failures[failures.length - 1].atMs;
  if (Number.isFinite(nextMs) && nextMs < endMs) ctx.wakeAt(nextMs, 'runtime');
}

function syncRunning(ctx: ControllerContext, rt: RuntimeState, pod: Pod, c: Container, cs: ContainerStatus, host: string): ContainerStatus {
  const uid = pod.metadata.uid ?? '';
  const startMs = Date.parse(cs.state.running?.startedAt ?? ctx.store.timestamp());
  const faults = (rt.faults ?? []).filter((f) => f.uid === uid);
  const plan = planRunning(pod, c, rt.simulation, faults, startMs);
  const now = ctx.store.now();
  const key = `${uid}_${c.name}`;
  // upstream prober: one Unhealthy event per failed probe (repeats counted on one event).
  const reported = rt.probeReported?.[key] ?? -Infinity;
  let last = reported;
  for (const f of plan.failures) {
    if (f.atMs > now) {
      ctx.wakeAt(f.atMs, 'runtime');
      break;
    }
    if (f.atMs <= reported) continue;
    ctx.events.event(pod, 'Warning', 'Unhealthy', `${f.type} probe failed: ${f.message}`, 'kubelet', host);
    last = f.atMs;
  }
  if (last !== reported) (rt.probeReported ??= {})[key] = last;
  const end = plan.end;
  if (c.readinessProbe) reportReadinessFailures(ctx, rt, pod, c, startMs, plan.startedAtMs, end?.atMs ?? Infinity, host);
  if (!end) return cs;
  if (now < end.atMs) {
    ctx.wakeAt(end.atMs, end.settles ? undefined : 'runtime');
    return cs;
  }
  const killing = killingMessage(c.name, end.kind);
  if (killing) ctx.events.event(pod, 'Normal', 'Killing', killing, 'kubelet', host);
  if (rt.faults) rt.faults = rt.faults.filter((f) => !(f.uid === uid && f.container === c.name));
  if (rt.probeReported) {
    delete rt.probeReported[key];
    delete rt.probeReported[`${key}/readiness`];
  }
  const terminated = { exitCode: end.exitCode, reason: terminatedReason(end), startedAt: cs.state.running?.startedAt, finishedAt: ctx.store.timestamp() };
  return { ...cs, ready: false, started: false, state: { terminated } };
}

export function syncStopped(ctx: ControllerContext, rt: RuntimeState, pod: Pod, c: Container, cs: ContainerStatus, host: string): ContainerStatus {
  const term = cs.state.terminated ?? cs.lastState?.terminated;
  if (!term) return cs;
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Never' || (policy === 'OnFailure' && term.exitCode === 0)) return cs;
  const uid = pod.metadata.uid ?? '';
  const key = `${uid}_${c.name}`;
  const backoff = (rt.backoff ??= {});
  const finished = Date.parse(term.finishedAt ?? '');
  const now = ctx.store.now();
  if (inBackoffSince(backoff, key, finished, now)) {
    const entry = backoff[key];
    ctx.wakeAt(finished + entry.backoffMs, 'runtime');
    if (cs.state.waiting?.reason === 'CrashLoopBackOff') return cs;
    const podRef = `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${uid})`;
    ctx.events.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef}`, 'kubelet', host);
    const message = `back-off ${goDuration(entry.backoffMs)} restarting failed container=${c.name} pod=${podRef}`;
    return {
      name: c.name,
      image: c.image,
      ready: false,
      started: false,
      restartCount: cs.restartCount,
      state: { waiting: { reason: 'CrashLoopBackOff', message } },
      lastState: { terminated: term },
    };
  }
  nextBackoff(backoff, key, finished, now);
  const restartCount = cs.restartCount + 1;
  const pulled = ensureImage(
    ctx,
    pod,
    c,
    { ...cs, restartCount, lastState: { terminated: term } },
    { profile: rt.simulation, unpullable: rt.unpullable, backoff },
    host,
  );
  return pulled ?? startedStatus(ctx, pod, c, restartCount, { terminated: term }, host);
}

function syncContainer(ctx: ControllerContext, rt: RuntimeState, pod: Pod, c: Container, cs: ContainerStatus, host: string): ContainerStatus {
  if (cs.state.running) return syncRunning(ctx, rt, pod, c, cs, host);
  if (cs.state.terminated || cs.state.waiting?.reason === 'CrashLoopBackOff') return syncStopped(ctx, rt, pod, c, cs, host);
  if (RUNTIME_WAITING.has(cs.state.waiting?.reason ?? '')) {
    const pulled = ensureImage(ctx, pod, c, cs, { profile: rt.simulation, unpullable: rt.unpullable, backoff: (rt.backoff ??= {}) }, host);
    return pulled ?? startedStatus(ctx, pod, c, cs.restartCount, cs.lastState, host);
  }
  return cs;
}

/** upstream getPhase: terminal once every container stopped for good; Running once one has run. */
function podPhase(pod: Pod, statuses: ContainerStatus[]): string {
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (statuses.length && statuses.every((s) => s.state.terminated)) {
    const failed = statuses.some((s) => s.state.terminated!.exitCode !== 0);
    if (policy === 'Never' || (policy === 'OnFailure' && !failed)) return failed ? 'Failed' : 'Succeeded';
  }
  const ran = statuses.some((s) => s.state.running || s.state.terminated || s.lastState || s.restartCount > 0);
  return ran ? 'Running' : 'Pending';
}

export function syncPodRuntime(ctx: ControllerContext, rt: RuntimeState, pod: Pod, host: string): void {
  const status = pod.status;
  const current = status.containerStatuses ?? [];
  let next: ContainerStatus[] | undefined;
  for (let i = 0; i < current.length; i++) {
    const cs = current[i];
    const c = pod.spec.containers.find((x) => x.name === cs.name);
    const r = c ? syncContainer(ctx, rt, pod, c, cs, host) : cs;
    if (r !== cs) (next ??= current.slice(0, i)).push(r);
    else next?.push(cs);
  }
  const statuses = next ?? current;
  const phase = podPhase(pod, statuses);
  if (!next && phase === status.phase) return;
  status.containerStatuses = statuses;
  if (phase !== status.phase && (phase === 'Succeeded' || phase === 'Failed')) {
    const now = ctx.store.timestamp();
    const why = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
    let conds = status.conditions ?? [];
    conds = setPodCondition(conds, 'Ready', 'False', now, why);
    conds = setPodCondition(conds, 'ContainersReady', 'False', now, why);
    conds = setPodCondition(conds, 'PodReadyToStartContainers', 'False', now);
    status.conditions = orderPodConditions(conds);
  }
  status.phase = phase;
  ctx.store.update(pod);
}
