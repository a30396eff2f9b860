// Starts the KubeMate language server (dist/server.js over IPC) for YAML documents, with the
// settings, the storage folder for the simulated cluster, the Workspace Trust state and the
// cluster profile in its initialization options. Also: typed request/notify helpers.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions, NotificationType, RequestType } from '../../server/src/protocol/clusterProtocol';
import { SETTINGS_SECTION } from '../../server/src/protocol/settings';
import { SERVER_NODE_FLAGS } from '../../server/src/protocol/serverNodeFlags';
import { currentSettings } from './settings';
import { t } from './l10n';

export async function startLanguageClient(context: vscode.ExtensionContext, clusterProfile: InitializationOptions['clusterProfile']): Promise<LanguageClient> {
  // vscode-languageclient is ~90% of dist/client.js. Imported here, not at the top, its modules are
  // evaluated when the client starts, after activate() returned — not inside the extension host's
  // activation (issue 5: activation ≤150 ms, measured by scripts/measureActivation.mjs).
  const { LanguageClient, TransportKind } = await import('vscode-languageclient/node');
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  // One cluster per workspace; a window without a folder keeps its cluster in global storage.
  const storage = context.storageUri ?? context.globalStorageUri;
  const initializationOptions: InitializationOptions = {
    settings: currentSettings(),
    storagePath: storage.fsPath,
    trusted: vscode.workspace.isTrusted,
    clusterProfile: vscode.workspace.isTrusted ? clusterProfile : null,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    initializationOptions,
    // Every change of a kubemate.* setting reaches the server as workspace/didChangeConfiguration.
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  // The output channel `KubeMate` is the kubectl-style one; the server's log gets its own.
  const client = new LanguageClient('kubemate', t('KubeMate Language Server'), serverOptions, clientOptions);
  await client.start();
  return client;
}

export function request<P, R>(client: LanguageClient, type: RequestType<P, R>, params: P): Promise<R> {
  return client.sendRequest(type.method, params) as Promise<R>;
}

export function notify<P>(client: LanguageClient, type: NotificationType<P>, params: P): void {
  void client.sendNotification(type.method, params);
}
