// User settings → the rules to run and their severities. `kubemate.lint.enabled` turns lints
// off for the workspace; `kubemate.lint.rules` maps an id to "off" or a severity.
import type { LintRule, RuleLevel, Severity } from './lintRule';
import { LINT_RULES } from './lintRules';

export interface LintSettings {
  enabled: boolean;
  rules: Record<string, RuleLevel>;
}

export const DEFAULT_LINT_SETTINGS: LintSettings = { enabled: true, rules: {} };

export interface LintConfig {
  /** Rules to run with their effective severity. */
  rules: { rule: LintRule; severity: Severity }[];
  /** Identifies the configuration: `rule=severity,…` of the rules that run. */
  signature: string;
  /** A small number per distinct signature, the memo input (a long string key would be re-hashed on every lookup). */
  id: number;
  /** The rules that ask the workspace index (never memoised on a document). */
  workspaceRules: LintConfig['rules'];
  /** The other rules: a document's findings of these are memoised on it. */
  documentRules: LintConfig['rules'];
}

const LEVELS = new Set<string>(['off', 'error', 'warning', 'information', 'hint']);

/** Accepts what arrives from the client (anything) and keeps the valid parts. */
export function normalizeLintSettings(raw: unknown): LintSettings {
  const o = (raw ?? {}) as { enabled?: unknown; rules?: unknown };
  const rules: Record<string, RuleLevel> = {};
  if (o.rules && typeof o.rules === 'object') {
    for (const [id, level] of Object.entries(o.rules as Record<string, unknown>)) {
      const l = level === 'info' ? 'information' : level;
      if (typeof l === 'string' && LEVELS.has(l)) rules[id] = l as RuleLevel;
    }
  }
  return { enabled: o.enabled !== false, rules };
}

/** Memo: settings object → its config (a WeakMap, so replaced settings are dropped with their config). */
const configs = new WeakMap<LintSettings, LintConfig>();
/** Interned signature → id; as many entries as distinct rule configurations seen in the process. */
const signatureIds = new Map<string, number>();

export function lintConfig(settings: LintSettings = DEFAULT_LINT_SETTINGS): LintConfig {
  const hit = configs.get(settings);
  if (hit) return hit;
  const rules: LintConfig['rules'] = [];
  if (settings.enabled) {
    for (const rule of LINT_RULES) {
      const level = settings.rules[rule.id] ?? (rule.enabledByDefault ? rule.severity : 'off');
      if (level !== 'off') rules.push({ rule, severity: level });
    }
  }
  const signature = rules.map((r) => `${r.rule.id}=${r.severity}`).join(',');
  let id = signatureIds.get(signature);
  if (id === undefined) signatureIds.set(signature, (id = signatureIds.size));
  const config: LintConfig = {
    rules,
    signature,
    id,
    workspaceRules: rules.filter((r) => r.rule.workspace),
    documentRules: rules.filter((r) => !r.rule.workspace),
  };
  configs.set(settings, config);
  return config;
}

/** Applies `kubemate.lint.rules` to diagnostics of other features too (cross-resource rules): "off" drops, a severity replaces. */
export function applyRuleLevels<T extends { code: string; severity: Severity }>(diagnostics: T[], settings: LintSettings): T[] {
  if (Object.keys(settings.rules).length === 0) return diagnostics;
  const out: T[] = [];
  for (const d of diagnostics) {
    const level = settings.rules[d.code];
    if (level === 'off') continue;
    out.push(level && level !== d.severity ? { ...d, severity: level } : d);
  }
  return out;
}
