// Suppression comments (syntax: features/lint/suppressions.ts): one finding, on the line above
// it; or the rule for the whole file, in the file's leading comments. An existing comment of
// the same form gets the id appended instead of a second comment line.
import { t } from '../../util/l10n';
import type { Fix, FixContext } from './codeActions';
import { lineEnd, lineStart } from './yamlEdits';

const NEXT_LINE = /^(\s*)#\s*kubemate-disable-next-line\b(.*)$/;
const FILE = /^\s*#\s*kubemate-disable(\s.*)?$/;

function appendId(text: string, lineAt: number, body: string, code: string): { start: number; end: number; newText: string } {
  const end = lineEnd(text, lineAt);
  const reason = body.indexOf(' -- ');
  const at = reason >= 0 ? end - (body.length - reason) : end - (text[end - 1] === '\r' ? 1 : 0);
  return { start: at, end: at, newText: body.trim() === '' || body.trim().startsWith('--') ? ` ${code}` : `, ${code}` };
}

export function suppressFixes(ctx: FixContext): Fix[] {
  if (!ctx.suppressible) return [];
  const text = ctx.file.text;
  const at = ctx.doc.start + ctx.start;
  const start = lineStart(text, at);
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  const fixes: Fix[] = [];

  const prevStart = start > 0 ? lineStart(text, start - 1) : -1;
  const prev = prevStart >= 0 ? text.slice(prevStart, start - 1).replace(/\r$/, '') : '';
  const existing = NEXT_LINE.exec(prev);
  const lineEdit =
    existing && existing[2].split(/[\s,]+/).includes(ctx.code)
      ? undefined
      : existing
        ? appendId(text, prevStart, existing[2], ctx.code)
        : { start, end: start, newText: `${indent}# kubemate-disable-next-line ${ctx.code}${ctx.eol}` };
  if (lineEdit) fixes.push({ title: t('Suppress {0} on this line', ctx.code), edits: [lineEdit], fileOffsets: true });

  // The file's leading comments: lines before the first content line.
  let pos = 0;
  let fileEdit: Fix['edits'][number] | undefined = { start: 0, end: 0, newText: `# kubemate-disable ${ctx.code}${ctx.eol}` };
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    const line = text.slice(pos, end).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#') && !/^---(\s|$)/.test(line)) break;
    const m = FILE.exec(line);
    if (m) {
      fileEdit = (m[1] ?? '').split(/[\s,]+/).includes(ctx.code) ? undefined : appendId(text, pos, m[1] ?? '', ctx.code);
      break;
    }
    pos = end + 1;
  }
  if (fileEdit) fixes.push({ title: t('Suppress {0} in this file', ctx.code), edits: [fileEdit], fileOffsets: true });
  return fixes;
}
