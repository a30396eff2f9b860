// "Edit Live Object" (kubectl edit) through the real extension: the command opens the live object
// in a kubemate-live: document; saving it applies the change to the simulated cluster; a refused
// edit stays in the document under kubectl's reasons.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { KubeMateApi, api, openWorkspaceFile, poll } from './helpers';

async function replaceAll(doc: vscode.TextDocument, from: RegExp, to: string): Promise<void> {
  const text = doc.getText();
  const m = from.exec(text);
  assert.ok(m, `${from} not found in ${doc.uri.toString()}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(m.index), doc.positionAt(m.index + m[0].length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('Edit Live Object (kubectl edit) → save applies', () => {
  let kubemate: KubeMateApi;
  let doc: vscode.TextDocument;

  before(async () => {
    kubemate = await api();
    const file = await openWorkspaceFile('web.yaml');
    const summary = await kubemate.dryRunText(file.getText(), file.uri.toString());
    assert.equal(summary.rejected, 0, summary.line);
  });

  it('kubemate.editObject opens the live Deployment as kubectl edit shows it', async () => {
    await vscode.commands.executeCommand('kubemate.editObject', { ref: { kind: 'Deployment', namespace: 'default', name: 'web' } });
    const editor = await poll(
      'a kubemate-live: editor',
      () => vscode.window.activeTextEditor?.document.uri.scheme === 'kubemate-live' && vscode.window.activeTextEditor,
    );
    doc = editor.document;
    assert.equal(doc.uri.path, '/Deployment/default/web.yaml');
    assert.match(doc.getText(), /^# Please edit the object below\./);
    assert.match(doc.getText(), /^ {2}replicas: 3$/m);
    assert.match(doc.getText(), /^status:$/m);
  });

  it('saving replicas: 4 applies it: deployment.apps/web edited, four pods', async () => {
    await replaceAll(doc, /^ {2}replicas: 3$/m, '  replicas: 4');
    assert.ok(await doc.save(), 'save failed');
    await poll('four web pods', async () => (await kubemate.snapshot()).pods.filter((p) => p.name.startsWith('web-')).length === 4);
    await poll('the edit line in the output', () => /^deployment\.apps\/web edited$/m.test(kubemate.outputText()));
    await poll('the document showing the live object again', () => !doc.isDirty && /^ {2}readyReplicas: 4$/m.test(doc.getText()));
  });

  it('a refused edit stays in the document under the reasons; the cluster keeps 4', async () => {
    await replaceAll(doc, /^ {2}replicas: 4$/m, '  replicas: -1');
    await doc.save();
    await poll('the reasons in the document', () => /^# deployments\.apps "web" was not valid:$/m.test(doc.getText()));
    assert.match(doc.getText(), /^# \* spec\.replicas: Invalid value: -1: must be greater than or equal to 0$/m);
    assert.match(doc.getText(), /^ {2}replicas: -1$/m, 'the invalid edit is kept');
    assert.match(kubemate.outputText(), /^error: deployments\.apps "web" is invalid$/m);
    assert.equal((await kubemate.snapshot()).pods.filter((p) => p.name.startsWith('web-')).length, 4);
  });
});
