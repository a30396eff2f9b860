// kubectl's table layout: Go text/tabwriter with minwidth 6, padding 3, space padding — every
// column but the last is max(longest cell + 3, 6) wide; the last column is not padded.
// upstream: cli-runtime pkg/printers/tabwriter.go.

/** Display width: CJK and other wide characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

export function formatTable(rows: string[][], padding = 3, minWidth = 6): string {
  if (rows.length === 0) return '';
  const cols = Math.max(...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < cols - 1; c++) widths[c] = Math.max(minWidth, ...rows.map((r) => (c < r.length - 1 ? displayWidth(r[c] ?? '') + padding : 0)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[c] - displayWidth(cell))))).join('')).join('\n');
}
