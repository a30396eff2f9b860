// Schema, apiVersion/kind and API-server diagnostics as data: a stable code, a severity, a
// localised message and a range given as offsets inside one YAML document (so they survive
// edits to other documents unchanged). The codes join the one registry in pipeline/codeRegistry.ts.

import type { DocumentFinding, Severity } from '../../findings/finding';

export type { DocumentFinding, Severity };

/** Every diagnostic code KubeMate emits, with its default severity. Codes never change once released. */
export const DIAGNOSTIC_CODES = {
  'yaml-syntax': 'error',
  'duplicate-key': 'error',
  'unknown-field': 'error',
  'wrong-type': 'error',
  'missing-required': 'error',
  'invalid-enum': 'error',
  'invalid-quantity': 'error',
  'invalid-format': 'error',
  'fractional-bytes': 'warning',
  'missing-api-version': 'error',
  'missing-kind': 'error',
  'unknown-api-version': 'error',
  'unknown-kind': 'error',
  'kind-not-in-version': 'error',
  'removed-api': 'error',
  'deprecated-api': 'warning',
  'custom-resource': 'information',
  'unchecked-api-version': 'information',
  'selector-mismatch': 'error',
  'missing-selector': 'error',
  'empty-selector': 'error',
  'invalid-name': 'error',
  'invalid-label': 'error',
  'invalid-container-name': 'error',
  'duplicate-container-name': 'error',
  'invalid-port': 'error',
  'duplicate-port': 'error',
  'invalid-port-name': 'error',
  'requests-exceed-limits': 'error',
  'invalid-value': 'error',
  'required-value': 'error',
  'forbidden-field': 'error',
  'not-found-reference': 'error',
  'duplicate-value': 'error',
  'unsupported-value': 'error',
  'invalid-config-key': 'error',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function diag(code: DiagnosticCode, message: string, start: number, end: number, data?: DocumentFinding['data']): DocumentFinding {
  return { code, severity: DIAGNOSTIC_CODES[code], message, start, end, ...(data ? { data } : {}) };
}
