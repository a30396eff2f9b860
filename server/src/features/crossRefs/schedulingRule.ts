// "Would not schedule": the verdict comes from a probe the language server builds on the
// simulated cluster's scheduler (features do not import cluster/); this rule places it on the
// `resources` of the container that asks too much, or on `replicas` when host ports run out.
import { t } from '../../util/l10n';
import { IndexedObject, loc, objectLabel } from '../../workspace/indexedObject';
import type { Finding } from '../../findings/finding';
import { crossDiag } from './crossRefCodes';

export interface SchedulingVerdict {
  /** Upstream FailedScheduling message, e.g. `0/3 nodes are available: …`. */
  reason: string;
  /** `resources`: one pod asks more than any node has; `replicas`: the pods do not all fit (host ports, capacity). */
  cause: 'resources' | 'replicas';
  /** The pod (1-based) that stays Pending, and how many the workload asks for. */
  pod: number;
  of: number;
  /** The cluster the verdict is for, e.g. "3 nodes, 4 CPU and 8Gi memory each". */
  profile: string;
  /** The container whose requests are the largest (for `resources`). */
  container?: string;
}

export type SchedulingProbe = (o: IndexedObject) => SchedulingVerdict | undefined;

export function schedulingRule(o: IndexedObject, probe: SchedulingProbe | undefined): Finding[] {
  if (!probe || !o.pod) return [];
  const v = probe(o);
  if (!v) return [];
  const pod = o.pod;
  let range = pod.replicasRange;
  if (v.cause === 'resources') {
    const c = pod.containers.find((x) => x.name === v.container && x.resourcesRange) ?? pod.containers.find((x) => x.resourcesRange);
    range = c?.resourcesRange ?? range;
  } else if (!range) {
    range = pod.containers.flatMap((c) => c.ports).find((p) => p.hostPort !== undefined)?.range;
  }
  const msg = t('{0} would not schedule in the simulated cluster ({1}): pod {2} of {3} stays Pending. {4}', objectLabel(o), v.profile, v.pod, v.of, v.reason);
  return [crossDiag('unschedulable', msg, loc(o, range ?? o.kindRange).range, [], undefined, { cause: v.cause })];
}
