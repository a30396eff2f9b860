// `kubemate advance <duration>`: let simulated time pass (no kubectl equivalent — a real cluster's
// clock just runs). CronJobs fire on their schedule, Jobs finish, timers run out; the CronJob and
// Job events of that stretch, then the state, are shown.
import type { Simulator } from '../../cluster/simulator';
import { stateLines, userPodNamespaces } from '../printers/clusterText';
import { out, VerbResult } from '../verbResult';
import { t } from '../../util/l10n';

/** A Go-style duration of whole units: 90s, 5m, 1h30m. */
export function parseDuration(text: string): number | undefined {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (!m || text.trim() === '' || (!m[1] && !m[2] && !m[3])) return undefined;
  return (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000;
}

/** The longest stretch one command may simulate (a week). */
export const MAX_ADVANCE_MS = 7 * 24 * 3600 * 1000;

export function advanceVerb(sim: Simulator, ms: number): VerbResult {
  const from = sim.now();
  const r = sim.advance(ms);
  const lines = out(t('Simulated time: {0} → {1}', new Date(from).toISOString(), new Date(sim.now()).toISOString()));
  // What the schedule did (CronJob and Job events) and what went wrong; pod detail stays in `get events`.
  for (const e of r.events) {
    if (e.namespace?.startsWith('kube-') || !(e.type === 'Warning' || /^(CronJob|Job)\//.test(e.object))) continue;
    lines.push(...out(`${e.type}   ${e.reason}   ${e.object.toLowerCase()}   ${e.message}`));
  }
  const changed = r.events
    .filter((e) => /^(CronJob|Job)\//.test(e.object))
    .map((e) => ({ kind: e.object.split('/')[0], namespace: e.namespace ?? 'default', name: e.object.split('/')[1] }));
  return { ok: true, found: true, lines, state: stateLines(sim, userPodNamespaces(sim), { ...r, events: [] }), changed, deleted: [], run: r };
}
