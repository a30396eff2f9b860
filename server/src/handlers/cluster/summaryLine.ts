// The one-line result of a dry-run apply for the notification:
// `3 created · 1 configured — 4 pods Running, 1 Pending (0/3 nodes are available: …)`.
// Verbs and counts are localised; pod STATUS words and the scheduler's message stay as kubectl
// prints them, so the learner recognises them in a real cluster.
import type { ApplySummary } from '../../protocol/clusterProtocol';
import type { AppliedEntry, PodSummary } from '../../protocol/clusterSnapshot';
import { t } from '../../util/l10n';

const MAX_PROBLEM = 160;

export interface SummaryInput {
  applied: AppliedEntry[];
  skipped: number;
  /** Pods of the namespaces the apply touched. */
  pods: PodSummary[];
  stable: boolean;
  /** The first "Why?" of the namespaces the apply touched (see ApplySummary.why). */
  why?: string | null;
}

function countPhrase(n: number, action: 'created' | 'configured' | 'unchanged' | 'rejected' | 'skipped'): string {
  switch (action) {
    case 'created':
      return t('{0} created', n);
    case 'configured':
      return t('{0} configured', n);
    case 'unchanged':
      return t('{0} unchanged', n);
    case 'rejected':
      return t('{0} rejected', n);
    case 'skipped':
      return t('{0} skipped', n);
  }
}

/** Running first, then the other STATUS values by count (ties by name). */
function orderedStatuses(byStatus: Record<string, number>): [string, number][] {
  return Object.entries(byStatus).sort(([a, x], [b, y]) => Number(b === 'Running') - Number(a === 'Running') || y - x || a.localeCompare(b));
}

function podProblem(pods: PodSummary[]): string | null {
  const stuck = pods.find((p) => p.status !== 'Running' && p.status !== 'Completed' && p.message) ?? pods.find((p) => p.reason && p.message);
  if (!stuck?.message) return null;
  const m = stuck.message.replace(/\s+/g, ' ').trim();
  return m.length > MAX_PROBLEM ? m.slice(0, MAX_PROBLEM - 1) + '…' : m;
}

export function applySummary(input: SummaryInput): ApplySummary {
  const count = (a: string) => input.applied.filter((e) => e.action === a).length;
  const byStatus: Record<string, number> = {};
  for (const p of input.pods) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
  const summary: ApplySummary = {
    created: count('created'),
    configured: count('configured'),
    unchanged: count('unchanged'),
    rejected: count('error'),
    skipped: input.skipped,
    applied: input.applied,
    pods: { total: input.pods.length, byStatus },
    podProblem: podProblem(input.pods),
    stable: input.stable,
    why: input.why ?? null,
    line: '',
  };
  summary.line = summaryLine(summary);
  return summary;
}

export function summaryLine(s: Omit<ApplySummary, 'line'>): string {
  const parts: string[] = [];
  for (const action of ['created', 'configured', 'unchanged', 'rejected', 'skipped'] as const) {
    const n = s[action];
    if (n > 0) parts.push(countPhrase(n, action));
  }
  const head = parts.length ? parts.join(' · ') : t('nothing applied');
  if (s.pods.total === 0) return head;
  const statuses = orderedStatuses(s.pods.byStatus).map(([status, n], i) =>
    i === 0 ? (n === 1 ? t('1 pod {0}', status) : t('{0} pods {1}', n, status)) : t('{0} {1}', n, status),
  );
  let tail = statuses.join(t(', '));
  const allRunning = Object.keys(s.pods.byStatus).every((k) => k === 'Running' || k === 'Completed');
  if (s.podProblem && !allRunning) tail += t(' ({0})', s.podProblem);
  if (!s.stable) tail += t(' — still changing');
  if (s.why) tail += t(' — Why? {0}', s.why);
  return `${head} — ${tail}`;
}
