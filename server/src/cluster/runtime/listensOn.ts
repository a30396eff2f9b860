// The ports a container's process really listens on: the simulation profile's `listens` for its
// image, else its declared containerPorts (the default image serves where it says it does).
// Nothing while the container is not running (crashed, waiting, not started yet), and nothing
// before its readyAfterSeconds have passed. For request tracing (a Service whose targetPort the
// process does not listen on answers "connection refused") and for the kubelet's probes.
import type { Container, Pod } from '../types';
import { behaviourFor, ImageBehaviour } from './simulationProfile';

/** What the image is set up to listen on, whatever its state (the profile, else the declared ports). */
export function declaredListens(container: Container, profile: readonly ImageBehaviour[] | undefined): number[] {
  const listens = behaviourFor(profile, container.image)?.listens;
  if (listens) return [...listens];
  return (container.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => p.containerPort);
}

/**
 * Ports container `containerName` of `pod` listens on now (`nowMs`, simulated; default: ignore
 * readyAfterSeconds). `profile`: Simulator.simulationProfile().
 */
export function listensOn(pod: Pod, containerName: string, profile?: readonly ImageBehaviour[], nowMs?: number): number[] {
  const container = pod.spec.containers.find((c) => c.name === containerName);
  const status = pod.status?.containerStatuses?.find((s) => s.name === containerName);
  if (!container || !status?.state.running || pod.metadata.deletionTimestamp) return [];
  const after = behaviourFor(profile, container.image)?.readyAfterSeconds ?? 0;
  if (nowMs !== undefined && after > 0 && nowMs < Date.parse(status.state.running.startedAt ?? '') + after * 1000) return [];
  return declaredListens(container, profile);
}
