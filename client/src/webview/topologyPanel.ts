// The topology webview (`kubemate.showTopology`): one panel beside the editor that redraws when the
// cluster or the active YAML file changes. A click reveals the object in the Simulated Cluster
// view; a double-click (or Shift+Enter) opens its manifest. After "Send Request…" it shows that
// request's trace over the whole cluster (requestPicture) until the next request replaces it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Services } from '../commands/services';
import { COMMANDS } from '../commands/services';
import { buildTopology, Topology } from './topologyModel';
import { topologyPage, topologySvg } from './topologyHtml';
import { requestPicture } from './requestPicture';
import type { RequestTrace } from '../../../server/src/protocol/requestTrace';
import { onDidChangeLanguage, t } from '../l10n';

type Message = { type: 'ready' } | { type: 'reveal' | 'source'; id: string } | { type: 'options'; scope?: 'file' | 'cluster'; group?: 'owner' | 'node' };

export class TopologyPanel implements vscode.Disposable {
  private static current: TopologyPanel | undefined;
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private scope: 'file' | 'cluster' = 'file';
  private groupBy: 'owner' | 'node' = 'owner';
  private fileUri: string | undefined;
  private topology: Topology | undefined;
  private trace: RequestTrace | undefined;
  /** The last body posted to the page (read by the test API). */
  private lastBody = '';

  static show(s: Services): TopologyPanel {
    if (TopologyPanel.current) {
      TopologyPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      TopologyPanel.current.followEditor(vscode.window.activeTextEditor);
      return TopologyPanel.current;
    }
    TopologyPanel.current = new TopologyPanel(s);
    return TopologyPanel.current;
  }

  /** Opens (or reveals) the panel on the whole cluster with a request's path drawn in. */
  static showRequest(s: Services, trace: RequestTrace): TopologyPanel {
    const panel = TopologyPanel.show(s);
    panel.trace = trace;
    panel.scope = 'cluster';
    panel.render();
    return panel;
  }

  /** The open panel's current picture (HTML of the body), for the test API. */
  static currentBody(): string | undefined {
    return TopologyPanel.current?.lastBody;
  }

  private constructor(private readonly s: Services) {
    this.panel = vscode.window.createWebviewPanel(
      'kubemate.topology',
      t('KubeMate Topology'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        // Nothing is loaded from disk or network: the page is self-contained.
        localResourceRoots: [],
        retainContextWhenHidden: false,
      },
    );
    // The active editor, else a visible YAML editor (the command may run from the view or a describe tab).
    if (!this.followEditor(vscode.window.activeTextEditor)) for (const e of vscode.window.visibleTextEditors) if (this.followEditor(e)) break;
    if (!this.fileUri) this.scope = 'cluster';
    this.panel.webview.html = topologyPage(randomBytes(16).toString('base64'), this.body(), {
      title: t('KubeMate Topology'),
      scopeFile: t('Active file'),
      scopeCluster: t('Whole cluster'),
      groupOwner: t('Group by ReplicaSet'),
      groupNode: t('Group by node'),
      hint: t('Click a box to show it in the Simulated Cluster view; double-click to open its manifest.'),
      legend: t(
        'Green: running and ready · yellow: pending or not ready (dashed line: endpoint not ready) · red: failing or missing · dotted line: reads a ConfigMap/Secret.',
      ),
    });
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: Message) => void this.onMessage(m)),
      s.state.onDidChange(() => this.render()),
      onDidChangeLanguage(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.followEditor(e)) this.render();
      }),
    );
  }

  /** Remembers the last active YAML editor (the webview itself takes focus, so keep the last one). */
  private followEditor(editor: vscode.TextEditor | undefined): boolean {
    const doc = editor?.document;
    if (!doc || doc.languageId !== 'yaml' || doc.uri.toString() === this.fileUri) return false;
    this.fileUri = doc.uri.toString();
    this.panel.title = t('Topology: {0}', vscode.workspace.asRelativePath(doc.uri, false));
    return true;
  }

  private body(): string {
    const view = this.s.state.view;
    if (!view) return '';
    this.topology = buildTopology(view, { fileUri: this.scope === 'file' ? this.fileUri : undefined, groupBy: this.groupBy, t });
    this.lastBody = this.trace ? requestPicture(this.topology, this.trace, t) : topologySvg(this.topology, t);
    return this.lastBody;
  }

  private render(): void {
    void this.panel.webview.postMessage({ type: 'render', body: this.body(), scope: this.scope, group: this.groupBy, hasFile: !!this.fileUri });
  }

  private async onMessage(m: Message): Promise<void> {
    if (m.type === 'ready') return this.render();
    if (m.type === 'options') {
      if (m.scope) this.scope = m.scope === 'file' && this.fileUri ? 'file' : 'cluster';
      if (m.group) this.groupBy = m.group;
      return this.render();
    }
    const box = this.topology?.boxes.find((b) => b.id === m.id);
    if (!box) return;
    if (m.type === 'source') {
      await vscode.commands.executeCommand(COMMANDS.revealSource, { id: box.id, label: box.label, ref: box.ref });
      return;
    }
    await vscode.commands.executeCommand(COMMANDS.showClusterView);
    await this.s.tree.reveal([box.ref], { force: true });
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    TopologyPanel.current = undefined;
    for (const d of this.subscriptions) d.dispose();
    this.panel.dispose();
  }
}
