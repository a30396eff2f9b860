// `kubectl rollout history|undo|status deployment/<name>`.
// upstream: kubectl pkg/cmd/rollout (history, undo, status) and pkg/polymorphichelpers.
import type { Simulator } from '../../cluster/simulator';
import type { KObject } from '../../cluster/types';
import type { RolloutRevision } from '../../protocol/clusterProtocol';
import { rolloutHistory, rolloutUndo } from '../../cluster/controllers/deployment/rollback';
import { rolloutStatusMessage } from '../../cluster/controllers/deployment/deploymentUtil';
import { formatTable } from '../printers/table';
import { PrefixWriter } from '../describe/tabWriter';
import { describePodTemplate } from '../describe/describeParts';
import { stateLines } from '../printers/clusterText';
import { err, failed, notFound, out, VerbResult } from '../verbResult';

function deployment(sim: Simulator, namespace: string, name: string): KObject | undefined {
  return sim.get('Deployment', namespace, name);
}

export interface HistoryVerbResult extends VerbResult {
  revisions: RolloutRevision[];
}

export function rolloutHistoryVerb(sim: Simulator, namespace: string, name: string, revision?: number): HistoryVerbResult {
  const d = deployment(sim, namespace, name);
  if (!d) return { ...notFound('Deployment', name, 'apps'), revisions: [] };
  const rows = rolloutHistory(sim.store, d);
  const latest = Math.max(0, ...rows.map((r) => r.revision));
  const revisions = rows.map((r) => ({
    revision: r.revision,
    changeCause: r.changeCause,
    replicaSet: r.replicaSet,
    images: (((r.template as KObject['spec'])?.spec?.containers ?? []) as { image?: string }[]).map((c) => c.image ?? ''),
    current: r.revision === latest,
  }));
  const base = { found: true, changed: [], deleted: [], revisions };
  if (revision !== undefined) {
    const row = rows.find((r) => r.revision === revision);
    if (!row) return { ...base, ok: false, lines: err('error: unable to find the specified revision') }; // l10n-exempt: kubectl's own words
    // polymorphichelpers printTemplate: DescribePodTemplate through a PrefixWriter, no tabwriter.
    const w = new PrefixWriter();
    describePodTemplate(w, row.template);
    return { ...base, ok: true, lines: out(`deployment.apps/${name} with revision #${revision}\n${w.raw()}`) }; // l10n-exempt: kubectl's own words
  }
  const text = `deployment.apps/${name} \n` + formatTable([['REVISION', 'CHANGE-CAUSE'], ...rows.map((r) => [String(r.revision), r.changeCause])], 2, 0); // l10n-exempt: kubectl's own words
  return { ...base, ok: true, lines: out(text) };
}

export function rolloutStatusVerb(sim: Simulator, namespace: string, name: string): VerbResult {
  const d = deployment(sim, namespace, name);
  if (!d) return notFound('Deployment', name, 'apps');
  const s = rolloutStatusMessage(d);
  const bad = s.message.startsWith('error:');
  return { ok: !bad, found: true, lines: bad ? err(s.message) : out(s.message), changed: [], deleted: [] };
}

export function rolloutUndoVerb(sim: Simulator, namespace: string, name: string, toRevision = 0): VerbResult {
  const d = deployment(sim, namespace, name);
  if (!d) return notFound('Deployment', name, 'apps');
  let message = '';
  const r = sim.mutate((store) => {
    const u = rolloutUndo(store, d, toRevision);
    message = u.message;
    return { ok: u.ok, lines: [u.message] };
  });
  if (!r.ok) return { ...failed(message), run: r };
  return {
    ok: true,
    found: true,
    lines: out(message),
    state: stateLines(sim, [namespace], r),
    changed: [{ kind: 'Deployment', namespace, name }],
    deleted: [],
    run: r,
  };
}
