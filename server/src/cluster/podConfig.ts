// What the kubelet checks before it can start a pod's containers: volumes from ConfigMaps and
// Secrets (the whole pod waits in ContainerCreating with a FailedMount event) and environment
// variables from them (that container gets CreateContainerConfigError). `optional: true`
// references are skipped when missing. Messages are the kubelet's.
// upstream: pkg/kubelet/kubelet_pods.go makeEnvironmentVariables; pkg/volume/configmap, secret.
import type { Store } from './store';
import type { Container, KObject, Pod } from './types';
import { parseImageReference } from '../k8s/imageReference';

function lookup(store: Store, kind: 'ConfigMap' | 'Secret', ns: string, name: string): KObject | undefined {
  return store.get(kind, ns, name);
}

function hasKey(obj: KObject, key: string): boolean {
  const data = (obj.data ?? {}) as Record<string, unknown>;
  const binary = (obj.binaryData ?? {}) as Record<string, unknown>;
  const stringData = (obj.stringData ?? {}) as Record<string, unknown>;
  return key in data || key in binary || key in stringData;
}

/** First volume problem, as the kubelet's FailedMount event text, or undefined. */
export function volumeProblem(store: Store, pod: Pod): string | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of pod.spec.volumes ?? []) {
    if (v.configMap) {
      const cm = lookup(store, 'ConfigMap', ns, v.configMap.name);
      if (!cm) {
        if (v.configMap.optional) continue;
        return `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found`;
      }
      for (const item of v.configMap.items ?? []) {
        if (!hasKey(cm, item.key) && !v.configMap.optional)
          return `MountVolume.SetUp failed for volume "${v.name}" : configmap references non-existent config key: ${item.key}`;
      }
    }
    if (v.secret) {
      const s = lookup(store, 'Secret', ns, v.secret.secretName);
      if (!s) {
        if (v.secret.optional) continue;
        return `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName}" not found`;
      }
      for (const item of v.secret.items ?? []) {
        if (!hasKey(s, item.key) && !v.secret.optional)
          return `MountVolume.SetUp failed for volume "${v.name}" : secret references non-existent secret key: ${item.key}`;
      }
    }
  }
  return undefined;
}

/**
 * The CreateContainerConfigError message for a container, or undefined when its environment can
 * be built: `configmap "app-config" not found`, `couldn't find key LOG_LEVEL in ConfigMap default/app-config`.
 */
export function envProblem(store: Store, pod: Pod, c: Container): string | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef && !lookup(store, 'ConfigMap', ns, from.configMapRef.name) && !from.configMapRef.optional) {
      return `configmap "${from.configMapRef.name}" not found`;
    }
    if (from.secretRef && !lookup(store, 'Secret', ns, from.secretRef.name) && !from.secretRef.optional) {
      return `secret "${from.secretRef.name}" not found`;
    }
  }
  for (const e of c.env ?? []) {
    const cmRef = e.valueFrom?.configMapKeyRef;
    if (cmRef) {
      const cm = lookup(store, 'ConfigMap', ns, cmRef.name);
      if (!cm) {
        if (cmRef.optional) continue;
        return `configmap "${cmRef.name}" not found`;
      }
      if (!hasKey(cm, cmRef.key) && !cmRef.optional) return `couldn't find key ${cmRef.key} in ConfigMap ${ns}/${cmRef.name}`;
    }
    const sRef = e.valueFrom?.secretKeyRef;
    if (sRef) {
      const s = lookup(store, 'Secret', ns, sRef.name);
      if (!s) {
        if (sRef.optional) continue;
        return `secret "${sRef.name}" not found`;
      }
      if (!hasKey(s, sRef.key) && !sRef.optional) return `couldn't find key ${sRef.key} in Secret ${ns}/${sRef.name}`;
    }
  }
  return undefined;
}

/** Why the runtime rejects an image reference, in distribution/reference's words (ParseNormalizedNamed). */
export function invalidImageCause(image: string): string {
  const parsed = parseImageReference(image);
  return parsed.ok ? '' : parsed.error;
}

/** Whether the kubelet rejects the image reference as InvalidImageName before any pull. */
export function invalidImageName(image: string | undefined): boolean {
  return !!image && !parseImageReference(image).ok;
}
