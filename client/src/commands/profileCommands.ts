// The cluster profile `.kubemate/cluster.yaml` (Node manifests and SimulationProfile documents): opened for editing from the view
// (created from the default nodes when missing), and re-loaded into the server when saved.
// Trusted workspaces only — it is read from and written to the workspace.
import * as vscode from 'vscode';
import { DefaultProfileRequest, LoadProfileRequest } from '../../../server/src/protocol/clusterProtocol';
import { COMMANDS, Services } from './services';
import { setting } from '../settings';
import { t } from '../l10n';

function profilePath(): string {
  return setting('clusterProfile') || '.kubemate/cluster.yaml';
}

function profileUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, profilePath()) : undefined;
}

/** The profile's text for the server's initialization options, when the workspace is trusted and it exists. */
export async function readProfileForStart(): Promise<{ uri: string; text: string } | null> {
  const uri = profileUri();
  if (!uri || !vscode.workspace.isTrusted) return null;
  try {
    return { uri: vscode.workspace.asRelativePath(uri, false), text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return null;
  }
}

async function openProfile(s: Services): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(t('The cluster profile is a file in the workspace; trust the workspace to create or load it.'));
    return;
  }
  const uri = profileUri();
  if (!uri) {
    void vscode.window.showWarningMessage(t('Open a folder first: the cluster profile lives in the workspace as {0}.', profilePath()));
    return;
  }
  let exists = true;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    exists = false;
  }
  if (!exists) {
    const { text } = await s.request(DefaultProfileRequest.type, {});
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(t('Created {0} from the default nodes. Edit and save it to rebuild the simulated cluster.', profilePath()));
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

async function loadProfile(s: Services, doc: vscode.TextDocument): Promise<void> {
  const r = await s.request(LoadProfileRequest.type, { uri: vscode.workspace.asRelativePath(doc.uri, false), text: doc.getText() });
  s.output.append(r.output);
  if (r.ok) void vscode.window.showInformationMessage(r.message);
  else {
    s.output.revealOnError();
    void vscode.window.showErrorMessage(r.message);
  }
}

export function registerProfileCommands(s: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.openClusterProfile, () => openProfile(s)),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const uri = profileUri();
      if (uri && vscode.workspace.isTrusted && doc.uri.toString() === uri.toString()) void loadProfile(s, doc);
    }),
  ];
}
