// "Did you mean" over many names (util/nearNames): the same answer as a scan of every candidate
// with the full edit distance — before and after the list builds its delete index — and the
// banded distance against the full one.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { NearNames } from '../../../server/src/util/nearNames';
import { levenshtein, levenshteinWithin } from '../../../server/src/util/didYouMean';

/** The rule written the slow way: every candidate, full distance, the first of the nearest. */
function scan(name: string, candidates: string[]): string | undefined {
  const limit = Math.max(1, Math.min(2, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === name || Math.abs(name.length - c.length) > 2) continue;
    const d = levenshtein(name.toLowerCase(), c.toLowerCase());
    if (d <= limit && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

// Short words over a small alphabet, so many are within two edits of each other.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '-', '1'), minLength: 0, maxLength: 9 });

describe('NearNames', () => {
  it('answers as a scan of every candidate does, before and after it builds its index', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { minLength: 1, maxLength: 40 }), (names, questions) => {
        const near = new NearNames(names);
        for (const q of questions) assert.equal(near.nearest(q), scan(q, names), `nearest to ${JSON.stringify(q)}`);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  const cases: [string, string[], string | undefined][] = [
    ['app-config', ['app-confg', 'app-conf'], 'app-confg'],
    ['web', ['wbe', 'Web'], 'Web'],
    ['web', ['web'], undefined],
    ['db', ['xy', 'dbx'], 'dbx'],
    ['frontend', ['backend'], undefined],
    ['x'.repeat(70), ['x'.repeat(69), 'y'], 'x'.repeat(69)],
  ];
  for (const [name, candidates, want] of cases)
    it(`${name.slice(0, 12)} among [${candidates.map((c) => c.slice(0, 12)).join(', ')}] → ${want?.slice(0, 12) ?? 'none'}`, () => {
      const near = new NearNames(candidates);
      // Past the scans, so the indexed path answers too.
      for (let i = 0; i < 20; i++) assert.equal(near.nearest(name), want);
    });
});

describe('levenshteinWithin', () => {
  it('is the distance when it is at most k, else k + 1', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, k) => {
        const d = levenshtein(a, b);
        assert.equal(levenshteinWithin(a, b, k), d <= k ? d : k + 1);
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
});
