// Inline YAML with a `|` caret marking the cursor: returns the text without the caret and
// the caret's offset. Use `¦` in the rare test that needs a literal `|` in the YAML.
export function caret(source: string): { text: string; offset: number } {
  const offset = source.indexOf('|');
  if (offset < 0) throw new Error('test source has no | caret');
  return { text: source.slice(0, offset) + source.slice(offset + 1), offset };
}

/** Strips a common leading indentation so tests can indent their YAML with the code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
