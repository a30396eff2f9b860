// Shared by the integration tests that run inside VS Code's extension host (real client, real
// language server). Waits are bounded polls: the client may still be starting when a test begins.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ApplySummary } from '../../../server/src/protocol/clusterProtocol';
import type { ClusterSnapshot } from '../../../server/src/protocol/clusterSnapshot';

export const EXTENSION_ID = 'kubemate.kubemate';

/** One Simulated Cluster tree item as the test API returns it (see the issue 5 contract). */
export interface TreeItemData {
  label: string;
  description?: string;
  contextValue?: string;
  id?: string;
  tooltip?: string;
  children?: TreeItemData[];
}

/** What `activate()` returns, for tests only. */
export interface KubeMateApi {
  dryRunText(text: string, uri?: string): Promise<ApplySummary>;
  snapshot(): Promise<ClusterSnapshot>;
  treeItems(): Promise<TreeItemData[]>;
  /** Everything written to the KubeMate output channel in this session. */
  outputText(): string;
}

export function extension(): vscode.Extension<KubeMateApi> {
  const ext = vscode.extensions.getExtension<KubeMateApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded in this extension host`);
  return ext;
}

/** Activates through a YAML document (the real trigger) and returns the test API. */
export async function api(): Promise<KubeMateApi> {
  const ext = extension();
  if (!ext.isActive) await openWorkspaceFile('web.yaml');
  return ext.activate();
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function poll<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner must open the fixture workspace (test/fixtures/integration-workspace)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openWorkspaceFile(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'yaml');
  return doc;
}

/** Position `offset` characters into the `occurrence`-th match of `needle` in the document. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 1, occurrence = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" #${occurrence} not found in ${doc.uri.toString()}`);
  }
  return doc.positionAt(at + offset);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Every item of the tree, depth first, with the labels of its ancestors. */
export function flatten(items: TreeItemData[], parents: string[] = []): (TreeItemData & { path: string[] })[] {
  return items.flatMap((item) => [{ ...item, path: parents }, ...flatten(item.children ?? [], [...parents, item.label])]);
}

export function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('kubemate');
}
