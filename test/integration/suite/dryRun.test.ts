// Dry-run apply of a fixture through the extension, checked on the Simulated Cluster tree
// (via the test API of the issue 5 contract, so no UI scraping).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { KubeMateApi, api, flatten, openWorkspaceFile, poll } from './helpers';

const ENDPOINT = /^10\.244\.\d+\.\d+:80$/;
// A pod is listed under its ReplicaSet (id `Pod/<ns>/<name>`, the contract's stable id) and again
// under its node (id prefixed with the node's); count the primary items.
const isPrimaryPod = (i: { id?: string; contextValue?: string }) => i.contextValue === 'pod' && (i.id ?? '').startsWith('Pod/');

describe('dry-run apply → Simulated Cluster tree', () => {
  let kubemate: KubeMateApi;
  let doc: vscode.TextDocument;

  before(async () => {
    kubemate = await api();
    doc = await openWorkspaceFile('web.yaml');
  });

  it('applies the fixture: Deployment and Service accepted, 3 pods Running', async () => {
    const summary = await kubemate.dryRunText(doc.getText(), doc.uri.toString());
    assert.equal(summary.rejected, 0, summary.line);
    assert.equal(summary.skipped, 0, summary.line);
    assert.equal(summary.created + summary.configured + summary.unchanged, 2, summary.line);
    assert.equal(summary.pods.byStatus.Running, 3, summary.line);
    assert.ok(summary.line.length > 0, 'the summary line for the notification is empty');
  });

  it('shows the Deployment with its pods, and the Service with their endpoints', async () => {
    const items = flatten(await kubemate.treeItems());
    const deployment = items.find((i) => i.contextValue === 'deployment' && i.label === 'web');
    assert.ok(deployment, `no deployment "web" in the tree: ${summarize(items)}`);
    assert.equal(deployment.description, '3/3');

    const pods = items.filter((i) => isPrimaryPod(i) && i.label.startsWith('web-'));
    assert.equal(pods.length, 3, `pods: ${summarize(pods)}`);
    assert.ok(
      pods.every((p) => p.id === `Pod/default/${p.label}`),
      `tree ids: ${pods.map((p) => p.id).join(', ')}`,
    );
    for (const pod of pods) {
      assert.match(pod.description ?? '', /Running/, `pod ${pod.label}`);
      assert.ok(pod.path.includes('web'), `pod ${pod.label} is not under the Deployment: ${pod.path.join(' › ')}`);
    }

    const service = items.find((i) => i.contextValue === 'service' && i.label === 'web');
    assert.ok(service, `no service "web" in the tree: ${summarize(items)}`);
    const endpoints = items.filter(
      (i) => i.contextValue === 'endpoint' && (i.id ?? '').startsWith('Service/default/web>') && [i.label, i.description].some((t) => ENDPOINT.test(t ?? '')),
    );
    assert.equal(endpoints.length, 3, `endpoints: ${summarize(items.filter((i) => i.contextValue === 'endpoint'))}`);
  });

  it('agrees with the snapshot: the same pods, all ready behind the Service', async () => {
    const snap = await kubemate.snapshot();
    const treePods = flatten(await kubemate.treeItems())
      .filter(isPrimaryPod)
      .map((i) => i.label)
      .sort();
    const snapPods = snap.pods.map((p) => p.name).sort();
    assert.deepEqual(treePods, snapPods);
    const eps = snap.endpoints.find((e) => e.name === 'web');
    assert.equal(eps?.ready.length, 3);
    assert.equal(eps?.notReady.length, 0);
  });

  it('applying the unchanged text again reports unchanged', async () => {
    const summary = await kubemate.dryRunText(doc.getText(), doc.uri.toString());
    assert.equal(summary.unchanged, 2, summary.line);
    assert.equal(summary.created + summary.configured, 0, summary.line);
  });

  it('kubemate.deletePod on a pod item: the ReplicaSet replaces it with a new name', async () => {
    const before = flatten(await kubemate.treeItems()).filter((i) => isPrimaryPod(i) && i.label.startsWith('web-'));
    const victim = before[0];
    // What the view passes to an item command: the tree node, whose `ref` names the object.
    await vscode.commands.executeCommand('kubemate.deletePod', { ...victim, ref: { kind: 'Pod', namespace: 'default', name: victim.label } });
    const after = await poll(`a replacement for ${victim.label}`, async () => {
      const pods = flatten(await kubemate.treeItems()).filter((i) => isPrimaryPod(i) && i.label.startsWith('web-'));
      return pods.length === 3 && !pods.some((p) => p.label === victim.label) && pods;
    });
    const added = after.filter((p) => !before.some((b) => b.label === p.label));
    assert.equal(added.length, 1, `new pods: ${summarize(added)}`);
    assert.match(added[0].description ?? '', /Running/);
  });

  it('applies the editor text, unsaved changes included (replicas 3 → 2 is "configured")', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('replicas: 3'));
    await editor.edit((e) => e.replace(new vscode.Range(line, 0, line, doc.lineAt(line).text.length), '  replicas: 2'));
    assert.ok(doc.isDirty);
    await vscode.commands.executeCommand('kubemate.dryRun');
    const pods = await poll('the tree to show 2 web pods after the edit', async () => {
      const p = flatten(await kubemate.treeItems()).filter((i) => isPrimaryPod(i) && i.label.startsWith('web-'));
      return p.length === 2 && p;
    });
    assert.equal(pods.length, 2);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});

function summarize(items: { label: string; description?: string; contextValue?: string }[]): string {
  return items.map((i) => `${i.contextValue}:${i.label}${i.description ? ` (${i.description})` : ''}`).join(', ');
}
