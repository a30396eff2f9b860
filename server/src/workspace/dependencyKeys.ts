// Which facts an object offers to others and which it reads, as string keys. When a file changes,
// the keys whose fingerprints changed select the documents to re-check: editing a ConfigMap's
// keys re-checks its consumers only; editing a container image re-checks nothing else.
import { CRDS_KEY, duplicateKey, ExtractedObject, objectKey, podsKey, Reference, selectorsKey } from './indexedObject';

/** Namespaces every cluster has: using them needs no Namespace manifest. */
export const BUILT_IN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

export function refTargetKey(ref: Reference, own: string): string | undefined {
  const namespace = ref.namespace ?? own;
  switch (ref.target) {
    case 'IngressClass':
      return objectKey('IngressClass', '', ref.name);
    case 'workload':
      return ref.targetKind ? objectKey(ref.targetKind, namespace, ref.name) : undefined;
    default:
      return objectKey(ref.target, namespace, ref.name);
  }
}

export function dependencyKeys(x: ExtractedObject): { provides: [string, string][]; depends: string[] } {
  const provides: [string, string][] = [];
  const depends = new Set<string>();
  if (x.name) {
    provides.push([objectKey(x.kind, x.namespace, x.name), fingerprint(x)]);
    const dup = duplicateKey(x.group, x.kind, x.namespace, x.name);
    provides.push([dup, '']);
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
    const k = refTargetKey(ref, x.namespace);
    if (k) depends.add(k);
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
