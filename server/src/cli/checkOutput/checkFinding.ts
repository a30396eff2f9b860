// What `kubemate check` reports, as data every output format reads: one finding per diagnostic,
// with 1-based lines and columns (the text format prints them as path:line:col).
export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface CheckFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: FindingSeverity;
  code: string;
  message: string;
  /** The other places a cross-file finding is about, 1-based like line/column (added field). */
  related?: { file: string; line: number; column: number; message: string }[];
}

/** What a rule is, for formats that describe their rules (SARIF): a title and help in the user's language. */
export interface RuleDescription {
  id: string;
  title: string;
  help: string;
  severity: FindingSeverity;
}

export interface CheckRun {
  files: number;
  findings: CheckFinding[];
  /** Paths that could not be read or used, with the reason (localised). */
  problems: string[];
  /** Describes a code; formats fall back to the code itself when absent. */
  describeRule?: (code: string) => RuleDescription | undefined;
  /** The text of a checked file, for fingerprints that survive line moves. */
  sourceLine?: (file: string, line: number) => string | undefined;
  toolVersion: string;
}

const ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** `--fail-on warning`: does a finding of `severity` fail the run? */
export function failsAt(severity: FindingSeverity, threshold: FindingSeverity): boolean {
  return ORDER[severity] <= ORDER[threshold];
}

export function countBySeverity(findings: readonly CheckFinding[]): Record<FindingSeverity, number> {
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
