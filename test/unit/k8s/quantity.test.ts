import { strict as assert } from 'node:assert';
import { parseQuantity, describeBytes, describeCpu } from '../../../server/src/k8s/quantity';

describe('Quantity', () => {
  const cases: [string | number, number | undefined][] = [
    ['100m', 0.1],
    ['1', 1],
    ['0.5', 0.5],
    ['300Mi', 300 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['128M', 128e6],
    ['1e3', 1000],
    ['256000', 256000],
    [512, 512],
    ['300MB', undefined], // upstream rejects: B is not a suffix
    ['300mb', undefined],
    ['1 core', undefined],
    ['', undefined],
    ['Mi', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(parseQuantity(input), expected));
  }
  it('says it in plain words', () => {
    assert.equal(describeBytes(300 * 2 ** 20), '300 MiB (314,572,800 bytes)');
    assert.equal(describeCpu(0.1), '0.1 CPU cores (100 millicores)');
    assert.equal(describeCpu(1), '1 CPU core (1000 millicores)');
  });
});
