// Read-only questions about one object: `kubectl describe` text and rollout history (the kubectl
// layer's verbs, as the CLI prints them), and a Secret's values — decoded only when the user asks
// for them on purpose.
import type { Simulator } from '../../cluster/simulator';
import type { ObjectRef } from '../../protocol/clusterView';
import type { RolloutRevision } from '../../protocol/clusterProtocol';
import { describeText as describeObjectText } from '../../kubectl/verbs/describe';
import { rolloutHistoryVerb } from '../../kubectl/verbs/rollout';
import { notFoundLine, outputText } from '../../kubectl/verbResult';
import { t } from '../../util/l10n';

export function describeText(sim: Simulator, ref: ObjectRef): { text: string; found: boolean } {
  const o = sim.get(ref.kind, ref.namespace ?? undefined, ref.name);
  if (!o) return { text: notFoundLine(ref.kind, ref.name), found: false };
  return { text: describeObjectText(sim, o), found: true };
}

export function historyOf(sim: Simulator, ref: ObjectRef): { text: string; revisions: RolloutRevision[]; found: boolean } {
  const r = rolloutHistoryVerb(sim, ref.namespace ?? 'default', ref.name);
  return { text: outputText(r.lines), revisions: r.revisions, found: r.found };
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
  for (const [k, v] of Object.entries((s.binaryData ?? {}) as Record<string, string>))
    out[k] = t('<binary, {0} bytes>', Buffer.from(String(v), 'base64').length);
  return out;
}
