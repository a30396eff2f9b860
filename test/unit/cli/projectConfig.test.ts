// .kubemate.yaml: parsing, problems with positions, ignore globs, and the JSON schema kept fresh.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseProjectConfig, ignoreMatcher } from '../../../server/src/workspace/projectConfig';
import { configurableCodes } from '../../../server/src/pipeline/configurableCodes';
import { allCodes, describeRule } from '../../../server/src/cli/checkOutput/ruleCatalog';

const KNOWN = configurableCodes();

describe('.kubemate.yaml', () => {
  const cases: [string, string, object, string[]][] = [
    ['empty file', '', { rules: {}, ignore: [] }, []],
    [
      'rules, short toggles',
      'lint: false\ncrossFile: {enabled: false}\nrules:\n  image-latest-tag: error\n  missing-secret: info\n',
      { lintEnabled: false, crossFileEnabled: false, rules: { 'image-latest-tag': 'error', 'missing-secret': 'information' }, ignore: [] },
      [],
    ],
    [
      'ignore and cluster',
      'ignore: [charts/**]\ncluster:\n  profile: .kubemate/cluster.yaml\n',
      { rules: {}, ignore: ['charts/**'], clusterProfile: '.kubemate/cluster.yaml' },
      [],
    ],
    ['unknown top-level key', 'rulez: {}\n', { rules: {}, ignore: [] }, ['1:1 Unknown setting "rulez". Did you mean "rules"?']],
    [
      'bad level',
      'rules:\n  host-port: loud\n',
      { rules: {}, ignore: [] },
      ['2:14 The level of "host-port" must be one of: off, error, warning, information, hint'],
    ],
    ['not a mapping', '- a\n', { rules: {}, ignore: [] }, ['1:1 The KubeMate configuration must be a mapping of settings.']],
    [
      'YAML error',
      'rules: [\n',
      { rules: {}, ignore: [] },
      ['2:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ],
  ];
  for (const [name, text, config, problems] of cases) {
    it(name, () => {
      const r = parseProjectConfig(text, KNOWN);
      assert.deepEqual(r.config, config);
      assert.deepEqual(
        r.problems.map((p) => `${p.line}:${p.column} ${p.message}`),
        problems,
      );
    });
  }

  const globs: [string, string, boolean][] = [
    ['charts/**', 'charts/x/templates/a.yaml', true],
    ['charts/**', 'k8s/charts/a.yaml', false],
    ['vendor', 'k8s/vendor/a.yaml', true],
    ['*.draft.yaml', 'k8s/app/wip.draft.yaml', true],
    ['*.draft.yaml', 'k8s/app/wip.yaml', false],
    ['k8s/*/secret.yaml', 'k8s/app/secret.yaml', true],
    ['k8s/*/secret.yaml', 'k8s/app/x/secret.yaml', false],
    ['**/test/**', 'a/b/test/c.yaml', true],
    ['file?.yaml', 'file1.yaml', true],
  ];
  for (const [glob, path, want] of globs) {
    it(`ignore ${glob} ${want ? 'matches' : 'does not match'} ${path}`, () => assert.equal(ignoreMatcher([glob])(path), want));
  }

  it('the committed JSON schema lists exactly the configurable codes (run node scripts/writeConfigSchema.mjs)', () => {
    const schema = JSON.parse(readFileSync('schemas/kubemate-config.schema.json', 'utf8'));
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...KNOWN].sort());
  });

  it('every code KubeMate reports has a title for SARIF and --list-rules', () => {
    const missing = [...new Set([...allCodes(), ...KNOWN])].filter((c) => !describeRule(c));
    assert.deepEqual(missing, []);
  });
});
