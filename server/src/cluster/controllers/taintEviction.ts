// The taint eviction controller: a pod bound to a node with a NoExecute taint it does not tolerate
// is deleted at once; tolerating every such taint, it is deleted once the smallest
// tolerationSeconds of the tolerations used has passed; tolerating without a limit, it stays.
// The clock starts when the pod met the taints: the later of the newest NoExecute taint's
// timeAdded and the pod's scheduling (upstream starts it when the controller first sees the pair).
// upstream: pkg/controller/tainteviction/taint_eviction.go (processPodOnNode,
// getMatchingTolerations, getMinTolerationTime, emitPodDeletionEvent).
import type { ControllerContext } from '../controllerContext';
import type { KObject, Pod, Taint, Toleration } from '../types';
import { toleratesTaint } from '../nodeMatching';
import { markDisruptionTarget } from '../podConditions';

const COMPONENT = 'taint-eviction-controller';

/** The first matching toleration per taint, or undefined when a taint is not tolerated. */
function matchingTolerations(taints: Taint[], tolerations: Toleration[]): Toleration[] | undefined {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => toleratesTaint(x, taint));
    if (!t) return undefined;
    used.push(t);
  }
  return used;
}

/** Seconds until eviction: 0 at once, undefined never. */
function minTolerationSeconds(used: Toleration[]): number | undefined {
  let min: number | undefined;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = min === undefined ? t.tolerationSeconds : Math.min(min, t.tolerationSeconds);
  }
  return min;
}

function ms(timestamp: string | undefined): number {
  const v = timestamp ? Date.parse(timestamp) : Number.NaN;
  return Number.isNaN(v) ? 0 : v;
}

export function syncTaintEviction(ctx: ControllerContext): void {
  const tainted = new Map<string, Taint[]>();
  for (const node of ctx.store.list('Node')) {
    const noExecute = ((node.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === 'NoExecute');
    if (noExecute.length) tainted.set(node.metadata.name, noExecute);
  }
  if (!tainted.size) return;
  const now = ctx.store.now();
  for (const pod of ctx.store.list<Pod>('Pod')) {
    const taints = pod.spec.nodeName ? tainted.get(pod.spec.nodeName) : undefined;
    if (!taints || pod.metadata.deletionTimestamp) continue;
    const used = matchingTolerations(taints, pod.spec.tolerations ?? []);
    if (used) {
      const seconds = minTolerationSeconds(used);
      if (seconds === undefined) continue;
      const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.lastTransitionTime;
      const start = Math.max(ms(scheduled), ...taints.map((t) => ms(t.timeAdded)));
      const due = start + seconds * 1000;
      if (due > now) {
        // A deletion timer: letting time pass (and delete, drain) runs up to it; `kubectl taint`
        // itself returns with the tolerating pods still there, as on a real cluster.
        ctx.wakeAt(due, 'deletion');
        continue;
      }
    }
    const name = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    ctx.events.event(pod as KObject, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${name}`, COMPONENT);
    markDisruptionTarget(pod, 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint', ctx.store.timestamp());
    ctx.store.update(pod);
    ctx.remove(pod as KObject);
  }
}
