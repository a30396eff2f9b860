// DaemonSet: one pod per node the pod may run on (node selector/affinity, taints with the
// DaemonSet's automatic tolerations), pinned with node affinity on metadata.name.
// upstream: pkg/controller/daemon/daemon_controller.go, util/daemonset_util.go.
import type { ControllerContext } from '../controllerContext';
import type { KObject, Pod, Toleration } from '../types';
import { computeHash } from '../naming';
import { isPodActive, isPodAvailable, isPodReady, podFromTemplate, setStatus } from '../controllerUtils';
import { podMatchesNodeSelectorAndAffinity, untoleratedTaint } from '../nodeMatching';

const COMPONENT = 'daemonset-controller';

/** upstream AddOrUpdateDaemonPodTolerations. */
function daemonPodTolerations(pod: Pod): Toleration[] {
  const add: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (pod.spec.hostNetwork) add.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const out = [...(pod.spec.tolerations ?? [])];
  for (const t of add) if (!out.some((x) => x.key === t.key && x.effect === t.effect)) out.push(t);
  return out;
}

function targetNode(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name') return f.values?.[0];
  return undefined;
}

function newDaemonPod(ds: KObject, node: string, hash: string): Pod {
  const pod = podFromTemplate(ds.spec.template, ds);
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) };
  pod.spec.tolerations = daemonPodTolerations(pod);
  pod.spec.affinity = {
    ...(pod.spec.affinity ?? {}),
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] },
    },
  };
  return pod;
}

export function syncAllDaemonSets(ctx: ControllerContext): void {
  const sets = ctx.store.list('DaemonSet');
  if (!sets.length) return;
  const nodes = ctx.store.list('Node');
  for (const ds of sets) syncDaemonSet(ctx, ds, nodes);
}

function syncDaemonSet(ctx: ControllerContext, ds: KObject, nodes: KObject[]): void {
  const hash = computeHash(ds.spec?.template);
  const pods = ctx.store.ownedBy<Pod>(ds.metadata.uid ?? '', 'Pod').filter(isPodActive);
  const byNode = new Map<string, Pod[]>();
  for (const p of pods) {
    const n = targetNode(p) ?? '';
    byNode.set(n, [...(byNode.get(n) ?? []), p]);
  }
  let desired = 0;
  let misscheduled = 0;
  let replacedOne = false;
  for (const node of nodes) {
    const probe = newDaemonPod(ds, node.metadata.name, hash);
    const shouldRun = podMatchesNodeSelectorAndAffinity(probe, node) && !untoleratedTaint(probe, node);
    const onNode = byNode.get(node.metadata.name) ?? [];
    if (shouldRun) {
      desired++;
      if (onNode.length === 0) {
        const pod = ctx.create(probe);
        ctx.events.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, COMPONENT);
      } else {
        for (const extra of onNode.slice(1)) {
          ctx.remove(extra);
          ctx.events.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${extra.metadata.name}`, COMPONENT);
        }
        // RollingUpdate with maxUnavailable 1: replace one outdated pod per sync when the others are ready.
        const p = onNode[0];
        if (
          !replacedOne &&
          ds.spec?.updateStrategy?.type !== 'OnDelete' &&
          p.metadata.labels?.['controller-revision-hash'] !== hash &&
          pods.every((x) => x === p || isPodReady(x))
        ) {
          ctx.remove(p);
          ctx.events.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, COMPONENT);
          replacedOne = true;
        }
      }
    } else if (onNode.length) {
      for (const p of onNode) if (p.spec.nodeName) misscheduled++;
    }
  }
  const now = ctx.store.now();
  const live = ctx.store.ownedBy<Pod>(ds.metadata.uid ?? '', 'Pod').filter(isPodActive);
  setStatus(ctx.store, ds, {
    currentNumberScheduled: live.filter((p) => p.spec.nodeName).length - misscheduled,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: live.filter(isPodReady).length,
    observedGeneration: ds.metadata.generation ?? 1,
    updatedNumberScheduled: live.filter((p) => p.spec.nodeName && p.metadata.labels?.['controller-revision-hash'] === hash).length,
    numberAvailable: live.filter((p) => isPodAvailable(p, ds.spec?.minReadySeconds ?? 0, now)).length,
    numberUnavailable: Math.max(0, desired - live.filter((p) => isPodAvailable(p, ds.spec?.minReadySeconds ?? 0, now)).length),
  });
}
