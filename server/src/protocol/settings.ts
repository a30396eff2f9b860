// Every `kubemate.*` setting, declared once for the extension and the language server (the
// vscode-eslint `$shared/settings.ts` shape): its type, allowed values and default. The client
// reads the settings with `readSettings` and sends them in `initializationOptions.settings`;
// afterwards vscode-languageclient forwards every change of the `kubemate` section as
// `workspace/didChangeConfiguration` (settings.kubemate: the section as VS Code nests it), which
// the server reads with `settingsFromSection`. A test checks package.json's
// contributes.configuration against this declaration. Dependency-free (the client imports it).

interface StringSetting<V extends string> {
  type: 'string';
  enum?: readonly V[];
  default: V;
}
interface BooleanSetting {
  type: 'boolean';
  default: boolean;
}
interface NumberSetting {
  type: 'number';
  default: number;
  minimum?: number;
}
/** An object of string values, e.g. lint rule id → level. */
interface MapSetting {
  type: 'object';
  default: Record<string, string>;
}

export const SETTINGS_SECTION = 'kubemate';

export const SETTINGS = {
  /** Message language of diagnostics, hovers and the simulated cluster's output. */
  language: { type: 'string', enum: ['auto', 'zh-cn', 'en'], default: 'auto' },
  /** Read by vscode-languageclient itself (LSP message tracing). */
  'trace.server': { type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off' },
  'docs.language': { type: 'string', enum: ['auto', 'zh-cn', 'en', 'both'], default: 'auto' },
  'lint.enabled': { type: 'boolean', default: true },
  /** Rule id (any diagnostic code) → off | error | warning | information | hint. */
  'lint.rules': { type: 'object', default: {} },
  /** The dry-run CodeLens only; the navigation lenses stay. */
  'codeLens.dryRun': { type: 'boolean', default: true },
  'statusBar.enabled': { type: 'boolean', default: true },
  'output.reveal': { type: 'string', enum: ['always', 'onError', 'never'], default: 'always' },
  'clusterView.showSystemNamespaces': { type: 'boolean', default: false },
  clusterProfile: { type: 'string', default: '.kubemate/cluster.yaml' },
  'index.maxFiles': { type: 'number', default: 5000, minimum: 0 },
  /** Files larger than this (MB) are left alone: no parse, checks, hover or outline (0: no limit). The CLI uses the default. */
  maxFileSizeMB: { type: 'number', default: 2, minimum: 0 },
} as const satisfies Record<string, StringSetting<string> | BooleanSetting | NumberSetting | MapSetting>;

export type SettingKey = keyof typeof SETTINGS;

type ValueOf<D> = D extends { type: 'string'; enum: readonly (infer V)[] }
  ? V
  : D extends { type: 'string' }
    ? string
    : D extends { type: 'boolean' }
      ? boolean
      : D extends { type: 'number' }
        ? number
        : Record<string, string>;

/** Every setting with its value, by its key without the `kubemate.` prefix. */
export type KubemateSettings = { readonly [K in SettingKey]: ValueOf<(typeof SETTINGS)[K]> };

export type DocsLanguageSetting = KubemateSettings['docs.language'];

/** Whether a text of `length` characters is above the `maxFileSizeMB` limit (0: no limit). */
export function aboveSizeLimit(length: number, limitMb: number): boolean {
  return limitMb > 0 && length > limitMb * 1024 * 1024;
}

/** The one place defaults come from. */
export const DEFAULT_SETTINGS: KubemateSettings = Object.fromEntries(Object.entries(SETTINGS).map(([k, d]) => [k, d.default])) as KubemateSettings;

function valid(key: SettingKey, value: unknown): boolean {
  const d = SETTINGS[key] as StringSetting<string> | BooleanSetting | NumberSetting | MapSetting;
  switch (d.type) {
    case 'string':
      return typeof value === 'string' && (!d.enum || d.enum.includes(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (d.minimum === undefined || value >= d.minimum);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
  }
}

/** Reads every setting through `get` (e.g. WorkspaceConfiguration.get); a missing or invalid value falls back to its default. */
export function readSettings(get: (key: SettingKey) => unknown): KubemateSettings {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const v = get(key);
    out[key] = valid(key, v) ? v : DEFAULT_SETTINGS[key];
  }
  return out as KubemateSettings;
}

/** The `kubemate` section as VS Code nests it (`{docs: {language: 'zh-cn'}}`) or flat (`{'docs.language': …}`). */
export function settingsFromSection(section: unknown): KubemateSettings {
  const root = typeof section === 'object' && section !== null ? (section as Record<string, unknown>) : {};
  return readSettings((key) => {
    if (key in root) return root[key];
    let node: unknown = root;
    for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    return node;
  });
}

/** The keys whose values differ. */
export function changedSettings(a: KubemateSettings, b: KubemateSettings): Set<SettingKey> {
  const out = new Set<SettingKey>();
  for (const key of Object.keys(SETTINGS) as SettingKey[]) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.add(key);
  return out;
}
