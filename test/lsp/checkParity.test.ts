// One engine, two surfaces: the language server (over stdio, dist/server.js) and
// `kubemate check -o json` (dist/cli.js) report identical findings — code, range, severity and
// message — on the same multi-file workspace, cross-file rules included; in English and, after
// a kubemate.language switch without any edit, in Chinese.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspSession, serverPath, startServer } from '../helpers/lspClient';

const FIXTURE = resolve('test/fixtures/check-workspace');
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

/** `file:line:col-endLine:endCol severity code message`, 1-based, sorted. */
type Row = string;

function cliRows(lang: string): { rows: Row[]; code: number } {
  const cli = join(serverPath(), '..', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'check', '.', '-o', 'json', '--lang', lang], { cwd: FIXTURE, encoding: 'utf8' });
  const json = JSON.parse(r.stdout) as {
    diagnostics: { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
  };
  return {
    code: r.status ?? -1,
    rows: json.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`).sort(),
  };
}

function lspRows(published: PublishDiagnosticsParams[]): Row[] {
  return published
    .flatMap((p) =>
      p.diagnostics.map((d) => {
        const file = relative(FIXTURE, fileURLToPath(p.uri));
        return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity ?? 1]} ${d.code} ${d.message}`;
      }),
    )
    .sort();
}

const codeOf = (row: Row) => row.split(' ')[2];

describe('editor and `kubemate check` give identical findings (test/fixtures/check-workspace)', function () {
  this.timeout(30000);
  let s: LspSession;
  const files = yamlFiles(FIXTURE);
  const uris = files.map((f) => pathToFileURL(f).href);

  /**
   * The editor's rows once every file has published what the CLI printed for it (publishes from
   * before `trigger` may still arrive: the first scan, re-checks of dependents). Gives up after
   * a few seconds with the last rows seen, so a difference shows as a diff.
   */
  async function editorRowsAfter(trigger: () => Promise<unknown> | void, cli: Row[]): Promise<Row[]> {
    const last = new Map<string, PublishDiagnosticsParams>();
    const expected = (uri: string) => cli.filter((r) => r.startsWith(relative(FIXTURE, fileURLToPath(uri)) + ':'));
    const settled = uris.map((u) =>
      s.diagnosticsWhere(u, (p) => {
        last.set(u, p);
        return JSON.stringify(lspRows([p])) === JSON.stringify(expected(u));
      }),
    );
    await trigger();
    await Promise.race([Promise.all(settled), new Promise((r) => setTimeout(r, 8000))]);
    return lspRows([...last.values()]);
  }

  before(async () => {
    s = await startServer('en', {}, undefined, { workspaceFolders: [{ uri: pathToFileURL(FIXTURE).href, name: 'fixture' }] });
    for (const [i, f] of files.entries())
      await s.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uris[i], languageId: 'yaml', version: 1, text: readFileSync(f, 'utf8') },
      });
  });
  after(() => s.stop());

  it('in English: the same rows, at least 5 cross-file problems among them, and exit code 1', async () => {
    const cli = cliRows('en');
    assert.equal(cli.code, 1);
    // After a (re)scan every open document is re-published on the complete index.
    const editor = await editorRowsAfter(
      () => s.connection.sendRequest('workspace/executeCommand', { command: 'kubemate.index.rescan', arguments: [] }),
      cli.rows,
    );
    assert.deepEqual(editor, cli.rows);
    const codes = new Set(editor.map(codeOf));
    for (const c of [
      'service-selects-nothing',
      'missing-configmap-key',
      'missing-secret',
      'missing-pvc',
      'ingress-backend-missing',
      'unschedulable',
      'invalid-enum',
      'unknown-field',
      'duplicate-key',
      'image-latest-tag',
      'no-readiness-probe',
    ]) {
      assert.ok(codes.has(c), `${c} missing from ${[...codes].join(', ')}`);
    }
  });

  it('after kubemate.language → zh-cn (no edit): every open document is re-published in Chinese, still identical to `check --lang zh-cn`', async () => {
    const cli = cliRows('zh-cn');
    const editor = await editorRowsAfter(
      () => s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kubemate: { language: 'zh-cn' } } }),
      cli.rows,
    );
    assert.deepEqual(editor, cli.rows);
    // Schema, lint and cross-file messages alike: none left in English.
    for (const code of ['invalid-enum', 'image-latest-tag', 'missing-configmap-key', 'unschedulable']) {
      const row = editor.find((r) => codeOf(r) === code)!;
      assert.match(row, /[\u4e00-\u9fff]/, row);
    }
  });
});
