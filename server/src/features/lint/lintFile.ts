// Lint findings for a whole file, placed at file positions (zero-based line/character), in
// the same shape as the schema diagnostics so the pipeline merges them.
// Per keystroke only the edited document changes: the placed findings of every other document
// are reused as long as it starts on the same line (memoised on its chunk).
import type { ParsedFile } from '../../yaml/parsedFile';
import type { Finding } from '../../findings/finding';
import { placeFindingsMemo } from '../../findings/placeFindings';
import { MemoSlot } from '../../util/memo';
import { language, Lang } from '../../util/l10n';
import type { LintEnv } from './lintRule';
import type { LintConfig } from './lintConfig';
import { lintDocument } from './lintDocument';

/** Slot of the placed findings on the chunk, keyed on (config, language). */
const PLACED = new MemoSlot<never, [config: number, lang: Lang]>('lint:placed');

export function lintFile(file: ParsedFile, config: LintConfig, env: LintEnv = {}): Finding[] {
  if (file.disabled || config.rules.length === 0) return [];
  const out: Finding[] = [];
  const key = PLACED.key([config.id, language()]);
  for (const d of file.documents) {
    const findings = lintDocument(d.chunk, config, env);
    if (findings.length === 0) continue;
    for (const p of placeFindingsMemo(d, findings, d.chunk.cache, key)) out.push(p);
  }
  return out;
}
