// `kubectl delete <kind> <name>` / `delete -f`: one line per object in kubectl 1.34+'s wording,
// then the state of the namespaces involved (controllers replace what they own, e.g. a pod).
// upstream: kubectl pkg/cmd/delete (printDeletion).
import type { Simulator } from '../../cluster/simulator';
import type { Pod } from '../../cluster/types';
import type { RunResult } from '../../cluster/simulator';
import type { ObjectRef } from '../../protocol/clusterView';
import { kubectlName } from '../../k8s/resources';
import { stateLines } from '../printers/clusterText';
import { err, groupOf, mergeRuns, notFoundLine, out, OutputLine, VerbResult } from '../verbResult';

export interface DeleteTarget {
  kind: string;
  group?: string;
  /** Undefined for cluster-scoped kinds. */
  namespace: string | undefined;
  name: string;
}

export function deleteVerb(sim: Simulator, targets: DeleteTarget[]): VerbResult {
  const lines: OutputLine[] = [];
  const runs: RunResult[] = [];
  const namespaces = new Set<string>();
  const deleted: ObjectRef[] = [];
  const before = new Set(sim.store.list<Pod>('Pod').map((p) => p.metadata.uid ?? ''));
  let ok = true;
  for (const tg of targets) {
    const group = tg.group ?? groupOf(tg.kind);
    const r = sim.delete(tg.kind, tg.namespace, tg.name);
    runs.push(r);
    if (!r.found) {
      lines.push(...err(notFoundLine(tg.kind, tg.name, group)));
      ok = false;
      continue;
    }
    if (tg.namespace) namespaces.add(tg.namespace);
    deleted.push({ kind: tg.kind, namespace: tg.namespace ?? null, name: tg.name });
    const name = kubectlName(tg.kind, group);
    lines.push(...out(tg.namespace ? `${name} "${tg.name}" deleted from ${tg.namespace} namespace` : `${name} "${tg.name}" deleted`));
  }
  const run = mergeRuns(runs);
  // What the controllers created in reply (a ReplicaSet's replacement pod).
  const changed = sim.store
    .list<Pod>('Pod')
    .filter((p) => !before.has(p.metadata.uid ?? ''))
    .map((p) => ({ kind: 'Pod', namespace: p.metadata.namespace ?? 'default', name: p.metadata.name }));
  return {
    ok,
    found: deleted.length > 0 || targets.length === 0,
    lines,
    state: namespaces.size ? stateLines(sim, [...namespaces], run) : [],
    changed,
    deleted,
    run,
  };
}
