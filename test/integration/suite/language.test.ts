// Hover and completion through the real client: the editor asks, VS Code routes to the
// language client, the client asks the KubeMate server over IPC.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, hoverText, openWorkspaceFile, poll, positionOf, settings } from './helpers';

describe('language features through the client', () => {
  before(() => api());

  afterEach(async () => {
    await settings().update('docs.language', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('language', undefined, vscode.ConfigurationTarget.Global);
  });

  it('kubemate.language switches the client too: the tree re-renders in Chinese and back, without a reload', async () => {
    const kubemate = await api();
    const topLabels = async () => (await kubemate.treeItems()).map((i) => i.label).join(' · ');
    assert.match(await topLabels(), /^Nodes · /, 'English first (VS Code runs in English here)');
    await settings().update('language', 'zh-cn', vscode.ConfigurationTarget.Global);
    await poll('Chinese tree labels', async () => /^节点（Nodes） · /.test(await topLabels()));
    await settings().update('language', 'en', vscode.ConfigurationTarget.Global);
    await poll('English tree labels again', async () => /^Nodes · /.test(await topLabels()));
  });

  it('hover on replicas explains the field', async () => {
    const doc = await openWorkspaceFile('web.yaml');
    const pos = positionOf(doc, 'replicas:', 2);
    const text = await poll('a hover on "replicas"', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
      return /replicas/.test(t) && t;
    });
    assert.match(text, /Deployment\.spec\.replicas/);
    assert.match(text, /integer/);
  });

  it('hover shows the Chinese docs when kubemate.docs.language is zh-cn', async () => {
    await settings().update('docs.language', 'zh-cn', vscode.ConfigurationTarget.Global);
    const doc = await openWorkspaceFile('web.yaml');
    const pos = positionOf(doc, 'replicas:', 2);
    const text = await poll('a Chinese hover on "replicas"', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
      return /副本/.test(t) && t;
    });
    assert.match(text, /Pod/);
  });

  it('completion under a Deployment spec offers its fields', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: probe\nspec:\n  \n',
    });
    await vscode.window.showTextDocument(doc);
    const labels = await poll('completion items for Deployment.spec', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(5, 2));
      const names = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return names.includes('replicas') && names;
    });
    for (const field of ['replicas', 'selector', 'template', 'strategy']) assert.ok(labels.includes(field), `missing ${field} in ${labels.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
