// A least-recently-used cache bounded by entry count and, optionally, by a total weight (e.g. the
// characters of the texts it keys on): a read moves the entry to the young end, an insert beyond
// a bound evicts from the old end. A Map keeps insertion order, so delete + set is "touch" — under
// the key the entry was stored with: a key equal to it but another object (a string sliced from a
// file's newer text) must not become the map's key, or it would keep what it points into alive.

export interface LruOptions<K, V> {
  /** At most this many entries. */
  maxEntries: number;
  /** At most this total weight (with `weigh`); an entry heavier than this alone is not kept. */
  maxWeight?: number;
  weigh?: (key: K, value: V) => number;
}

export class LruCache<K, V> {
  private map = new Map<K, { key: K; value: V; weight: number }>();
  private total = 0;
  private readonly maxWeight: number;
  private readonly weigh: (key: K, value: V) => number;

  constructor(private readonly opts: LruOptions<K, V>) {
    this.maxWeight = opts.maxWeight ?? Infinity;
    this.weigh = opts.weigh ?? (() => 0);
  }

  get size(): number {
    return this.map.size;
  }

  /** The total weight of the entries held. */
  get weight(): number {
    return this.total;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** The value, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(e.key, e);
    return e.value;
  }

  /** Stores the value as the most recently used, then evicts the least recently used beyond the bounds. */
  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(key, value);
    if (weight > this.maxWeight || this.opts.maxEntries <= 0) return;
    this.map.set(key, { key, value, weight });
    this.total += weight;
    for (const [k, e] of this.map) {
      if (this.map.size <= this.opts.maxEntries && this.total <= this.maxWeight) break;
      this.map.delete(k);
      this.total -= e.weight;
    }
  }

  delete(key: K): boolean {
    const e = this.map.get(key);
    if (!e) return false;
    this.map.delete(key);
    this.total -= e.weight;
    return true;
  }

  /** Keys from least to most recently used. */
  keys(): K[] {
    return [...this.map.keys()];
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}
