// Activation: only YAML wakes KubeMate up, and activate() hands tests the API of the contract.
import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { extension, openWorkspaceFile, poll } from './helpers';

describe('activation', () => {
  it('declares onLanguage:yaml as its only activation event', () => {
    const manifest = extension().packageJSON as { activationEvents?: string[] };
    assert.deepEqual(manifest.activationEvents, ['onLanguage:yaml']);
  });

  it('stays inactive until a YAML document is opened', async () => {
    // A plain-text document must not activate the extension.
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'hello' });
    await vscode.window.showTextDocument(doc);
    assert.equal(extension().isActive, false, 'KubeMate activated without a YAML document (check activationEvents and view contributions)');
  });

  it('activates when a YAML file opens and returns the test API', async () => {
    const t0 = performance.now();
    await openWorkspaceFile('web.yaml');
    const ext = extension();
    await poll('KubeMate to activate after opening web.yaml', () => ext.isActive, 30_000);
    const api = await ext.activate();
    console.log(`      (active and API resolved ${Math.round(performance.now() - t0)} ms after opening the YAML file)`);
    for (const fn of ['dryRunText', 'snapshot', 'treeItems'] as const) {
      assert.equal(typeof api?.[fn], 'function', `activate() must return { ${fn}() } (issue 5 contract)`);
    }
  });
});
