// What `activate()` returns (ISSUE5-CONTRACT): lets integration tests drive a dry-run and read the
// cluster and the tree without scraping the UI.
import { ClusterAction, ClusterActionRequest, ClusterActionResult, ClusterSnapshotRequest } from '../../server/src/protocol/clusterProtocol';
import type { ApplySummary } from '../../server/src/protocol/clusterProtocol';
import type { ClusterSnapshot } from '../../server/src/protocol/clusterSnapshot';
import { buildTree } from './clusterView/treeModel';
import type { TreeNode } from './clusterView/treeNode';
import { runDryRun } from './commands/dryRunCommands';
import type { Services } from './commands/services';
import { setting } from './settings';
import { clientLanguage, t } from './l10n';
import { TopologyPanel } from './webview/topologyPanel';

interface TestTreeItem {
  id: string;
  label: string;
  description?: string;
  contextValue?: string;
  tooltip?: string;
  children?: TestTreeItem[];
}

export interface KubeMateApi {
  /** Dry-run applies `text` as if it were the editor text of `uri` (default `untitled:kubemate-test.yaml`). */
  dryRunText(text: string, uri?: string): Promise<ApplySummary>;
  /** The `apply -o json` snapshot of the user namespaces. */
  snapshot(): Promise<ClusterSnapshot>;
  /** The Simulated Cluster tree, fully expanded. */
  treeItems(): Promise<TestTreeItem[]>;
  /** Extra: runs a view action (deletePod, scale, failReadiness, reset…) without dialogs. */
  clusterAction(action: ClusterAction): Promise<ClusterActionResult>;
  /** Extra: everything written to the KubeMate output channel in this session. */
  outputText(): string;
  /** Extra: the HTML body the open topology panel shows (with a request's path after Send Request…), undefined when closed. */
  topologyBody(): string | undefined;
}

function plain(n: TreeNode): TestTreeItem {
  return { id: n.id, label: n.label, description: n.description, contextValue: n.contextValue, tooltip: n.tooltip, children: n.children?.map(plain) };
}

export function createTestApi(s: Services): KubeMateApi {
  return {
    dryRunText: (text, uri = 'untitled:kubemate-test.yaml') => {
      const label = uri.replace(/^[a-z-]+:\/*/, '');
      return runDryRun(s, [{ uri, label, text }], `kubectl apply -f ${label}`, { quiet: true });
    },
    snapshot: () => s.request(ClusterSnapshotRequest.type, {}),
    treeItems: async () => {
      const view = await s.state.refresh();
      const showSystemNamespaces = setting('clusterView.showSystemNamespaces');
      return buildTree(view, { showSystemNamespaces, revealedSecrets: s.tree.revealedSecrets, lang: clientLanguage() }, t).map(plain);
    },
    clusterAction: async (action) => {
      const r = await s.request(ClusterActionRequest.type, action);
      s.output.append(r.output, false);
      return r;
    },
    outputText: () => s.output.text(),
    topologyBody: () => TopologyPanel.currentBody(),
  };
}
