// Opening a 1,000-document file in the editor: the first documents' own findings are published
// first, a hover on another file is answered while the rest is parsed, and the open ends (the
// work-done progress the client is shown ends) with exactly what `kubemate check` prints for the file.
// The outline and CodeLenses the editor asks for right after the open wait for it instead of finishing it at once.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspSession, serverPath, startServer } from '../helpers/lspClient';
import { generateManifests } from '../../bench/manifestGenerator';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

const OTHER = `apiVersion: v1
kind: ConfigMap
metadata:
  name: unrelated
data:
  a: "1"
`;

/** `line:col-endLine:endCol severity code message`, 1-based, sorted. */
function rows(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity ?? 1]} ${d.code} ${d.message}`,
    )
    .sort();
}

describe('progressive open of a 1,000-document file', function () {
  this.timeout(60000);
  let dir: string;
  let s: LspSession;
  const events: string[] = [];
  let ended!: Promise<void>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubemate-open-'));
    writeFileSync(join(dir, 'big.yaml'), generateManifests(1000));
    let end!: () => void;
    ended = new Promise((r) => (end = r));
    s = await startServer(
      'en',
      {},
      (c) => {
        c.onRequest('window/workDoneProgress/create', () => {
          events.push('progress');
          return null;
        });
        c.onNotification('$/progress', (p: { value: { kind: string; title?: string } }) => {
          if (p.value.kind === 'begin') events.push(`begin ${p.value.title}`);
          if (p.value.kind === 'end') {
            events.push('end');
            end();
          }
        });
      },
      { capabilities: { window: { workDoneProgress: true } } },
    );
  });
  after(async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the first documents first, answers a hover elsewhere meanwhile, and ends with what `kubemate check` prints', async () => {
    const other = pathToFileURL(join(dir, 'other.yaml')).href;
    const uri = pathToFileURL(join(dir, 'big.yaml')).href;
    const otherOpened = s.nextDiagnostics(other, 1);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'yaml', version: 1, text: OTHER } });
    await otherOpened;
    const published: PublishDiagnosticsParams[] = [];
    // Records every publish for the big file (the predicate never accepts, so it keeps listening).
    void s.diagnosticsWhere(uri, (p) => {
      published.push(p);
      events.push(`publish ${p.diagnostics.length}`);
      return false;
    });
    const text = generateManifests(1000);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    // What VS Code asks by itself after an open (outline, sticky scroll, lenses, links): these wait for the open to end.
    const symbols = s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<unknown[]>;
    void symbols.then(() => events.push('symbols'));
    const lenses = s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    void lenses.then(() => events.push('lenses'));
    const hover = s.connection.sendRequest('textDocument/hover', { textDocument: { uri: other }, position: { line: 1, character: 2 } });
    void hover.then(() => events.push('hover'));
    await ended;
    await hover;
    assert.equal((await symbols).length, 1000, 'the outline lists every document');
    await lenses;

    const cli = spawnSync(process.execPath, [join(serverPath(), '..', 'cli.js'), 'check', 'big.yaml', '-o', 'json'], { cwd: dir, encoding: 'utf8' });
    const expected = (
      JSON.parse(cli.stdout) as {
        diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
      }
    ).diagnostics
      .map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`)
      .sort();
    const last = published[published.length - 1];
    assert.deepEqual(rows(last), expected);
    assert.ok(
      expected.some((r) => r.includes(' missing-configmap ')),
      'a cross-file finding is among them',
    );

    const first = published[0];
    assert.ok(first.diagnostics.length > 0 && first.diagnostics.length < last.diagnostics.length, events.join(', '));
    assert.ok(!rows(first).some((r) => r.includes(' missing-configmap ')), 'cross-file findings wait for the whole file');
    assert.deepEqual(
      events.filter((e) => e.startsWith('publish') || e === 'end').slice(-2),
      [`publish ${last.diagnostics.length}`, 'end'],
      `the complete diagnostics come just before the progress ends: ${events.join(', ')}`,
    );
    assert.ok(
      events.indexOf('hover') < events.indexOf(`publish ${last.diagnostics.length}`),
      `the hover is answered before the complete diagnostics: ${events.join(', ')}`,
    );
    assert.ok(events.includes('begin KubeMate: checking big.yaml'), events.join(', '));
    // Sent before the hover, answered after it: the outline and the lenses did not finish the parse in one blocking turn.
    assert.ok(events.indexOf('hover') < events.indexOf('symbols') && events.indexOf('hover') < events.indexOf('lenses'), events.join(', '));
    assert.ok(events.indexOf('symbols') > events.indexOf(`publish ${first.diagnostics.length}`), events.join(', '));
  });
});
