// Every custom LSP message between the KubeMate extension and its language server, one
// namespace per message with its `method`, its `type` (params → result) and who sends it why —
// the vscode-eslint layout. The server owns the simulated cluster (one per workspace); the
// client renders what it answers and forwards what the user clicks.
// Dependency-free on purpose: the client imports this file (and only server/src/protocol).
import type { AppliedEntry, ClusterSnapshot } from './clusterSnapshot';
import type { ClusterView, ObjectRef, SourceLocation } from './clusterView';
import type { KubemateSettings } from './settings';
import type { RequestTrace } from './requestTrace';

/** A request: `method` plus the param and result types, checked at both ends. */
export interface RequestType<P, R> {
  readonly method: string;
  /** Phantom: never set, only carries P and R for the compiler. */
  readonly _?: [P, R];
}

export interface NotificationType<P> {
  readonly method: string;
  readonly _?: P;
}

const request = <P, R>(method: string): RequestType<P, R> => ({ method });
const notification = <P>(method: string): NotificationType<P> => ({ method });

// ---- initialization ------------------------------------------------------------------------

/** `initializationOptions` the client sends with `initialize`. */
export interface InitializationOptions {
  /** Every `kubemate.*` setting (protocol/settings.ts); later changes arrive as workspace/didChangeConfiguration. */
  settings?: Partial<KubemateSettings>;
  /** Folder where the server keeps the cluster state (the extension's workspace storage). */
  storagePath?: string;
  /** Workspace Trust: when false the server writes nothing and reads no profile from the workspace. */
  trusted?: boolean;
  /** `.kubemate/cluster.yaml` of a trusted workspace, used when a new cluster is created. */
  clusterProfile?: { uri: string; text: string } | null;
  /**
   * Publish diagnostics for every new document version, even when they did not change. VS Code
   * does not need it; tools that wait for one publish per version do (the project's fuzz, soak
   * and offline harnesses).
   */
  publishEveryVersion?: boolean;
}

/** Client → server when the user trusts the workspace: from now on the state is saved. */
export namespace TrustNotification {
  export const method = 'kubemate/cluster/trust';
  export type Params = { trusted: boolean };
  export const type = notification<Params>(method);
}

// ---- dry-run apply -------------------------------------------------------------------------

export interface DryRunSource {
  /** Editor or file URI; the object's "reveal source" goes there. */
  uri: string;
  /** How the user knows the file (workspace-relative path); used in kubectl-style lines. */
  label: string;
  /** The text to apply — the editor's text when it is open, unsaved changes included. */
  text: string;
  /** Only these documents (0-based, as split by `---`); all when absent. */
  documents?: number[];
  /** Only the documents touched by these 0-based line ranges (a selection). */
  lines?: { start: number; end: number }[];
}

interface DryRunParams {
  sources: DryRunSource[];
  /** The command as a learner would type it, for the output header (`kubectl apply -f k8s/`). */
  command: string;
}

export interface ApplySummary {
  created: number;
  configured: number;
  unchanged: number;
  /** Documents the API server rejected (invalid, unknown kind, missing namespace). */
  rejected: number;
  /** Documents that could not be read (invalid YAML, not an object, templates). */
  skipped: number;
  applied: AppliedEntry[];
  /** Pods in the namespaces the apply touched, counted by their STATUS column. */
  pods: { total: number; byStatus: Record<string, number> };
  /** Why the first pod that is not Running is stuck (FailedScheduling message, missing key). */
  podProblem: string | null;
  /** False when the controllers did not settle within the round limit. */
  stable: boolean;
  /** "Why?" of the first object that is not fine (cluster/why): `<kind>/<name>: <cause> <fix>`, in the display language. */
  why?: string | null;
  /** The notification text, in the display language: `3 created · 1 configured — 4 pods Running, 1 Pending (…)`. */
  line: string;
}

export interface DryRunResult {
  summary: ApplySummary;
  /** kubectl-style text for the KubeMate output channel. */
  output: string;
  /** Created or configured objects, to reveal in the tree. */
  changed: ObjectRef[];
}

/** Client → server: apply manifests (editor text, selected documents, a folder's files) to the simulated cluster. */
export namespace DryRunRequest {
  export const method = 'kubemate/cluster/dryRun';
  export type Params = DryRunParams;
  export type Result = DryRunResult;
  export const type = request<Params, Result>(method);
}

// ---- views ---------------------------------------------------------------------------------

/** Client → server: the whole view model (on start, and whenever it wants to redraw). */
export namespace ClusterViewRequest {
  export const method = 'kubemate/cluster/view';
  export type Params = Record<string, never>;
  export type Result = ClusterView;
  export const type = request<Params, Result>(method);
}

/** Server → client after every change of the cluster (any request, a profile reload, a reset). */
export namespace ClusterChangedNotification {
  export const method = 'kubemate/cluster/changed';
  export type Params = ClusterView;
  export const type = notification<Params>(method);
}

/** Client → server: the `apply -o json` snapshot of the user namespaces (the extension's test API). */
export namespace ClusterSnapshotRequest {
  export const method = 'kubemate/cluster/snapshot';
  export type Params = Record<string, never>;
  export type Result = ClusterSnapshot;
  export const type = request<Params, Result>(method);
}

/** Client → server: `kubectl describe` text of one object, for the read-only `kubemate-describe:` document. */
export namespace DescribeRequest {
  export const method = 'kubemate/cluster/describe';
  export type Params = { target: ObjectRef };
  export type Result = { text: string; found: boolean };
  export const type = request<Params, Result>(method);
}

export interface RolloutRevision {
  revision: number;
  changeCause: string;
  replicaSet: string;
  images: string[];
  current: boolean;
}

/** Client → server: `kubectl rollout history` text and the revisions to offer for undo. */
export namespace RolloutHistoryRequest {
  export const method = 'kubemate/cluster/rolloutHistory';
  export type Params = { target: ObjectRef };
  export type Result = { text: string; revisions: RolloutRevision[]; found: boolean };
  export const type = request<Params, Result>(method);
}

/** Client → server when the user asks on purpose to see a Secret's values (decoded). */
export namespace SecretValuesRequest {
  export const method = 'kubemate/cluster/secretValues';
  export type Params = { target: ObjectRef };
  export type Result = { values: Record<string, string> | null };
  export const type = request<Params, Result>(method);
}

/** Client → server: where the manifest of an object (or of the controller that made it) was applied from. */
export namespace SourceRequest {
  export const method = 'kubemate/cluster/source';
  export type Params = { target: ObjectRef };
  export type Result = SourceLocation | null;
  export const type = request<Params, Result>(method);
}

/** Client → server: the text `kubectl edit` opens for an object, for the editable `kubemate-live:` document. */
export namespace LiveObjectRequest {
  export const method = 'kubemate/cluster/liveObject';
  export type Params = { target: ObjectRef };
  export type Result = { found: boolean; text: string; output: string };
  export const type = request<Params, Result>(method);
}

/**
 * Client → server when a `kubemate-live:` document is saved: apply what changed between the text
 * opened (`shown`) and the text saved (`edited`), as `kubectl edit` does on quitting the editor.
 * `text` is what the document shows next: the live object, or the refused edit under its reasons.
 */
export namespace EditObjectRequest {
  export const method = 'kubemate/cluster/edit';
  export type Params = { target: ObjectRef; shown: string; edited: string };
  export type Result = { ok: boolean; applied: boolean; message: string; output: string; text: string; changed: ObjectRef[] };
  export const type = request<Params, Result>(method);
}

// ---- actions -------------------------------------------------------------------------------

export type ClusterAction =
  | { action: 'deletePod' | 'deleteObject'; target: ObjectRef }
  | { action: 'scale'; target: ObjectRef; replicas: number }
  | { action: 'rolloutUndo'; target: ObjectRef; toRevision?: number }
  | { action: 'rolloutRestart'; target: ObjectRef }
  | { action: 'setImage'; target: ObjectRef; container: string; image: string }
  /** `value: null` removes the label (kubectl's `key-`). */
  | { action: 'label'; target: ObjectRef; key: string; value: string | null; overwrite?: boolean }
  | { action: 'cordon' | 'uncordon'; node: string }
  | { action: 'drain'; node: string; force?: boolean }
  /** kubectl taint specs: `key=value:Effect` adds, `key-` / `key:Effect-` removes. */
  | { action: 'taint'; node: string; specs: string[]; overwrite?: boolean }
  | { action: 'failReadiness' | 'recoverReadiness'; target: ObjectRef }
  /** A learning fault on a pod's container (the first one unless `container` says): `kubemate fault`. */
  | { action: 'fault'; target: ObjectRef; fault: 'crash' | 'oom' | 'liveness' | 'unpullable'; container?: string }
  | { action: 'reset' };

export interface ClusterActionResult {
  ok: boolean;
  /** One line for the notification, in the display language. */
  message: string;
  /** kubectl-style text for the output channel. */
  output: string;
  /** Objects to reveal (a replacement pod, the scaled Deployment). */
  changed: ObjectRef[];
}

/** Client → server: a learning action from the tree (delete a pod, scale, undo, cordon, fail readiness, reset…). */
export namespace ClusterActionRequest {
  export const method = 'kubemate/cluster/action';
  export type Params = ClusterAction;
  export type Result = ClusterActionResult;
  export const type = request<Params, Result>(method);
}

/** Client → server: "Send Request…" on a Service, an Ingress, a NodePort or a pod — where it goes (`kubemate request`). Changes nothing. */
export namespace SendRequestRequest {
  export const method = 'kubemate/cluster/sendRequest';
  export type Params = {
    target: string;
    /** `--from <pod>`: the pod the request leaves from; null with fromOutside false: a temporary pod in `namespace`. */
    fromPod: string | null;
    fromOutside: boolean;
    namespace: string;
    count: number;
  };
  export type Result = { ok: boolean; message: string; output: string; trace: RequestTrace | null };
  export const type = request<Params, Result>(method);
}

/** Client → server when `.kubemate/cluster.yaml` is opened for the first time or saved (trusted workspaces only). */
export namespace LoadProfileRequest {
  export const method = 'kubemate/cluster/loadProfile';
  export type Params = { uri: string; text: string };
  export type Result = { ok: boolean; message: string; problems: string[]; output: string };
  export const type = request<Params, Result>(method);
}

/** Client → server when the cluster profile does not exist yet: the default nodes as a profile to start from. */
export namespace DefaultProfileRequest {
  export const method = 'kubemate/cluster/defaultProfile';
  export type Params = Record<string, never>;
  export type Result = { text: string };
  export const type = request<Params, Result>(method);
}

/** Tree item id of an object: `<Kind>/<namespace>/<name>` (namespace empty for cluster-scoped kinds). */
export function objectId(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}
