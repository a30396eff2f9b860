// Which language the client shows, from `kubemate.language` and VS Code's display language, and
// whether the bundle VS Code already loaded (vscode.l10n) is the one we need. Pure, unit-tested.

export type ClientLang = 'zh-cn' | 'en';

/** `zh-CN`, `zh-tw` → zh-cn; everything else → en (as server/src/util/l10n.ts languageOf). */
function languageOfLocale(locale: string | undefined): ClientLang {
  return (locale ?? '').toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** The language a `kubemate.language` value asks for: `auto` (or anything else) follows the display language. */
export function chosenLanguage(setting: string | undefined, displayLocale: string): ClientLang {
  return setting === 'zh-cn' || setting === 'en' ? setting : languageOfLocale(displayLocale);
}

/**
 * VS Code loads l10n/bundle.l10n.<display>.json: it fits for zh-cn only when the display language
 * is exactly zh-cn (there is no zh-tw bundle), and for en whenever it loaded no Chinese bundle.
 */
export function vscodeBundleFits(want: ClientLang, displayLocale: string): boolean {
  const display = displayLocale.toLowerCase();
  return want === 'zh-cn' ? display === 'zh-cn' : !display.startsWith('zh');
}
