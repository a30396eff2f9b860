// sameJsonText(a, b) answers JSON.stringify(a) === JSON.stringify(b) without writing the texts
// (the kubelet compares a retried pod's status with it). Property: on random plain data and
// random small edits of it, the answer is the texts' comparison — member order, members holding
// undefined, undefined in arrays, NaN and -0 included.
import * as assert from 'node:assert/strict';
import { sameJsonText } from '../../../server/src/cluster/controllerUtils';
import { SeededIds } from '../../../server/src/util/seededIds';

describe('sameJsonText: JSON.stringify equality without the texts', () => {
  const ids = new SeededIds(11);
  const rnd = () => ids.next();
  const scalars: unknown[] = [0, -0, 1, 2.5, NaN, Infinity, '', 'a', 'b', true, false, null, undefined];
  function value(depth: number): unknown {
    const r = rnd();
    if (depth === 0 || r < 0.4) return scalars[Math.floor(rnd() * scalars.length)];
    if (r < 0.7) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth - 1));
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(rnd() * 4); i > 0; i--) o[['a', 'b', 'c', 'd'][Math.floor(rnd() * 4)]] = value(depth - 1);
    return o;
  }
  /** A copy with at most one change: a scalar swapped, a member added, dropped or moved, or none. */
  function edit(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return rnd() < 0.5 ? v : scalars[Math.floor(rnd() * scalars.length)];
    if (Array.isArray(v)) {
      const out = v.slice();
      if (out.length && rnd() < 0.6) out[Math.floor(rnd() * out.length)] = edit(out[Math.floor(rnd() * out.length)]);
      else if (rnd() < 0.5) out.push(value(1));
      return out;
    }
    const keys = Object.keys(v);
    const out: Record<string, unknown> = {};
    const r = rnd();
    if (r < 0.2 && keys.length > 1) for (const k of [...keys].reverse()) out[k] = (v as Record<string, unknown>)[k];
    else for (const k of keys) out[k] = r < 0.6 ? edit((v as Record<string, unknown>)[k]) : (v as Record<string, unknown>)[k];
    if (r > 0.85) out.z = rnd() < 0.5 ? undefined : 1;
    return out;
  }
  it('agrees with comparing the texts on 20,000 random pairs', () => {
    let equal = 0;
    for (let i = 0; i < 20000; i++) {
      const a = value(4);
      const b = rnd() < 0.3 ? structuredClone(a) : edit(a);
      const want = JSON.stringify(a) === JSON.stringify(b);
      if (want) equal++;
      assert.equal(sameJsonText(a, b), want, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    assert.ok(equal > 2000 && equal < 18000, `${equal} equal pairs: both answers are exercised`);
  });
  const table: [unknown, unknown, boolean][] = [
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, false],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [[undefined], [null], true],
    [[1, 2], [1, 2, 3], false],
    [{ a: [] }, { a: {} }, false],
    [-0, 0, true],
  ];
  for (const [a, b, want] of table) it(`${JSON.stringify(a)} vs ${JSON.stringify(b)} → ${want}`, () => assert.equal(sameJsonText(a, b), want));
});
