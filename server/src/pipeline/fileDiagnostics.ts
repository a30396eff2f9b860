// The one diagnostics pipeline: every finding KubeMate reports for a file — YAML and schema,
// apiVersion/kind, API-server rules, lints, cross-file rules and the scheduling probe — then the
// per-code levels of `kubemate.lint.rules` and the suppression comments. The language server's
// publisher, `kubemate check` and the tests call this and nothing else, so the editor and the
// CLI cannot drift apart. Pure: it reads the index, it never updates it (the language server
// syncs the index when a document changes, the CLI builds it before checking).
import type { Schema } from '../schema/schema';
import type { ParsedFile } from '../yaml/parsedFile';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Finding } from '../findings/finding';
import { validateFile } from '../features/diagnostics/validateFile';
import { lintFile } from '../features/lint/lintFile';
import { applyRuleLevels, lintConfig, LintSettings } from '../features/lint/lintConfig';
import type { LintEnv } from '../features/lint/lintRule';
import { filterSuppressed } from '../features/lint/suppressions';
import { crossRefDiagnostics } from '../features/crossRefs/crossRefDiagnostics';
import type { SchedulingProbe } from '../features/crossRefs/schedulingRule';
import { CODE_REGISTRY } from './codeRegistry';
import type { FileDiagnosticsMemo } from './documentRuns';
import { language } from '../util/l10n';

const PATCH_FAMILIES = new Set(['yaml', 'schema', 'api-version']);
const familyOf = (code: string): string => CODE_REGISTRY.get(code)?.family ?? '';

interface WorkspaceView {
  index: WorkspaceIndex;
  /** Verdicts of the simulated cluster's scheduler and the profile generation they are for. */
  scheduling: { probe: SchedulingProbe; generation: number };
}

export interface DiagnosticsInputs {
  schema: Schema;
  /** `kubemate.lint.enabled` / `kubemate.lint.rules` (the CLI: the defaults, or lint off). */
  lint: LintSettings;
  /**
   * The workspace index holding this file. Absent while the editor's first scan runs: on a
   * half-built index every reference would look missing, so cross-file rules and the lints that
   * ask the index are withheld.
   */
  workspace?: WorkspaceView;
  /** Cross-file rules on (the default) or off; the lints that ask the index still run. */
  crossFile?: boolean;
  /** A stage that throws is reported here and contributes nothing; without it, the error propagates. */
  onError?: (stage: string, error: unknown) => void;
}

export interface FileOptions {
  /** The file was named explicitly on the command line: every document must be a manifest. */
  explicit?: boolean;
  /**
   * The findings of this file's previous version (the language server keeps one per open
   * document): documents whose text and line are unchanged keep theirs. Same result without it.
   */
  memo?: FileDiagnosticsMemo;
}

/** `uri` is the file's canonical uri in the index (workspace/workspaceScan canonicalUri, or a file: URL). */
export function fileDiagnostics(inputs: DiagnosticsInputs, uri: string, file: ParsedFile, opts: FileOptions = {}): Finding[] {
  if (file.disabled) return [];
  const { schema, lint, workspace } = inputs;
  const stage = (name: string, run: () => Finding[]): Finding[] => {
    if (!inputs.onError) return run();
    try {
      return run();
    } catch (e) {
      inputs.onError(name, e);
      return [];
    }
  };
  // A kustomize patch holds a partial manifest: the fields it has must exist and have the right
  // types, but nothing is required of it and it is no object of its own (no API rules, lints or
  // cross-file rules).
  if (workspace?.index.isKustomizePatch(uri)) {
    const shape = stage('schema', () => validateFile(schema, file, opts)).filter((f) => PATCH_FAMILIES.has(familyOf(f.code)) && f.code !== 'missing-required');
    return filterSuppressed(file.text, applyRuleLevels(shape, lint));
  }
  const config = lintConfig(lint);
  const env = workspace ? lintEnv(workspace.index) : {};
  const memo = opts.memo;
  const found = [
    ...stage('schema', () =>
      memo
        ? memo.schema.collect(file.documents, `${schema.id}|${language()}|${!!opts.explicit}|${file.hasKubernetes}`, (d) =>
            validateFile(schema, { ...file, documents: [d] }, opts),
          )
        : validateFile(schema, file, opts),
    ),
    // Lints that ask the index give the same answers while no dependency key changed (its stamp).
    ...stage('lint', () =>
      memo
        ? memo.lint.collect(file.documents, `${config.id}|${language()}|${workspace ? workspace.index.stamp : '-'}`, (d) =>
            lintFile({ ...file, documents: [d] }, config, env),
          )
        : lintFile(file, config, env),
    ),
    ...stage('cross-file', () =>
      workspace && inputs.crossFile !== false
        ? crossRefDiagnostics(
            workspace.index,
            uri,
            { scheduling: workspace.scheduling.probe, schedulingGeneration: workspace.scheduling.generation },
            memo?.cross,
          )
        : [],
    ),
  ];
  // Last: per-code levels from kubemate.lint.rules and suppression comments, for every code.
  return filterSuppressed(file.text, applyRuleLevels(found, lint));
}

/** What lint rules may ask the index. */
function lintEnv(index: WorkspaceIndex): LintEnv {
  return { pdbSelects: (namespace, labels) => index.anySelects(namespace, labels, 'PodDisruptionBudget') };
}
