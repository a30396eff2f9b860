// One registry for every code: unique ids across families, and every code the fixture
// workspace produces (schema, API, lint, cross-file) is registered with the severity it has.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_LIST, CODE_REGISTRY } from '../../server/src/pipeline/codeRegistry';
import { checkFiles } from '../../server/src/pipeline/checkFiles';
import { loadSchema } from '../../server/src/schema/schema';
import { DEFAULT_LINT_SETTINGS } from '../../server/src/features/lint/lintConfig';
import { CODE_TITLES } from '../../server/src/pipeline/codeTitles';
import { setLanguage } from '../../server/src/util/l10n';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : /\.ya?ml$/.test(n) ? [join(dir, n)] : []));

describe('code registry', () => {
  it('ids are unique across families', () => {
    const seen = new Map<string, string>();
    const dup = CODE_LIST.filter((c) => seen.has(c.id) || !seen.set(c.id, c.family)).map((c) => `${c.id} (${seen.get(c.id)} and ${c.family})`);
    assert.deepEqual(dup, []);
  });
  it('holds schema, API, lint and cross-file families', () => {
    const families = new Set(CODE_LIST.map((c) => c.family.split('/')[0]));
    assert.deepEqual([...families].sort(), ['api-server', 'api-version', 'cross-file', 'lint', 'schema', 'yaml']);
  });
  it('every finding on the fixture workspace has a registered code and its default severity', () => {
    const inputs = files(resolve('test/fixtures/check-workspace')).map((f) => ({ uri: pathToFileURL(f).href, text: readFileSync(f, 'utf8'), explicit: false }));
    const found = checkFiles(loadSchema(), inputs, { lint: DEFAULT_LINT_SETTINGS }).flatMap((c) => c.findings);
    assert.ok(found.length >= 10);
    assert.deepEqual(
      found.filter((f) => CODE_REGISTRY.get(f.code)?.severity !== f.severity).map((f) => f.code),
      [],
    );
  });
  it('every code has a title and help, in English and in Chinese', () => {
    assert.deepEqual(
      CODE_LIST.filter((c) => !CODE_TITLES[c.id]).map((c) => c.id),
      [],
    );
    assert.deepEqual(
      Object.keys(CODE_TITLES).filter((id) => !CODE_REGISTRY.has(id)),
      [],
    );
    try {
      setLanguage('zh-cn');
      assert.deepEqual(
        CODE_LIST.filter((c) => !/[\u4e00-\u9fff]/.test(c.title()) || !/[\u4e00-\u9fff]/.test(c.help())).map((c) => c.id),
        [],
      );
    } finally {
      setLanguage('en');
    }
  });
});
