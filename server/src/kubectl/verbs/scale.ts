// `kubectl scale <kind>/<name> --replicas=N`. upstream: kubectl pkg/cmd/scale (and its
// "cannot scale" for kinds without a scale subresource).
import type { Simulator } from '../../cluster/simulator';
import { kubectlName, resourceName } from '../../k8s/resources';
import { stateLines } from '../printers/clusterText';
import { failed, groupOf, notFound, out, VerbResult } from '../verbResult';

export const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export function scaleVerb(sim: Simulator, kind: string, namespace: string, name: string, replicas: number): VerbResult {
  const group = groupOf(kind);
  if (!SCALABLE.has(kind)) return failed(`error: cannot scale ${resourceName(kind, group)}`); // l10n-exempt: kubectl's own words
  const r = sim.scale(kind, namespace, name, replicas);
  if (!r.found) return notFound(kind, name, group);
  return {
    ok: true,
    found: true,
    lines: out(`${kubectlName(kind, group)}/${name} scaled`),
    state: stateLines(sim, [namespace], r),
    changed: [{ kind, namespace, name }],
    deleted: [],
    run: r,
  };
}
