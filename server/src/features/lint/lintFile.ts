// Lint findings for a whole file, placed at file positions (zero-based line/character), in
// the same shape as the schema diagnostics so the pipeline merges them.
// Per keystroke only the edited document changes: the placed findings of every other document
// are reused as long as it starts on the same line (memoised on its chunk).
import type { ParsedFile } from '../../yaml/parsedFile';
import type { DocumentFinding, Finding } from '../../findings/finding';
import { placeFindings } from '../../findings/placeFindings';
import { MemoSlot } from '../../util/memo';
import { language, Lang } from '../../util/l10n';
import type { LintEnv } from './lintRule';
import type { LintConfig } from './lintConfig';
import { lintDocument } from './lintDocument';

/** Memo on the chunk, keyed on (config, language); valid while the document starts on `line` and its findings are the same array. */
const PLACED = new MemoSlot<{ line: number; findings: DocumentFinding[]; placed: Finding[] }, [config: number, lang: Lang]>('lint:placed');

export function lintFile(file: ParsedFile, config: LintConfig, env: LintEnv = {}): Finding[] {
  if (file.disabled || config.rules.length === 0) return [];
  const out: Finding[] = [];
  const inputs: [number, Lang] = [config.id, language()];
  for (const d of file.documents) {
    const findings = lintDocument(d.chunk, config, env);
    if (findings.length === 0) continue;
    const hit = PLACED.peek(d.chunk.cache, inputs);
    // Same findings array (document-only rules, memoised) at the same line: reuse the placed objects.
    if (hit && hit.line === d.line && hit.findings === findings) {
      for (const p of hit.placed) out.push(p);
      continue;
    }
    const placed = placeFindings(d, findings);
    PLACED.set(d.chunk.cache, inputs, { line: d.line, findings, placed });
    for (const p of placed) out.push(p);
  }
  return out;
}
