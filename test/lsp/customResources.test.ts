// A workspace CRD defines its kind in the editor: the custom resource is validated against it,
// and editing the CRD re-checks the open custom resource without touching it.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspSession, startServer } from '../helpers/lspClient';

const crd = (fields: string) =>
  `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              properties: {${fields}}\n`;
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n  color: red\n';
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`);

describe('LSP: workspace CRDs', function () {
  this.timeout(20000);
  let s: LspSession;
  let dir: string;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubemate-crd-'));
    writeFileSync(join(dir, 'crd.yaml'), crd('size: {type: integer}'));
    writeFileSync(join(dir, 'widget.yaml'), WIDGET);
    s = await startServer('en', {}, undefined, { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
    await s.connection.sendRequest('workspace/executeCommand', { command: 'kubemate.index.rescan', arguments: [] });
  });
  after(async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('validates the custom resource against the CRD found on disk', async () => {
    const p = s.nextDiagnostics(uriOf('widget.yaml'), 1);
    void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('widget.yaml'), languageId: 'yaml', version: 1, text: WIDGET } });
    assert.deepEqual(codes(await p), ['7 unknown-field']);
  });

  it('an edit of the CRD re-checks the open custom resource', async () => {
    const p = s.diagnosticsWhere(uriOf('widget.yaml'), (d) => d.diagnostics.length === 0);
    void s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriOf('crd.yaml'), languageId: 'yaml', version: 1, text: crd('size: {type: integer}') },
    });
    void s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf('crd.yaml'), version: 2 },
      contentChanges: [{ text: crd('size: {type: integer}, color: {type: string}') }],
    });
    assert.deepEqual(codes(await p), []);
  });
});
