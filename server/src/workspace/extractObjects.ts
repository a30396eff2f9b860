// The Kubernetes objects of one YAML document (one, or the items of a `kind: List`) with their
// identity, labels, references and offers. Computed once per document text and cached on the
// parsed chunk, so re-indexing a file re-extracts only the documents whose text changed.
import { chunkValue, ParsedChunk } from '../yaml/parsedChunk';
import type { PathSegment } from '../yaml/locate';
import { arr, get, isObj, num, obj, str, strMap } from '../k8s/objectAccess';
import { isNamespaced, splitApiVersion } from '../k8s/resources';
import { TEMPLATE_PATH } from '../k8s/validateWorkload';
import { DocReader } from './docReader';
import { podSpecFacts } from './podSpecRefs';
import type { ExtractedObject, OfferedKey, Reference, SelectorInfo, ServicePortInfo } from './indexedObject';
import { dependencyKeys } from './dependencyKeys';

const CACHE_KEY = 'workspace:objects';

export function extractObjects(chunk: ParsedChunk): ExtractedObject[] {
  const cached = chunk.cache.get(CACHE_KEY) as ExtractedObject[] | undefined;
  if (cached) return cached;
  const result = compute(chunk);
  chunk.cache.set(CACHE_KEY, result);
  return result;
}

function compute(chunk: ParsedChunk): ExtractedObject[] {
  // Templated documents (Helm, Jinja) are not objects yet; nothing without apiVersion and kind is.
  if (chunk.empty || chunk.templated || !chunk.hasKindKey || !chunk.hasApiVersionKey) return [];
  const { value, error } = chunkValue(chunk);
  if (error !== undefined) return [];
  const r = new DocReader(chunk, value);
  if (isObj(value) && value.kind === 'List' && Array.isArray(value.items)) {
    return value.items.flatMap((item, i) => objectAt(r, item, ['items', i]) ?? []);
  }
  const one = objectAt(r, value, []);
  if (one?.kind === 'Kustomization') {
    one.patchFiles = kustomizePatchFiles(value as Record<string, unknown>);
    return [one, ...kustomizeGenerated(r, value as Record<string, unknown>)];
  }
  return one ? [one] : [];
}

function objectAt(r: DocReader, o: unknown, at: PathSegment[]): ExtractedObject | undefined {
  if (!isObj(o)) return undefined;
  const apiVersion = str(o.apiVersion);
  const kind = str(o.kind);
  if (!apiVersion || !kind) return undefined;
  const meta = obj(o.metadata) ?? {};
  const name = typeof meta.name === 'string' || typeof meta.name === 'number' ? String(meta.name) : '';
  const explicitNamespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
  const namespaced = isNamespaced(kind);
  const namespace = namespaced ? (explicitNamespace ?? 'default') : '';
  const x: ExtractedObject = {
    apiVersion,
    kind,
    group: splitApiVersion(apiVersion).group,
    name,
    explicitNamespace: namespaced ? explicitNamespace : undefined,
    namespace,
    nameRange: r.range(name ? [...at, 'metadata', 'name'] : [...at, 'kind']),
    kindRange: r.range([...at, 'kind']),
    namespaceRange: explicitNamespace ? r.range([...at, 'metadata', 'namespace']) : undefined,
    labels: strMap(meta.labels) ?? {},
    refs: [],
    provides: [],
    depends: [],
  };
  const spec = obj(o.spec);
  const templatePath = kind === 'Pod' ? undefined : TEMPLATE_PATH[kind];
  if (kind === 'Pod' || templatePath) {
    const podMetaPath = kind === 'Pod' ? ['metadata'] : [...templatePath!, 'metadata'];
    const specPath = kind === 'Pod' ? ['spec'] : [...templatePath!, 'spec'];
    const podSpec = get(o, ...specPath);
    const claimTemplates =
      kind === 'StatefulSet' ? new Set(arr(get(o, 'spec', 'volumeClaimTemplates')).map((c) => str(get(c, 'metadata', 'name')) ?? '')) : undefined;
    const facts = podSpecFacts(r, podSpec, [...at, ...specPath], claimTemplates);
    x.refs.push(...facts.refs);
    const replicas = replicasOf(kind, o);
    x.pod = {
      labels: strMap(get(o, ...podMetaPath, 'labels')) ?? {},
      labelsRange: r.keyRange([...at, ...podMetaPath, 'labels']),
      labelsBlock: r.blockRange([...at, ...podMetaPath, 'labels']),
      containers: facts.containers,
      spec: obj(podSpec) ?? {},
      replicas: replicas?.value,
      replicasRange: replicas?.path ? r.rangeIfPresent([...at, ...replicas.path]) : undefined,
    };
  }
  if (spec) kindSpecific(r, x, spec, [...at, 'spec']);
  if (kind === 'CustomResourceDefinition' && x.group === 'apiextensions.k8s.io' && spec) x.crdSpec = spec;
  if (kind === 'ConfigMap') x.keys = [...keysOf(r, o.data, [...at, 'data']), ...keysOf(r, o.binaryData, [...at, 'binaryData'])];
  if (kind === 'Secret') {
    x.keys = [...keysOf(r, o.data, [...at, 'data']), ...keysOf(r, o.stringData, [...at, 'stringData'])];
    // The token controller fills token/ca.crt/namespace in; their absence in the manifest is normal.
    x.keysUnknown = o.type === 'kubernetes.io/service-account-token';
  }
  const deps = dependencyKeys(x);
  x.provides = deps.provides;
  x.depends = deps.depends;
  return x;
}

function replicasOf(kind: string, o: Record<string, unknown>): { value: number; path?: PathSegment[] } | undefined {
  const at = (path: PathSegment[], dflt: number) => {
    const v = num(get(o, ...path));
    return { value: v ?? dflt, path };
  };
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'ReplicationController':
      return at(['spec', 'replicas'], 1);
    case 'Job':
      return at(['spec', 'parallelism'], 1);
    case 'CronJob':
      return at(['spec', 'jobTemplate', 'spec', 'parallelism'], 1);
    case 'Pod':
      return { value: 1 };
    default:
      return undefined;
  }
}

function kindSpecific(r: DocReader, x: ExtractedObject, spec: Record<string, unknown>, at: PathSegment[]): void {
  const refs: Reference[] = x.refs;
  const ref = (target: Reference['target'], via: Reference['via'], name: unknown, path: PathSegment[], extra: Partial<Reference> = {}) => {
    if (typeof name !== 'string' || name === '') return;
    refs.push({ target, via, name, range: r.range(path), optional: false, keys: [], ...extra });
  };
  switch (x.kind) {
    case 'Service': {
      x.serviceType = str(spec.type) ?? 'ClusterIP';
      const selector = strMap(spec.selector);
      if (selector && Object.keys(selector).length && x.serviceType !== 'ExternalName') {
        const range = r.keyRange([...at, 'selector']) ?? r.range([...at, 'selector']);
        x.selector = { type: 'map', selector, range, block: r.blockRange([...at, 'selector']) ?? range };
      }
      x.servicePorts = arr(spec.ports).flatMap((p, i): ServicePortInfo[] => {
        if (!isObj(p)) return [];
        const tp = typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : undefined;
        return [
          {
            name: str(p.name),
            port: num(p.port),
            targetPort: tp,
            protocol: str(p.protocol) ?? 'TCP',
            range: r.range([...at, 'ports', i]),
            portRange: p.port !== undefined ? r.range([...at, 'ports', i, 'port']) : undefined,
            targetPortRange: tp !== undefined ? r.range([...at, 'ports', i, 'targetPort']) : undefined,
          },
        ];
      });
      break;
    }
    case 'Ingress': {
      ref('IngressClass', 'ingressClassName', spec.ingressClassName, [...at, 'ingressClassName']);
      ingressBackend(r, refs, spec.defaultBackend, [...at, 'defaultBackend']);
      ingressBackend(r, refs, spec.backend, [...at, 'backend']);
      arr(spec.rules).forEach((rule, ri) =>
        arr(get(rule, 'http', 'paths')).forEach((p, pi) => ingressBackend(r, refs, get(p, 'backend'), [...at, 'rules', ri, 'http', 'paths', pi, 'backend'])),
      );
      break;
    }
    case 'HorizontalPodAutoscaler': {
      const t = obj(spec.scaleTargetRef);
      if (t && typeof t.kind === 'string') {
        ref('workload', 'scaleTargetRef', t.name, [...at, 'scaleTargetRef', 'name'], { targetKind: t.kind, targetApiVersion: str(t.apiVersion) });
      }
      break;
    }
    case 'PodDisruptionBudget': {
      const sel = obj(spec.selector);
      if (sel) {
        x.selector = {
          type: 'label',
          selector: { matchLabels: strMap(sel.matchLabels), matchExpressions: arr(sel.matchExpressions).filter(isObj) as SelectorInfoExpr[] },
          range: r.keyRange([...at, 'selector']) ?? r.range([...at, 'selector']),
          block: r.blockRange([...at, 'selector']) ?? r.range([...at, 'selector']),
        };
      }
      break;
    }
    case 'StatefulSet':
      ref('Service', 'serviceName', spec.serviceName, [...at, 'serviceName']);
      break;
    case 'HTTPRoute':
    case 'GRPCRoute':
      if (x.group === 'gateway.networking.k8s.io') routeRefs(r, refs, spec, at);
      break;
  }
}

type SelectorInfoExpr = NonNullable<Extract<SelectorInfo, { type: 'label' }>['selector']['matchExpressions']>[number];

/** networking.k8s.io/v1 `service: {name, port: {number|name}}`, or v1beta1 `serviceName`/`servicePort`. */
function ingressBackend(r: DocReader, refs: Reference[], backend: unknown, at: PathSegment[]): void {
  const b = obj(backend);
  if (!b) return;
  const svc = obj(b.service);
  if (svc && typeof svc.name === 'string' && svc.name) {
    const number = num(get(svc, 'port', 'number'));
    const pname = str(get(svc, 'port', 'name'));
    const port =
      number !== undefined
        ? { value: number, range: r.range([...at, 'service', 'port', 'number']) }
        : pname
          ? { value: pname, range: r.range([...at, 'service', 'port', 'name']) }
          : undefined;
    refs.push({ target: 'Service', via: 'ingressBackend', name: svc.name, range: r.range([...at, 'service', 'name']), optional: false, keys: [], port });
    return;
  }
  if (typeof b.serviceName === 'string' && b.serviceName) {
    const sp = b.servicePort;
    const port = typeof sp === 'number' || typeof sp === 'string' ? { value: sp, range: r.range([...at, 'servicePort']) } : undefined;
    refs.push({ target: 'Service', via: 'ingressBackend', name: b.serviceName, range: r.range([...at, 'serviceName']), optional: false, keys: [], port });
  }
}

/**
 * Gateway API routes: parentRefs (Gateway by default) and rules[].backendRefs (Service by
 * default, with its port). References to other kinds (a Service as mesh parent, a custom backend)
 * are not followed. Defaults as in the Gateway API types: parent group gateway.networking.k8s.io,
 * kind Gateway; backend group "" (core), kind Service; namespace the route's.
 */
function routeRefs(r: DocReader, refs: Reference[], spec: Record<string, unknown>, at: PathSegment[]): void {
  arr(spec.parentRefs).forEach((p, i) => {
    const o = obj(p);
    if (!o || typeof o.name !== 'string' || !o.name) return;
    if ((str(o.group) ?? 'gateway.networking.k8s.io') !== 'gateway.networking.k8s.io' || (str(o.kind) ?? 'Gateway') !== 'Gateway') return;
    refs.push({
      target: 'Gateway',
      via: 'parentRef',
      name: o.name,
      range: r.range([...at, 'parentRefs', i, 'name']),
      optional: false,
      keys: [],
      namespace: str(o.namespace),
    });
  });
  arr(spec.rules).forEach((rule, ri) =>
    arr(get(rule, 'backendRefs')).forEach((b, bi) => {
      const o = obj(b);
      if (!o || typeof o.name !== 'string' || !o.name) return;
      if ((str(o.group) ?? '') !== '' || (str(o.kind) ?? 'Service') !== 'Service') return;
      const path = [...at, 'rules', ri, 'backendRefs', bi];
      const port = num(o.port) !== undefined ? { value: num(o.port)!, range: r.range([...path, 'port']) } : undefined;
      refs.push({
        target: 'Service',
        via: 'routeBackend',
        name: o.name,
        range: r.range([...path, 'name']),
        optional: false,
        keys: [],
        port,
        namespace: str(o.namespace),
      });
    }),
  );
}

function keysOf(r: DocReader, data: unknown, at: PathSegment[]): OfferedKey[] {
  if (!isObj(data)) return [];
  return Object.keys(data).map((key) => ({ key, range: r.range([...at, key], 'key') }));
}

/**
 * The ConfigMaps and Secrets a kustomization generates (configMapGenerator, secretGenerator):
 * manifests refer to them by these names (kustomize adds the hash suffix to both sides).
 * Keys: `literals` (KEY=value), `files` (file name, or KEY=path); `envs` files hide theirs.
 */
/** The files a kustomization applies as patches: `patches[].path`, `patchesStrategicMerge` paths, `patchesJson6902[].path`. */
function kustomizePatchFiles(k: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const p of arr(k.patches)) if (str(get(p, 'path'))) out.push(str(get(p, 'path')) as string);
  for (const p of arr(k.patchesJson6902)) if (str(get(p, 'path'))) out.push(str(get(p, 'path')) as string);
  // An entry with a newline is an inline patch, not a path.
  for (const p of arr(k.patchesStrategicMerge)) if (typeof p === 'string' && !p.includes('\n')) out.push(p);
  return out;
}

function kustomizeGenerated(r: DocReader, k: Record<string, unknown>): ExtractedObject[] {
  const out: ExtractedObject[] = [];
  for (const [field, kind] of [
    ['configMapGenerator', 'ConfigMap'],
    ['secretGenerator', 'Secret'],
  ] as const) {
    arr(k[field]).forEach((g, gi) => {
      const name = str(get(g, 'name'));
      if (!name) return;
      const at: PathSegment[] = [field, gi];
      const keys: OfferedKey[] = [];
      arr(get(g, 'literals')).forEach((lit, li) => {
        const key = typeof lit === 'string' ? lit.split('=')[0] : '';
        if (key) keys.push({ key, range: r.range([...at, 'literals', li]) });
      });
      arr(get(g, 'files')).forEach((f, fi) => {
        if (typeof f !== 'string') return;
        const key = f.includes('=') ? f.split('=')[0] : f.slice(f.lastIndexOf('/') + 1);
        if (key) keys.push({ key, range: r.range([...at, 'files', fi]) });
      });
      const nameRange = r.range([...at, 'name']);
      const x: ExtractedObject = {
        apiVersion: 'v1',
        kind,
        group: '',
        name,
        namespace: str(get(g, 'namespace')) ?? str(k.namespace) ?? 'default',
        nameRange,
        kindRange: nameRange,
        labels: {},
        refs: [],
        keys,
        keysUnknown: arr(get(g, 'envs')).length > 0 || get(g, 'env') !== undefined,
        generated: true,
        provides: [],
        depends: [],
      };
      const deps = dependencyKeys(x);
      x.provides = deps.provides;
      x.depends = deps.depends;
      out.push(x);
    });
  }
  return out;
}
