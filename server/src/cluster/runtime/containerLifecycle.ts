// When a running container stops — its process exits (the profile's `exit`, a Job pod's work
// done), it is OOMKilled (the profile's `memory` above limits.memory, exit code 137), a liveness or
// startup probe fails failureThreshold times in a row, or the user's `fault` says so — and how
// probes fare while it runs (a process answers once readyAfterSeconds have passed, on the ports it
// listens on, until livenessFailsAfterSeconds).
// upstream: pkg/kubelet/prober/worker.go doProbe, prober.go (event "<Type> probe failed: <output>"),
// pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions ("Container <c> failed
// liveness probe, will be restarted"), pkg/kubelet/cm OOM → reason OOMKilled, exit code 137.
import type { Container, Pod, Probe } from '../types';
import { parseQuantity } from '../../k8s/quantity';
import { behaviourFor, ImageBehaviour } from './simulationProfile';
import { failureAt, livenessKillAt, probeAtOrAfter, probeTimes, successAt } from './probeTiming';

/** How long a Job's pod "runs" before it completes (the simulator cannot run the workload). */
export const JOB_POD_RUN_SECONDS = 5;

export type FaultKind = 'crash' | 'oom' | 'liveness';

/** A learning action on a running container, consumed when that container stops. */
export interface Fault {
  uid: string;
  container: string;
  kind: FaultKind;
  atMs: number;
}

export type EndKind = 'exit' | 'oom' | 'liveness' | 'startup';

export interface ContainerEnd {
  kind: EndKind;
  atMs: number;
  exitCode: number;
  /** A timer the cluster settles through (a Job's work), not a runtime event. */
  settles?: boolean;
}

export interface ProbeFailure {
  type: 'Liveness' | 'Readiness' | 'Startup';
  atMs: number;
  message: string;
}

export function isJobPod(pod: Pod): boolean {
  return pod.metadata.ownerReferences?.some((r) => r.controller && r.kind === 'Job') === true && pod.spec.restartPolicy !== 'Always';
}

function probePort(c: Container, probe: Probe): number | undefined {
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
  if (typeof port === 'number') return port;
  if (typeof port === 'string') return c.ports?.find((p) => p.name === port)?.containerPort ?? (/^\d+$/.test(port) ? Number(port) : undefined);
  return undefined;
}

/** The process listens on the probe's port but has no handler for its HTTP path (the profile's httpPaths). */
function pathNotServed(probe: Probe, b: ImageBehaviour | undefined): boolean {
  return !!probe.httpGet && !!b?.httpPaths && !b.httpPaths.includes(probe.httpGet.path ?? '/');
}

/** When the process answers this probe: readyAfterSeconds after the start, never on a port it does not listen on or a path it does not serve. */
export function answersFrom(c: Container, probe: Probe, b: ImageBehaviour | undefined, startMs: number): number {
  const port = probePort(c, probe);
  // Without a profile `listens` the process answers whatever port its probes ask (containerPorts
  // are informational: many manifests probe a port they do not declare, CoreDNS included).
  if (port !== undefined && b?.listens && !b.listens.includes(port)) return Infinity;
  if (pathNotServed(probe, b)) return Infinity;
  return startMs + (b?.readyAfterSeconds ?? 0) * 1000;
}

/**
 * The probe's output when it fails at `atMs`: refused while nothing listens, 404 from a process up
 * on the port without that path, timed out once the process hangs.
 */
export function probeFailureText(c: Container, probe: Probe, podIP: string, hung: boolean, b?: ImageBehaviour, startMs = 0, atMs = 0): string {
  const port = probePort(c, probe) ?? 0;
  const listening = !(b?.listens && !b.listens.includes(port)) && atMs >= startMs + (b?.readyAfterSeconds ?? 0) * 1000;
  if (!hung && listening && pathNotServed(probe, b)) return 'HTTP probe failed with statuscode: 404';
  if (probe.httpGet) {
    const url = `${(probe.httpGet.scheme ?? 'HTTP').toLowerCase()}://${podIP}:${port}${probe.httpGet.path ?? '/'}`;
    return hung
      ? `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
      : `Get "${url}": dial tcp ${podIP}:${port}: connect: connection refused`;
  }
  if (probe.tcpSocket) return hung ? `dial tcp ${podIP}:${port}: i/o timeout` : `dial tcp ${podIP}:${port}: connect: connection refused`;
  if (probe.grpc)
    return hung
      ? `timeout: failed to connect service "${podIP}:${port}" within ${probe.timeoutSeconds ?? 1}s`
      : `timeout: failed to connect service "${podIP}:${port}" within ${probe.timeoutSeconds ?? 1}s: context deadline exceeded`;
  const cmd = (probe.exec?.command ?? []).join(' ');
  return hung ? `command "${cmd}" timed out` : '';
}

export interface RunningPlan {
  /** The earliest way this container stops, if any. */
  end?: ContainerEnd;
  /** When the startup probe succeeds (the container counts as started), or the start itself. */
  startedAtMs: number;
  /** Startup probe failures before it passes, and the liveness/startup failures that end the run (for the Unhealthy events). */
  failures: ProbeFailure[];
}

/** Everything that can stop a container started at `startMs`, computed from its spec, profile and faults. */
export function planRunning(pod: Pod, c: Container, profile: readonly ImageBehaviour[] | undefined, faults: readonly Fault[], startMs: number): RunningPlan {
  const b = behaviourFor(profile, c.image);
  const ends: ContainerEnd[] = [];
  const failures: ProbeFailure[] = [];
  const exit = b?.exit ?? (isJobPod(pod) ? { code: 0, afterSeconds: JOB_POD_RUN_SECONDS } : undefined);
  if (exit) ends.push({ kind: 'exit', atMs: startMs + exit.afterSeconds * 1000, exitCode: exit.code, settles: !b?.exit });
  const limit = c.resources?.limits?.memory;
  if (b?.memory && limit !== undefined && (parseQuantity(b.memory) ?? 0) > (parseQuantity(limit) ?? Infinity))
    ends.push({ kind: 'oom', atMs: startMs, exitCode: 137 });
  let livenessFaultMs = Infinity;
  for (const f of faults) {
    if (f.container !== c.name || f.atMs < startMs) continue;
    if (f.kind === 'crash') ends.push({ kind: 'exit', atMs: f.atMs, exitCode: 1 });
    else if (f.kind === 'oom') ends.push({ kind: 'oom', atMs: f.atMs, exitCode: 137 });
    else livenessFaultMs = Math.min(livenessFaultMs, f.atMs);
  }
  const ip = pod.status?.podIP ?? '';
  let startedAtMs = startMs;
  if (c.startupProbe) {
    const p = probeTimes(c.startupProbe);
    const up = answersFrom(c, c.startupProbe, b, startMs);
    const ok = successAt({ ...p, successThreshold: 1 }, startMs, up);
    const fail = failureAt(p, startMs, startMs);
    if (fail < ok) {
      ends.push({ kind: 'startup', atMs: fail, exitCode: 137 });
      for (let i = 0; i < p.failureThreshold; i++)
        failures.push({
          type: 'Startup',
          atMs: fail - i * p.periodMs,
          message: probeFailureText(c, c.startupProbe, ip, false, b, startMs, fail - i * p.periodMs),
        });
      startedAtMs = Infinity;
    } else {
      startedAtMs = ok;
      // Every startup probe before the first success failed, and each is evented.
      for (let at = probeAtOrAfter(p, startMs, startMs); at < ok; at += p.periodMs)
        failures.push({ type: 'Startup', atMs: at, message: probeFailureText(c, c.startupProbe, ip, false, b, startMs, at) });
    }
  }
  if (c.livenessProbe && Number.isFinite(startedAtMs)) {
    const p = probeTimes(c.livenessProbe);
    const up = answersFrom(c, c.livenessProbe, b, startMs);
    const hangs = Math.min(b?.livenessFailsAfterSeconds !== undefined ? startMs + b.livenessFailsAfterSeconds * 1000 : Infinity, livenessFaultMs);
    // Liveness only runs once the container has started (startup probe passed).
    const from = probeAtOrAfter(p, startMs, startedAtMs);
    const kill = livenessKillAt(p, startMs, from, up, hangs);
    if (Number.isFinite(kill)) {
      ends.push({ kind: 'liveness', atMs: kill, exitCode: 137 });
      const hung = kill - (p.failureThreshold - 1) * p.periodMs >= hangs;
      for (let i = 0; i < p.failureThreshold; i++)
        failures.push({
          type: 'Liveness',
          atMs: kill - i * p.periodMs,
          message: probeFailureText(c, c.livenessProbe, ip, hung, b, startMs, kill - i * p.periodMs),
        });
    }
  }
  ends.sort((x, y) => x.atMs - y.atMs);
  const end = ends[0];
  return { end, startedAtMs, failures: (end ? failures.filter((f) => f.atMs <= end.atMs) : failures).sort((x, y) => x.atMs - y.atMs) };
}

/** The terminated state a stop leaves: Completed / Error / OOMKilled with upstream exit codes. */
export function terminatedReason(end: ContainerEnd): string {
  if (end.kind === 'oom') return 'OOMKilled';
  return end.exitCode === 0 ? 'Completed' : 'Error';
}

/** The kubelet's Killing event text for a probe that restarts the container. */
export function killingMessage(container: string, kind: EndKind): string | undefined {
  if (kind === 'liveness') return `Container ${container} failed liveness probe, will be restarted`;
  if (kind === 'startup') return `Container ${container} failed startup probe, will be restarted`;
  return undefined;
}

/** When the readiness probe of a container running since `startMs` first reports success (Infinity: never). */
export function readinessAt(c: Container, probe: Probe, profile: readonly ImageBehaviour[] | undefined, startMs: number, startedAtMs: number): number {
  const b = behaviourFor(profile, c.image);
  const up = Math.max(answersFrom(c, probe, b, startMs), startedAtMs);
  return Number.isFinite(up) ? successAt(probeTimes(probe), startMs, up) : Infinity;
}

/**
 * The readiness probes of a run that fail before the probe first succeeds, oldest first: from the
 * first probe after the start (and after the startup probe passed) while the process does not
 * answer it, those after `afterMs` and at most `untilMs`; `nextMs` is the next failing probe
 * (Infinity: none). A readiness failure does not restart the container; it only keeps it unready.
 */
export function readinessFailures(
  pod: Pod,
  c: Container,
  probe: Probe,
  profile: readonly ImageBehaviour[] | undefined,
  startMs: number,
  startedAtMs: number,
  afterMs: number,
  untilMs: number,
): { failures: ProbeFailure[]; nextMs: number } {
  const failures: ProbeFailure[] = [];
  if (!Number.isFinite(startedAtMs)) return { failures, nextMs: Infinity };
  const b = behaviourFor(profile, c.image);
  const p = probeTimes(probe);
  const up = Math.max(answersFrom(c, probe, b, startMs), startedAtMs);
  const ip = pod.status?.podIP ?? '';
  let at = probeAtOrAfter(p, startMs, Math.max(startedAtMs, afterMs + 1));
  for (; at < up && at <= untilMs; at += p.periodMs)
    failures.push({ type: 'Readiness', atMs: at, message: probeFailureText(c, probe, ip, false, b, startMs, at) });
  return { failures, nextMs: at < up ? at : Infinity };
}
