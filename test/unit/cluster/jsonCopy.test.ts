// jsonCopy(v) is JSON.parse(JSON.stringify(v)) without the text (manifests are copied so on every
// apply). Property: on random data — plain and not: undefined, NaN, −0, ±Infinity, functions,
// sparse arrays, Dates, Maps, class instances, null-prototype objects, a `__proto__` member,
// bigints, cycles — the copy is the round trip's (same values, member order, prototypes) or it
// throws the round trip's error.
import * as assert from 'node:assert/strict';
import { jsonCopy } from '../../../server/src/cluster/types';
import { SeededIds } from '../../../server/src/util/seededIds';

class Box {
  constructor(public v: unknown) {}
}

describe('jsonCopy: the JSON round trip without the text', () => {
  const ids = new SeededIds(5);
  const rnd = () => ids.next();
  const leaves: (() => unknown)[] = [
    () => 0,
    () => -0,
    () => 42.5,
    () => NaN,
    () => Infinity,
    () => -Infinity,
    () => 1e21,
    () => 'text',
    () => '\ud800',
    () => '',
    () => true,
    () => null,
    () => undefined,
    () => () => 1,
    () => Symbol('s'),
    () => new Date(0),
    () => new Map([[1, 2]]),
    () => new Box(1),
    () => Object.create(null),
    () => JSON.parse('{"__proto__": {"a": 1}}'),
    () => 10n,
  ];
  function value(depth: number): unknown {
    const r = rnd();
    // Mostly plain data, now and then one of the odd leaves.
    if (depth === 0 || r < 0.3) return rnd() < 0.85 ? leaves[Math.floor(rnd() * 13)]() : leaves[Math.floor(rnd() * leaves.length)]();
    if (r < 0.6) {
      const a = Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth - 1));
      if (rnd() < 0.05) a[a.length + 1] = 1; // a hole
      return a;
    }
    const o: Record<string, unknown> = rnd() < 0.05 ? Object.create(null) : {};
    for (let i = Math.floor(rnd() * 5); i > 0; i--) o[['a', 'b', '1', '0', 'z'][Math.floor(rnd() * 5)]] = value(depth - 1);
    if (rnd() < 0.02) o.self = o; // a cycle
    return o;
  }
  const outcome = (f: () => unknown): { value?: unknown; text?: string; error?: string } => {
    try {
      const v = f();
      return { value: v, text: JSON.stringify(v) };
    } catch (e) {
      return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
    }
  };
  it('gives the round trip’s copy or error on 20,000 random values', () => {
    let errors = 0;
    for (let i = 0; i < 20000; i++) {
      const v = value(4);
      const want = outcome(() => JSON.parse(JSON.stringify(v)));
      const got = outcome(() => jsonCopy(v));
      if (want.error) errors++;
      assert.deepStrictEqual(got, want);
    }
    assert.ok(errors > 100, `${errors} values the round trip rejects`);
  });
  it('a copy shares nothing with the original', () => {
    const v = { a: [{ b: 1 }], c: { d: 'x' } };
    const c = jsonCopy(v);
    c.a[0].b = 2;
    c.c.d = 'y';
    assert.deepEqual(v, { a: [{ b: 1 }], c: { d: 'x' } });
  });
});
