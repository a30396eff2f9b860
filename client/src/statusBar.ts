// `$(server-environment) 4 pods · 1 pending` — the simulated cluster at a glance; a click opens
// the Simulated Cluster view. Hidden with `kubemate.statusBar.enabled: false`.
import * as vscode from 'vscode';
import type { ClusterState } from './clusterState';
import { podCounts } from './clusterView/treeModel';
import { setting } from './settings';
import { onDidChangeLanguage, t } from './l10n';

function statusText(counts: { pods: number; pending: number; failing: number }): string {
  const parts = [counts.pods === 1 ? t('1 pod') : t('{0} pods', counts.pods)];
  if (counts.pending) parts.push(t('{0} pending', counts.pending));
  if (counts.failing) parts.push(t('{0} failing', counts.failing));
  return `$(server-environment) ${parts.join(' · ')}`;
}

export function createStatusBar(state: ClusterState): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('kubemate.cluster', vscode.StatusBarAlignment.Left, 10);
  item.name = t('KubeMate Simulated Cluster');
  item.command = 'kubemate.showClusterView';
  const update = () => {
    const view = state.view;
    const enabled = setting('statusBar.enabled');
    if (!view || !enabled) {
      item.hide();
      return;
    }
    const counts = podCounts(view);
    item.text = statusText(counts);
    item.tooltip = t(
      'Simulated cluster: {0} nodes, {1} pods ({2} pending). Click to open the Simulated Cluster view.',
      view.nodes.length,
      counts.pods,
      counts.pending,
    );
    item.backgroundColor = counts.failing ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const subs = [
    state.onDidChange(update),
    onDidChangeLanguage(() => {
      item.name = t('KubeMate Simulated Cluster');
      update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kubemate.statusBar')) update();
    }),
  ];
  update();
  return vscode.Disposable.from(item, ...subs);
}
