// The publisher's comparison: same diagnostics in the same order, by value.
import { strict as assert } from 'node:assert';
import { sameDiagnostics } from '../../../server/src/handlers/sameDiagnostics';

const d = (line: number, message = 'm', extra: object = {}) => ({
  range: { start: { line, character: 0 }, end: { line, character: 3 } },
  severity: 1 as const,
  code: 'wrong-type',
  source: 'kubemate',
  message,
  ...extra,
});

describe('sameDiagnostics', () => {
  const shared = d(1);
  const cases: [string, object[], object[], boolean][] = [
    ['both empty', [], [], true],
    ['the same objects', [shared], [shared], true],
    ['equal copies', [d(1), d(2)], [d(1), d(2)], true],
    [
      'equal data and related',
      [d(1, 'm', { data: { replacement: 'x' }, relatedInformation: [{ message: 'r' }] })],
      [d(1, 'm', { data: { replacement: 'x' }, relatedInformation: [{ message: 'r' }] })],
      true,
    ],
    ['one more', [d(1)], [d(1), d(2)], false],
    ['moved a line', [d(1)], [d(2)], false],
    ['another message', [d(1, 'a')], [d(1, 'b')], false],
    ['another order', [d(1), d(2)], [d(2), d(1)], false],
    ['data only on one side', [d(1)], [d(1, 'm', { data: { replacement: 'x' } })], false],
    ['another replacement', [d(1, 'm', { data: { replacement: 'x' } })], [d(1, 'm', { data: { replacement: 'y' } })], false],
    ['array against object', [d(1, 'm', { data: [] })], [d(1, 'm', { data: {} })], false],
  ];
  for (const [name, a, b, same] of cases) it(`${name} → ${same ? 'same' : 'different'}`, () => assert.equal(sameDiagnostics(a as never, b as never), same));
});
