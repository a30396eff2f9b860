// What `kubemate check` says about its rules (SARIF rule metadata, --list-rules): read from the
// one code registry (pipeline/codeRegistry.ts), which holds each code's family, default
// severity and localised title and help.
import { CODE_LIST, CODE_REGISTRY } from '../../pipeline/codeRegistry';
import type { RuleDescription } from './checkFinding';

export function describeRule(code: string): RuleDescription | undefined {
  const c = CODE_REGISTRY.get(code);
  return c ? { id: c.id, title: c.title(), help: c.help(), severity: c.severity } : undefined;
}

/** Every code, in a stable order: schema and API rules, cross-file rules, lints. */
export function allCodes(): string[] {
  return CODE_LIST.map((c) => c.id);
}

export function listRules(): RuleDescription[] {
  return allCodes().flatMap((c) => describeRule(c) ?? []);
}
