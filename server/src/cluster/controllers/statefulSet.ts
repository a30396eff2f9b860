// StatefulSet: pods `<set>-<ordinal>` with stable hostnames and their own PVCs, created in order
// (OrderedReady: each Running and Ready before the next) and removed in reverse order.
// upstream: pkg/controller/statefulset/stateful_set_control.go, stateful_pod_control.go.
import type { ControllerContext } from '../controllerContext';
import type { KObject, Pod } from '../types';
import { computeHash } from '../naming';
import { isPodActive, isPodAvailable, isPodReady, podFromTemplate, setStatus } from '../controllerUtils';

const COMPONENT = 'statefulset-controller';

export function syncAllStatefulSets(ctx: ControllerContext): void {
  for (const set of ctx.store.list('StatefulSet')) syncStatefulSet(ctx, set);
}

/** `controller-revision-hash` value: `<set>-<hash of the template>` (a ControllerRevision name). */
function statefulSetRevision(set: KObject): string {
  return `${set.metadata.name}-${computeHash(set.spec?.template)}`;
}

function ordinalOf(set: KObject, pod: Pod): number {
  const m = new RegExp(`^${set.metadata.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(pod.metadata.name);
  return m ? Number(m[1]) : -1;
}

function newStatefulPod(ctx: ControllerContext, set: KObject, ordinal: number, revision: string): Pod {
  const name = `${set.metadata.name}-${ordinal}`;
  const pod = podFromTemplate(set.spec.template, set, { name });
  pod.metadata.labels = {
    ...(pod.metadata.labels ?? {}),
    'apps.kubernetes.io/pod-index': String(ordinal),
    'controller-revision-hash': revision,
    'statefulset.kubernetes.io/pod-name': name,
  };
  pod.spec.hostname = name;
  if (set.spec.serviceName) pod.spec.subdomain = set.spec.serviceName;
  const volumes = (pod.spec.volumes ?? []).filter((v) => !(set.spec.volumeClaimTemplates ?? []).some((t: KObject) => t.metadata?.name === v.name));
  for (const t of (set.spec.volumeClaimTemplates ?? []) as KObject[]) {
    volumes.push({ name: t.metadata.name, persistentVolumeClaim: { claimName: `${t.metadata.name}-${name}` } });
  }
  if (volumes.length) pod.spec.volumes = volumes;
  return pod;
}

/** PVCs from volumeClaimTemplates: `<template>-<set>-<ordinal>`, created before the pod, never deleted with it. */
function ensureClaims(ctx: ControllerContext, set: KObject, ordinal: number): void {
  const podName = `${set.metadata.name}-${ordinal}`;
  for (const t of (set.spec.volumeClaimTemplates ?? []) as KObject[]) {
    const claimName = `${t.metadata.name}-${podName}`;
    if (ctx.store.get('PersistentVolumeClaim', set.metadata.namespace, claimName)) continue;
    const labels = { ...(set.spec.selector?.matchLabels ?? {}), ...(t.metadata.labels ?? {}) };
    ctx.create({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: claimName, namespace: set.metadata.namespace, labels },
      spec: { volumeMode: 'Filesystem', ...JSON.parse(JSON.stringify(t.spec ?? {})) },
      status: { phase: 'Pending' },
    });
    ctx.events.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${podName} in StatefulSet ${set.metadata.name} success`, COMPONENT);
  }
}

function syncStatefulSet(ctx: ControllerContext, set: KObject): void {
  const replicas = typeof set.spec?.replicas === 'number' ? set.spec.replicas : 1;
  const start = set.spec?.ordinals?.start ?? 0;
  const parallel = set.spec?.podManagementPolicy === 'Parallel';
  const revision = statefulSetRevision(set);
  // upstream: a terminating pod keeps its ordinal until it is gone (never recreated under it).
  const pods = ctx.store.ownedBy<Pod>(set.metadata.uid ?? '', 'Pod').filter((p) => isPodActive(p) || !!p.metadata.deletionTimestamp);
  const byOrdinal = new Map<number, Pod>();
  for (const p of pods) byOrdinal.set(ordinalOf(set, p), p);
  const healthy = (p: Pod | undefined) => !!p && p.status?.phase === 'Running' && isPodReady(p);

  // Create missing ordinals in order; OrderedReady waits for every lower ordinal to be Running and Ready.
  let blocked = false;
  for (let i = start; i < start + replicas && !blocked; i++) {
    const pod = byOrdinal.get(i);
    if (!pod) {
      ensureClaims(ctx, set, i);
      const created = ctx.create(newStatefulPod(ctx, set, i, revision));
      byOrdinal.set(i, created);
      ctx.events.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${created.metadata.name} in StatefulSet ${set.metadata.name} successful`, COMPONENT);
      if (!parallel) blocked = true;
    } else if (!parallel && (pod.metadata.deletionTimestamp || !healthy(pod))) blocked = true;
  }
  // Scale down: highest ordinal first, one at a time, only when the rest is healthy.
  const extra = [...byOrdinal.entries()].filter(([i]) => i < start || i >= start + replicas).sort((a, b) => b[0] - a[0]);
  if (!blocked) {
    for (const [, pod] of extra) {
      // OrderedReady waits for a terminating pod to be gone before deleting the next.
      if (pod.metadata.deletionTimestamp) {
        if (parallel) continue;
        break;
      }
      ctx.remove(pod);
      byOrdinal.delete(ordinalOf(set, pod));
      ctx.events.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, COMPONENT);
      if (!parallel) {
        blocked = true;
        break;
      }
    }
  }
  // RollingUpdate: replace the highest-ordinal pod of an old revision once all pods are healthy.
  if (!blocked && set.spec?.updateStrategy?.type !== 'OnDelete') {
    const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    const current = [...byOrdinal.entries()].sort((a, b) => b[0] - a[0]);
    if (current.every(([, p]) => healthy(p))) {
      const stale = current.find(([i, p]) => i >= start + partition && p.metadata.labels?.['controller-revision-hash'] !== revision);
      if (stale) {
        ctx.remove(stale[1]);
        ctx.events.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${stale[1].metadata.name} in StatefulSet ${set.metadata.name} successful`, COMPONENT);
      }
    }
  }
  const now = ctx.store.now();
  const live = ctx.store.ownedBy<Pod>(set.metadata.uid ?? '', 'Pod').filter(isPodActive);
  const updated = live.filter((p) => p.metadata.labels?.['controller-revision-hash'] === revision).length;
  setStatus(ctx.store, set, {
    observedGeneration: set.metadata.generation ?? 1,
    replicas: live.length,
    readyReplicas: live.filter(isPodReady).length,
    currentReplicas: updated,
    updatedReplicas: updated,
    availableReplicas: live.filter((p) => isPodAvailable(p, set.spec?.minReadySeconds ?? 0, now)).length,
    currentRevision: revision,
    updateRevision: revision,
    collisionCount: 0,
  });
}
