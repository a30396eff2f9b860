// When probes run and when a run of them crosses a threshold. A probe worker probes at
// start + initialDelaySeconds, then every periodSeconds; the result flips after successThreshold
// consecutive successes or failureThreshold consecutive failures. Pure: simulated milliseconds.
// upstream: pkg/kubelet/prober/worker.go (run, doProbe: initialDelaySeconds, resultRun vs
// FailureThreshold/SuccessThreshold); defaults pkg/apis/core/v1/defaults.go SetDefaults_Probe.
import type { Probe } from '../types';

export interface ProbeTimes {
  initialDelayMs: number;
  periodMs: number;
  failureThreshold: number;
  successThreshold: number;
}

export function probeTimes(p: Probe): ProbeTimes {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: Math.max(1, p.periodSeconds ?? 10) * 1000,
    failureThreshold: Math.max(1, p.failureThreshold ?? 3),
    successThreshold: Math.max(1, p.successThreshold ?? 1),
  };
}

/** The first probe at or after `t` of a container started at `startMs`. */
export function probeAtOrAfter(p: ProbeTimes, startMs: number, t: number): number {
  const first = startMs + p.initialDelayMs;
  if (t <= first) return first;
  return first + Math.ceil((t - first) / p.periodMs) * p.periodMs;
}

/** The probe that completes successThreshold successes in a row, the first of them at or after `upMs`. */
export function successAt(p: ProbeTimes, startMs: number, upMs: number): number {
  return probeAtOrAfter(p, startMs, upMs) + (p.successThreshold - 1) * p.periodMs;
}

/** The probe that completes failureThreshold failures in a row, the first of them at or after `fromMs`. */
export function failureAt(p: ProbeTimes, startMs: number, fromMs: number): number {
  return probeAtOrAfter(p, startMs, fromMs) + (p.failureThreshold - 1) * p.periodMs;
}

/**
 * When a liveness probe kills the container: failures while the process is not up yet
 * ([from, upMs)) count if failureThreshold of them fit before it comes up; otherwise the run that
 * starts at `failsFromMs` (the process stops answering) does. Infinity: never.
 */
export function livenessKillAt(p: ProbeTimes, startMs: number, fromMs: number, upMs: number, failsFromMs: number): number {
  const early = failureAt(p, startMs, fromMs);
  if (early < upMs) return early;
  return Number.isFinite(failsFromMs) ? failureAt(p, startMs, Math.max(fromMs, failsFromMs)) : Infinity;
}
