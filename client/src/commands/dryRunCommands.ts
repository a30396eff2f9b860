// One-click dry-run apply: the active editor (its text, unsaved changes included), one document
// (CodeLens), the selected documents, or a folder (Explorer, like `kubectl apply -f dir`: the
// .yaml/.yml/.json files directly in it). The server applies; here we gather text, show progress,
// write the output, notify with the summary and reveal the changed objects.
import * as vscode from 'vscode';
import { DryRunRequest, DryRunSource } from '../../../server/src/protocol/clusterProtocol';
import type { ApplySummary } from '../../../server/src/protocol/clusterProtocol';
import { COMMANDS, Services } from './services';
import { t } from '../l10n';

const MANIFEST = /\.(ya?ml|json)$/i;
const LARGE_FILES = 5;
const LARGE_BYTES = 200_000;

function label(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.path;
  // asRelativePath leaves a workspace folder's own path absolute: the folder itself is `.`.
  if (vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === uri.toString()) return '.';
  return vscode.workspace.asRelativePath(uri, false);
}

function openDocument(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
}

/** Applies the sources and presents the result; resolves with the summary (also for the test API). */
export async function runDryRun(s: Services, sources: DryRunSource[], command: string, opts: { quiet?: boolean } = {}): Promise<ApplySummary> {
  const bytes = sources.reduce((n, x) => n + x.text.length, 0);
  const location = sources.length > LARGE_FILES || bytes > LARGE_BYTES ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
  const result = await vscode.window.withProgress({ location, title: t('KubeMate: dry-run apply ({0} files)', sources.length) }, () =>
    s.request(DryRunRequest.type, { sources, command }),
  );
  const summary = result.summary;
  const failed = summary.rejected > 0 || summary.skipped > 0;
  s.output.append(result.output, !opts.quiet);
  if (failed) s.output.revealOnError();
  void s.tree.reveal(result.changed);
  if (!opts.quiet) {
    const open = t('Open Simulated Cluster');
    const show = t('Show Output');
    const notify = failed ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    // Not awaited: a notification stays until dismissed, the command is done now.
    void notify(summary.line, open, show).then((choice) => {
      if (choice === open) {
        // Opening the view runs the reveal that waited for it to become visible.
        void vscode.commands.executeCommand(COMMANDS.showClusterView);
      } else if (choice === show) s.output.channel.show(true);
    });
  }
  return summary;
}

function activeYaml(uri?: vscode.Uri): vscode.TextDocument | undefined {
  if (uri) return openDocument(uri.toString());
  const doc = vscode.window.activeTextEditor?.document;
  return doc && (doc.languageId === 'yaml' || doc.languageId === 'json') ? doc : undefined;
}

async function dryRunEditor(s: Services, uri?: vscode.Uri): Promise<ApplySummary | undefined> {
  const doc = activeYaml(uri) ?? (uri ? await vscode.workspace.openTextDocument(uri) : undefined);
  if (!doc) {
    void vscode.window.showWarningMessage(t('Open a Kubernetes YAML file first, then run the dry-run apply.'));
    return undefined;
  }
  return runDryRun(s, [{ uri: doc.uri.toString(), label: label(doc.uri), text: doc.getText() }], `kubectl apply -f ${label(doc.uri)}`);
}

async function dryRunDocument(s: Services, uri: string | vscode.Uri | undefined, index: number | undefined): Promise<ApplySummary | undefined> {
  const key = typeof uri === 'string' ? uri : uri?.toString();
  // From the Command Palette (no arguments): the document under the cursor.
  if (!key || typeof index !== 'number') return dryRunSelection(s, true);
  const doc = openDocument(key) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(key)));
  const i = index;
  const note = t('# document {0} only', i + 1);
  return runDryRun(
    s,
    [{ uri: doc.uri.toString(), label: label(doc.uri), text: doc.getText(), documents: [i] }],
    `kubectl apply -f ${label(doc.uri)}   ${note}`,
  );
}

async function dryRunSelection(s: Services, cursorOnly = false): Promise<ApplySummary | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(t('Select the documents to apply in a YAML editor first.'));
    return undefined;
  }
  const doc = editor.document;
  const lines = editor.selections.map((sel) => (cursorOnly ? { start: sel.active.line, end: sel.active.line } : { start: sel.start.line, end: sel.end.line }));
  const note = cursorOnly ? t('# the document at the cursor only') : t('# selected documents only');
  return runDryRun(s, [{ uri: doc.uri.toString(), label: label(doc.uri), text: doc.getText(), lines }], `kubectl apply -f ${label(doc.uri)}   ${note}`);
}

/** The manifests directly in a folder, in name order (kubectl needs -R for sub-folders). */
async function folderSources(folder: vscode.Uri): Promise<{ sources: DryRunSource[]; subfolders: number }> {
  const entries = (await vscode.workspace.fs.readDirectory(folder)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sources: DryRunSource[] = [];
  let subfolders = 0;
  for (const [name, type] of entries) {
    if (type & vscode.FileType.Directory) {
      subfolders++;
      continue;
    }
    if (!MANIFEST.test(name)) continue;
    const uri = vscode.Uri.joinPath(folder, name);
    // An open editor wins over the file on disk: unsaved changes are what the user sees.
    const open = openDocument(uri.toString());
    const text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    sources.push({ uri: uri.toString(), label: label(uri), text });
  }
  return { sources, subfolders };
}

async function dryRunFolder(s: Services, uri?: vscode.Uri, uris?: vscode.Uri[]): Promise<ApplySummary | undefined> {
  let targets = uris?.length ? uris : uri ? [uri] : [];
  if (!targets.length) {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: t('Dry-run apply') });
    targets = picked ?? [];
  }
  if (!targets.length) return undefined;
  const sources: DryRunSource[] = [];
  let subfolders = 0;
  for (const target of targets) {
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.type & vscode.FileType.Directory) {
      const r = await folderSources(target);
      sources.push(...r.sources);
      subfolders += r.subfolders;
    } else {
      const open = openDocument(target.toString());
      sources.push({
        uri: target.toString(),
        label: label(target),
        text: open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(target)),
      });
    }
  }
  const names = targets.map((t) => label(t) + '/').join(' -f ');
  if (!sources.length) {
    void vscode.window.showWarningMessage(t('No .yaml, .yml or .json files directly in {0}.', names));
    return undefined;
  }
  if (subfolders)
    s.output.append(t('Note: {0} sub-folders were not read; kubectl apply -f reads only the files directly in a folder (add -R for more).', subfolders), false);
  return runDryRun(s, sources, `kubectl apply -f ${names}`);
}

export function registerDryRunCommands(s: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.dryRun, (uri?: vscode.Uri) => dryRunEditor(s, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(COMMANDS.dryRunDocument, (uri?: string | vscode.Uri, index?: number) => dryRunDocument(s, uri, index)),
    vscode.commands.registerCommand(COMMANDS.dryRunSelection, () => dryRunSelection(s)),
    vscode.commands.registerCommand(COMMANDS.dryRunFolder, (uri?: vscode.Uri, uris?: vscode.Uri[]) => dryRunFolder(s, uri, uris)),
  ];
}
