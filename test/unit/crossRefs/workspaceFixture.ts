// Multi-file workspaces for cross-resource tests: file name → YAML, indexed as if read from disk.
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { crossRefDiagnostics, CrossRefOptions } from '../../../server/src/features/crossRefs/crossRefDiagnostics';
import type { Finding } from '../../../server/src/findings/finding';
import { filterSuppressed } from '../../../server/src/features/lint/suppressions';

export const uriOf = (name: string) => `file:///ws/${name}`;

export function workspace(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(files)) index.setDiskFile(uriOf(name), text);
  return index;
}

/** Diagnostics of every file (suppression comments applied, as the language server does). */
export function check(files: Record<string, string>, opts: CrossRefOptions = {}): Finding[] {
  const index = workspace(files);
  return Object.entries(files).flatMap(([name, text]) =>
    filterSuppressed(text, crossRefDiagnostics(index, uriOf(name), opts)).map((d) => ({ ...d, file: name })),
  );
}

/** `app.yaml:12:9 missing-configmap` rows (1-based line and column), hints and information marked. */
export function rows(files: Record<string, string>, opts: CrossRefOptions = {}): string[] {
  return check(files, opts).map((d) => {
    const sev = d.severity === 'warning' ? '' : ` (${d.severity})`;
    return `${(d as Finding & { file: string }).file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}${sev}`;
  });
}
