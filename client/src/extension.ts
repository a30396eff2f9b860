// KubeMate extension entry: starts the language server for YAML files and registers the
// Simulated Cluster view, dry-run and item commands, status bar, describe documents, topology
// webview and cluster profile handling. The server owns the cluster; the client renders it.
// Activation does not wait for the server: commands wait for it when they need it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TrustNotification, RequestType } from '../../server/src/protocol/clusterProtocol';
import { notify, request, startLanguageClient } from './languageClient';
import { ClusterState } from './clusterState';
import { ClusterTreeProvider } from './clusterView/clusterTreeProvider';
import { KubeMateOutput } from './output';
import { createStatusBar } from './statusBar';
import { registerDryRunCommands } from './commands/dryRunCommands';
import { registerItemCommands } from './commands/itemCommands';
import { readProfileForStart, registerProfileCommands } from './commands/profileCommands';
import { DESCRIBE_SCHEME, DescribeProvider } from './commands/describeDocument';
import { LIVE_SCHEME, LiveObjectFs } from './commands/liveObjectFs';
import { COMMANDS, Services } from './commands/services';
import { TopologyPanel } from './webview/topologyPanel';
import { createTestApi, KubeMateApi } from './testApi';
import { onDidChangeLanguage, t, watchLanguage } from './l10n';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): KubeMateApi {
  // Before anything renders a string: `kubemate.language` decides the client's language too.
  context.subscriptions.push(watchLanguage(context.extensionPath));
  const output = new KubeMateOutput();
  let clientReady: Promise<LanguageClient> | undefined;
  const send = async <P, R>(type: RequestType<P, R>, params: P): Promise<R> => request(await clientReady!, type, params);
  const state = new ClusterState(send);
  const tree = new ClusterTreeProvider(state);
  const s: Services = { context, request: send, state, tree, output };
  clientReady = (async () => {
    const c = await startLanguageClient(context, await readProfileForStart());
    client = c;
    state.attach(c);
    return c;
  })();
  // Not inside the promise above: refresh() itself waits for it.
  void clientReady.then(() => state.refresh()).catch(() => undefined);
  clientReady.catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    output.append(t('The KubeMate language server did not start: {0}', message));
    void vscode.window.showErrorMessage(t('The KubeMate language server did not start: {0}', message));
  });

  const live = new LiveObjectFs(s);
  context.subscriptions.push(
    output,
    live,
    vscode.workspace.registerFileSystemProvider(LIVE_SCHEME, live, { isCaseSensitive: true }),
    state,
    tree,
    createStatusBar(state),
    vscode.workspace.registerTextDocumentContentProvider(DESCRIBE_SCHEME, new DescribeProvider(s)),
    ...registerDryRunCommands(s),
    ...registerItemCommands(s, live),
    ...registerProfileCommands(s),
    vscode.commands.registerCommand(COMMANDS.showTopology, () => TopologyPanel.show(s)),
    vscode.commands.registerCommand(COMMANDS.newDeployment, async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'yaml', name: 'Deployment + Service' });
    }),
    onDidChangeLanguage(() => tree.redraw()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client) notify(client, TrustNotification.type, { trusted: true });
    }),
  );
  return createTestApi(s);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
