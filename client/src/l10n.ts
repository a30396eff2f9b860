// The client's message layer. `kubemate.language` governs every string KubeMate shows, so the
// client does not rely on vscode.l10n (which always follows VS Code's display language): when the
// setting differs from the display language, it loads the l10n bundle for the chosen language
// itself with @vscode/l10n. `auto` follows the display language, as the server does.
// package.json contributions (command titles, setting descriptions) are localised by VS Code from
// package.nls.*.json and can only follow the display language.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

import { ClientLang, chosenLanguage, vscodeBundleFits } from './languageChoice';

export type { ClientLang } from './languageChoice';

let current: ClientLang = 'en';
let useVscode = true;

/**
 * Applies `kubemate.language`; returns true when the language changed (callers re-render).
 * vscode.l10n is used only when VS Code loaded exactly the bundle we need.
 */
function configureLanguage(setting: string | undefined, extensionPath: string): boolean {
  const want = chosenLanguage(setting, vscode.env.language);
  const before = current;
  current = want;
  useVscode = vscodeBundleFits(want, vscode.env.language);
  if (!useVscode) {
    let contents: Record<string, string> = {};
    if (want === 'zh-cn') {
      try {
        contents = JSON.parse(readFileSync(path.join(extensionPath, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
      } catch {
        // A damaged install: English keys are still readable messages.
      }
    }
    l10n.config({ contents });
  }
  return before !== current;
}

export function clientLanguage(): ClientLang {
  return current;
}

/** Localise a message (vscode.l10n.t's signature; keys are the English text). */
export const t: typeof vscode.l10n.t = ((...args: Parameters<typeof l10n.t>) =>
  useVscode ? (vscode.l10n.t as (...a: unknown[]) => string)(...args) : (l10n.t as (...a: unknown[]) => string)(...args)) as typeof vscode.l10n.t;

const changed = new vscode.EventEmitter<ClientLang>();
/** Fires after `kubemate.language` switched the client's language: the tree and status bar re-render. */
export const onDidChangeLanguage = changed.event;

/** Reads `kubemate.language` now and whenever it changes. Call first in activate(). */
export function watchLanguage(extensionPath: string): vscode.Disposable {
  const read = () => vscode.workspace.getConfiguration('kubemate').get<string>('language', 'auto');
  configureLanguage(read(), extensionPath);
  const sub = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('kubemate.language') && configureLanguage(read(), extensionPath)) changed.fire(current);
  });
  return vscode.Disposable.from(sub, changed);
}
