// References by name: ConfigMaps and Secrets (and their keys), ServiceAccounts, PVCs, Ingress
// backends and classes, HPA targets, a StatefulSet's governing Service. A missing object is a
// warning (it may exist only in the cluster); `optional: true` makes it fine.
// upstream behaviour: kubelet makeEnvironmentVariables (CreateContainerConfigError), volume
// manager (FailedMount), ServiceAccount admission, VolumeBinding PreFilter.
import { t } from '../../util/l10n';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { IndexedObject, loc, Reference } from '../../workspace/indexedObject';
import type { Finding } from '../../findings/finding';
import { CrossRefCode, crossDiag, RelatedInfo } from './crossRefCodes';
import { listText, nearestName, sentences, servicePortText } from './describe';

/** Kinds an HPA can scale (those with a scale subresource among the built-in kinds). */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export function referenceRules(index: WorkspaceIndex, o: IndexedObject): Finding[] {
  const out: Finding[] = [];
  for (const ref of o.refs) {
    const d = checkRef(index, o, ref);
    if (d) out.push(...d);
  }
  return out;
}

function checkRef(index: WorkspaceIndex, o: IndexedObject, ref: Reference): Finding[] | undefined {
  const ns = ref.namespace ?? o.namespace;
  const range = loc(o, ref.range).range;
  switch (ref.target) {
    case 'ConfigMap':
    case 'Secret': {
      const found = index.find(ref.target, ns, ref.name);
      if (!found.length) {
        if (ref.optional) return undefined;
        const code: CrossRefCode = ref.target === 'ConfigMap' ? 'missing-configmap' : 'missing-secret';
        let msg: string;
        if (ref.via === 'imagePullSecrets') {
          msg = t(
            'Secret "{0}" is not defined in the workspace (namespace {1}). Unless it exists in the cluster, images from a private registry cannot be pulled (ImagePullBackOff); create it with kubectl create secret docker-registry.',
            ref.name,
            ns,
          );
        } else if (ref.via === 'volume' || ref.via === 'projected') {
          msg = t(
            '{0} "{1}" is not defined in the workspace (namespace {2}). Unless it exists in the cluster, the pod stays in ContainerCreating (FailedMount). If it may be absent, add optional: true.',
            ref.target,
            ref.name,
            ns,
          );
        } else {
          msg = t(
            '{0} "{1}" is not defined in the workspace (namespace {2}). Unless it exists in the cluster, the container cannot start (CreateContainerConfigError). If it may be absent, add optional: true.',
            ref.target,
            ref.name,
            ns,
          );
        }
        return [missing(index, o, ref, code, msg, range)];
      }
      return checkKeys(o, ref, found);
    }
    case 'ServiceAccount': {
      if (index.find('ServiceAccount', ns, ref.name).length) return undefined;
      const msg = t(
        'ServiceAccount "{0}" is not defined in the workspace (namespace {1}). Unless it exists in the cluster, no pod can be created (error looking up service account {1}/{0}).',
        ref.name,
        ns,
      );
      return [missing(index, o, ref, 'missing-service-account', msg, range)];
    }
    case 'PersistentVolumeClaim': {
      if (index.find('PersistentVolumeClaim', ns, ref.name).length) return undefined;
      const msg = t(
        'PersistentVolumeClaim "{0}" is not defined in the workspace (namespace {1}). Unless it exists in the cluster, the pod stays Pending (persistentvolumeclaim "{0}" not found).',
        ref.name,
        ns,
      );
      return [missing(index, o, ref, 'missing-pvc', msg, range)];
    }
    case 'IngressClass': {
      if (index.find('IngressClass', '', ref.name).length) return undefined;
      const msg = t(
        'IngressClass "{0}" is not defined in the workspace. It is usually installed with the ingress controller: check that the cluster has it (kubectl get ingressclass).',
        ref.name,
      );
      return [crossDiag('unknown-ingress-class', msg, range)];
    }
    case 'Gateway': {
      // Istio has a Gateway kind too: only a Gateway API Gateway is a parent.
      if (index.find('Gateway', ns, ref.name).some((g) => g.group === 'gateway.networking.k8s.io')) return undefined;
      const msg = t(
        'Gateway "{0}" is not defined in the workspace (namespace {1}). Unless it exists in the cluster, this route attaches to nothing and serves no traffic.',
        ref.name,
        ns,
      );
      return [missing(index, o, ref, 'route-gateway-missing', msg, range, 'Gateway', ns)];
    }
    case 'Service': {
      const found = index.find('Service', ns, ref.name);
      if (ref.via === 'routeBackend') {
        if (!found.length) {
          const msg = t(
            'Service "{0}" is not defined in the workspace (namespace {1}). Unless it exists in the cluster, requests this rule sends to it fail (500; the route reports ResolvedRefs False, BackendNotFound).',
            ref.name,
            ns,
          );
          return [missing(index, o, ref, 'route-backend-missing', msg, range, 'Service', ns)];
        }
        return checkServicePort(o, ref, found);
      }
      if (ref.via === 'serviceName') {
        if (found.length) return undefined;
        const msg = t(
          'Service "{0}" is not defined in the workspace (namespace {1}). A StatefulSet\'s serviceName names the headless Service (clusterIP: None) that gives its pods stable DNS names.',
          ref.name,
          ns,
        );
        return [missing(index, o, ref, 'statefulset-service-missing', msg, range)];
      }
      if (!found.length) {
        const msg = t(
          'Service "{0}" is not defined in the workspace (namespace {1}). Unless it exists in the cluster, requests for this Ingress path fail (503).',
          ref.name,
          ns,
        );
        return [missing(index, o, ref, 'ingress-backend-missing', msg, range)];
      }
      return checkServicePort(o, ref, found);
    }
    case 'workload': {
      const kind = ref.targetKind!;
      if (!SCALABLE.has(kind) || index.find(kind, ns, ref.name).length) return undefined;
      const msg = t(
        '{0} "{1}" is not defined in the workspace (namespace {2}): this HorizontalPodAutoscaler has nothing to scale (FailedGetScale).',
        kind,
        ref.name,
        ns,
      );
      return [missing(index, o, { ...ref, target: 'workload' }, 'hpa-target-missing', msg, range, kind)];
    }
  }
  return undefined;
}

/** A missing-object diagnostic, with a near name ("did you mean") and same-name objects in other namespaces. */
function missing(
  index: WorkspaceIndex,
  o: IndexedObject,
  ref: Reference,
  code: CrossRefCode,
  message: string,
  range: Finding['range'],
  kind: string = ref.target,
  ns = o.namespace,
): Finding {
  const related: RelatedInfo[] = [];
  // Index lookups by name and by namespace: a missing reference costs what it matches, not every object of the kind.
  const elsewhere = index.named(kind, ref.name).filter((x) => x.namespace !== ns);
  for (const x of elsewhere.slice(0, 3))
    related.push({ location: loc(x, x.nameRange), message: t('{0} "{1}" exists in namespace {2}', kind, x.name, x.namespace) });
  const target = index.nearestNamed(kind, ns, ref.name);
  const near = target?.name;
  if (target && near) {
    related.push({ location: loc(target, target.nameRange), message: t('{0} "{1}" is defined here', kind, near) });
    message = sentences(message, t('Did you mean "{0}"?', near));
  }
  return crossDiag(code, message, range, related, undefined, { kind, name: ref.name, namespace: ns, ...(near ? { replacement: near } : {}) });
}

function checkKeys(o: IndexedObject, ref: Reference, found: IndexedObject[]): Finding[] | undefined {
  if (!ref.keys.length || ref.optional || found.some((f) => f.keysUnknown)) return undefined;
  const have = new Set(found.flatMap((f) => (f.keys ?? []).map((k) => k.key)));
  const out: Finding[] = [];
  const target = found[0];
  for (const k of ref.keys) {
    if (have.has(k.key)) continue;
    const keys = [...have];
    const code: CrossRefCode = ref.target === 'ConfigMap' ? 'missing-configmap-key' : 'missing-secret-key';
    let msg =
      ref.via === 'env'
        ? t(
            '{0} "{1}" has no key "{2}" (it defines: {3}). The container cannot start (CreateContainerConfigError) unless the key is added.',
            ref.target,
            ref.name,
            k.key,
            listText(keys),
          )
        : t(
            '{0} "{1}" has no key "{2}" (it defines: {3}). The volume cannot be mounted and the pod stays in ContainerCreating.',
            ref.target,
            ref.name,
            k.key,
            listText(keys),
          );
    const near = nearestName(k.key, keys);
    if (near) msg = sentences(msg, t('Did you mean "{0}"?', near));
    const related: RelatedInfo[] = [{ location: loc(target, target.nameRange), message: t('{0} "{1}" defines: {2}', ref.target, ref.name, listText(keys)) }];
    out.push(
      crossDiag(code, msg, loc(o, k.range).range, related, undefined, {
        kind: ref.target,
        name: ref.name,
        namespace: o.namespace,
        key: k.key,
        ...(near ? { replacement: near } : {}),
      }),
    );
  }
  return out;
}

function checkServicePort(o: IndexedObject, ref: Reference, found: IndexedObject[]): Finding[] | undefined {
  const port = ref.port;
  if (!port) return undefined;
  const ports = found.flatMap((s) => s.servicePorts ?? []);
  const ok = typeof port.value === 'number' ? ports.some((p) => p.port === port.value) : ports.some((p) => p.name === port.value);
  if (ok) return undefined;
  const svc = found[0];
  const list = listText(ports.map(servicePortText));
  const route = ref.via === 'routeBackend';
  const msg =
    typeof port.value === 'number'
      ? route
        ? t(
            'Service "{0}" has no port {1} (its ports: {2}). A route backendRef names the Service port (spec.ports[].port), not the container port.',
            ref.name,
            port.value,
            list,
          )
        : t(
            'Service "{0}" has no port {1} (its ports: {2}). An Ingress backend names the Service port (spec.ports[].port), not the container port.',
            ref.name,
            port.value,
            list,
          )
      : t('Service "{0}" has no port named "{1}" (its ports: {2}).', ref.name, port.value, list);
  const related: RelatedInfo[] = [{ location: loc(svc, svc.nameRange), message: t('Ports of Service "{0}": {1}', ref.name, list) }];
  return [crossDiag(route ? 'route-port-missing' : 'ingress-port-missing', msg, loc(o, port.range).range, related)];
}
