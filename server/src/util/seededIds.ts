// Seeded pseudo-random source (mulberry32) for generated names and suffixes.
// Same seed + same call sequence = same ids, which keeps the simulator's output reproducible.

export class SeededIds {
  private state: number;
  constructor(seed: number = 1) {
    this.state = seed >>> 0;
  }
  /** Uniform float in [0, 1). */
  next(): number {
    let x = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }
  /** A string of `n` characters drawn from `alphabet`. */
  string(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
  /** Current internal state, so a persisted simulation can resume the same sequence. */
  snapshot(): number {
    return this.state;
  }
}
