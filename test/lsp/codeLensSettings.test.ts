// kubemate.codeLens.dryRun: false hides the dry-run CodeLens only; the navigation lenses
// (what a Service selects, who uses a ConfigMap) stay. Switching it back shows it again.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession, startServer } from '../helpers/lspClient';

const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';

describe('LSP: kubemate.codeLens.dryRun', function () {
  this.timeout(20000);
  let s: LspSession;
  let dir: string;
  let uri: string;
  const titles = async () =>
    ((await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { command: { title: string } }[]).map((l) => l.command.title);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubemate-lens-'));
    writeFileSync(join(dir, 'svc.yaml'), SVC);
    uri = pathToFileURL(join(dir, 'svc.yaml')).href;
    s = await startServer('en', { settings: { 'codeLens.dryRun': false } }, undefined, { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
    await s.connection.sendRequest('workspace/executeCommand', { command: 'kubemate.index.rescan', arguments: [] });
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: SVC } });
  });
  after(async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('off: the navigation lens stays, the dry-run lens is gone', async () => {
    assert.deepEqual(await titles(), ['selects no pods']);
  });

  it('on again (workspace/didChangeConfiguration): both lenses', async () => {
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kubemate: { codeLens: { dryRun: true } } } });
    assert.deepEqual((await titles()).sort(), ['selects no pods', '▶ Dry-run apply'].sort());
  });
});
