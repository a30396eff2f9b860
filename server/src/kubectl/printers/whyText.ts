// "Why?" explanations as text, for describe, the state block after apply and the editor's output:
// the cause, the upstream event that shows it, the manifest field that decides it, the fix.
import type { WhyExplanation } from '../../protocol/why';
import type { Simulator } from '../../cluster/simulator';
import { explainAll, explainWhy } from '../../cluster/why/explainWhy';
import type { KObject } from '../../cluster/types';
import { t } from '../../util/l10n';

function fieldText(w: WhyExplanation): string {
  if (!w.field) return '-';
  return `${w.field.object.kind.toLowerCase()}/${w.field.object.name} ${w.field.path}`;
}

/** The four lines of one explanation, indented under a heading line. */
export function whyBlock(w: WhyExplanation, indent = '  '): string[] {
  return [
    `${indent}${t('Cause:')} ${w.text.cause}`,
    `${indent}${t('Shown by:')} ${w.text.event}`,
    `${indent}${t('Decided by:')} ${fieldText(w)}`,
    `${indent}${t('Fix:')} ${w.text.fix}`,
  ];
}

/** describe's closing section for an object that is not fine; empty when it is fine. */
export function describeWhyLines(sim: Simulator, obj: KObject): string[] {
  const w = explainWhy(sim.store, obj);
  return w ? [t('Why (KubeMate, {0}):', w.condition), ...whyBlock(w)] : [];
}

/** Every explanation of the namespaces, for the block after an action. */
export function whyLines(sim: Simulator, namespaces: string[]): string[] {
  const set = new Set(namespaces);
  const all = explainAll(sim.store, (ns) => set.has(ns));
  if (!all.length) return [];
  // Pods of one controller with the same condition say the same: the first speaks for the others.
  const groups = new Map<string, { first: WhyExplanation; more: number }>();
  for (const w of all) {
    const key =
      w.object.kind === 'Pod' && w.field ? `${w.condition}|${w.field.object.kind}/${w.field.object.name}|${w.field.path}` : `${w.object.kind}/${w.object.name}`;
    const g = groups.get(key);
    if (g) g.more++;
    else groups.set(key, { first: w, more: 0 });
  }
  const out = ['', t('Why? (what is not fine, and what to change):')];
  for (const { first: w, more } of groups.values()) {
    const head = `${w.object.kind.toLowerCase()}/${w.object.name} — ${w.condition}`;
    out.push(
      more ? `${head} ${t('(and {0} more pod(s) of {1}/{2} alike)', more, w.field!.object.kind.toLowerCase(), w.field!.object.name)}` : head,
      ...whyBlock(w),
    );
  }
  return out;
}
