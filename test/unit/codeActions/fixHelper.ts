// Runs KubeMate's diagnostics (schema + lint) on inline YAML, asks for the quick fixes of one
// code, applies the chosen fix's edits and returns the whole resulting text.
import { loadSchema } from '../../../server/src/schema/schema';
import { parseFile } from '../../../server/src/yaml/parsedFile';
import { validateFile } from '../../../server/src/features/diagnostics/validateFile';
import { lintFile } from '../../../server/src/features/lint/lintFile';
import { lintConfig } from '../../../server/src/features/lint/lintConfig';
import { codeActions, ActionDiagnostic, KCodeAction } from '../../../server/src/features/codeActions/codeActions';
import { applyEdits } from '../../../server/src/features/codeActions/yamlEdits';
import { LINT_RULES } from '../../../server/src/features/lint/lintRules';

const ALL_ON = lintConfig({ enabled: true, rules: Object.fromEntries(LINT_RULES.map((r) => [r.id, r.severity])) });

function offsetOf(text: string, line: number, character: number): number {
  let at = 0;
  for (let l = 0; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + character;
}

/** The diagnostics of `text` as a client would send them back (file offsets). */
export function diagnosticsOf(text: string, code: string): ActionDiagnostic[] {
  const file = parseFile(text);
  const all = [...validateFile(loadSchema(), file), ...lintFile(file, ALL_ON, { pdbSelects: () => false })];
  return all
    .filter((d) => d.code === code)
    .map((d) => ({
      code: d.code,
      start: offsetOf(text, d.range.start.line, d.range.start.character),
      end: offsetOf(text, d.range.end.line, d.range.end.character),
      data: d.data as Record<string, unknown> | undefined,
      suppressible: d.severity !== 'error',
    }));
}

/** Quick fixes for the `index`-th diagnostic with `code` (or for a hand-made diagnostic). */
export function actionsFor(text: string, code: string, index = 0, made?: ActionDiagnostic): KCodeAction[] {
  const d = made ?? diagnosticsOf(text, code)[index];
  if (!d) throw new Error(`no ${code} diagnostic in:\n${text}`);
  return codeActions(parseFile(text), [d]);
}

/** Applies the fix whose title matches `title` and returns the new text. */
export function applyFix(text: string, code: string, title: RegExp, index = 0, made?: ActionDiagnostic): string {
  const actions = actionsFor(text, code, index, made);
  const action = actions.find((a) => title.test(a.title));
  if (!action) throw new Error(`no fix ${title} for ${code}; got: ${actions.map((a) => a.title).join(' | ')}`);
  return applyEdits(text, action.edits);
}
