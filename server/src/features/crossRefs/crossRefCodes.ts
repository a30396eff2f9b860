// Cross-resource diagnostics as data (findings/finding.ts): a stable code, a severity, a
// localised message, a range in the checked file and links to the other documents involved
// (LSP relatedInformation). The codes join the one registry in pipeline/codeRegistry.ts.
import type { Finding, Range, RelatedInfo, Severity } from '../../findings/finding';

export type { RelatedInfo, Severity };

/**
 * Every cross-resource code with its default severity. Missing objects are warnings, not errors:
 * they may exist only in the cluster (created with kubectl, by a Helm chart, by an operator).
 * Codes never change once released.
 */
export const CROSS_REF_CODES = {
  'service-selects-nothing': 'warning',
  'target-port-not-exposed': 'warning',
  'missing-configmap': 'warning',
  'missing-configmap-key': 'warning',
  'missing-secret': 'warning',
  'missing-secret-key': 'warning',
  'ingress-backend-missing': 'warning',
  'ingress-port-missing': 'warning',
  'unknown-ingress-class': 'information',
  'route-gateway-missing': 'warning',
  'route-backend-missing': 'warning',
  'route-port-missing': 'warning',
  'missing-service-account': 'warning',
  'missing-pvc': 'warning',
  'hpa-target-missing': 'warning',
  'pdb-selects-nothing': 'warning',
  'statefulset-service-missing': 'warning',
  'namespace-undefined': 'information',
  'duplicate-object': 'warning',
  unschedulable: 'warning',
} as const satisfies Record<string, Severity>;

export type CrossRefCode = keyof typeof CROSS_REF_CODES;

export function crossDiag(
  code: CrossRefCode,
  message: string,
  range: Range,
  related: RelatedInfo[] = [],
  severity: Severity = CROSS_REF_CODES[code],
  data?: Record<string, unknown>,
): Finding {
  return { code, severity, message, range, related, ...(data ? { data } : {}) };
}
