// `kubemate explain reason <Reason>`: one entry of the reason explainer as text or JSON, in the
// chosen language (both with --lang both). The lookup itself is schema/reasons.ts.
import { explainReason, findReason, reasonNames, ReasonExplanation } from '../schema/reasons';
import { didYouMean } from '../util/didYouMean';
import { Lang, t } from '../util/l10n';
import { UsageError } from './cliCommand';

const WHERE: Record<ReasonExplanation['where'], () => string> = {
  'container-waiting': () => t('container state (waiting), the STATUS column of kubectl get pods'),
  'container-terminated': () => t('container state (terminated), the STATUS column of kubectl get pods'),
  'pod-status': () => t('the STATUS column of kubectl get pods'),
  condition: () => t('the reason of a status condition'),
  event: () => t('an event reason (kubectl get events, kubectl describe)'),
  'apply-error': () => t('a rejected kubectl apply'),
};

function block(e: ReasonExplanation): string[] {
  const out = [`${e.reason} — ${e.title}`, '', `  ${e.meaning}`];
  if (e.fix.length) out.push('', t('What to do:'), ...e.fix.map((f) => `  - ${f}`));
  return out;
}

/** The reason the user meant, or a UsageError naming the closest one. */
export function resolveReason(typed: string): string {
  const key = findReason(typed);
  if (key) return key;
  const suggestion = didYouMean(typed, reasonNames());
  throw new UsageError(
    suggestion
      ? t('No explanation for the reason "{0}". Did you mean "{1}"?', typed, suggestion)
      : t('No explanation for the reason "{0}". Run kubemate explain reason to list them.', typed),
  );
}

export function reasonText(reason: string, langs: Lang[]): string {
  const entries = langs.map((l) => explainReason(reason, l)!);
  const out: string[] = [];
  entries.forEach((e, i) => {
    if (i) out.push('');
    out.push(...block(e));
  });
  out.push('', t('Seen in: {0}', WHERE[entries[0].where]()));
  return out.join('\n');
}

export function reasonJson(reason: string): string {
  const zh = explainReason(reason, 'zh-cn')!;
  const en = explainReason(reason, 'en')!;
  const text = (e: ReasonExplanation) => ({ title: e.title, meaning: e.meaning, fix: e.fix });
  return JSON.stringify({ reason, where: en.where, 'zh-cn': text(zh), en: text(en) }, null, 2);
}

/** `kubemate explain reason` without a name: every reason, grouped by where it shows up. */
export function reasonList(lang: Lang): string {
  const groups = new Map<ReasonExplanation['where'], string[]>();
  for (const r of reasonNames()) {
    const e = explainReason(r, lang)!;
    groups.set(e.where, [...(groups.get(e.where) ?? []), `  ${r.padEnd(28)} ${e.title}`]);
  }
  const out: string[] = [];
  for (const [where, lines] of groups) out.push(t('{0}:', WHERE[where]()), ...lines, '');
  out.push(t('Explain one: kubemate explain reason <Reason>'));
  return out.join('\n');
}
