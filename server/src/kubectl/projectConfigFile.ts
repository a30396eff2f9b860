// Finds and reads the project configuration: `--config FILE`, or `.kubemate.yaml`
// (`.kubemate.yml`) in the first checked path's folder (the editor: the first workspace folder)
// or the nearest folder above it. `kubemate check` and the language server both read it here.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, EMPTY_PROJECT_CONFIG, parseProjectConfig, type ProjectConfig } from '../workspace/projectConfig';
import { t } from '../util/l10n';

export interface LoadedConfig {
  config: ProjectConfig;
  /** Absolute path of the file read, or undefined when there is none. */
  path?: string;
  /** Localised `file:line:col message` lines; any problem makes `check` exit 2. */
  problems: string[];
}

export function findProjectConfig(start: string): string | undefined {
  let dir = start;
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** `knownCodes`: the codes a level may be set for (pipeline/configurableCodes). */
export function loadProjectConfig(explicit: string | undefined, firstPath: string, cwd: string, knownCodes: ReadonlySet<string>): LoadedConfig {
  const path = explicit ? resolve(cwd, explicit) : findProjectConfig(resolve(cwd, firstPath));
  if (!path) return { config: EMPTY_PROJECT_CONFIG, problems: [] };
  const shown = relative(cwd, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { config: EMPTY_PROJECT_CONFIG, path, problems: [t('{0}: cannot read the KubeMate configuration file', shown)] };
  }
  const { config, problems } = parseProjectConfig(text, knownCodes);
  return { config, path, problems: problems.map((p) => `${shown}:${p.line}:${p.column} ${p.message}`) };
}
