// Graceful pod deletion: the API server sets deletionTimestamp (now + terminationGracePeriodSeconds,
// default 30) and deletionGracePeriodSeconds instead of removing a running pod; the pod shows
// Terminating, leaves the Service endpoints at once and no longer counts toward its ReplicaSet
// (which creates the replacement at once). The kubelet sends SIGTERM ("Stopping container <c>");
// the simulated process exits `terminationSeconds` (simulation profile) after it, or is killed
// when the grace period ends, and the kubelet then removes the pod. An image without
// `terminationSeconds` exits at once on SIGTERM: its pod is removed right away, as before. A
// preStop `sleep` hook (1.29+) runs first and counts in the grace period; an exec or httpGet
// preStop hook is taken as instant (the simulator cannot run it).
// upstream: pkg/registry/core/pod/strategy.go CheckGracefulDelete, pkg/apiserver BeforeDelete
// (deletionTimestamp = now + grace), pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer
// (event Killing "Stopping container <c>"), pkg/kubelet/status/status_manager.go (final delete).
import type { ControllerContext } from '../controllerContext';
import type { Container, Pod } from '../types';
import { behaviourFor, type ImageBehaviour } from './simulationProfile';

export const DEFAULT_GRACE_SECONDS = 30;

/** How long a container takes to stop: its preStop sleep, then its process's terminationSeconds. */
function stopSeconds(c: Container, profile: readonly ImageBehaviour[] | undefined): number {
  const hook = (c.lifecycle as { preStop?: { sleep?: { seconds?: unknown } } } | undefined)?.preStop?.sleep?.seconds;
  const sleep = typeof hook === 'number' && hook > 0 ? hook : 0;
  return sleep + (behaviourFor(profile, c.image)?.terminationSeconds ?? 0);
}

/** Seconds a pod deleted with `grace` keeps running (0: its processes exit at once, the pod goes right away). */
export function terminationHoldSeconds(pod: Pod, profile: readonly ImageBehaviour[] | undefined, grace = gracePeriodSeconds(pod)): number {
  if (!pod.spec?.nodeName || !pod.status?.podIP) return 0;
  const phase = pod.status.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return 0;
  let hold = 0;
  for (const c of pod.spec.containers ?? []) {
    if (!pod.status.containerStatuses?.some((s) => s.name === c.name && s.state.running)) continue;
    hold = Math.max(hold, stopSeconds(c, profile));
  }
  return Math.min(hold, grace);
}

export function gracePeriodSeconds(pod: Pod): number {
  return pod.metadata.deletionGracePeriodSeconds ?? (pod.spec.terminationGracePeriodSeconds as number | undefined) ?? DEFAULT_GRACE_SECONDS;
}

/** Marks the pod as being deleted at `nowMs` with `grace` seconds (the API server's graceful delete). */
export function beginTermination(pod: Pod, nowMs: number, timestamp: (ms: number) => string, grace = gracePeriodSeconds(pod)): void {
  pod.metadata.deletionGracePeriodSeconds = grace;
  // The first graceful delete also counts as a change: generation + 1 (apiserver rest.BeforeDelete).
  if (pod.metadata.generation) pod.metadata.generation++;
  pod.metadata.deletionTimestamp = timestamp(nowMs + grace * 1000);
}

/** When the pod's last process is gone: preStop sleep + `terminationSeconds` after the delete, at most the grace period. */
export function terminationEndMs(pod: Pod, profile: readonly ImageBehaviour[] | undefined): number {
  const grace = gracePeriodSeconds(pod);
  const startMs = Date.parse(pod.metadata.deletionTimestamp ?? '') - grace * 1000;
  let hold = 0;
  for (const c of pod.spec.containers ?? []) hold = Math.max(hold, stopSeconds(c, profile));
  return startMs + Math.min(hold, grace) * 1000;
}

/** The kubelet's side: SIGTERM once (Killing events), then the pod removed when its processes are gone. */
export function syncTerminating(ctx: ControllerContext, rt: { simulation?: ImageBehaviour[]; stopping?: string[] }, pod: Pod, host: string): void {
  const uid = pod.metadata.uid ?? '';
  if (!rt.stopping?.includes(uid)) {
    for (const cs of pod.status.containerStatuses ?? [])
      if (cs.state.running) ctx.events.event(pod, 'Normal', 'Killing', `Stopping container ${cs.name}`, 'kubelet', host);
    (rt.stopping ??= []).push(uid);
  }
  const endMs = terminationEndMs(pod, rt.simulation);
  if (ctx.store.now() < endMs) {
    ctx.wakeAt(endMs, 'deletion');
    return;
  }
  rt.stopping = rt.stopping.filter((u) => u !== uid);
  ctx.store.delete('Pod', pod.metadata.namespace, pod.metadata.name);
}
