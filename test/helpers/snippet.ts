// Expands a VS Code snippet body with its defaults, as accepting every tab stop unchanged would:
// `${1:web}` → web (and later `$1` → web), `${2|a,b|}` → a, `$0` → '', `\$` → $.
// Enough of the TextMate snippet grammar for KubeMate's snippets (no variables or transforms).

export function expandSnippet(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const values = new Map<string, string>();
  let i = 0;
  const parse = (stopAt?: string): string => {
    let out = '';
    while (i < text.length) {
      const c = text[i];
      if (stopAt && c === stopAt) return out;
      if (c === '\\' && i + 1 < text.length && '$}\\,|'.includes(text[i + 1])) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      const simple = /^\$(\d+)/.exec(text.slice(i));
      if (simple) {
        out += values.get(simple[1]) ?? '';
        i += simple[0].length;
        continue;
      }
      const open = /^\$\{(\d+)([:|}])/.exec(text.slice(i));
      if (!open) throw new Error(`unsupported snippet syntax at ${i}: ${text.slice(i, i + 20)}`);
      const n = open[1];
      i += open[0].length;
      if (open[2] === '}') {
        out += values.get(n) ?? '';
        continue;
      }
      if (open[2] === '|') {
        const end = text.indexOf('|}', i);
        const first = text.slice(i, end).split(',')[0];
        i = end + 2;
        if (!values.has(n)) values.set(n, first);
        out += values.get(n);
        continue;
      }
      const inner = parse('}');
      i++; // the closing brace
      if (!values.has(n)) values.set(n, inner);
      out += values.get(n);
    }
    if (stopAt) throw new Error(`unclosed placeholder in snippet`);
    return out;
  };
  return parse();
}

/** Inserts a (multi-line) snippet at the marker line, indenting the following lines like VS Code does. */
export function insertAt(host: string, marker: string, expansion: string): string {
  const lines = host.split('\n');
  const idx = lines.findIndex((l) => l.trim() === marker);
  if (idx < 0) throw new Error(`marker ${marker} not in host`);
  const indent = lines[idx].slice(0, lines[idx].indexOf(marker));
  const inserted = expansion.split('\n').map((l, j) => (j === 0 ? indent + l : l ? indent + l : l));
  lines.splice(idx, 1, ...inserted);
  return lines.join('\n');
}
