// What the command modules share: the language client, the cluster view, the tree, the output.
import type * as vscode from 'vscode';
import type { RequestType } from '../../../server/src/protocol/clusterProtocol';
import type { ClusterState } from '../clusterState';
import type { ClusterTreeProvider } from '../clusterView/clusterTreeProvider';
import type { KubeMateOutput } from '../output';

export interface Services {
  context: vscode.ExtensionContext;
  /** Sends a request to the language server (waits until it has started). */
  request<P, R>(type: RequestType<P, R>, params: P): Promise<R>;
  state: ClusterState;
  tree: ClusterTreeProvider;
  output: KubeMateOutput;
}

/** Command ids (contract with the packaging/e2e side: docs in ISSUE5-CONTRACT.md). */
export const COMMANDS = {
  dryRun: 'kubemate.dryRun',
  dryRunDocument: 'kubemate.dryRunDocument',
  dryRunSelection: 'kubemate.dryRunSelection',
  dryRunFolder: 'kubemate.dryRunFolder',
  showClusterView: 'kubemate.showClusterView',
  resetCluster: 'kubemate.resetCluster',
  openClusterProfile: 'kubemate.openClusterProfile',
  describe: 'kubemate.describe',
  revealSource: 'kubemate.revealSource',
  deletePod: 'kubemate.deletePod',
  deleteObject: 'kubemate.deleteObject',
  scale: 'kubemate.scale',
  rolloutHistory: 'kubemate.rolloutHistory',
  rolloutUndo: 'kubemate.rolloutUndo',
  rolloutRestart: 'kubemate.rolloutRestart',
  setImage: 'kubemate.setImage',
  label: 'kubemate.label',
  editObject: 'kubemate.editObject',
  cordonNode: 'kubemate.cordonNode',
  uncordonNode: 'kubemate.uncordonNode',
  taintNode: 'kubemate.taintNode',
  drainNode: 'kubemate.drainNode',
  failReadiness: 'kubemate.failReadiness',
  recoverReadiness: 'kubemate.recoverReadiness',
  crashContainer: 'kubemate.crashContainer',
  oomKillContainer: 'kubemate.oomKillContainer',
  failLiveness: 'kubemate.failLiveness',
  makeImageUnpullable: 'kubemate.makeImageUnpullable',
  sendRequest: 'kubemate.sendRequest',
  revealSecret: 'kubemate.revealSecret',
  showTopology: 'kubemate.showTopology',
  newDeployment: 'kubemate.newDeployment',
} as const;
