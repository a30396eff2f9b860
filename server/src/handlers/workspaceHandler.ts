// Keeps the workspace index current: scans the workspace folders on start (in batches, so the
// server stays responsive), follows watched-file events and open editors — an editor is synced
// into the index when it opens or changes, never while a request reads the index — and asks the
// publisher to re-publish only the open documents whose cross-resource diagnostics read what
// changed. Cross-resource diagnostics are withheld until the first scan has finished: on a
// half-built index every reference would look missing.
import { DidChangeWatchedFilesNotification, FileChangeType, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex, DEFAULT_MAX_FILES } from '../workspace/workspaceIndex';
import { CRDS_KEY } from '../workspace/indexedObject';
import type { ChunkCache } from '../yaml/parsedFile';
import type { SchedulingProbe } from '../features/crossRefs/schedulingRule';
import type { KObject } from '../cluster/types';
import { defaultNodes } from '../cluster/defaultCluster';
import { makeSchedulingProbe } from '../pipeline/schedulingProbe';
import { canonicalUri, isManifestPath, isSkippedPath, pathToUri, readManifestFile, scanFolder, uriToPath } from './workspaceScan';
import type { ServerContext } from './serverContext';
import { isOpening, openProgressively } from './progressiveOpen';
import { t } from '../util/l10n';
import { basename } from 'node:path';
import { CONFIG_FILE_NAMES } from '../workspace/projectConfig';
import { loadProjectConfig } from '../kubectl/projectConfigFile';
import { configurableCodes } from '../pipeline/configurableCodes';

const RESCAN_COMMAND = 'kubemate.index.rescan';
const BATCH = 100;

/** What the language server keeps about the workspace (held by ServerContext). */
export class WorkspaceState {
  readonly index: WorkspaceIndex;
  folders: string[] = [];
  /** False while a scan runs. */
  ready = true;
  /** Bumped by each scan; a scan that sees a newer one started stops (and waits for that one). */
  scanGeneration = 0;
  currentScan: Promise<void> = Promise.resolve();
  /** The simulated cluster's nodes (server.ts connects the cluster handler); the default nodes without it. */
  nodeSource: () => KObject[] = defaultNodes;
  private probeFor = '';
  private probe: SchedulingProbe = makeSchedulingProbe();
  probeGeneration = 0;
  caps = { watchedFiles: false, configuration: false, folderEvents: false };
  lastScan = { files: 0, objects: 0, ms: 0, truncated: false };

  constructor(chunks: ChunkCache) {
    this.index = new WorkspaceIndex(chunks, DEFAULT_MAX_FILES);
  }

  /** The scheduling probe for the current cluster profile: a one-entry memo keyed on the nodes' names, allocatable and taints. */
  scheduling(): { probe: SchedulingProbe; generation: number } {
    // Cordoning is a passing state of the simulated cluster, not part of the profile.
    const nodes = this.nodeSource().map((n) => ({ ...n, spec: { ...(n.spec ?? {}), unschedulable: undefined } }));
    const key = JSON.stringify(nodes.map((n) => [n.metadata.name, n.status?.allocatable, n.spec.taints]));
    if (key !== this.probeFor) {
      this.probeFor = key;
      this.probe = makeSchedulingProbe(nodes);
      this.probeGeneration++;
    }
    return { probe: this.probe, generation: this.probeGeneration };
  }
}

/** Called from onInitialize: folders, client capabilities, settings; returns the capabilities to announce. */
export function initializeWorkspace(ctx: ServerContext, params: InitializeParams): ServerCapabilities {
  const w = ctx.workspace;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  w.folders = folders.map(uriToPath).filter((p): p is string => !!p);
  w.ready = w.folders.length === 0;
  const c = params.capabilities;
  w.caps = {
    watchedFiles: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configuration: !!c.workspace?.configuration,
    folderEvents: !!c.workspace?.workspaceFolders,
  };
  ctx.lenses.supported = !!c.workspace?.codeLens?.refreshSupport;
  w.index.maxFiles = ctx.settings['index.maxFiles'];
  return {
    definitionProvider: true,
    referencesProvider: true,
    documentLinkProvider: { resolveProvider: false },
    executeCommandProvider: { commands: [RESCAN_COMMAND] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/** `kubemate.index.maxFiles` changed: a new bound, and a rescan when the first scan is done. */
export function maxFilesChanged(ctx: ServerContext): void {
  const n = Math.floor(ctx.settings['index.maxFiles']);
  if (n === ctx.workspace.index.maxFiles) return;
  ctx.workspace.index.maxFiles = n;
  if (ctx.workspace.ready && ctx.workspace.folders.length) void scan(ctx);
}

/** Called from onInitialized (after the settings were pulled): file watching, the first scan. */
export async function startWorkspace(ctx: ServerContext): Promise<void> {
  const w = ctx.workspace;
  const { connection } = ctx;
  if (w.caps.watchedFiles) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] }).catch(() => undefined);
  }
  if (w.caps.folderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((e) =>
      ctx.guard('workspace folders', undefined, () => {
        const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        w.folders = [...w.folders.filter((f) => !removed.has(f)), ...added];
        void scan(ctx);
      }),
    );
  }
  await scan(ctx);
}

export function registerWorkspace(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  // The index follows the editors as they change, so requests only read it.
  // A large file opens progressively (handlers/progressiveOpen) and is synced after its last document.
  documents.onDidOpen((e) =>
    ctx.guard('index open', undefined, () => {
      if (!openProgressively(ctx, e.document, (doc) => syncEditor(ctx, doc))) syncEditor(ctx, e.document);
    }),
  );
  documents.onDidChangeContent((e) => ctx.guard('index change', undefined, () => syncEditor(ctx, e.document)));
  documents.onDidClose((e) => ctx.guard('index close', undefined, () => changed(ctx, ctx.workspace.index.closeEditor(canonicalUri(e.document.uri)))));
  connection.onDidChangeWatchedFiles((params) =>
    ctx.guard('watched files', undefined, () => {
      const w = ctx.workspace;
      const keys = new Set<string>();
      // The project configuration changed: re-read it and rescan (ignored paths may differ).
      if (params.changes.some((ch) => (CONFIG_FILE_NAMES as readonly string[]).includes(basename(uriToPath(ch.uri) ?? '')))) {
        void scan(ctx);
        return;
      }
      for (const ch of params.changes) {
        const path = uriToPath(ch.uri);
        if (
          !path ||
          !isManifestPath(path) ||
          w.folders.every((f) => !path.startsWith(f)) ||
          w.folders.some((f) => isSkippedPath(f, path)) ||
          ctx.isIgnoredPath(path)
        )
          continue;
        const uri = pathToUri(path);
        const text = ch.type === FileChangeType.Deleted ? undefined : readManifestFile(path, ctx.settings.maxFileSizeMB);
        const k = text === undefined ? w.index.removeDiskFile(uri) : w.index.setDiskFile(uri, text);
        for (const x of k) keys.add(x);
      }
      changed(ctx, keys);
    }),
  );
  connection.onExecuteCommand((params) =>
    ctx.guard('execute command', undefined, () => {
      if (params.command !== RESCAN_COMMAND) return undefined;
      return scan(ctx).then(
        () => ctx.workspace.lastScan,
        (e) => ctx.connection.console.error(`[kubemate] rescan failed: ${String(e)}`),
      );
    }),
  );
}

/** Reads every manifest file of the workspace folders into the index (replacing what came from disk before). */
function scan(ctx: ServerContext): Promise<void> {
  const p = runScan(ctx);
  ctx.workspace.currentScan = p;
  return p;
}

async function runScan(ctx: ServerContext): Promise<void> {
  const w = ctx.workspace;
  const generation = ++w.scanGeneration;
  w.ready = false;
  const t0 = Date.now();
  w.index.clearDisk();
  readProjectConfig(ctx);
  let files: string[] = [];
  let truncated = false;
  for (const folder of w.folders) {
    const r = scanFolder(folder, w.index.maxFiles - files.length);
    files = files.concat(r.files.filter((f) => !ctx.isIgnoredPath(f)));
    truncated ||= r.truncated;
  }
  for (let i = 0; i < files.length; i += BATCH) {
    ctx.guard('index scan', undefined, () => {
      for (const f of files.slice(i, i + BATCH)) {
        const text = readManifestFile(f, ctx.settings.maxFileSizeMB);
        if (text !== undefined) w.index.setDiskFile(pathToUri(f), text);
      }
    });
    await new Promise((r) => setImmediate(r));
    if (generation !== w.scanGeneration) return w.currentScan;
  }
  w.ready = true;
  w.lastScan = { files: files.length, objects: w.index.allObjects().length, ms: Date.now() - t0, truncated };
  ctx.connection.console.info(`[kubemate] indexed ${files.length} files (${w.lastScan.objects} objects) in ${w.lastScan.ms} ms`);
  if (truncated)
    void ctx.connection.window.showWarningMessage(
      t(
        'KubeMate indexed only the first {0} YAML files of the workspace (setting kubemate.index.maxFiles); cross-file checks do not see the others.',
        w.index.maxFiles,
      ),
    );
  // Every open document: its diagnostics were withheld or computed on the old index.
  ctx.publisher.scheduleAll();
  ctx.lenses.refresh();
}

/**
 * `.kubemate.yaml` found upward from the first workspace folder, as `kubemate check` finds it
 * from the first path it checks. Its problems go to the output (check prints them and exits 2).
 */
function readProjectConfig(ctx: ServerContext): void {
  const folder = ctx.workspace.folders[0];
  if (!folder) return;
  const loaded = loadProjectConfig(undefined, folder, folder, configurableCodes());
  for (const p of loaded.problems) ctx.connection.console.warn(`[kubemate] ${p}`);
  ctx.applyProjectConfig(loaded);
}

/** Brings the index up to date with an open editor (cheap when unchanged) and re-checks dependents. */
function syncEditor(ctx: ServerContext, doc: TextDocument): void {
  if (isOpening(ctx, doc)) return;
  const keys = ctx.workspace.index.setEditorFile(canonicalUri(doc.uri), ctx.parsed(doc));
  if (keys.size) changed(ctx, keys, doc.uri);
}

/** Re-publishes the open documents that read any of `keys` (except `except`, published because it changed). */
function changed(ctx: ServerContext, keys: Set<string>, except?: string): void {
  if (!keys.size || !ctx.workspace.ready) return;
  // A CRD changed: every open document may be (or stop being) one of its custom resources.
  if (keys.has(CRDS_KEY)) {
    ctx.publisher.scheduleAll();
    ctx.lenses.refresh();
    return;
  }
  const uris = ctx.workspace.index.dependentUris(keys);
  if (uris.size) for (const d of ctx.documents.all()) if (d.uri !== except && uris.has(canonicalUri(d.uri))) ctx.publisher.schedule(d.uri);
  ctx.lenses.refresh();
}
