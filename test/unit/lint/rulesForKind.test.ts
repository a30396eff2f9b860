// The lint rules run on a manifest of one kind (lintDocument rulesForKind, kept per rule list and
// kind): the rules whose kinds include it, or that look at every kind, in the list's order — as
// filtering the list on every manifest gives, whatever the kinds asked and their order.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { rulesForKind } from '../../../server/src/features/lint/lintDocument';
import { lintConfig } from '../../../server/src/features/lint/lintConfig';
import { LINT_RULES } from '../../../server/src/features/lint/lintRules';

const KINDS = [...new Set(LINT_RULES.flatMap((r) => r.kinds ?? [])), 'ConfigMap', 'Made-Up', '', 'constructor', '__proto__'];
const every = lintConfig({ enabled: true, rules: Object.fromEntries(LINT_RULES.map((r) => [r.id, 'warning'])) });
const lists = [lintConfig().documentRules, lintConfig().workspaceRules, every.documentRules, every.rules];

describe('rulesForKind', () => {
  it('is the list filtered on the kind, for any sequence of kinds', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...lists), fc.oneof(fc.constantFrom(...KINDS), fc.string())), { maxLength: 40 }), (asks) => {
        for (const [list, kind] of asks) {
          const want = list.filter(({ rule }) => !rule.kinds || rule.kinds.includes(kind));
          assert.deepEqual(rulesForKind(list, kind), want);
        }
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('the default configuration runs some rules on a Deployment, fewer on a ConfigMap', () => {
    const deployment = rulesForKind(lintConfig().documentRules, 'Deployment');
    const configMap = rulesForKind(lintConfig().documentRules, 'ConfigMap');
    assert.ok(deployment.length > configMap.length && configMap.length > 0);
    assert.equal(rulesForKind(lintConfig().documentRules, 'Deployment'), deployment, 'the same list on the next ask');
  });
});
