// `-l app=web,tier!=db,env in (a,b),!canary`: kubectl's label selector strings, parsed into a
// LabelSelector (labels.Parse: `=`/`==` and `!=`, `in`/`notin`, `key` exists, `!key` does not).
// upstream: apimachinery pkg/labels/selector.go (Lexer, Parser.parseRequirement).
import type { LabelSelector } from './labels';

export type SelectorParse = { ok: true; selector: LabelSelector } | { ok: false; error: string };

const TOKEN = /\s*(\(|\)|,|!=|==|=|!|[^\s,()!=]+)/y;

function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) out.push(m[1]);
  return out;
}

const SYMBOLS = new Set(['(', ')', ',', '!=', '==', '=', '!']);

/** The selector, or kubectl's "unable to parse requirement" error. */
export function parseSelectorString(text: string): SelectorParse {
  const toks = tokens(text.trim());
  const matchLabels: Record<string, string> = {};
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
  let i = 0;
  const fail = (expected: string): SelectorParse => ({ ok: false, error: `unable to parse requirement: found '${toks[i] ?? ''}', expected: ${expected}` });
  const identifier = () => toks[i] !== undefined && !SYMBOLS.has(toks[i]);
  while (i < toks.length) {
    if (toks[i] === '!') {
      i++;
      if (!identifier()) return fail('identifier');
      matchExpressions.push({ key: toks[i++], operator: 'DoesNotExist' });
    } else {
      if (!identifier()) return fail('identifier');
      const key = toks[i++];
      const op = toks[i];
      if (op === undefined || op === ',') matchExpressions.push({ key, operator: 'Exists' });
      else if (op === '=' || op === '==' || op === '!=') {
        i++;
        // `key=` selects an empty value.
        const value = identifier() ? toks[i++] : '';
        if (op === '!=') matchExpressions.push({ key, operator: 'NotIn', values: [value] });
        else if (key in matchLabels && matchLabels[key] !== value) matchExpressions.push({ key, operator: 'In', values: [value] });
        else matchLabels[key] = value;
      } else if (op === 'in' || op === 'notin') {
        i++;
        if (toks[i] !== '(') return fail("'('");
        i++;
        const values: string[] = [];
        while (toks[i] !== ')') {
          if (identifier()) values.push(toks[i++]);
          else if (toks[i] === ',' || toks[i] === undefined) values.push('');
          if (toks[i] === ',') i++;
          else if (toks[i] !== ')') return fail("',' or ')'");
        }
        i++;
        matchExpressions.push({ key, operator: op === 'in' ? 'In' : 'NotIn', values });
      } else return fail("'=', '!=', '==', 'in', 'notin'");
    }
    if (i < toks.length) {
      if (toks[i] !== ',') return fail("','");
      i++;
      if (i === toks.length) return fail('identifier');
    }
  }
  return { ok: true, selector: { matchLabels, matchExpressions } };
}
