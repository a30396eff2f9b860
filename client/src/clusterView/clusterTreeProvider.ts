// TreeDataProvider of the Simulated Cluster view (`kubemate.clusterView`): renders treeModel's
// plain nodes as TreeItems with ThemeIcons and colours, and reveals objects after a dry-run or an
// action (only while the view is visible — otherwise when it becomes visible).
import * as vscode from 'vscode';
import type { ClusterView, ObjectRef } from '../../../server/src/protocol/clusterView';
import { objectId } from '../../../server/src/protocol/clusterProtocol';
import type { ClusterState } from '../clusterState';
import { buildTree } from './treeModel';
import type { TreeNode } from './treeNode';
import { reconcile, walk } from './treeNode';
import { setting } from '../settings';
import { clientLanguage, t } from '../l10n';

export class ClusterTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private roots: TreeNode[] = [];
  private byId = new Map<string, TreeNode>();
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly revealedSecrets = new Map<string, Record<string, string>>();
  readonly treeView: vscode.TreeView<TreeNode>;
  private pendingReveal: ObjectRef[] = [];
  /** Reveals run one after the other: two at once make the TreeView lose track of elements. */
  private revealing: Promise<void> = Promise.resolve();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly state: ClusterState) {
    this.treeView = vscode.window.createTreeView('kubemate.clusterView', { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.treeView,
      this.changeEmitter,
      state.onDidChange((view) => this.rebuild(view)),
      this.treeView.onDidChangeVisibility((e) => {
        if (e.visible && this.pendingReveal.length) void this.reveal(this.pendingReveal.splice(0));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('kubemate.clusterView') && state.view) this.rebuild(state.view);
      }),
    );
    if (state.view) this.rebuild(state.view);
  }

  private rebuild(view: ClusterView): void {
    const showSystemNamespaces = setting('clusterView.showSystemNamespaces');
    this.roots = reconcile(this.byId, buildTree(view, { showSystemNamespaces, revealedSecrets: this.revealedSecrets, lang: clientLanguage() }, t));
    this.byId = new Map([...walk(this.roots)].map((n) => [n.id, n]));
    this.treeView.message = view.persisted ? undefined : t('The simulated cluster is kept in memory only (untrusted workspace or no storage).');
    this.changeEmitter.fire(undefined);
  }

  /** Re-renders with the current view (after revealing or hiding a Secret). */
  redraw(): void {
    if (this.state.view) this.rebuild(this.state.view);
  }

  nodes(): TreeNode[] {
    return this.roots;
  }

  find(ref: ObjectRef): TreeNode | undefined {
    return this.byId.get(objectId(ref));
  }

  getTreeItem(n: TreeNode): vscode.TreeItem {
    const state = !n.children?.length
      ? vscode.TreeItemCollapsibleState.None
      : n.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(n.label, state);
    item.id = n.id;
    item.description = n.description;
    item.tooltip = n.tooltip;
    item.contextValue = n.contextValue;
    if (n.openAt) {
      const line = Math.max(0, n.openAt.line - 1);
      item.command = { command: 'vscode.open', title: n.label, arguments: [vscode.Uri.parse(n.openAt.uri), { selection: new vscode.Range(line, 0, line, 0) }] };
    }
    if (n.look) item.iconPath = new vscode.ThemeIcon(n.look.icon, n.look.color ? new vscode.ThemeColor(n.look.color) : undefined);
    return item;
  }

  getChildren(n?: TreeNode): TreeNode[] {
    return n ? (n.children ?? []) : this.roots;
  }

  getParent(n: TreeNode): TreeNode | undefined {
    return n.parentId ? this.byId.get(n.parentId) : undefined;
  }

  /** Shows the objects in the tree (expanding their parents); the first one is selected. */
  reveal(refs: ObjectRef[], opts: { force?: boolean } = {}): Promise<void> {
    if (!refs.length) return this.revealing;
    if (!this.treeView.visible && !opts.force) {
      this.pendingReveal = refs;
      return this.revealing;
    }
    this.revealing = this.revealing.then(() => this.revealNow(refs)).catch(() => undefined);
    return this.revealing;
  }

  private async revealNow(refs: ObjectRef[]): Promise<void> {
    // Workloads first (their pods are what a learner looks for), then Services, then the rest.
    const order = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Service', 'Ingress'];
    const rank = (r: ObjectRef) => (order.includes(r.kind) ? order.indexOf(r.kind) : order.length);
    const sorted = [...refs].sort((a, b) => rank(a) - rank(b)).slice(0, 20);
    let first = true;
    for (const ref of sorted) {
      const n = this.find(ref);
      if (!n) continue;
      try {
        // Only the first is selected and opened (a Deployment down to its pods); the others are made visible.
        await this.treeView.reveal(n, { select: first, focus: false, expand: first ? 2 : false });
        first = false;
      } catch {
        // The element went away meanwhile (deleted by the next action); nothing to show.
      }
    }
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
