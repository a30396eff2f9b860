// The simulated cluster as the VS Code side draws it: the Simulated Cluster tree, the status bar
// and the topology webview. Plain JSON built by the server (cluster/view/buildClusterView.ts)
// and pushed to the client; the client never sees the engine's objects.
// Only types live here: the client imports this file.
import type { EventSummary, IngressRouteSummary, OwnerSummary, PodSummary, ServiceSummary } from './clusterSnapshot';
import type { WhyExplanation, WhyText } from './why';

/** Which object an item stands for. `namespace` is null for cluster-scoped kinds (Node, Namespace). */
export interface ObjectRef {
  kind: string;
  namespace: string | null;
  name: string;
}

/** Where the manifest of an object was applied from (editor or file URI, 1-based line). */
export interface SourceLocation {
  uri: string;
  line: number;
}

interface ResourceAmounts {
  /** Quantities as kubectl prints them: cpu in cores or millicores ("4", "350m"), memory ("8Gi", "192Mi"). */
  cpu: string;
  memory: string;
  pods: string;
}

export interface NodeView {
  name: string;
  /** `kubectl get nodes` STATUS: Ready, NotReady, Ready,SchedulingDisabled. */
  status: string;
  roles: string;
  internalIP: string | null;
  podCIDR: string | null;
  cordoned: boolean;
  capacity: ResourceAmounts;
  allocatable: ResourceAmounts;
  /** Sum of the requests of the pods bound to the node (what the scheduler counts). */
  requested: { cpu: string; memory: string; cpuPercent: number; memoryPercent: number };
  /** `key=value:Effect` of each taint. */
  taints: string[];
  /** Names (`namespace/name`) of the pods bound to the node that are not finished. */
  pods: string[];
}

export interface NamespaceView {
  name: string;
  phase: string;
  /** kube-system, kube-public, kube-node-lease. */
  system: boolean;
}

export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'ReplicationController';

export interface WorkloadView {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  /** The READY / COMPLETIONS / ACTIVE column of `kubectl get`: "2/3", "1/1", "0". */
  ready: string;
  desired: number;
  readyCount: number;
  /** Everything is as asked (all replicas ready, Job complete, CronJob not suspended). */
  healthy: boolean;
  /** A short state when it matters: "Complete", "Failed", "Suspended", or the `rollout status` line while rolling. */
  state: string | null;
  owner: OwnerSummary | null;
  /** Deployment revision of a ReplicaSet. */
  revision: number | null;
  /** Container images of the pod template. */
  images: string[];
  source: SourceLocation | null;
}

export interface PodView extends PodSummary {
  labels: Record<string, string>;
  /** ConfigMaps / Secrets the pod reads (env, envFrom, volumes). */
  configMaps: string[];
  secrets: string[];
  /** The readiness was made to fail on purpose (Fail readiness action). */
  readinessFailing: boolean;
  source: SourceLocation | null;
}

export interface EndpointView {
  /** `ip:port` (or `ip` when the Service has no ports). */
  address: string;
  ready: boolean;
  /** The pod behind the address (targetRef), when known. */
  pod: string | null;
  node: string | null;
}

export interface ServiceView extends ServiceSummary {
  selector: Record<string, string> | null;
  endpoints: EndpointView[];
  source: SourceLocation | null;
}

export interface IngressView {
  namespace: string;
  name: string;
  className: string | null;
  routes: IngressRouteSummary[];
  source: SourceLocation | null;
}

/** A status condition as a controller wrote it. */
export interface ConditionView {
  status: string;
  reason: string;
  message: string;
}

/** A Gateway (Gateway API) and what the gateway controller wrote about it. */
export interface GatewayView {
  namespace: string;
  name: string;
  className: string | null;
  address: string | null;
  /** The Programmed condition; null while no controller has written status. */
  programmed: ConditionView | null;
  listeners: {
    name: string;
    protocol: string;
    port: number | null;
    hostname: string | null;
    /** status.listeners[].attachedRoutes; null without status. */
    attachedRoutes: number | null;
    programmed: ConditionView | null;
  }[];
  source: SourceLocation | null;
}

/** An HTTPRoute: its parent Gateways (Accepted), its rules and their Service backends. */
export interface HTTPRouteView {
  namespace: string;
  name: string;
  hostnames: string[];
  /** `gateway` is the name, or `namespace/name` in another namespace. */
  parents: { gateway: string; accepted: ConditionView | null }[];
  resolvedRefs: ConditionView | null;
  rules: {
    /** `PathPrefix /api | Exact /health`. */
    matches: string;
    backends: { service: string; namespace: string; port: number | null; weight: number | null; endpoints: string[]; problem: string | null }[];
  }[];
  source: SourceLocation | null;
}

export interface ConfigView {
  kind: 'ConfigMap' | 'Secret';
  namespace: string;
  name: string;
  /** Secret type (Opaque, kubernetes.io/tls…); null for a ConfigMap. */
  type: string | null;
  keys: string[];
  /** ConfigMap values (shortened); never filled for a Secret — its values are asked for on purpose. */
  values: Record<string, string> | null;
  /** Pods (`name`) in the namespace that read it. */
  usedBy: string[];
  source: SourceLocation | null;
}

/** Any other namespaced object (PersistentVolumeClaim, HorizontalPodAutoscaler, ServiceAccount…). */
export interface OtherObjectView {
  kind: string;
  namespace: string;
  name: string;
  /** A one-word state when the kind has one (PVC phase, HPA replicas). */
  state: string | null;
  source: SourceLocation | null;
}

/** One entry of the reason explainer (server/src/schema/reasons.ts) in one language. */
export interface ReasonHelpText {
  title: string;
  meaning: string;
  fix: string[];
}

/** The explainer's entry for a status or event reason shown in the view, in both languages (the client picks). */
interface ReasonHelp {
  /** The upstream reason the entry is keyed by (`Init:CrashLoopBackOff` → `CrashLoopBackOff`). */
  reason: string;
  'zh-cn': ReasonHelpText;
  en: ReasonHelpText;
}

/** "Why?" of an object that is not fine, in both languages (the client picks), with where the deciding field is written. */
export interface WhyView {
  condition: string;
  field: WhyExplanation['field'];
  /** The line of the deciding field in the manifest it was applied from (or of the document when the field is not written there). */
  fieldSource: SourceLocation | null;
  'zh-cn': WhyText;
  en: WhyText;
}

export interface ClusterView {
  /** Simulated time (RFC 3339). */
  now: string;
  /** Changes whenever the cluster changes; lets the client skip identical refreshes. */
  revision: number;
  /** False when the state is kept in memory only (untrusted workspace or no storage). */
  persisted: boolean;
  nodes: NodeView[];
  namespaces: NamespaceView[];
  workloads: WorkloadView[];
  pods: PodView[];
  services: ServiceView[];
  ingresses: IngressView[];
  /** Gateway API objects (absent from views built before they were shown). */
  gateways?: GatewayView[];
  httpRoutes?: HTTPRouteView[];
  configs: ConfigView[];
  others: OtherObjectView[];
  /** Most recent last; at most 200. */
  events: EventSummary[];
  /** Explanations of the pod STATUS words, pod reasons and event reasons in this view, keyed by the string shown. */
  reasons?: Record<string, ReasonHelp>;
  /** "Why?" of every object that is not fine, keyed by object id (`<Kind>/<namespace>/<name>`). */
  why?: Record<string, WhyView>;
}
