// The choice kube-proxy makes per new connection, made repeatable. In iptables mode (the
// default) each Service chain jumps to endpoint i with `-m statistic --mode random
// --probability 1/(n-i)`: a uniform random pick among the ready endpoints
// (upstream pkg/proxy/iptables/proxier.go writeServiceToEndpointRules). The simulator draws
// from a generator seeded by the request itself, so the same request gives the same answer.

/** FNV-1a of a string: the seed of a request. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small, fast generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** kube-proxy's walk: endpoint i is taken with probability 1/(n-i), which is uniform over n. */
export function pickIndex(n: number, random: () => number): number {
  for (let i = 0; i < n - 1; i++) if (random() < 1 / (n - i)) return i;
  return n - 1;
}
