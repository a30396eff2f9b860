// Global flags written before the verb, as kubectl allows them: moved to just after the command
// name, everything else untouched.
import { strict as assert } from 'node:assert';
import { hoistLeadingFlags } from '../../../server/src/cli/leadingFlags';

const CASES: [string, string][] = [
  ['-n uit get po', 'get -n uit po'],
  ['-nuit rollout history deploy ublog', 'rollout -nuit history deploy ublog'],
  ['--namespace uit get svc', 'get --namespace uit svc'],
  ['--namespace=uit get svc', 'get --namespace=uit svc'],
  ['-A get pods', 'get -A pods'],
  ['--state s.json -n uit get po -o wide', 'get --state s.json -n uit po -o wide'],
  ['-n uit exec -ti web -- sh -n', 'exec -n uit -ti web -- sh -n'],
  ['get po -n uit', 'get po -n uit'],
  ['--version', '--version'],
  ['-n', '-n'],
  ['-n uit', '-n uit'],
  ['--lang-is-not-global get po', '--lang-is-not-global get po'],
];

describe('global flags before the verb', () => {
  for (const [given, expected] of CASES) {
    it(`kubemate ${given} → kubemate ${expected}`, () => {
      assert.deepEqual(hoistLeadingFlags(given.split(' ')), expected.split(' '));
    });
  }
});
