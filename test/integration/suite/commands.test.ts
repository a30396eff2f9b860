// The command and view IDs fixed in the issue 5 contract are contributed and registered.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, extension } from './helpers';

const CONTRACT_COMMANDS = [
  'kubemate.dryRun',
  'kubemate.dryRunDocument',
  'kubemate.dryRunSelection',
  'kubemate.dryRunFolder',
  'kubemate.showClusterView',
  'kubemate.resetCluster',
  'kubemate.openClusterProfile',
  'kubemate.describe',
  'kubemate.revealSource',
  'kubemate.deletePod',
  'kubemate.deleteObject',
  'kubemate.scale',
  'kubemate.rolloutHistory',
  'kubemate.rolloutUndo',
  'kubemate.cordonNode',
  'kubemate.uncordonNode',
  'kubemate.drainNode',
  'kubemate.failReadiness',
  'kubemate.recoverReadiness',
  'kubemate.revealSecret',
  'kubemate.showTopology',
  'kubemate.crashContainer',
  'kubemate.oomKillContainer',
  'kubemate.failLiveness',
  'kubemate.makeImageUnpullable',
];

interface Manifest {
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    views?: Record<string, { id: string; name: string }[]>;
    viewsContainers?: { activitybar?: { id: string; title: string }[] };
  };
}

describe('commands and views', () => {
  before(() => api());

  it('registers every contract command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      CONTRACT_COMMANDS.filter((c) => !registered.has(c)),
      [],
    );
  });

  it('contributes them under the KubeMate category with localised titles', () => {
    const commands = (extension().packageJSON as Manifest).contributes?.commands ?? [];
    const byId = new Map(commands.map((c) => [c.command, c]));
    for (const id of CONTRACT_COMMANDS) {
      const c = byId.get(id);
      assert.ok(c, `${id} is not in contributes.commands`);
      assert.equal(c.category, 'KubeMate', `${id} category`);
      // An unresolved %key% means package.nls.json lacks the key.
      assert.doesNotMatch(c.title, /^%.*%$/, `${id} title is not localised`);
    }
  });

  it('contributes the Simulated Cluster view in its own activity-bar container', () => {
    const contributes = (extension().packageJSON as Manifest).contributes;
    assert.ok(
      contributes?.viewsContainers?.activitybar?.some((c) => c.id === 'kubemate'),
      'activity bar container "kubemate"',
    );
    assert.ok(
      contributes?.views?.kubemate?.some((v) => v.id === 'kubemate.clusterView'),
      'view kubemate.clusterView in container "kubemate"',
    );
  });

  it('kubemate.showClusterView runs', async () => {
    await vscode.commands.executeCommand('kubemate.showClusterView');
  });
});
