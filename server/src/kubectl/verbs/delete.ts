// `kubectl delete <kind> <name>` / `delete -f`: one line per object in kubectl 1.34+'s wording,
// then the state of the namespaces involved (controllers replace what they own, e.g. a pod).
// `--grace-period`/`--now`/`--force` become the DeleteOptions' grace period; 0 prints
// `force deleted` after kubectl's warning. upstream: kubectl pkg/cmd/delete (Validate, PrintObj).
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

export interface DeleteOptions {
  /** kubectl's resolved grace period: undefined = each pod's own; 0 = force. */
  gracePeriodSeconds?: number;
  /** `-o name`: `pod/web-1` per object instead of the sentence. */
  names?: boolean;
}

/** What kubectl prints before a force delete (its WarningPrinter adds the "Warning: " prefix). */
export const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

export function deleteVerb(sim: Simulator, targets: DeleteTarget[], opts: DeleteOptions = {}): VerbResult {
  const lines: OutputLine[] = opts.gracePeriodSeconds === 0 ? err(FORCE_WARNING) : [];
  const operation = opts.gracePeriodSeconds === 0 ? 'force deleted' : 'deleted';
  const runs: RunResult[] = [];
  const namespaces = new Set<string>();
  const deleted: ObjectRef[] = [];
  const before = new Set(sim.store.list<Pod>('Pod').map((p) => p.metadata.uid ?? ''));
  let ok = true;
  for (const tg of targets) {
    const group = tg.group ?? groupOf(tg.kind);
    const r = sim.delete(tg.kind, tg.namespace, tg.name, { gracePeriodSeconds: opts.gracePeriodSeconds });
    runs.push(r);
    if (!r.found) {
      lines.push(...err(notFoundLine(tg.kind, tg.name, group)));
      ok = false;
      continue;
    }
    if (tg.namespace) namespaces.add(tg.namespace);
    deleted.push({ kind: tg.kind, namespace: tg.namespace ?? null, name: tg.name });
    const name = kubectlName(tg.kind, group);
    if (opts.names) lines.push(...out(`${name}/${tg.name}`));
    else lines.push(...out(tg.namespace ? `${name} "${tg.name}" ${operation} from ${tg.namespace} namespace` : `${name} "${tg.name}" ${operation}`));
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
