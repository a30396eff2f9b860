// kustomize's built-in transformers in the order a kustomization runs them, on plain objects:
// namespace, namePrefix/nameSuffix, labels and commonLabels, commonAnnotations, images, replicas.
// Field lists follow api/konfig/builtinpluginconsts (commonlabels.go, commonannotations.go,
// namespace.go, images.go, replicas.go), trimmed to core kinds.
import type { ImageOverride, LabelSet } from './kustomization';
import type { Obj } from './objectPaths';
import { CLUSTER_SCOPED, child, containers, ensure, isObj, kindOf, nameOf, podSpec, podTemplate } from './objectPaths';

export function setNamespace(objects: Obj[], namespace: string): void {
  for (const o of objects) {
    const kind = kindOf(o);
    // The namespace transformer renames Namespace objects themselves (NamespaceTransformer).
    if (kind === 'Namespace') ensure(o, 'metadata').name = namespace;
    else if (!CLUSTER_SCOPED.has(kind)) ensure(o, 'metadata').namespace = namespace;
    // roleBindingSubjectsHandling "defaultOnly": ServiceAccount subjects in "default" move along.
    if ((kind === 'RoleBinding' || kind === 'ClusterRoleBinding') && Array.isArray(o.subjects)) {
      for (const s of o.subjects) if (isObj(s) && s.kind === 'ServiceAccount' && s.namespace === 'default') s.namespace = namespace;
    }
  }
}

/** Returns `Kind/old → new` for the name reference pass. Namespaces and CRDs keep their names. */
export function prefixSuffix(objects: Obj[], prefix = '', suffix = ''): Map<string, string> {
  const renames = new Map<string, string>();
  if (!prefix && !suffix) return renames;
  for (const o of objects) {
    const kind = kindOf(o);
    if (kind === 'Namespace' || kind === 'CustomResourceDefinition') continue;
    const old = nameOf(o);
    if (!old) continue;
    const next = `${prefix}${old}${suffix}`;
    ensure(o, 'metadata').name = next;
    renames.set(`${kind}/${old}`, next);
  }
  return renames;
}

const SELECTOR_MATCH_CREATE = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet']);
const SELECTOR_MATCH_EXISTING = new Set(['Job', 'PodDisruptionBudget']);

function addTo(target: Obj, pairs: Record<string, string>): void {
  Object.assign(target, pairs);
}

export function addLabels(objects: Obj[], set: LabelSet): void {
  for (const o of objects) {
    const kind = kindOf(o);
    addTo(ensure(o, 'metadata', 'labels'), set.pairs);
    if (set.includeSelectors) {
      if (kind === 'Service' || kind === 'ReplicationController') addTo(ensure(o, 'spec', 'selector'), set.pairs);
      else if (SELECTOR_MATCH_CREATE.has(kind)) addTo(ensure(o, 'spec', 'selector', 'matchLabels'), set.pairs);
      else if (SELECTOR_MATCH_EXISTING.has(kind) && child(o, 'spec', 'selector')) addTo(ensure(o, 'spec', 'selector', 'matchLabels'), set.pairs);
      else if (kind === 'CronJob' && child(o, 'spec', 'jobTemplate', 'spec', 'selector'))
        addTo(ensure(o, 'spec', 'jobTemplate', 'spec', 'selector', 'matchLabels'), set.pairs);
      else if (kind === 'NetworkPolicy' && child(o, 'spec', 'podSelector')) addTo(ensure(o, 'spec', 'podSelector', 'matchLabels'), set.pairs);
    }
    if (set.includeTemplates) {
      if (kind === 'CronJob') addTo(ensure(o, 'spec', 'jobTemplate', 'metadata', 'labels'), set.pairs);
      const tpl = podTemplate(o);
      if (tpl) addTo(ensure(tpl, 'metadata', 'labels'), set.pairs);
      else if (kind !== 'CronJob' && (SELECTOR_MATCH_CREATE.has(kind) || kind === 'Job' || kind === 'ReplicationController'))
        addTo(ensure(o, 'spec', 'template', 'metadata', 'labels'), set.pairs);
    }
  }
}

export function addAnnotations(objects: Obj[], annotations: Record<string, string>): void {
  if (Object.keys(annotations).length === 0) return;
  for (const o of objects) {
    addTo(ensure(o, 'metadata', 'annotations'), annotations);
    if (kindOf(o) === 'CronJob') addTo(ensure(o, 'spec', 'jobTemplate', 'metadata', 'annotations'), annotations);
    const tpl = podTemplate(o);
    if (tpl) addTo(ensure(tpl, 'metadata', 'annotations'), annotations);
  }
}

/** Splits `registry:5000/team/app:1.0@sha256:…` into name, tag and digest. */
export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}

export function setImages(objects: Obj[], overrides: ImageOverride[]): void {
  if (overrides.length === 0) return;
  for (const o of objects) {
    for (const c of containers(podSpec(o))) {
      if (typeof c.image !== 'string') continue;
      const parts = splitImage(c.image);
      const rule = overrides.find((r) => r.name === parts.name);
      if (!rule) continue;
      const name = rule.newName ?? parts.name;
      // ImageTagTransformer: a digest wins; a new tag replaces both the tag and any digest.
      if (rule.digest) c.image = `${name}@${rule.digest}`;
      else if (rule.newTag) c.image = `${name}:${rule.newTag}`;
      else c.image = `${name}${parts.tag ? `:${parts.tag}` : ''}${parts.digest ? `@${parts.digest}` : ''}`;
    }
  }
}

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** `original` maps each object to the name it had in its own file, which `replicas` entries may use. */
export function setReplicas(objects: Obj[], replicas: { name: string; count: number }[], original: Map<Obj, string>): void {
  for (const r of replicas) {
    for (const o of objects) {
      if (!SCALABLE.has(kindOf(o))) continue;
      if (nameOf(o) === r.name || original.get(o) === r.name) ensure(o, 'spec').replicas = r.count;
    }
  }
}

// kustomize's "legacy" output order (api/resid/gvk.go orderFirst / orderLast).
const ORDER_FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function rank(kind: string): number {
  const first = ORDER_FIRST.indexOf(kind);
  if (first >= 0) return first;
  const last = ORDER_LAST.indexOf(kind);
  return last >= 0 ? 1000 + last : 500;
}

export function legacyOrder<T>(items: T[], objectOf: (item: T) => Obj): T[] {
  const id = (o: Obj) =>
    `${typeof o.apiVersion === 'string' ? o.apiVersion : ''}|${kindOf(o)}|${typeof child(o, 'metadata')?.namespace === 'string' ? child(o, 'metadata')?.namespace : ''}|${nameOf(o)}`;
  return items
    .map((item, i) => ({ item, i, o: objectOf(item) }))
    .sort((a, b) => rank(kindOf(a.o)) - rank(kindOf(b.o)) || (id(a.o) < id(b.o) ? -1 : id(a.o) > id(b.o) ? 1 : a.i - b.i))
    .map((x) => x.item);
}
