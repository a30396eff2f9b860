// What a reason string means, in Chinese and English: the container states (CrashLoopBackOff,
// OOMKilled …), pod STATUS words (Pending, Terminating, Evicted), condition reasons
// (ProgressDeadlineExceeded, BackoffLimitExceeded), event reasons (FailedScheduling, FailedMount)
// and the Status reasons of a rejected `kubectl apply` (Invalid, Forbidden …). Keyed by the exact
// upstream string, so `kubemate explain reason`, the tree's tooltips and the simulator's "why?"
// explanations all link to the same entry. Written by this project.
import type { Lang } from '../util/l10n';
import table from './notes/reasons.json';

type ReasonWhere = 'container-waiting' | 'container-terminated' | 'pod-status' | 'condition' | 'event' | 'apply-error';

interface ReasonText {
  title: string;
  meaning: string;
  fix: string[];
}

interface ReasonEntry {
  where: ReasonWhere;
  zhCn: ReasonText;
  en: ReasonText;
}

export interface ReasonExplanation extends ReasonText {
  reason: string;
  where: ReasonWhere;
  lang: Lang;
}

const REASONS = table as Record<string, ReasonEntry>;

/** Every reason with an entry, in table order. */
export function reasonNames(): string[] {
  return Object.keys(REASONS);
}

/**
 * The entry a `kubectl get pods` STATUS or a reason string points at: `Init:CrashLoopBackOff` →
 * CrashLoopBackOff, `Init:0/2` → PodInitializing (kubectl printPod, pkg/printers/internalversion).
 */
export function reasonKeyOf(status: string): string {
  if (/^Init:[0-9]+\/[0-9]+$/.test(status)) return 'PodInitializing';
  return status.replace(/^Init:/, '');
}

/** The explanation of one reason in one language; undefined when the table has no entry. */
export function explainReason(reason: string, lang: Lang): ReasonExplanation | undefined {
  const key = reasonKeyOf(reason);
  const e = Object.prototype.hasOwnProperty.call(REASONS, key) ? REASONS[key] : undefined;
  if (!e) return undefined;
  const text = lang === 'zh-cn' ? e.zhCn : e.en;
  return { reason: key, where: e.where, lang, title: text.title, meaning: text.meaning, fix: [...text.fix] };
}

/** Case-insensitive match for what a user typed (`crashloopbackoff`); exact keys win. */
export function findReason(typed: string): string | undefined {
  const key = reasonKeyOf(typed);
  if (Object.prototype.hasOwnProperty.call(REASONS, key)) return key;
  const lower = key.toLowerCase();
  return reasonNames().find((r) => r.toLowerCase() === lower);
}

/** Both languages of every string in `shown` that has an entry, keyed by the string as shown (the cluster view's `reasons`). */
export function reasonHelpMap(shown: Iterable<string | null | undefined>): Record<string, { reason: string; 'zh-cn': ReasonText; en: ReasonText }> {
  const out: Record<string, { reason: string; 'zh-cn': ReasonText; en: ReasonText }> = {};
  for (const s of shown) {
    if (!s || s in out) continue;
    const zh = explainReason(s, 'zh-cn');
    const en = explainReason(s, 'en');
    if (!zh || !en) continue;
    const text = (e: ReasonExplanation): ReasonText => ({ title: e.title, meaning: e.meaning, fix: e.fix });
    out[s] = { reason: zh.reason, 'zh-cn': text(zh), en: text(en) };
  }
  return out;
}
