// Which languages a piece of documentation is shown in, and in what order.
// `kubemate.docs.language`: auto follows the display language (Chinese first for zh-*, English
// first otherwise, both shown); zh-cn and en show one language (the other when it is missing).
import type { Lang } from '../../util/l10n';

export type DocsLanguage = 'auto' | 'zh-cn' | 'en' | 'both';

/** Ordered list of languages to show, given the setting and the display language. */
export function docsOrder(setting: DocsLanguage, display: Lang): Lang[] {
  switch (setting) {
    case 'zh-cn':
      return ['zh-cn'];
    case 'en':
      return ['en'];
    case 'both':
      return display === 'zh-cn' ? ['zh-cn', 'en'] : ['en', 'zh-cn'];
    default:
      return display === 'zh-cn' ? ['zh-cn', 'en'] : ['en', 'zh-cn'];
  }
}

/** Texts in the chosen order; when a single-language choice has no text, fall back to the other. */
export function pickTexts(order: Lang[], texts: Partial<Record<Lang, string>>): { lang: Lang; text: string }[] {
  const shown = order.filter((l) => texts[l]).map((l) => ({ lang: l, text: texts[l]! }));
  if (shown.length) return shown;
  const other: Lang[] = (['zh-cn', 'en'] as Lang[]).filter((l) => !order.includes(l) && texts[l]);
  return other.map((l) => ({ lang: l, text: texts[l]! }));
}
