// The closest name by edit distance, for "did you mean" on port names.
import { levenshtein as distance } from '../../../util/didYouMean';

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
