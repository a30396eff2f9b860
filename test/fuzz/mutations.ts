// The mutations the fuzz harness applies to the project's own manifests, as fast-check
// arbitraries: each one is plain data (printable, replayable) and `applyMutations` turns a list
// of them into text. Positions are free naturals reduced modulo the text's size, so any value
// lands somewhere real and shrinking moves towards the start of the file.
import fc from 'fast-check';

export type Mutation =
  | { op: 'flipByte'; at: number; bit: number }
  | { op: 'deleteLine'; line: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'shiftIndent'; line: number; by: number }
  | { op: 'truncate'; at: number }
  | { op: 'tabs'; line: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'longScalar'; line: number; length: number }
  | { op: 'swapValue'; line: number; value: string }
  | { op: 'randomKey'; line: number; key: string; value: string }
  | { op: 'anchor'; line: number; alias: number; merge: boolean }
  | { op: 'separator'; line: number };

/** Text that breaks parsers and position maths: astral characters, lone surrogates, BOM, NUL, line separators. */
const ODD_TEXT = ['😀', '中文', '\u200b', '\u202e', '\ufeff', '\u0000', '\ud800', '\udc00', '\u2028', '\r', '\r\n', 'é', '\u0301', '\x7f', '\x1b[31m'];
/** YAML indicators and templating, one at a time. */
const SYNTAX = [
  ':',
  ': ',
  '- ',
  '? ',
  '|',
  '>-',
  '#',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '%YAML 1.2\n',
  '!',
  '!!binary ',
  '@',
  '`',
  '&',
  '*',
  '<<: ',
  '{{ .Values.image }}',
  '{{- if .Values.x }}',
  '{{ end }}',
  '\\',
  '---',
  '...',
];
/** Values of every YAML type, for a scalar of another one. */
const VALUES = [
  '[]',
  '{}',
  'null',
  '~',
  '',
  '0',
  '-1',
  '3.5',
  '1e400',
  '0x1F',
  '0o17',
  '.inf',
  '.nan',
  'true',
  'yes',
  'on',
  '"str"',
  "'q'",
  '- a',
  '[a, {b: c}]',
  '{a: [1, 2]}',
  '|\n  block',
  '>\n  folded',
  '!!str 1',
  '!!int x',
  '!custom v',
  '2026-01-01',
  '"\\u0000"',
  '*undefinedAlias',
  '&a',
  '123Mi',
  '99999999999999999999',
  '-0',
];
const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'spec',
  'name',
  'replicas',
  'containers',
  'selector',
  'status',
  'x',
  '',
  ' ',
  '日本',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '$ref',
  '0',
  'a.b/c',
  '?',
  '<<',
];

const spot = fc.nat({ max: 1 << 20 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flipByte' as const), at: spot, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('deleteLine' as const), line: spot }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: spot }),
  fc.record({ op: fc.constant('shiftIndent' as const), line: spot, by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: spot }),
  fc.record({ op: fc.constant('tabs' as const), line: spot }),
  fc.record({
    op: fc.constant('insert' as const),
    at: spot,
    text: fc.oneof(fc.constantFrom(...ODD_TEXT), fc.constantFrom(...SYNTAX), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })),
  }),
  fc.record({ op: fc.constant('longScalar' as const), line: spot, length: fc.constantFrom(300, 5_000, 70_000) }),
  fc.record({ op: fc.constant('swapValue' as const), line: spot, value: fc.constantFrom(...VALUES) }),
  fc.record({
    op: fc.constant('randomKey' as const),
    line: spot,
    key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ minLength: 1, maxLength: 6 })),
    value: fc.constantFrom(...VALUES),
  }),
  fc.record({ op: fc.constant('anchor' as const), line: spot, alias: spot, merge: fc.boolean() }),
  fc.record({ op: fc.constant('separator' as const), line: spot }),
);

const pick = (n: number, size: number): number => (size === 0 ? 0 : n % size);

function onLines(text: string, fn: (lines: string[]) => void): string {
  const lines = text.split('\n');
  fn(lines);
  return lines.join('\n');
}

/** The scalar after the first `: ` or `- ` of a line, as [start, end] columns, or undefined. */
function valueSpan(line: string): [number, number] | undefined {
  const m = /^(\s*(?:- )?[^:#]*:\s|\s*- )/.exec(line);
  return m && m[0].length < line.length ? [m[0].length, line.length] : undefined;
}

export function applyMutation(text: string, m: Mutation): string {
  switch (m.op) {
    case 'flipByte': {
      // On the UTF-8 bytes: a flipped high bit makes invalid UTF-8, decoded as U+FFFD as an editor would.
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length === 0) return text;
      bytes[pick(m.at, bytes.length)] ^= 1 << m.bit;
      return bytes.toString('utf8');
    }
    case 'deleteLine':
      return onLines(text, (l) => l.splice(pick(m.line, l.length), 1));
    case 'duplicateLine':
      return onLines(text, (l) => {
        const i = pick(m.line, l.length);
        l.splice(i, 0, l[i]);
      });
    case 'shiftIndent':
      return onLines(text, (l) => {
        const i = pick(m.line, l.length);
        l[i] = m.by >= 0 ? ' '.repeat(m.by) + l[i] : l[i].replace(new RegExp(`^ {0,${-m.by}}`), '');
      });
    case 'truncate':
      return text.slice(0, pick(m.at, text.length + 1));
    case 'tabs':
      return onLines(text, (l) => {
        const i = pick(m.line, l.length);
        l[i] = l[i].replace(/^ +/, (s) => '\t'.repeat(Math.max(1, s.length >> 1)));
      });
    case 'insert': {
      const at = pick(m.at, text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'longScalar':
      return replaceValue(text, m.line, 'x'.repeat(m.length));
    case 'swapValue':
      return replaceValue(text, m.line, m.value);
    case 'randomKey':
      return onLines(text, (l) => {
        const i = pick(m.line, l.length);
        const indent = /^\s*/.exec(l[i])![0];
        l.splice(i, 0, `${indent}${m.key}: ${m.value}`);
      });
    case 'anchor':
      // An anchor on one key's value and an alias (or a merge key) on another line.
      return onLines(text, (l) => {
        const i = pick(m.line, l.length);
        const j = pick(m.alias, l.length);
        const a = valueSpan(l[i]);
        if (a) l[i] = `${l[i].slice(0, a[0])}&fz ${l[i].slice(a[0])}`;
        else l[i] = `${l[i]} &fz`;
        const indent = /^\s*/.exec(l[j])![0];
        l.splice(j + 1, 0, m.merge ? `${indent}<<: *fz` : `${indent}again: *fz`);
      });
    case 'separator':
      return onLines(text, (l) => l.splice(pick(m.line, l.length + 1), 0, '---'));
  }
}

function replaceValue(text: string, line: number, value: string): string {
  return onLines(text, (l) => {
    const i = pick(line, l.length);
    const span = valueSpan(l[i]);
    l[i] = span ? l[i].slice(0, span[0]) + value : `${l[i]} ${value}`;
  });
}

export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}

/** What an incremental edit types: syntax, odd characters, a newline, indentation or any short string. */
export const editTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SYNTAX),
  fc.constantFrom(...ODD_TEXT),
  fc.constantFrom('\n', '  ', '', 'x'),
  fc.string({ maxLength: 10 }),
);
