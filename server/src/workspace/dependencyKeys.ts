// Which facts an object offers to others and which it reads, as string keys. When a file changes,
// the keys whose fingerprints changed select the documents to re-check: editing a ConfigMap's
// keys re-checks its consumers only; editing a container image re-checks nothing else.
import { CRDS_KEY, duplicateKey, ExtractedObject, objectKey, podsKey, Reference, selectorsKey } from './indexedObject';

/** Namespaces every cluster has: using them needs no Namespace manifest. */
export const BUILT_IN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** The kind, namespace and name a reference points at (undefined: a workload of no known kind). */
function refTarget(ref: Reference, own: string): { kind: string; namespace: string } | undefined {
  const namespace = ref.namespace ?? own;
  switch (ref.target) {
    case 'IngressClass':
      return { kind: 'IngressClass', namespace: '' };
    case 'workload':
      return ref.targetKind ? { kind: ref.targetKind, namespace } : undefined;
    default:
      return { kind: ref.target, namespace };
  }
}

export function refTargetKey(ref: Reference, own: string): string | undefined {
  const to = refTarget(ref, own);
  return to && objectKey(to.kind, to.namespace, ref.name);
}

/**
 * Keys whose dependents link to the object's name only (duplicates, near names): where the name
 * is written is their position; for every other key, every range of the object is.
 */
export function linksToNameOnly(key: string): boolean {
  return key.startsWith('dup:') || key.startsWith('names:') || key.startsWith('namespaces:');
}

/** "The names of a kind in a namespace": a missing reference suggests the nearest one ("did you mean"). */
function namesInKey(kind: string, namespace: string): string {
  return `names:${kind}|${namespace}`;
}

/** "The namespaces holding a kind with this name": a missing reference names them. */
function namespacesOfKey(kind: string, name: string): string {
  return `namespaces:${kind}|${name}`;
}

export function dependencyKeys(x: ExtractedObject): { provides: [string, string][]; depends: string[] } {
  const provides: [string, string][] = [];
  const depends = new Set<string>();
  if (x.name) {
    provides.push([objectKey(x.kind, x.namespace, x.name), fingerprint(x)]);
    const dup = duplicateKey(x.group, x.kind, x.namespace, x.name);
    provides.push([dup, ''], [namesInKey(x.kind, x.namespace), x.name], [namespacesOfKey(x.kind, x.name), x.namespace]);
    depends.add(dup);
  }
  if (x.crdSpec) provides.push([CRDS_KEY, JSON.stringify(x.crdSpec)]);
  if (x.pod)
    provides.push([
      podsKey(x.namespace),
      JSON.stringify([x.pod.labels, x.pod.containers.map((c) => c.ports.map((p) => [p.name, p.containerPort, p.protocol]))]),
    ]);
  if (x.selector) provides.push([selectorsKey(x.namespace), x.kind + JSON.stringify(x.selector.selector)]);
  if (x.pod) depends.add(selectorsKey(x.namespace));
  for (const ref of x.refs) {
    const to = refTarget(ref, x.namespace);
    if (!to) continue;
    depends.add(objectKey(to.kind, to.namespace, ref.name));
    // What a missing reference's finding mentions: the nearest name here, the same name elsewhere.
    depends.add(namesInKey(to.kind, to.namespace));
    depends.add(namespacesOfKey(to.kind, ref.name));
  }
  if (x.selector) depends.add(podsKey(x.namespace));
  if (x.explicitNamespace && !BUILT_IN_NAMESPACES.has(x.explicitNamespace)) depends.add(objectKey('Namespace', '', x.explicitNamespace));
  return { provides, depends: [...depends] };
}

/** What dependents read from an object: keys of a ConfigMap/Secret, ports of a Service; mere existence otherwise. */
function fingerprint(x: ExtractedObject): string {
  if (x.keys) return (x.keysUnknown ? '*' : '') + x.keys.map((k) => k.key).join('\0');
  if (x.servicePorts) return JSON.stringify(x.servicePorts.map((p) => [p.name, p.port, p.targetPort]));
  return '';
}
