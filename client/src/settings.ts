// The extension's view of the `kubemate.*` settings: read through the one declaration in
// server/src/protocol/settings.ts, so types and defaults are the server's.
import * as vscode from 'vscode';
import { KubemateSettings, readSettings, SettingKey, SETTINGS_SECTION } from '../../server/src/protocol/settings';

export function currentSettings(scope?: vscode.Uri): KubemateSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return readSettings((key) => config.get(key));
}

/** One setting, with the declared default when unset or invalid. */
export function setting<K extends SettingKey>(key: K, scope?: vscode.Uri): KubemateSettings[K] {
  return currentSettings(scope)[key];
}
