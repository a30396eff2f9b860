// The one door for user-visible text on the server side (language server and CLI).
// Messages are keyed by their English text, as VS Code's l10n bundles are: the English
// bundle (l10n/bundle.l10n.json) lists every key, the zh-cn bundle translates each one.
// A test scans the sources for t('…') calls and fails when a key is missing in either bundle.
import * as l10n from '@vscode/l10n';
import zhCN from '../../../l10n/bundle.l10n.zh-cn.json';

export type Lang = 'en' | 'zh-cn';

let current: Lang = 'en';

/** Maps a VS Code / LSP / POSIX locale ("zh-CN", "zh-tw", "zh_CN.UTF-8", "en-US") to a supported language. */
export function languageOf(locale: string | undefined | null): Lang {
  const l = (locale ?? '').toLowerCase().replace('_', '-');
  return l.startsWith('zh') ? 'zh-cn' : 'en';
}

export function setLanguage(lang: Lang): void {
  current = lang;
  l10n.config({ contents: lang === 'zh-cn' ? (zhCN as Record<string, string>) : {} });
}

export function language(): Lang {
  return current;
}

/** Localise a message; `{0}`-style or `{name}`-style placeholders as in @vscode/l10n. */
export const t = l10n.t;

setLanguage('en');
