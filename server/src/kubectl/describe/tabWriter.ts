// Go's text/tabwriter as kubectl's describers configure it (minwidth 0, tabwidth 8, padding 2,
// padchar ' ', no flags), behind kubectl's PrefixWriter (two spaces per level). Cells end at a
// tab; the cell after a line's last tab is not aligned; a column block is a run of consecutive
// lines that have a cell in that column, and a line without a tab ends every block — which is
// why continuation lines ("\tvalue") line up under their title and `Events:\t<none>` aligns with
// the lines above it. upstream: Go src/text/tabwriter/tabwriter.go (format, writeLines);
// kubectl pkg/describe/describe.go (prefixWriter, tabbedString).

const PADDING = 2;

/** Rune count, as Go measures a cell. */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function tabFormat(text: string): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      let s = '';
      lines[i].forEach((cell, j) => {
        s += cell;
        if (j < widths.length) s += ' '.repeat(widths[j] - width(cell));
      });
      out.push(s);
    }
  };
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= lines[row].length - 1) continue;
      writeLines(line0, row);
      line0 = row;
      let w = 0;
      for (; row < line1; row++) {
        const line = lines[row];
        if (column >= line.length - 1) break;
        w = Math.max(w, width(line[column]) + PADDING);
      }
      widths.push(w);
      format(line0, row);
      widths.pop();
      line0 = row;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join('\n');
}

/** kubectl's PrefixWriter: `write(level, text)` indents by two spaces per level. */
export class PrefixWriter {
  private buf: string[] = [];

  write(level: number, text: string): void {
    this.buf.push('  '.repeat(level) + text);
  }

  /** A whole line with no indentation (Go's Fprintln). */
  writeLine(text: string): void {
    this.buf.push(text + '\n');
  }

  /** The text as written, tabs kept (kubectl prints `rollout history --revision` this way, unaligned). */
  raw(): string {
    return this.buf.join('').replace(/\n$/, '');
  }

  /** The aligned text, without the final newline. */
  toString(): string {
    return tabFormat(this.buf.join('')).replace(/\n$/, '');
  }
}
