// Small text helpers for cross-resource messages: labels, ports, key lists, near names.
import { language, t } from '../../util/l10n';
import type { SelectorInfo, ServicePortInfo } from '../../workspace/indexedObject';
import { formatLabelSelector } from '../../k8s/labels';
import { NearNames } from '../../util/nearNames';

/** Sentences joined as each language writes them: a space in English, nothing in Chinese. */
export function sentences(...parts: string[]): string {
  return parts.filter(Boolean).join(language() === 'zh-cn' ? '' : ' ');
}

export function labelsText(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(', ') : t('no labels');
}

export function selectorText(s: SelectorInfo): string {
  return s.type === 'map' ? labelsText(s.selector) : formatLabelSelector(s.selector);
}

export function listText(items: string[], max = 8): string {
  if (!items.length) return t('none');
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown}, … (+${items.length - max})` : shown;
}

export function servicePortText(p: ServicePortInfo): string {
  const base = p.name ? `${p.name}:${p.port ?? '?'}` : String(p.port ?? '?');
  return p.protocol !== 'TCP' ? `${base}/${p.protocol}` : base;
}

/** The closest candidate to a misspelt name (edit distance ≤ 2, case-insensitive; util/nearNames). */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  return new NearNames([...candidates]).nearest(name);
}
