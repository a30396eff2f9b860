// Init containers, run by the kubelet one after another before the app containers: each starts
// once the one before it exited 0 (a native sidecar — an init container with restartPolicy
// Always — once it started, and it keeps running); a failed one restarts with the crash back-off
// (Init:Error → Init:CrashLoopBackOff) unless the pod's restartPolicy is Never, which fails the
// pod. The simulator cannot run the image: its process exits as the simulation profile's `exit`
// says, or with code 0 after INIT_CONTAINER_RUN_SECONDS. Not-yet-started init containers wait
// in PodInitializing; a completed one reports ready (prober manager: terminated with exit 0).
// upstream: pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions,
// kuberuntime_manager.go computePodActions, pkg/kubelet/prober/prober_manager.go UpdatePodStatus,
// pkg/kubelet/status/generate.go GeneratePodInitializedCondition.
import type { ControllerContext } from '../controllerContext';
import type { Container, ContainerStatus, Pod } from '../types';
import { ensureImage } from './imagePull';
import { type RuntimeState, startedStatus, syncStopped } from './podRuntime';
import { behaviourFor } from './simulationProfile';

/** How long a default init container "runs" before it exits 0 (the simulator cannot run its work). */
export const INIT_CONTAINER_RUN_SECONDS = 1;

/** done: every init container completed (sidecars started); failed: one failed for good (restartPolicy Never). */
export type InitProgress = 'running' | 'done' | 'failed';

export function isSidecar(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

export function podInitializingStatus(c: Container, restartCount = 0): ContainerStatus {
  return { name: c.name, image: c.image, ready: false, started: false, restartCount, state: { waiting: { reason: 'PodInitializing' } } };
}

/** When the process of an init container started at `startMs` exits, and with which code. */
export function initExit(rt: RuntimeState, c: Container, startMs: number): { atMs: number; code: number; fromProfile: boolean } {
  const exit = behaviourFor(rt.simulation, c.image)?.exit;
  if (exit) return { atMs: startMs + exit.afterSeconds * 1000, code: exit.code, fromProfile: true };
  return { atMs: startMs + INIT_CONTAINER_RUN_SECONDS * 1000, code: 0, fromProfile: false };
}

function start(ctx: ControllerContext, rt: RuntimeState, pod: Pod, c: Container, cs: ContainerStatus | undefined, host: string): ContainerStatus {
  const pulled = ensureImage(ctx, pod, c, cs, { profile: rt.simulation, unpullable: rt.unpullable, backoff: (rt.backoff ??= {}) }, host);
  if (pulled) return pulled;
  const s = startedStatus(ctx, pod, c, cs?.restartCount ?? 0, cs?.lastState, host);
  // A sidecar without a readiness probe is ready once started.
  if (isSidecar(c)) s.ready = true;
  return s;
}

function step(ctx: ControllerContext, rt: RuntimeState, pod: Pod, c: Container, cs: ContainerStatus | undefined, host: string): ContainerStatus {
  const waitingFor = cs?.state.waiting?.reason;
  if (!cs || waitingFor === 'PodInitializing' || waitingFor === 'ErrImagePull' || waitingFor === 'ImagePullBackOff') return start(ctx, rt, pod, c, cs, host);
  if (cs.state.running) {
    if (isSidecar(c)) return cs;
    const startedAt = cs.state.running.startedAt ?? ctx.store.timestamp();
    const end = initExit(rt, c, Date.parse(startedAt));
    if (ctx.store.now() < end.atMs) {
      ctx.wakeAt(end.atMs, end.fromProfile ? 'runtime' : undefined);
      return cs;
    }
    const terminated = { exitCode: end.code, reason: end.code === 0 ? 'Completed' : 'Error', startedAt, finishedAt: ctx.store.timestamp() };
    return { ...cs, ready: end.code === 0, started: false, state: { terminated } };
  }
  if (cs.state.terminated?.exitCode === 0) return cs;
  return syncStopped(ctx, rt, pod, c, cs, host);
}

/** One kubelet sync of the pod's init containers: updates status.initContainerStatuses and says how far it got. */
export function syncInitContainers(ctx: ControllerContext, rt: RuntimeState, pod: Pod, host: string): InitProgress {
  const specs = pod.spec.initContainers ?? [];
  const before = pod.status.initContainerStatuses ?? [];
  const never = pod.spec.restartPolicy === 'Never';
  const out: ContainerStatus[] = [];
  let progress: InitProgress = 'done';
  for (const c of specs) {
    const cs = before.find((s) => s.name === c.name);
    if (progress !== 'done') {
      out.push(cs ?? podInitializingStatus(c));
      continue;
    }
    const next = step(ctx, rt, pod, c, cs, host);
    out.push(next);
    const term = next.state.terminated;
    if (isSidecar(c) ? !next.started : term?.exitCode !== 0) progress = never && term ? 'failed' : 'running';
  }
  pod.status.initContainerStatuses = out;
  return progress;
}
