// `kubectl edit` in VS Code: `kubemate-live:/<Kind>/<namespace>/<name>.yaml` is the live object
// of the simulated cluster as kubectl edit opens it. Saving the document applies it (writeFile
// sends the text opened and the text saved to the server's edit verb); the document then shows
// the live object again — or, when the edit was refused, the user's text under kubectl's reasons.
import * as vscode from 'vscode';
import { EditObjectRequest, LiveObjectRequest } from '../../../server/src/protocol/clusterProtocol';
import type { ObjectRef } from '../../../server/src/protocol/clusterView';
import type { Services } from './services';
import { t } from '../l10n';

export const LIVE_SCHEME = 'kubemate-live';

function liveUri(ref: ObjectRef): vscode.Uri {
  const ns = ref.namespace ?? '_';
  return vscode.Uri.from({ scheme: LIVE_SCHEME, path: `/${encodeURIComponent(ref.kind)}/${encodeURIComponent(ns)}/${encodeURIComponent(ref.name)}.yaml` });
}

function refOfLiveUri(uri: vscode.Uri): ObjectRef | undefined {
  const parts = uri.path.split('/').slice(1).map(decodeURIComponent);
  if (parts.length !== 3 || !parts[2].endsWith('.yaml')) return undefined;
  const [kind, ns, file] = parts;
  return { kind, namespace: ns === '_' ? null : ns, name: file.slice(0, -'.yaml'.length) };
}

interface LiveFile {
  /** The text the edit is based on (kubectl's "original"): the live object when it was opened or last applied. */
  shown: string;
  /** What the document holds now. */
  content: Uint8Array;
  mtime: number;
}

export class LiveObjectFs implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly files = new Map<string, LiveFile>();
  /** The text to show once VS Code has finished saving (it records the saved file's stat first). */
  private readonly next = new Map<string, LiveFile>();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly s: Services) {
    // Replacing the content inside writeFile would be taken for the saved text itself; a change
    // announced after the save, with a newer mtime, makes VS Code reload the document.
    this.subscription = vscode.workspace.onDidSaveTextDocument((d) => {
      const key = d.uri.toString();
      const f = this.next.get(key);
      if (!f) return;
      this.next.delete(key);
      this.files.set(key, { ...f, mtime: Math.max(Date.now(), (this.files.get(key)?.mtime ?? 0) + 1) });
      this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri: d.uri }]);
    });
  }

  private async load(uri: vscode.Uri): Promise<LiveFile> {
    const ref = refOfLiveUri(uri);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    const r = await this.s.request(LiveObjectRequest.type, { target: ref });
    if (!r.found) {
      if (r.output) this.s.output.append(r.output);
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    const file = { shown: r.text, content: this.encoder.encode(r.text), mtime: Date.now() };
    this.files.set(uri.toString(), file);
    return file;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const f = this.files.get(uri.toString()) ?? (await this.load(uri));
    return { type: vscode.FileType.File, ctime: 0, mtime: f.mtime, size: f.content.byteLength };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return (this.files.get(uri.toString()) ?? (await this.load(uri))).content;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const ref = refOfLiveUri(uri);
    if (!ref) throw vscode.FileSystemError.NoPermissions(uri);
    const f = this.files.get(uri.toString()) ?? (await this.load(uri));
    const r = await this.s.request(EditObjectRequest.type, { target: ref, shown: f.shown, edited: this.decoder.decode(content) });
    this.s.output.append(r.output);
    // After an applied edit the base is the new live object; a refused one keeps the base it had, as kubectl does.
    const shown = r.applied ? r.text : f.shown;
    this.files.set(uri.toString(), { shown, content, mtime: Date.now() });
    this.next.set(uri.toString(), { shown, content: this.encoder.encode(r.text), mtime: 0 });
    if (r.applied) void this.s.tree.reveal(r.changed);
    if (r.ok) void vscode.window.showInformationMessage(r.message);
    else {
      this.s.output.revealOnError();
      void vscode.window.showWarningMessage(r.message);
    }
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  /** Forgets the cached text: an open document reads the live object again. */
  forget(uri: vscode.Uri): void {
    if (this.files.delete(uri.toString())) this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** Opens the live object for editing (kubectl edit); an already open, unsaved edit is shown as it is. */
export async function openLiveObject(fs: LiveObjectFs, ref: ObjectRef): Promise<vscode.TextEditor | undefined> {
  const uri = liveUri(ref);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!open || !open.isDirty) fs.forget(uri);
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    return await vscode.window.showTextDocument(doc, { preview: false });
  } catch {
    void vscode.window.showWarningMessage(t('{0} {1} no longer exists in the simulated cluster.', ref.kind, ref.name));
    return undefined;
  }
}
