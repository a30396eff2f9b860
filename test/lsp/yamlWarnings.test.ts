// Issue 15: the `yaml` library printed "Keys with collection values will be stringified" on the
// server's stderr for a user's document. A collection key is now a finding of our own
// (collection-key), an alias without anchor a localised yaml-syntax finding at the alias, and
// nothing reaches stderr — of the language server or of `kubemate check`.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer } from '../helpers/lspClient';
import { rows } from '../helpers/check';

const COLLECTION_KEYS = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n  ? [a, b]\n  : x\n  ? {c: 1}\n  : y\n  plain: z\n';
const ALIAS = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: alias\n  labels: *missing\nspec:\n  containers: [{name: app, image: nginx}]\n';

describe('YAML the library would warn about (issue 15)', () => {
  // text, the findings as "line:col code"
  const cases: [string, string, string[]][] = [
    ['a list and a mapping as keys: one finding each, no schema noise', COLLECTION_KEYS, ['6:5 collection-key', '8:5 collection-key']],
    ['an alias without its anchor: at the alias', ALIAS, ['5:11 yaml-syntax']],
    ['an alias with its anchor is fine', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: &l {app: a}\n  annotations: *l\n', []],
    ['a question mark in a value is no complex key', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: q\ndata:\n  q: "why? [x]: y"\n', []],
  ];
  for (const [name, text, want] of cases) it(name, () => assert.deepEqual(rows(text), want));

  it('the language server publishes them and writes nothing on stderr', async () => {
    const s = await startServer('en', {}, undefined, { captureStderr: true });
    try {
      for (const [uri, text, code, line] of [
        ['file:///w/keys.yaml', COLLECTION_KEYS, 'collection-key', 5],
        ['file:///w/alias.yaml', ALIAS, 'yaml-syntax', 4],
      ] as const) {
        const d = s.nextDiagnostics(uri, 1);
        void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
        const p = await d;
        assert.deepEqual(p.diagnostics.map((x) => [x.code, x.range.start.line]).slice(0, 1), [[code, line]]);
      }
      // A hover and a dry-run read the same documents.
      await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///w/keys.yaml' }, position: { line: 8, character: 3 } });
    } finally {
      await s.stop();
    }
    assert.equal(s.stderr(), '');
  });

  it('kubemate check reports them with nothing on stderr but its own lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-keys-'));
    writeFileSync(join(dir, 'keys.yaml'), COLLECTION_KEYS);
    const r = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'check', 'keys.yaml'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^keys\.yaml:6:5 error collection-key A key must be a single value, not a mapping or a list/m);
    assert.doesNotMatch(r.stdout + r.stderr, /stringified|mapAsMap/);
  });
});
