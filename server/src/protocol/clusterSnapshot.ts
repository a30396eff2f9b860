// Plain JSON shapes of the simulated cluster as other tools see it: the stable contract of
// `kubemate apply -o json` / `kubemate get -o json`, and what the VS Code tree view renders.
// Only types and tiny pure helpers live here: the client imports this file.

/** How `apply` treated one document (kubectl wording: created / configured / unchanged). */
type ApplyAction = 'created' | 'configured' | 'unchanged' | 'error';

export interface AppliedEntry {
  apiVersion: string;
  kind: string;
  /** null for cluster-scoped kinds (Namespace, Node, PersistentVolume…). */
  namespace: string | null;
  name: string;
  action: ApplyAction;
  /** The kubectl line (`deployment.apps/web created`) or the API-server style rejection. */
  message: string;
  /** Where the document came from, when known (file path or editor URI, 1-based line). */
  source?: { file: string; line: number } | null;
}

export interface OwnerSummary {
  kind: string;
  name: string;
}

export interface PodSummary {
  namespace: string;
  name: string;
  /** status.phase: Pending | Running | Succeeded | Failed | Unknown */
  phase: string;
  /** The STATUS column of `kubectl get pods` (Running, Pending, CreateContainerConfigError…). */
  status: string;
  /** The READY column, e.g. "1/1". */
  ready: string;
  restarts: number;
  node: string | null;
  ip: string | null;
  owner: OwnerSummary | null;
  /** Why the pod is not running/ready (Unschedulable, CreateContainerConfigError…). */
  reason: string | null;
  message: string | null;
}

export interface ReplicaSetSummary {
  namespace: string;
  name: string;
  desired: number;
  current: number;
  ready: number;
  /** deployment.kubernetes.io/revision, null for a ReplicaSet not owned by a Deployment. */
  revision: number | null;
  owner: OwnerSummary | null;
}

interface ServicePortSummary {
  name: string | null;
  port: number;
  targetPort: number | string;
  nodePort: number | null;
  protocol: string;
}

export interface ServiceSummary {
  namespace: string;
  name: string;
  type: string;
  /** "None" for a headless Service, null for ExternalName. */
  clusterIP: string | null;
  /** `<pending>` for a LoadBalancer without an address; the external name for ExternalName. */
  externalIP: string | null;
  ports: ServicePortSummary[];
}

export interface EndpointsSummary {
  namespace: string;
  name: string;
  /** "ip:port" for every ready address × port ("ip" when the Service has no ports). */
  ready: string[];
  notReady: string[];
}

export interface EventSummary {
  type: 'Normal' | 'Warning';
  reason: string;
  /** "Kind/name", e.g. "Deployment/web". */
  object: string;
  namespace: string | null;
  message: string;
  count?: number;
}

/** One row of a rollout, as `kubectl rollout status` and `kubectl get rs -w` would show it. */
export interface TimelineStep {
  /** Simulation round (0-based) in which the step happened. */
  step: number;
  /** Simulated seconds since the apply started. */
  second: number;
  namespace: string;
  deployment: string;
  replicaSets: { name: string; revision: number | null; desired: number; ready: number; available: number }[];
  /** The `kubectl rollout status` line for this moment. */
  status: string;
}

export interface IngressRouteSummary {
  namespace: string;
  ingress: string;
  host: string;
  path: string;
  pathType: string;
  service: string | null;
  port: number | string | null;
  /** Ready endpoints behind the backend ("ip:port"); empty when the Service or its pods are missing. */
  endpoints: string[];
  problem: string | null;
}

export interface NodeSummary {
  name: string;
  status: string;
  roles: string;
  podCIDR: string | null;
  internalIP: string | null;
  pods: number;
}

export interface ClusterSnapshot {
  applied?: AppliedEntry[];
  pods: PodSummary[];
  replicaSets: ReplicaSetSummary[];
  services: ServiceSummary[];
  endpoints: EndpointsSummary[];
  events: EventSummary[];
  timeline?: TimelineStep[];
}
