// Finds and reads the project configuration for the CLI: `--config FILE`, or `.kubemate.yaml`
// (`.kubemate.yml`) in the first checked path's folder or the nearest folder above it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, EMPTY_PROJECT_CONFIG, parseProjectConfig, type ProjectConfig } from '../workspace/projectConfig';
import { LINT_RULES } from '../features/lint/lintRules';
import { CROSS_REF_CODES } from '../features/crossRefs/crossRefCodes';
import { t } from '../util/l10n';

export interface LoadedConfig {
  config: ProjectConfig;
  /** Absolute path of the file read, or undefined when there is none. */
  path?: string;
  /** Localised `file:line:col message` lines; any problem makes `check` exit 2. */
  problems: string[];
}

/** Every code a project configuration may set a level for. */
export function configurableCodes(): Set<string> {
  return new Set([...LINT_RULES.map((r) => r.id), ...Object.keys(CROSS_REF_CODES)]);
}

function findProjectConfig(start: string): string | undefined {
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

export function loadProjectConfig(explicit: string | undefined, firstPath: string, cwd: string): LoadedConfig {
  const path = explicit ? resolve(cwd, explicit) : findProjectConfig(resolve(cwd, firstPath));
  if (!path) return { config: EMPTY_PROJECT_CONFIG, problems: [] };
  const shown = relative(cwd, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { config: EMPTY_PROJECT_CONFIG, path, problems: [t('{0}: cannot read the KubeMate configuration file', shown)] };
  }
  const { config, problems } = parseProjectConfig(text, configurableCodes());
  return { config, path, problems: problems.map((p) => `${shown}:${p.line}:${p.column} ${p.message}`) };
}
