// What one request carries through the hops: the store, where it comes from, the hops so far,
// the seeded choice and the sticky choices of sessionAffinity: ClientIP.
import type { ImageBehaviour } from '../runtime/simulationProfile';
import type { Store } from '../store';
import type { Pod } from '../types';
import type { RequestAnswer, RequestError, RequestHop } from '../../protocol/requestTrace';

export type RequestOrigin =
  | { kind: 'pod'; pod: Pod }
  /** A throw-away client pod in a namespace, as `kubectl run -it --rm curl --image=curlimages/curl`. */
  | { kind: 'client'; namespace: string }
  | { kind: 'outside' };

export interface RouteContext {
  store: Store;
  origin: RequestOrigin;
  hops: RequestHop[];
  random: () => number;
  /** sessionAffinity ClientIP: the endpoint a Service gave this client first (Service key → address). */
  affinity: Map<string, string>;
  /** ingress-nginx round robin: requests sent so far per backend. */
  roundRobin: Map<string, number>;
  /** The simulation profile (Simulator.simulationProfile()): what each image really listens on. */
  profile?: readonly ImageBehaviour[];
  /** The request's method (default GET) and headers (names lower-case) — what HTTPRoute matches read. */
  method?: string;
  headers?: Record<string, string>;
}

export type Outcome = { answer: RequestAnswer; error?: undefined } | { error: RequestError; answer?: undefined };

export function hop(ctx: RouteContext, kind: string, name: string, rule: string, result: string): void {
  ctx.hops.push({ kind, name, rule, result });
}

export function fail(code: string, message: string): Outcome {
  return { error: { code, message } };
}

/** The namespace short DNS names are searched in (the client pod's). */
export function originNamespace(origin: RequestOrigin): string {
  return origin.kind === 'pod' ? (origin.pod.metadata.namespace ?? 'default') : origin.kind === 'client' ? origin.namespace : 'default';
}

export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}
