// Runs KubeMate's diagnostics on inline YAML and returns compact "line:col code" rows.
import { loadSchema } from '../../server/src/schema/schema';
import { parseFile } from '../../server/src/yaml/parsedFile';
import { validateFile } from '../../server/src/features/diagnostics/validateFile';
import type { Finding } from '../../server/src/findings/finding';

export function diagnose(text: string, explicit = false): Finding[] {
  return validateFile(loadSchema(), parseFile(text), { explicit });
}

/** `8:13 wrong-type` — 1-based line and column of the start, and the code. */
export function rows(text: string, explicit = false): string[] {
  return diagnose(text, explicit).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
}
