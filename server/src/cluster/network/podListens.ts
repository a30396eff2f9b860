// What the process in a container really listens on. The simulator runs no program: until a
// simulation profile says otherwise, a container listens on the ports its manifest declares
// (`containerPort`, TCP unless the port says UDP/SCTP). The one place the request tracer asks.
import type { Pod } from '../types';

export interface ListenPort {
  port: number;
  protocol: string;
  /** The container that listens. */
  container: string;
}

/** Every port the pod's containers listen on (app containers, then restartable init containers). */
export function podListens(pod: Pod): ListenPort[] {
  const out: ListenPort[] = [];
  const containers = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
  for (const c of containers) for (const p of c.ports ?? []) out.push({ port: p.containerPort, protocol: p.protocol ?? 'TCP', container: c.name });
  return out;
}
