// The codes a project configuration (`.kubemate.yaml` rules) may set a level for: the lints and
// the cross-file rules. Read by `kubemate check` and the language server alike.
import { LINT_RULES } from '../features/lint/lintRules';
import { CROSS_REF_CODES } from '../features/crossRefs/crossRefCodes';

export function configurableCodes(): Set<string> {
  return new Set([...LINT_RULES.map((r) => r.id), ...Object.keys(CROSS_REF_CODES)]);
}
