// The one registry of diagnostic codes: schema and YAML codes, apiVersion/kind codes, API-server
// rules (features/diagnostics), lints (features/lint) and cross-file rules (features/crossRefs)
// all belong to it, each with its family, default severity and a localised title and help (SARIF
// rule metadata, `kubemate check --list-rules`). Codes are unique across families
// (a test checks it): settings (`kubemate.lint.rules`) and suppression comments name codes
// without saying which feature made them.
import type { Severity } from '../findings/finding';
import { DIAGNOSTIC_CODES, DiagnosticCode } from '../features/diagnostics/diagnostic';
import { CROSS_REF_CODES } from '../features/crossRefs/crossRefCodes';
import { LINT_RULES } from '../features/lint/lintRules';
import type { RuleFamily } from '../features/lint/lintRule';
import { t } from '../util/l10n';
import { CODE_TITLES } from './codeTitles';

type CodeFamily = 'yaml' | 'schema' | 'api-version' | 'api-server' | 'cross-file' | `lint/${RuleFamily}`;

export interface CodeInfo {
  id: string;
  family: CodeFamily;
  severity: Severity;
  /** Off-by-default lint rules run only when `kubemate.lint.rules` turns them on. */
  enabledByDefault: boolean;
  /** What the rule is about, in the current language. */
  title(): string;
  /** The title and how the rule is tuned or silenced, in the current language. */
  help(): string;
}

/** Which family each schema-side code belongs to (typed: a new code without a family does not compile). */
const DIAGNOSTIC_FAMILY: Record<DiagnosticCode, CodeFamily> = {
  'yaml-syntax': 'yaml',
  'duplicate-key': 'yaml',
  'collection-key': 'yaml',
  'unknown-field': 'schema',
  'wrong-type': 'schema',
  'missing-required': 'schema',
  'invalid-enum': 'schema',
  'invalid-quantity': 'schema',
  'invalid-format': 'schema',
  'fractional-bytes': 'schema',
  'missing-api-version': 'api-version',
  'missing-kind': 'api-version',
  'unknown-api-version': 'api-version',
  'unknown-kind': 'api-version',
  'kind-not-in-version': 'api-version',
  'removed-api': 'api-version',
  'deprecated-api': 'api-version',
  'custom-resource': 'api-version',
  'helm-not-rendered': 'api-version',
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

function entry(id: string, family: CodeFamily, severity: Severity, enabledByDefault: boolean): CodeInfo {
  const title = (): string => CODE_TITLES[id]?.() ?? id;
  const help = (): string => {
    if (family.startsWith('lint/'))
      return t(
        '{0}. A best-practice lint ({1}); set its level or turn it off with "rules" in .kubemate.yaml or a `# kubemate-disable-next-line {2}` comment.',
        title(),
        family.slice('lint/'.length),
        id,
      );
    if (family === 'cross-file')
      return t('{0}. A cross-file check over the files checked together; set its level or turn it off with "rules" in .kubemate.yaml.', title());
    return t('{0}. Reported by the schema and API-server checks: the API server would reject or misread this manifest.', title());
  };
  return { id, family, severity, enabledByDefault, title, help };
}

function build(): CodeInfo[] {
  return [
    ...(Object.entries(DIAGNOSTIC_CODES) as [DiagnosticCode, Severity][]).map(([id, severity]) => entry(id, DIAGNOSTIC_FAMILY[id], severity, true)),
    ...(Object.entries(CROSS_REF_CODES) as [string, Severity][]).map(([id, severity]) => entry(id, 'cross-file', severity, true)),
    ...LINT_RULES.map((r) => entry(r.id, `lint/${r.family}`, r.severity, r.enabledByDefault)),
  ];
}

/** Every code, in a stable order (families as above, then declaration order). */
export const CODE_LIST: readonly CodeInfo[] = build();

export const CODE_REGISTRY: ReadonlyMap<string, CodeInfo> = new Map(CODE_LIST.map((c) => [c.id, c]));
