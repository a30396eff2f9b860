// `kubectl cordon|uncordon|drain <node>`. kubectl prints its progress lines (errors and warnings
// on stderr); KubeMate adds the state of the user's namespaces afterwards (kube-* left out: the
// add-ons are not what the learner drained). upstream: kubectl pkg/cmd/drain (RunCordonOrUncordon, RunDrain).
import type { Simulator } from '../../cluster/simulator';
import { stateLines, userPodNamespaces } from '../printers/clusterText';
import { notFound, OutputLine, VerbResult } from '../verbResult';

function tagged(lines: string[]): OutputLine[] {
  // kubectl writes `error: …` and `error when evicting …` (drain's retries) to stderr.
  return lines.map((text) => ({ stream: text.startsWith('error') || text.startsWith('Warning:') ? 'err' : 'out', text }));
}

export function cordonVerb(sim: Simulator, node: string, unschedulable: boolean): VerbResult {
  const r = sim.cordon(node, unschedulable);
  if (!r.found) return notFound('Node', node, '');
  return { ok: r.ok, found: true, lines: tagged(r.lines), changed: [{ kind: 'Node', namespace: null, name: node }], deleted: [], run: r };
}

export function drainVerb(sim: Simulator, node: string, opts: { force: boolean; ignoreDaemonSets: boolean; timeoutSeconds?: number }): VerbResult {
  const before = new Set(sim.store.list('Pod').map((p) => p.metadata.uid ?? ''));
  const r = sim.drain(node, opts);
  if (!r.found) return notFound('Node', node, '');
  const changed = sim.store
    .list('Pod')
    .filter((p) => !before.has(p.metadata.uid ?? ''))
    .map((p) => ({ kind: 'Pod', namespace: p.metadata.namespace ?? 'default', name: p.metadata.name }));
  return {
    ok: r.ok,
    found: true,
    lines: tagged(r.lines),
    state: stateLines(sim, userPodNamespaces(sim), r),
    changed: [{ kind: 'Node', namespace: null, name: node }, ...changed],
    deleted: [],
    run: r,
  };
}
