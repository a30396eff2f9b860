// Where the `▶ Dry-run apply` CodeLens goes: above the first line of every document that names
// an apiVersion and a kind (comments above it stay above the lens). Templates and files with
// `# kubemate: disable` get none.
import type { Node } from 'yaml';
import type { ParsedFile } from '../../yaml/parsedFile';

export interface DryRunLens {
  /** 0-based document index, as the dry-run request counts them. */
  index: number;
  /** 0-based line in the file. */
  line: number;
  kind: string;
}

export function dryRunLenses(file: ParsedFile): DryRunLens[] {
  if (file.disabled) return [];
  const out: DryRunLens[] = [];
  for (const d of file.documents) {
    const c = d.chunk;
    if (c.empty || c.templated || !c.hasApiVersionKey || !c.hasKindKey) continue;
    const root = c.doc.contents as Node | null;
    const offset = root?.range?.[0] ?? 0;
    out.push({ index: d.index, line: d.line + c.lineCounter.linePos(offset).line - 1, kind: c.kind ?? '' });
  }
  return out;
}
