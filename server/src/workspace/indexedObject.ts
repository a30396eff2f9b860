// What the workspace index knows about one Kubernetes object: its identity, labels, the
// references it makes (with where they are written) and what it offers to others (keys, ports).
// Ranges are relative to the object's YAML document, so a document's extraction can be cached
// on its parsed chunk and re-used wherever that document moves in its file; `loc()` places a
// range in the file.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A range in a file. */
export interface Location {
  uri: string;
  range: Range;
}

/** What a reference points at; `workload` is an HPA's scaleTargetRef (kind given by the reference). */
export type RefTarget = 'ConfigMap' | 'Secret' | 'ServiceAccount' | 'PersistentVolumeClaim' | 'Service' | 'IngressClass' | 'Gateway' | 'workload';

/** Where the reference is written: decides the wording of messages and the completion offered. */
export type RefVia =
  | 'env'
  | 'envFrom'
  | 'volume'
  | 'projected'
  | 'imagePullSecrets'
  | 'serviceAccountName'
  | 'claimName'
  | 'ingressBackend'
  | 'ingressClassName'
  | 'scaleTargetRef'
  | 'serviceName'
  | 'parentRef'
  | 'routeBackend';

export interface KeyRef {
  key: string;
  range: Range;
}

interface PortRef {
  value: number | string;
  range: Range;
}

export interface Reference {
  target: RefTarget;
  via: RefVia;
  name: string;
  /** The name's value node. */
  range: Range;
  /** `optional: true` on the reference: a missing object or key is fine. */
  optional: boolean;
  /** ConfigMap/Secret keys the reference needs (configMapKeyRef.key, volume items[].key). */
  keys: KeyRef[];
  /** Gateway API references may name another namespace (ReferenceGrant governs them); absent: the object's own. */
  namespace?: string;
  /** Ingress backend: the Service port (number or name). */
  port?: PortRef;
  /** HPA scaleTargetRef: the kind and apiVersion of the target. */
  targetKind?: string;
  targetApiVersion?: string;
  /** The container the reference belongs to (env, envFrom). */
  container?: string;
}

export interface ContainerPort {
  name?: string;
  containerPort?: number;
  protocol: string;
  hostPort?: number;
  range: Range;
}

export interface ContainerInfo {
  name: string;
  ports: ContainerPort[];
  /** The `resources` key of the container, when written. */
  resourcesRange?: Range;
  init: boolean;
}

interface PodTemplateInfo {
  labels: Record<string, string>;
  /** `labels` key of the template metadata (or the object's metadata for a Pod). */
  labelsRange?: Range;
  /** The whole labels block, key to last label. */
  labelsBlock?: Range;
  containers: ContainerInfo[];
  /** The pod spec as plain data (for the scheduling check). */
  spec: Record<string, unknown>;
  /** Replicas the workload asks for (undefined: the kind's default or not a replica count). */
  replicas?: number;
  replicasRange?: Range;
}

export interface ServicePortInfo {
  name?: string;
  port?: number;
  targetPort?: number | string;
  protocol: string;
  range: Range;
  portRange?: Range;
  targetPortRange?: Range;
}

export interface OfferedKey {
  key: string;
  range: Range;
}

/** `range`: the `selector` key; `block`: the key with its whole value. */
export type SelectorInfo =
  | { type: 'map'; selector: Record<string, string>; range: Range; block: Range }
  | {
      type: 'label';
      selector: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
      range: Range;
      block: Range;
    };

/** One object as extracted from a document, positions relative to that document. */
export interface ExtractedObject {
  apiVersion: string;
  kind: string;
  /** API group of apiVersion ('' for the core group). */
  group: string;
  name: string;
  /** metadata.namespace as written (undefined when not written). */
  explicitNamespace?: string;
  /** The namespace the object lives in: explicit, `default`, or '' for cluster-scoped kinds. */
  namespace: string;
  /** metadata.name value, or the kind value when there is no name. */
  nameRange: Range;
  kindRange: Range;
  namespaceRange?: Range;
  labels: Record<string, string>;
  pod?: PodTemplateInfo;
  refs: Reference[];
  /** Service spec.selector, PodDisruptionBudget spec.selector. */
  selector?: SelectorInfo;
  /** ConfigMap data/binaryData keys, Secret data/stringData keys. */
  keys?: OfferedKey[];
  /** Secret types whose keys are filled in by the cluster (service-account-token). */
  keysUnknown?: boolean;
  servicePorts?: ServicePortInfo[];
  /** Service spec.type. */
  serviceType?: string;
  /** Made by a kustomize configMapGenerator/secretGenerator (the name gets a hash suffix; never a duplicate). */
  generated?: boolean;
  /** A CustomResourceDefinition: its spec as plain data (the kinds it defines, schema/crdModel.ts reads it). */
  crdSpec?: unknown;
  /** A Kustomization: the patch files it names (relative paths), which hold partial manifests. */
  patchFiles?: string[];
  /** Dependency keys this object provides, each with a fingerprint of what others read from it. */
  provides: [string, string][];
  /** Dependency keys whose change can change this object's cross-resource diagnostics. */
  depends: string[];
}

/** An object in the index: an extraction placed in a file. */
export interface IndexedObject extends ExtractedObject {
  uri: string;
  /** Index of the YAML document in its file. */
  docIndex: number;
  /** Zero-based line where the document starts in its file. */
  line: number;
  /** The cached extraction this object was placed from. */
  extracted: ExtractedObject;
}

function shiftRange(r: Range, lines: number): Range {
  if (lines === 0) return r;
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

/** A range of an object's document placed in its file. */
export function loc(o: IndexedObject, r: Range): Location {
  return { uri: o.uri, range: shiftRange(r, o.line) };
}

/** `Deployment/web` — how objects are named in messages (kubectl's kind/name). */
export function objectLabel(o: { kind: string; name: string }): string {
  return `${o.kind}/${o.name}`;
}

/** Dependency key of an object identity. Cluster-scoped objects use namespace ''. */
export function objectKey(kind: string, namespace: string, name: string): string {
  return `obj:${kind}|${namespace}|${name}`;
}

/** Dependency key of "the custom kinds the workspace's CRDs define" (a change re-checks every open document). */
export const CRDS_KEY = 'crds';

/** Dependency key of "the pod templates of a namespace" (Service and PDB selectors read them). */
export function podsKey(namespace: string): string {
  return `pods:${namespace}`;
}

/** Dependency key of "the selectors of a namespace" (a workload's CodeLens and PDB lint read them). */
export function selectorsKey(namespace: string): string {
  return `selectors:${namespace}`;
}

/** Dependency key of an object identity for the duplicate check (API group, not version). */
export function duplicateKey(group: string, kind: string, namespace: string, name: string): string {
  return `dup:${group}|${kind}|${namespace}|${name}`;
}
