import { strict as assert } from 'node:assert';
import { LruCache } from '../../../server/src/util/lruCache';

type Op = ['set', string, string] | ['get', string] | ['delete', string];

describe('LruCache', () => {
  // name, bounds (entries, weight = value length), operations, keys left (oldest first), total weight
  const cases: [string, number, number | undefined, Op[], string[], number][] = [
    [
      'keeps what fits',
      3,
      undefined,
      [
        ['set', 'a', '1'],
        ['set', 'b', '2'],
        ['set', 'c', '3'],
      ],
      ['a', 'b', 'c'],
      0,
    ],
    [
      'evicts the least recently used entry',
      2,
      undefined,
      [
        ['set', 'a', '1'],
        ['set', 'b', '2'],
        ['set', 'c', '3'],
      ],
      ['b', 'c'],
      0,
    ],
    [
      'a read makes an entry young (LRU, not FIFO)',
      2,
      undefined,
      [
        ['set', 'a', '1'],
        ['set', 'b', '2'],
        ['get', 'a'],
        ['set', 'c', '3'],
      ],
      ['a', 'c'],
      0,
    ],
    [
      'a miss changes nothing',
      2,
      undefined,
      [
        ['set', 'a', '1'],
        ['set', 'b', '2'],
        ['get', 'x'],
        ['set', 'c', '3'],
      ],
      ['b', 'c'],
      0,
    ],
    [
      're-setting a key makes it young',
      2,
      undefined,
      [
        ['set', 'a', '1'],
        ['set', 'b', '2'],
        ['set', 'a', '9'],
        ['set', 'c', '3'],
      ],
      ['a', 'c'],
      0,
    ],
    [
      'delete frees a place',
      2,
      undefined,
      [
        ['set', 'a', '1'],
        ['set', 'b', '2'],
        ['delete', 'a'],
        ['set', 'c', '3'],
      ],
      ['b', 'c'],
      0,
    ],
    [
      'weight bound evicts old entries until it fits',
      10,
      6,
      [
        ['set', 'a', 'xx'],
        ['set', 'b', 'xx'],
        ['set', 'c', 'xx'],
        ['set', 'd', 'xxx'],
      ],
      ['c', 'd'],
      5,
    ],
    [
      'weight counts re-set values once',
      10,
      6,
      [
        ['set', 'a', 'xxx'],
        ['set', 'a', 'xxxx'],
      ],
      ['a'],
      4,
    ],
    [
      'an entry heavier than the bound is not kept',
      10,
      3,
      [
        ['set', 'a', 'x'],
        ['set', 'b', 'xxxx'],
      ],
      ['a'],
      1,
    ],
    [
      'deleting returns its weight',
      10,
      6,
      [
        ['set', 'a', 'xxx'],
        ['set', 'b', 'xx'],
        ['delete', 'a'],
      ],
      ['b'],
      2,
    ],
    ['zero entries keeps nothing', 0, undefined, [['set', 'a', '1']], [], 0],
  ];
  for (const [name, maxEntries, maxWeight, ops, keys, weight] of cases) {
    it(name, () => {
      const lru = new LruCache<string, string>({ maxEntries, maxWeight, weigh: maxWeight === undefined ? undefined : (_k, v) => v.length });
      for (const op of ops) {
        if (op[0] === 'set') lru.set(op[1], op[2]);
        else if (op[0] === 'get') lru.get(op[1]);
        else lru.delete(op[1]);
      }
      assert.deepEqual(lru.keys(), keys);
      assert.equal(lru.size, keys.length);
      assert.equal(lru.weight, weight);
    });
  }

  it('get returns the stored value, undefined when evicted', () => {
    const lru = new LruCache<string, number>({ maxEntries: 1 });
    lru.set('a', 1);
    assert.equal(lru.get('a'), 1);
    lru.set('b', 2);
    assert.equal(lru.get('a'), undefined);
    assert.equal(lru.get('b'), 2);
    assert.equal(lru.has('b'), true);
  });
});
