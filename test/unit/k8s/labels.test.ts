import { strict as assert } from 'node:assert';
import { labelSelectorMatches, mapSelectorMatches, formatLabelSelector } from '../../../server/src/k8s/labels';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front' };
  const cases: [string, Parameters<typeof labelSelectorMatches>[0], boolean][] = [
    ['matchLabels equal', { matchLabels: { app: 'web' } }, true],
    ['matchLabels differ', { matchLabels: { app: 'api' } }, false],
    ['In', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, true],
    ['NotIn', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, false],
    ['Exists', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] }, true],
    ['empty selects all', {}, true],
    ['null selects nothing', null, false],
  ];
  for (const [name, sel, expected] of cases) it(name, () => assert.equal(labelSelectorMatches(sel, labels), expected));

  it('map selectors (Service)', () => {
    assert.equal(mapSelectorMatches({ app: 'web' }, labels), true);
    assert.equal(mapSelectorMatches({ app: 'web', v: '2' }, labels), false);
    assert.equal(mapSelectorMatches(undefined, labels), false);
  });
  it('renders like kubectl', () => {
    assert.equal(
      formatLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }),
      'app=web,tier in (a,b)',
    );
  });
});
