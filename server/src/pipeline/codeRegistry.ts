// The one registry of diagnostic codes: schema and YAML codes, apiVersion/kind codes, API-server
// rules (features/diagnostics), lints (features/lint) and cross-file rules (features/crossRefs)
// all belong to it, each with its family and default severity. Codes are unique across families
// (a test checks it): settings (`kubemate.lint.rules`) and suppression comments name codes
// without saying which feature made them.
import type { Severity } from '../findings/finding';
import { DIAGNOSTIC_CODES, DiagnosticCode } from '../features/diagnostics/diagnostic';
import { CROSS_REF_CODES } from '../features/crossRefs/crossRefCodes';
import { LINT_RULES } from '../features/lint/lintRules';
import type { RuleFamily } from '../features/lint/lintRule';

export type CodeFamily = 'yaml' | 'schema' | 'api-version' | 'api-server' | 'cross-file' | `lint/${RuleFamily}`;

export interface CodeInfo {
  id: string;
  family: CodeFamily;
  severity: Severity;
  /** Off-by-default lint rules run only when `kubemate.lint.rules` turns them on. */
  enabledByDefault: boolean;
}

/** Which family each schema-side code belongs to (typed: a new code without a family does not compile). */
const DIAGNOSTIC_FAMILY: Record<DiagnosticCode, CodeFamily> = {
  'yaml-syntax': 'yaml',
  'duplicate-key': 'yaml',
  'unknown-field': 'schema',
  'wrong-type': 'schema',
  'missing-required': 'schema',
  'invalid-enum': 'schema',
  'invalid-quantity': 'schema',
  'fractional-bytes': 'schema',
  'missing-api-version': 'api-version',
  'missing-kind': 'api-version',
  'unknown-api-version': 'api-version',
  'unknown-kind': 'api-version',
  'kind-not-in-version': 'api-version',
  'removed-api': 'api-version',
  'deprecated-api': 'api-version',
  'custom-resource': 'api-version',
  'unchecked-api-version': 'api-version',
  'selector-mismatch': 'api-server',
  'missing-selector': 'api-server',
  'empty-selector': 'api-server',
  'invalid-name': 'api-server',
  'invalid-label': 'api-server',
  'invalid-container-name': 'api-server',
  'duplicate-container-name': 'api-server',
  'invalid-port': 'api-server',
  'duplicate-port': 'api-server',
  'invalid-port-name': 'api-server',
  'requests-exceed-limits': 'api-server',
  'invalid-value': 'api-server',
  'required-value': 'api-server',
  'forbidden-field': 'api-server',
  'not-found-reference': 'api-server',
  'duplicate-value': 'api-server',
  'unsupported-value': 'api-server',
  'invalid-config-key': 'api-server',
};

function build(): CodeInfo[] {
  return [
    ...(Object.entries(DIAGNOSTIC_CODES) as [DiagnosticCode, Severity][]).map(([id, severity]) => ({ id, family: DIAGNOSTIC_FAMILY[id], severity, enabledByDefault: true })),
    ...Object.entries(CROSS_REF_CODES).map(([id, severity]) => ({ id, family: 'cross-file' as const, severity, enabledByDefault: true })),
    ...LINT_RULES.map((r) => ({ id: r.id, family: `lint/${r.family}` as const, severity: r.severity, enabledByDefault: r.enabledByDefault })),
  ];
}

/** Every code, in a stable order (families as above, then declaration order). */
export const CODE_LIST: readonly CodeInfo[] = build();

export const CODE_REGISTRY: ReadonlyMap<string, CodeInfo> = new Map(CODE_LIST.map((c) => [c.id, c]));
