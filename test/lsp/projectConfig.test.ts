// The editor reads the workspace's `.kubemate.yaml` as `kubemate check` does: rule levels,
// cross-file rules off, ignored paths; VS Code settings win over it for the editor.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspSession, startServer } from '../helpers/lspClient';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n      envFrom: [{configMapRef: {name: absent}}]\n';
const CONFIG = 'rules:\n  image-latest-tag: off\ncrossFile: false\nignore: [skip/**]\n';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code)).sort();

describe('LSP: .kubemate.yaml in the editor', function () {
  this.timeout(20000);
  let s: LspSession;
  let dir: string;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
  const open = (name: string, text: string) => {
    const p = s.nextDiagnostics(uriOf(name), 1);
    void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'yaml', version: 1, text } });
    return p;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubemate-config-'));
    writeFileSync(join(dir, '.kubemate.yaml'), CONFIG);
    writeFileSync(join(dir, 'pod.yaml'), POD);
    mkdirSync(join(dir, 'skip'));
    writeFileSync(join(dir, 'skip', 'bad.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containerz: []}\n');
    s = await startServer(
      'en',
      {
        settings: {
          'lint.rules': {
            'no-resource-requests': 'off',
            'no-resource-limits': 'off',
            'no-readiness-probe': 'off',
            'no-liveness-probe': 'off',
            'image-no-digest': 'off',
          },
        },
      },
      undefined,
      { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] },
    );
    await s.connection.sendRequest('workspace/executeCommand', { command: 'kubemate.index.rescan', arguments: [] });
  });
  after(async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('turns off the rules it names and the cross-file rules', async () => {
    const got = codes(await open('pod.yaml', POD));
    assert.ok(!got.includes('image-latest-tag'), got.join());
    assert.ok(!got.includes('missing-configmap'), got.join());
  });

  it('ignored paths are not checked', async () => {
    assert.deepEqual(codes(await open('skip/bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containerz: []}\n')), []);
  });

  it('a VS Code setting wins over the file for the editor', async () => {
    const p = s.diagnosticsWhere(uriOf('pod.yaml'), (d) => codes(d).includes('image-latest-tag'));
    void s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kubemate: { lint: { rules: { 'image-latest-tag': 'warning' } } } } });
    const d = await p;
    assert.equal(d.diagnostics.find((x) => x.code === 'image-latest-tag')?.severity, 2);
  });
});
