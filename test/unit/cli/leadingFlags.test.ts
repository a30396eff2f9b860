// Global flags written before the verb, as kubectl allows them: moved behind the command's own
// arguments (before a `--`), everything else untouched.
import { strict as assert } from 'node:assert';
import { hoistLeadingFlags } from '../../../server/src/cli/leadingFlags';

const CASES: [string, string][] = [
  ['-n uit get po', 'get po -n uit'],
  ['-nuit rollout history deploy ublog', 'rollout history deploy ublog -nuit'],
  ['--namespace uit get svc', 'get svc --namespace uit'],
  ['--namespace=uit get svc', 'get svc --namespace=uit'],
  ['-A get pods', 'get pods -A'],
  ['--state s.json -n uit get po -o wide', 'get po -o wide --state s.json -n uit'],
  ['-n uit exec -ti web -- sh -n', 'exec -ti web -n uit -- sh -n'],
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
