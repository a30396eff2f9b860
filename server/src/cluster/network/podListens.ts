// What the process in a container really listens on, for the request tracer: the simulation
// profile's `listens` for its image, else the ports its manifest declares (runtime/listensOn).
import type { Pod } from '../types';
import type { ImageBehaviour } from '../runtime/simulationProfile';
import { declaredListens } from '../runtime/listensOn';

export interface ListenPort {
  port: number;
  protocol: string;
  /** The container that listens. */
  container: string;
}

/** Every TCP port the pod's containers are set up to listen on (app containers, then restartable init containers). */
export function podListens(pod: Pod, profile?: readonly ImageBehaviour[]): ListenPort[] {
  const out: ListenPort[] = [];
  const containers = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
  for (const c of containers) for (const port of declaredListens(c, profile)) out.push({ port, protocol: 'TCP', container: c.name });
  return out;
}
