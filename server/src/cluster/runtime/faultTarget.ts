// Which container a learning action (`kubemate fault <pod> crash|oom|liveness|unpullable`) acts
// on, and why it cannot: a fault needs a running container (an image fault any container), a
// liveness fault a container with a livenessProbe (without one nothing would ever restart it).
import type { Container, Pod } from '../types';

export type FaultAction = 'crash' | 'oom' | 'liveness' | 'unpullable';
export const FAULT_ACTIONS: FaultAction[] = ['crash', 'oom', 'liveness', 'unpullable'];

export type FaultProblem = 'noSuchContainer' | 'notRunning' | 'noLivenessProbe';

export function pickFaultTarget(pod: Pod, containerName: string | undefined, kind: FaultAction): { container: Container } | { problem: FaultProblem } {
  const container = containerName === undefined ? pod.spec.containers[0] : pod.spec.containers.find((c) => c.name === containerName);
  if (!container) return { problem: 'noSuchContainer' };
  if (kind === 'unpullable') return { container };
  const running = pod.status?.containerStatuses?.find((s) => s.name === container.name)?.state.running;
  if (!running || pod.metadata.deletionTimestamp) return { problem: 'notRunning' };
  if (kind === 'liveness' && !container.livenessProbe) return { problem: 'noLivenessProbe' };
  return { container };
}
