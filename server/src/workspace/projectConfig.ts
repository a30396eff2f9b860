// `.kubemate.yaml` — the project configuration read by both `kubemate check` and the editor:
// rule levels (lint and cross-file codes), lints on/off, cross-file rules on/off, ignored paths and
// the cluster profile. Pure: text in, configuration and localised problems (with positions) out.
// The JSON schema that completes and validates this file in the editor is
// schemas/kubemate-config.schema.json; a test keeps both in step.
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { t } from '../util/l10n';
import { didYouMean } from '../util/didYouMean';

type ConfigLevel = 'off' | 'error' | 'warning' | 'information' | 'hint';

export interface ProjectConfig {
  /** Lints on or off (absent: the default, on). */
  lintEnabled?: boolean;
  /** Cross-file rules on or off (absent: on). */
  crossFileEnabled?: boolean;
  /** Code → level, for lint and cross-file codes. */
  rules: Record<string, ConfigLevel>;
  /** Globs relative to the configuration file's folder: neither checked nor indexed. */
  ignore: string[];
  /** Cluster profile path relative to the configuration file's folder. */
  clusterProfile?: string;
}

export interface ConfigProblem {
  /** 1-based, as printed. */
  line: number;
  column: number;
  message: string;
}

export const CONFIG_FILE_NAMES = ['.kubemate.yaml', '.kubemate.yml'] as const;
export const EMPTY_PROJECT_CONFIG: ProjectConfig = { rules: {}, ignore: [] };

const LEVELS: readonly ConfigLevel[] = ['off', 'error', 'warning', 'information', 'hint'];
const TOP_KEYS = ['lint', 'crossFile', 'rules', 'ignore', 'cluster'];

/** `knownCodes`: the codes a level may be set for; an unknown one is a problem with a suggestion. */
export function parseProjectConfig(text: string, knownCodes: ReadonlySet<string>): { config: ProjectConfig; problems: ConfigProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  const at = (node: Node | null | undefined, message: string) => {
    const offset = node?.range?.[0] ?? 0;
    const p = counter.linePos(offset);
    problems.push({ line: p.line, column: p.col, message });
  };
  const config: ProjectConfig = { rules: {}, ignore: [] };
  for (const e of doc.errors) {
    const p = counter.linePos(e.pos[0]);
    problems.push({ line: p.line, column: p.col, message: t('YAML syntax error: {0}', e.message.split('\n')[0]) });
  }
  if (doc.errors.length) return { config, problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config, problems };
  if (!isMap(root)) {
    at(root, t('The KubeMate configuration must be a mapping of settings.'));
    return { config, problems };
  }
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'lint':
      case 'crossFile': {
        const enabled = readEnabled(value, key, at);
        if (enabled !== undefined) config[key === 'lint' ? 'lintEnabled' : 'crossFileEnabled'] = enabled;
        break;
      }
      case 'rules':
        readRules(value, knownCodes, config.rules, at);
        break;
      case 'ignore':
        if (isSeq(value)) {
          for (const item of value.items as Node[]) {
            if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) config.ignore.push(item.value.trim());
            else at(item, t('Each "ignore" entry must be a path or glob such as "charts/**".'));
          }
        } else at(value ?? pair.key, t('"ignore" must be a list of paths or globs.'));
        break;
      case 'cluster':
        if (isMap(value)) {
          for (const p of value.items as Pair<Node, Node | null>[]) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            if (k === 'profile' && isScalar(p.value) && typeof p.value.value === 'string') config.clusterProfile = p.value.value;
            else if (k === 'profile') at(p.value ?? p.key, t('"cluster.profile" must be the path of a cluster profile file.'));
            else at(p.key, unknownKey(k, ['profile']));
          }
        } else at(value ?? pair.key, t('"cluster" must be a mapping, e.g. "profile: .kubemate/cluster.yaml".'));
        break;
      default:
        at(pair.key, unknownKey(key, TOP_KEYS));
    }
  }
  return { config, problems };
}

function readEnabled(value: Node | null, key: string, at: (n: Node | null | undefined, m: string) => void): boolean | undefined {
  // `lint: false` or `lint: {enabled: false}` — the short form is what people write.
  if (isScalar(value) && typeof value.value === 'boolean') return value.value;
  if (isMap(value)) {
    let enabled: boolean | undefined;
    for (const p of value.items as Pair<Node, Node | null>[]) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      if (k === 'enabled' && isScalar(p.value) && typeof p.value.value === 'boolean') enabled = p.value.value;
      else if (k === 'enabled') at(p.value ?? p.key, t('"{0}.enabled" must be true or false.', key));
      else at(p.key, unknownKey(k, ['enabled']));
    }
    return enabled;
  }
  at(value, t('"{0}" must be true, false or a mapping with "enabled".', key));
  return undefined;
}

function readRules(
  value: Node | null,
  known: ReadonlySet<string>,
  into: Record<string, ConfigLevel>,
  at: (n: Node | null | undefined, m: string) => void,
): void {
  if (!isMap(value)) {
    at(value, t('"rules" must map rule codes to off, error, warning, information or hint.'));
    return;
  }
  for (const p of value.items as Pair<Node, Node | null>[]) {
    const code = isScalar(p.key) ? String(p.key.value) : '';
    if (!known.has(code)) {
      const hint = didYouMean(code, known);
      at(
        p.key,
        hint ? t('Unknown rule "{0}". Did you mean "{1}"?', code, hint) : t('Unknown rule "{0}". Run `kubemate check --list-rules` to see the codes.', code),
      );
      continue;
    }
    const raw = isScalar(p.value) ? p.value.value : undefined;
    const level = raw === 'info' ? 'information' : raw === false ? 'off' : raw;
    if (typeof level === 'string' && (LEVELS as readonly string[]).includes(level)) into[code] = level as ConfigLevel;
    else at(p.value ?? p.key, t('The level of "{0}" must be one of: {1}', code, LEVELS.join(', ')));
  }
}

function unknownKey(key: string, known: readonly string[]): string {
  const hint = didYouMean(key, known);
  return hint ? t('Unknown setting "{0}". Did you mean "{1}"?', key, hint) : t('Unknown setting "{0}". Known settings: {1}', key, known.join(', '));
}

/**
 * A glob relative to the configuration's folder → a test on relative paths with `/` separators:
 * `**` any depth, `*` within one segment, `?` one character; a pattern without a slash matches a
 * name at any depth (as .gitignore does); a trailing `/` or a folder name matches what is inside.
 */
export function ignoreMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const res = globs.map(globToRegExp);
  return (p) => {
    const path = p.replace(/\\/g, '/').replace(/^\.\//, '');
    return res.some((re) => re.test(path));
  };
}

function globToRegExp(glob: string): RegExp {
  let g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  const anchored = g.startsWith('/') || g.replace(/\/$/, '').includes('/');
  g = g.replace(/^\//, '').replace(/\/$/, '');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      const slash = g[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${anchored ? '^' : '(?:^|/)'}${re}(?:/.*)?$`);
}
