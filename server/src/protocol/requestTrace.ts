// The result of `kubemate request` and of "Send Request…" in the editor: every hop a request
// takes through the simulated cluster and its rule, who answered, or the exact reason it stopped.
// A stable JSON contract (`kubemate request -o json`); the texts are in the user's language.
// Only types live here: the client imports this file.

export interface RequestHop {
  /** Client, DNS, Service, Endpoints, kube-proxy, Node, IngressController, Ingress, Pod. */
  kind: string;
  /** The object or name the hop is about (`default/web`, `web.default.svc.cluster.local`). */
  name: string;
  /** The rule that decided this hop, in plain words. */
  rule: string;
  /** What came out of it (the address chosen, or why it stops). */
  result: string;
}

export interface RequestAnswer {
  /** `namespace/name` of the pod that answered. */
  pod: string;
  node: string | null;
  ip: string;
  port: number;
}

export interface RequestError {
  /** Stable: NXDOMAIN, ConnectionRefused, ConnectionTimedOut, NotFound404, ServiceUnavailable503, BadGateway502, NoIngressController, ExternalName. */
  code: string;
  message: string;
}

export interface RequestDistribution {
  /** How many requests were sent (`--count`). */
  requests: number;
  /** Requests answered, by pod (`namespace/name`), in name order. */
  answered: Record<string, number>;
  /** Requests that got no answer from a pod. */
  failed: number;
}

export interface RequestTrace {
  target: string;
  /** The hops of the first request. */
  hops: RequestHop[];
  answeredBy: RequestAnswer | null;
  error: RequestError | null;
  distribution: RequestDistribution;
}
