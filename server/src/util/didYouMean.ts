// "Did you mean …?" — edit distance and the closest candidate, case-insensitive first. Shared by
// every feature that suggests a name (diagnostics, lints, cross-resource checks, explain).

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Best candidate within a distance that scales with length (≤ 1/3 of the word, at least 2), or undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
    const d = levenshtein(lower, c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  if (bestScore <= limit) return best;
  // "Rolling" → "RollingUpdate": a typed prefix of one candidate.
  const byPrefix = [...candidates].filter((c) => lower.length >= 3 && c.toLowerCase().startsWith(lower));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

/**
 * levenshtein(a, b) when it is at most `k`, else k + 1 — only the diagonal band |i − j| ≤ k is
 * computed and the scan stops once every cell of a row exceeds k (for "Did you mean" over long lists).
 */
export function levenshteinWithin(a: string, b: string, k: number): number {
  if (Math.abs(a.length - b.length) > k) return k + 1;
  if (a === b) return 0;
  const over = k + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= k ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - k);
    const to = Math.min(b.length, i + k);
    cur.fill(over);
    cur[0] = i <= k ? i : over;
    let rowMin = cur[0];
    for (let j = from; j <= to; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v > over ? over : v;
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > k) return over;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] > k ? over : prev[b.length];
}
