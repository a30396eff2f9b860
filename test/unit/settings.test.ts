// The settings channel: package.json's contributes.configuration is exactly the declaration
// in server/src/protocol/settings.ts (keys, types, allowed values, defaults), and values from
// the client are read the same way whichever shape they arrive in.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, readSettings, SETTINGS, settingsFromSection } from '../../server/src/protocol/settings';

const contributed = JSON.parse(readFileSync('package.json', 'utf8')).contributes.configuration.properties as Record<
  string,
  { type: string; enum?: string[]; default: unknown; minimum?: number }
>;

describe('settings: one declaration for client, server and package.json', () => {
  it('declares exactly the settings package.json contributes', () => {
    assert.deepEqual(
      Object.keys(SETTINGS)
        .map((k) => `kubemate.${k}`)
        .sort(),
      Object.keys(contributed).sort(),
    );
  });
  for (const [key, decl] of Object.entries(SETTINGS)) {
    it(`kubemate.${key}: same type, values and default`, () => {
      const c = contributed[`kubemate.${key}`];
      assert.equal(c.type, decl.type);
      assert.deepEqual(c.default, decl.default);
      assert.deepEqual(c.enum, 'enum' in decl ? [...decl.enum] : undefined);
      assert.equal(c.minimum, 'minimum' in decl ? decl.minimum : undefined);
    });
  }
  const cases: [string, unknown, Partial<typeof DEFAULT_SETTINGS>][] = [
    [
      'nested, as VS Code sends the section',
      { language: 'zh-cn', docs: { language: 'both' }, codeLens: { dryRun: false } },
      { language: 'zh-cn', 'docs.language': 'both', 'codeLens.dryRun': false },
    ],
    ['flat keys', { 'lint.enabled': false, 'index.maxFiles': 10 }, { 'lint.enabled': false, 'index.maxFiles': 10 }],
    ['invalid values fall back to the default', { language: 'fr', 'index.maxFiles': -1, lint: { rules: { x: 3 } } }, {}],
    ['nothing at all', null, {}],
  ];
  for (const [name, section, expected] of cases) {
    it(`reads a section: ${name}`, () => {
      assert.deepEqual(settingsFromSection(section), { ...DEFAULT_SETTINGS, ...expected });
    });
  }
  it('reads through a getter (the client: WorkspaceConfiguration.get)', () => {
    assert.deepEqual(
      readSettings((k) => (k === 'output.reveal' ? 'never' : undefined)),
      { ...DEFAULT_SETTINGS, 'output.reveal': 'never' },
    );
  });
});
