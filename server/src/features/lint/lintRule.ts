// Lint rules as data: a stable id, a family, a default severity, on/off by default, and a
// check that reports findings on a key or value of one manifest. Rules never see LSP types.
import type { Manifest, Path } from './manifest';
import type { DocumentFinding, RuleLevel, Severity } from '../../findings/finding';

export type { DocumentFinding, RuleLevel, Severity };

export type RuleFamily = 'resources' | 'probes' | 'images' | 'security' | 'secrets' | 'namespaces' | 'availability' | 'config' | 'workloads';

/** What only a workspace index can answer. Absent in a single-file check: such rules are skipped. */
export interface LintEnv {
  /** Is there a PodDisruptionBudget in `namespace` whose selector matches these pod labels? */
  pdbSelects?(namespace: string, labels: Record<string, string>): boolean;
}

interface Reporter {
  /** Report on the key or the value at `path` (relative to the manifest); missing paths fall back to the nearest existing key. */
  at(path: Path, which: 'key' | 'value', message: string, data?: DocumentFinding['data']): void;
}

export interface LintRule {
  id: string;
  family: RuleFamily;
  severity: Severity;
  enabledByDefault: boolean;
  /** Kinds the rule looks at; every kind when absent. */
  kinds?: readonly string[];
  /** Needs LintEnv: never cached on the document, skipped without an index. */
  workspace?: boolean;
  check(m: Manifest, report: Reporter, env: LintEnv): void;
}
