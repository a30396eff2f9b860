// The API server's decoding step: before anything of the simulator reads a manifest, it is
// decoded into the Go types it would be decoded into upstream (encoding/json into k8s.io/api
// structs). A value of the wrong JSON type is refused with upstream's BadRequest words
// (`Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct
// field PodSpec.spec.containers of type v1.Container`) and a localised sentence naming the object
// and the field; the decoded copy has no nulls (Go's zero values) and a spec object where the Go
// type has a struct. So the controllers only ever see objects of the shapes they are written for.
// upstream: apimachinery pkg/runtime/serializer/json; encoding/json UnmarshalTypeError.
import { t } from '../util/l10n';
import { jsonCopy } from './types';

type Scalar = 'string' | 'int32' | 'int64' | 'bool' | 'intOrString' | 'quantity' | 'any';
type Shape = Scalar | { map: Shape; go?: string } | { list: Shape } | Struct;
interface Struct {
  go: string;
  fields: Record<string, Shape>;
}

const s = (go: string, fields: Record<string, Shape>): Struct => ({ go, fields });
const list = (of: Shape): Shape => ({ list: of });
const strings: Shape = { map: 'string' };
const quantities: Shape = { map: 'quantity', go: 'v1.ResourceList' };

const META = s('ObjectMeta', {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  labels: strings,
  annotations: strings,
  finalizers: list('string'),
  ownerReferences: list('any'),
});
const SELECTOR = s('LabelSelector', {
  matchLabels: strings,
  matchExpressions: list(s('LabelSelectorRequirement', { key: 'string', operator: 'string', values: list('string') })),
});
const KEY_REF = (go: string) => s(go, { name: 'string', key: 'string', optional: 'bool' });
const ENV = s('EnvVar', {
  name: 'string',
  value: 'string',
  valueFrom: s('EnvVarSource', {
    configMapKeyRef: KEY_REF('ConfigMapKeySelector'),
    secretKeyRef: KEY_REF('SecretKeySelector'),
    fieldRef: 'any',
    resourceFieldRef: 'any',
  }),
});
const PROBE = s('Probe', {
  httpGet: s('HTTPGetAction', { path: 'string', port: 'intOrString', host: 'string', scheme: 'string' }),
  tcpSocket: s('TCPSocketAction', { port: 'intOrString', host: 'string' }),
  grpc: s('GRPCAction', { port: 'int32', service: 'string' }),
  exec: s('ExecAction', { command: list('string') }),
  initialDelaySeconds: 'int32',
  periodSeconds: 'int32',
  timeoutSeconds: 'int32',
  successThreshold: 'int32',
  failureThreshold: 'int32',
});
const CONTAINER = s('Container', {
  name: 'string',
  image: 'string',
  imagePullPolicy: 'string',
  command: list('string'),
  args: list('string'),
  workingDir: 'string',
  ports: list(s('ContainerPort', { name: 'string', containerPort: 'int32', hostPort: 'int32', protocol: 'string', hostIP: 'string' })),
  env: list(ENV),
  envFrom: list(
    s('EnvFromSource', {
      prefix: 'string',
      configMapRef: s('ConfigMapEnvSource', { name: 'string', optional: 'bool' }),
      secretRef: s('SecretEnvSource', { name: 'string', optional: 'bool' }),
    }),
  ),
  resources: s('ResourceRequirements', { limits: quantities, requests: quantities }),
  volumeMounts: list(s('VolumeMount', { name: 'string', mountPath: 'string', subPath: 'string', readOnly: 'bool' })),
  readinessProbe: PROBE,
  livenessProbe: PROBE,
  startupProbe: PROBE,
  restartPolicy: 'string',
  securityContext: 'any',
  lifecycle: 'any',
});
const POD_SPEC = s('PodSpec', {
  containers: list(CONTAINER),
  initContainers: list(CONTAINER),
  volumes: list(
    s('Volume', {
      name: 'string',
      configMap: s('ConfigMapVolumeSource', { name: 'string', optional: 'bool', items: list('any') }),
      secret: s('SecretVolumeSource', { secretName: 'string', optional: 'bool', items: list('any') }),
      persistentVolumeClaim: s('PersistentVolumeClaimVolumeSource', { claimName: 'string', readOnly: 'bool' }),
    }),
  ),
  nodeSelector: strings,
  nodeName: 'string',
  serviceAccountName: 'string',
  serviceAccount: 'string',
  restartPolicy: 'string',
  hostNetwork: 'bool',
  priorityClassName: 'string',
  priority: 'int32',
  preemptionPolicy: 'string',
  schedulerName: 'string',
  terminationGracePeriodSeconds: 'int64',
  tolerations: list(s('Toleration', { key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'int64' })),
  affinity: 'any',
  topologySpreadConstraints: list('any'),
  imagePullSecrets: list(s('LocalObjectReference', { name: 'string' })),
});
const TEMPLATE = s('PodTemplateSpec', { metadata: META, spec: POD_SPEC });
const STRATEGY = s('DeploymentStrategy', {
  type: 'string',
  rollingUpdate: s('RollingUpdateDeployment', { maxSurge: 'intOrString', maxUnavailable: 'intOrString' }),
});
const JOB_SPEC = s('JobSpec', {
  template: TEMPLATE,
  completions: 'int32',
  parallelism: 'int32',
  backoffLimit: 'int32',
  activeDeadlineSeconds: 'int64',
  ttlSecondsAfterFinished: 'int32',
  suspend: 'bool',
  selector: SELECTOR,
});

/** The kinds whose manifests the simulator reads field by field: their spec's Go type. */
const SPECS: Record<string, Struct> = {
  Pod: POD_SPEC,
  Deployment: s('DeploymentSpec', {
    replicas: 'int32',
    selector: SELECTOR,
    template: TEMPLATE,
    strategy: STRATEGY,
    minReadySeconds: 'int32',
    revisionHistoryLimit: 'int32',
    paused: 'bool',
    progressDeadlineSeconds: 'int32',
  }),
  ReplicaSet: s('ReplicaSetSpec', { replicas: 'int32', selector: SELECTOR, template: TEMPLATE, minReadySeconds: 'int32' }),
  StatefulSet: s('StatefulSetSpec', {
    replicas: 'int32',
    selector: SELECTOR,
    template: TEMPLATE,
    serviceName: 'string',
    podManagementPolicy: 'string',
    volumeClaimTemplates: list('any'),
    updateStrategy: 'any',
    minReadySeconds: 'int32',
  }),
  DaemonSet: s('DaemonSetSpec', { selector: SELECTOR, template: TEMPLATE, updateStrategy: 'any', minReadySeconds: 'int32' }),
  Job: JOB_SPEC,
  CronJob: s('CronJobSpec', {
    schedule: 'string',
    timeZone: 'string',
    suspend: 'bool',
    concurrencyPolicy: 'string',
    jobTemplate: s('JobTemplateSpec', { metadata: META, spec: JOB_SPEC }),
    successfulJobsHistoryLimit: 'int32',
    failedJobsHistoryLimit: 'int32',
  }),
  Service: s('ServiceSpec', {
    type: 'string',
    selector: strings,
    clusterIP: 'string',
    ports: list(s('ServicePort', { name: 'string', port: 'int32', targetPort: 'intOrString', nodePort: 'int32', protocol: 'string', appProtocol: 'string' })),
    externalName: 'string',
    sessionAffinity: 'string',
  }),
  PodDisruptionBudget: s('PodDisruptionBudgetSpec', { selector: SELECTOR, minAvailable: 'intOrString', maxUnavailable: 'intOrString' }),
  PersistentVolumeClaim: s('PersistentVolumeClaimSpec', {
    accessModes: list('string'),
    storageClassName: 'string',
    volumeName: 'string',
    resources: s('VolumeResourceRequirements', { requests: quantities, limits: quantities }),
  }),
  Ingress: s('IngressSpec', { ingressClassName: 'string', rules: list('any'), tls: list('any'), defaultBackend: 'any' }),
  HorizontalPodAutoscaler: s('HorizontalPodAutoscalerSpec', {
    minReplicas: 'int32',
    maxReplicas: 'int32',
    scaleTargetRef: s('CrossVersionObjectReference', { kind: 'string', name: 'string', apiVersion: 'string' }),
    metrics: list('any'),
    targetCPUUtilizationPercentage: 'int32',
  }),
  Node: s('NodeSpec', {
    unschedulable: 'bool',
    taints: list(s('Taint', { key: 'string', value: 'string', effect: 'string' })),
    podCIDR: 'string',
    providerID: 'string',
  }),
};
/** Top-level fields besides metadata and spec (ConfigMap/Secret data). */
const TOP: Record<string, Record<string, Shape>> = {
  ConfigMap: { data: strings, binaryData: strings, immutable: 'bool' },
  Secret: { data: strings, stringData: strings, type: 'string', immutable: 'bool' },
};

export interface DecodeProblem {
  /** The JSON path upstream prints (no list indexes): `spec.containers.image`. */
  goPath: string;
  /** The path with list indexes, as our own messages and the editor show it: `spec.containers[0].image`. */
  path: string;
  /** The Go struct holding the field and the Go type expected. */
  struct: string;
  goType: string;
  /** The JSON type that was given: string, number, bool, object, array. */
  got: string;
  expected: Expected;
}

type Expected = 'object' | 'list' | 'string' | 'integer' | 'boolean' | 'string-map' | 'int-or-string' | 'quantity';

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

function goTypeOf(shape: Shape): string {
  if (typeof shape === 'string')
    return (
      {
        string: 'string',
        int32: 'int32',
        int64: 'int64',
        bool: 'bool',
        intOrString: 'intstr.IntOrString',
        quantity: 'resource.Quantity',
        any: 'interface {}',
      } as const
    )[shape];
  if ('list' in shape) return `[]${goTypeOf(shape.list)}`;
  if ('map' in shape) return shape.go ?? `map[string]${goTypeOf(shape.map)}`;
  return `v1.${shape.go}`;
}

function expectedOf(shape: Shape): Expected {
  if (typeof shape === 'string')
    return (
      { string: 'string', int32: 'integer', int64: 'integer', bool: 'boolean', intOrString: 'int-or-string', quantity: 'quantity', any: 'string' } as const
    )[shape];
  if ('list' in shape) return 'list';
  if ('map' in shape) return shape.map === 'string' ? 'string-map' : 'object';
  return 'object';
}

function fits(shape: Scalar, v: unknown): boolean {
  switch (shape) {
    case 'string':
      return typeof v === 'string';
    case 'int32':
    case 'int64':
      return typeof v === 'number' && Number.isInteger(v);
    case 'bool':
      return typeof v === 'boolean';
    case 'intOrString':
    case 'quantity':
      return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
    case 'any':
      return true;
  }
}

/**
 * Walks `v` against `shape`, deleting nulls (Go's zero values) from the copy it is given.
 * Returns the first problem in document order.
 */
function walk(v: unknown, shape: Shape, struct: string, goPath: string, path: string): DecodeProblem | undefined {
  // encoding/json says `number 1.5` when a number does not fit an integer type, `number` otherwise.
  const got = typeof v === 'number' && (shape === 'int32' || shape === 'int64') ? `number ${v}` : jsonType(v);
  const problem = (): DecodeProblem => ({ goPath, path, struct, goType: goTypeOf(shape), got, expected: expectedOf(shape) });
  if (typeof shape === 'string') return fits(shape, v) ? undefined : problem();
  if ('list' in shape) {
    if (!Array.isArray(v)) return problem();
    for (let i = 0; i < v.length; i++) {
      if (v[i] === null) {
        // encoding/json decodes null into the element's zero value: an empty struct or map
        // (`containers: [null]` is then a container without a name: `Required value`).
        if (typeof shape.list !== 'string' && !('list' in shape.list)) v[i] = {};
        continue;
      }
      // Go names the field holding the list (PodSpec.spec.containers), its element's type.
      const p = walk(v[i], shape.list, struct, goPath, `${path}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return problem();
  const obj = v as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (obj[key] === null) {
      delete obj[key];
      continue;
    }
    const sub = 'map' in shape ? shape.map : shape.fields[key];
    if (sub === undefined) continue; // a field the simulator does not read: the schema checks cover it
    // Go names struct fields in the path, not map keys (ObjectMeta.metadata.labels of type string).
    const subGoPath = 'map' in shape ? goPath : goPath ? `${goPath}.${key}` : key;
    const p = walk(obj[key], sub, 'map' in shape ? struct : shape.go, subGoPath, path ? `${path}.${key}` : key);
    if (p) return p;
  }
  return undefined;
}

export type Decoded = { obj: Record<string, unknown>; problem?: undefined } | { obj?: undefined; problem: DecodeProblem };

/**
 * The manifest as the API server decodes it: a copy without nulls, with `spec: {}` where the
 * kind's spec is a Go struct and none was given (so validation reports e.g. `spec.containers:
 * Required value`, as upstream does for a Pod without spec) — or the first field of a wrong type.
 */
export function decodeManifest(manifest: Record<string, unknown>): Decoded {
  const obj = jsonCopy(manifest);
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const fields: Record<string, Shape> = { apiVersion: 'string', kind: 'string', metadata: META, ...(SPECS[kind] ? { spec: SPECS[kind] } : {}), ...TOP[kind] };
  const problem = walk(obj, s(kind || 'Object', fields), kind || 'Object', '', '');
  if (problem) return { problem };
  if (SPECS[kind] && obj.spec === undefined) obj.spec = {};
  return { obj };
}

/** Upstream's decoding error after `error when creating "file": `. */
export function decodeErrorText(kind: string, apiVersion: string, p: DecodeProblem): string {
  return `${kind} in version "${apiVersion.includes('/') ? apiVersion.split('/')[1] : apiVersion}" cannot be handled as a ${kind}: json: cannot unmarshal ${p.got} into Go struct field ${p.struct}.${p.goPath} of type ${p.goType}`;
}

function expectedText(e: Expected): string {
  switch (e) {
    case 'object':
      return t('an object (key: value pairs)');
    case 'list':
      return t('a list (items starting with "- ")');
    case 'string':
      return t('a string');
    case 'integer':
      return t('a whole number');
    case 'boolean':
      return t('true or false');
    case 'string-map':
      return t('a map of string keys to string values');
    case 'int-or-string':
      return t('a number or a string');
    case 'quantity':
      return t('a quantity (such as 100m or 128Mi)');
  }
}

function gotText(got: string): string {
  switch (got.split(' ')[0]) {
    case 'string':
      return t('a string');
    case 'number':
      return t('a number');
    case 'bool':
      return t('true or false');
    case 'array':
      return t('a list');
    default:
      return t('an object');
  }
}

/** Our own sentence: which object, which field, what it must be and what it is. */
export function decodeHint(kind: string, name: string, p: DecodeProblem): string {
  return t(
    '{0} "{1}": the field {2} must be {3}, but it is {4}. Nothing of this object was applied.',
    kind,
    name,
    p.path,
    expectedText(p.expected),
    gotText(p.got),
  );
}
