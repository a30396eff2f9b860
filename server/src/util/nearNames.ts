// "Did you mean …?" among many names: the closest candidate to a misspelt name (edit distance
// ≤ 2, case-insensitive, the first in order among equals). The first few questions scan the list;
// a list asked more often builds a symmetric-delete index (every string reachable by deleting up to
// two characters), so a question costs what it matches, not the length of the list — `kubemate
// check` asks once per missing reference, thousands of times over the same names.
import { levenshteinWithin } from './didYouMean';

/** How many questions a list answers by scanning before it builds the index. */
const SCANS_BEFORE_INDEX = 16;
/** Longer names are never indexed (their delete sets grow with the square of the length): always scanned. */
const MAX_INDEXED = 64;

/** The distance a name of this length may be from a candidate. */
const limitFor = (name: string) => Math.max(1, Math.min(2, Math.floor(name.length / 3)));

export class NearNames {
  private readonly lower: string[];
  private asked = 0;
  private deletes?: Map<string, number[]>;
  private unindexed: number[] = [];

  constructor(private readonly names: readonly string[]) {
    this.lower = names.map((n) => n.toLowerCase());
  }

  /** The nearest candidate other than `name` itself, or undefined. */
  nearest(name: string): string | undefined {
    const q = name.toLowerCase();
    const ids = this.candidates(q);
    const limit = limitFor(name);
    let best = -1;
    let bestD = Infinity;
    for (const i of ids) {
      const c = this.names[i];
      if (c === name || Math.abs(name.length - c.length) > 2) continue;
      const d = levenshteinWithin(q, this.lower[i], limit);
      if (d <= limit && (d < bestD || (d === bestD && i < best))) {
        best = i;
        bestD = d;
      }
    }
    return best < 0 ? undefined : this.names[best];
  }

  private candidates(q: string): Iterable<number> {
    if (q.length > MAX_INDEXED || (!this.deletes && ++this.asked <= SCANS_BEFORE_INDEX)) return this.lower.keys();
    const index = this.deletes ?? this.build();
    const out = new Set<number>(this.unindexed);
    for (const d of deletions(q)) for (const i of index.get(d) ?? []) out.add(i);
    return out;
  }

  private build(): Map<string, number[]> {
    const index = new Map<string, number[]>();
    this.lower.forEach((n, i) => {
      if (n.length > MAX_INDEXED) {
        this.unindexed.push(i);
        return;
      }
      for (const d of deletions(n)) {
        const list = index.get(d);
        if (list) list.push(i);
        else index.set(d, [i]);
      }
    });
    this.deletes = index;
    return index;
  }
}

/** Every distinct string made by deleting zero, one or two characters of `s`. */
function deletions(s: string): Set<string> {
  const out = new Set<string>([s]);
  for (let i = 0; i < s.length; i++) {
    const one = s.slice(0, i) + s.slice(i + 1);
    out.add(one);
    for (let j = i; j < one.length; j++) out.add(one.slice(0, j) + one.slice(j + 1));
  }
  return out;
}
