// Read-only questions about one object: `kubectl describe` text (the CLI's printer), rollout
// history, and a Secret's values — decoded only when the user asks for them on purpose.
import type { KObject } from '../../cluster/types';
import type { Simulator } from '../../cluster/simulator';
import type { ObjectRef } from '../../protocol/clusterView';
import type { RolloutRevision } from '../../protocol/clusterProtocol';
import { describeObject } from '../../cli/printers/describe';
import { formatTable } from '../../cli/printers/table';
import { nextScheduleTime } from '../../cluster/controllers/cronJob';
import { rolloutHistory } from '../../cluster/controllers/deployment/rollback';
import { resolveResource, resourceName } from '../../k8s/resources';
import { t } from '../../util/l10n';

function find(sim: Simulator, ref: ObjectRef): KObject | undefined {
  return sim.get(ref.kind, ref.namespace ?? undefined, ref.name);
}

export function describeText(sim: Simulator, ref: ObjectRef): { text: string; found: boolean } {
  const o = find(sim, ref);
  if (!o) return { text: `Error from server (NotFound): ${resourceName(ref.kind, resolveResource(ref.kind)?.group ?? '')} "${ref.name}" not found`, found: false };
  let text = describeObject(sim.store, o);
  if (o.kind === 'CronJob') {
    const next = nextScheduleTime(o, sim.store.now());
    text +=
      '\n' +
      t('Next scheduled run (simulated clock, UTC): {0}. KubeMate does not let time run to it; use `kubemate create job <name> --from=cronjob/{1}` to run it now.', next ? new Date(next).toISOString() : '<none>', o.metadata.name);
  }
  return { text, found: true };
}

export function historyOf(sim: Simulator, ref: ObjectRef): { text: string; revisions: RolloutRevision[]; found: boolean } {
  const d = sim.get('Deployment', ref.namespace ?? 'default', ref.name);
  if (!d) return { text: `Error from server (NotFound): deployments.apps "${ref.name}" not found`, revisions: [], found: false };
  const rows = rolloutHistory(sim.store, d);
  const latest = Math.max(0, ...rows.map((r) => r.revision));
  const revisions = rows.map((r) => ({
    revision: r.revision,
    changeCause: r.changeCause,
    replicaSet: r.replicaSet,
    images: (((r.template as KObject['spec'])?.spec?.containers ?? []) as { image?: string }[]).map((c) => c.image ?? ''),
    current: r.revision === latest,
  }));
  const text = `deployment.apps/${ref.name} \n` + formatTable([['REVISION', 'CHANGE-CAUSE'], ...rows.map((r) => [String(r.revision), r.changeCause])], 2, 0);
  return { text, revisions, found: true };
}

/** A Secret's values, base64 `data` decoded; binary values are not shown, only their size. */
export function secretValues(sim: Simulator, ref: ObjectRef): Record<string, string> | null {
  const s = sim.get('Secret', ref.namespace ?? 'default', ref.name);
  if (!s) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((s.data ?? {}) as Record<string, string>)) {
    const buf = Buffer.from(String(v), 'base64');
    const text = buf.toString('utf8');
    out[k] = text.includes('\uFFFD') || buf.includes(0) ? t('<binary, {0} bytes>', buf.length) : text;
  }
  for (const [k, v] of Object.entries((s.stringData ?? {}) as Record<string, unknown>)) out[k] = String(v);
  for (const [k, v] of Object.entries((s.binaryData ?? {}) as Record<string, string>)) out[k] = t('<binary, {0} bytes>', Buffer.from(String(v), 'base64').length);
  return out;
}
