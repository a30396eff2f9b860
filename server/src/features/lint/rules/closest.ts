// The closest name by edit distance, for "did you mean" on port names. A small copy of the
// idea in features/diagnostics/didYouMean.ts: features do not import each other.

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/** The candidate within max(2, ⌊length/3⌋) edits, case-insensitively; undefined when none is close. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let score = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < score) [best, score] = [c, d];
  }
  return score <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
