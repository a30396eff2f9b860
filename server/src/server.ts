// KubeMate language server entry: `node dist/server.js --stdio` (or IPC from the extension).
//
// Every memo in the server, with what it is keyed on (all of its inputs) and what bounds it:
// - yaml/documentCache DocumentCache.files: (uri, version) → parsed file; one per open editor,
//   dropped on close; a full re-parse re-uses the previous version's chunks by text.
// - yaml/parsedFile ChunkCache: document text → parsed chunk, shared by the editors and the
//   workspace index. An LRU (util/lruCache) bounded by 20,000 entries and 2 Mi characters of text:
//   every edit makes a new text, and a FIFO of 20,000 kept a parsed tree per keystroke (issue 15:
//   0.4 MiB per edit of a 40 KB CRD). `kubemate check` uses an unbounded one (it keeps every parse).
// - ParsedChunk.cache, one map per YAML document text, dropped with the chunk; typed slots
//   (util/memo MemoSlot):
//   · 'value' (yaml/parsedChunk chunkValue, the yaml layer's own untyped slot): the text only.
//   · 'diag' (features/diagnostics/validateDocument): text, strictness, language.
//   · 'lint:manifests' (features/lint/lintDocument): the text only.
//   · 'lint:findings' (features/lint/lintDocument): text, lint config id, language.
//   · 'lint:placed' (features/lint/lintFile): text, lint config id, language; valid while the
//     document starts on the same line and its findings are the same array.
//   · workspace/extractObjects: the text only (ranges relative to the document; no messages).
//   · 'symbols' (features/symbols/documentSymbols): the text only (lines relative to the document).
// - features/crossRefs/crossRefDiagnostics: WeakMap IndexedObject → findings, with the index
//   stamp of its dependency keys, the language and the scheduling profile generation.
// - pipeline/documentRuns (ServerContext.diagnosticsMemos): per open document, dropped on close —
//   each stage's findings per document (chunk, line) and per object of the previous version,
//   keyed on the stage's other inputs (schema id, language, lint config id, index stamp).
// - features/lint/lintConfig: WeakMap settings object → config; signature → id (one entry per
//   distinct rule configuration).
// - features/lint/suppressions: one entry, the last file text → its suppression comments.
// - handlers/workspaceHandler WorkspaceState.scheduling(): one entry, the nodes' names,
//   allocatable and taints → the scheduling probe (and a generation number for the memo above).
// - workspace/workspaceIndex podOwnersInOrder: namespace → its workloads in index order, valid for
//   one index version (one entry per namespace); nearestNamed: kind and namespace → the names'
//   delete index (util/nearNames), valid for one index version.
// - handlers/diagnosticList toDiagnostic: WeakMap Finding → its LSP Diagnostic, and per open
//   document (ServerContext.diagnosticLists, dropped on close) its last list; handlers/
//   messageEncoder (stdio only): WeakMap Diagnostic → its JSON, so a publish serialises only the
//   diagnostics it has not sent before. Both live as long as the findings do.
// - util/memo MemoSlot.keys: inputs → key string, one per distinct inputs (languages × configs).
// The ChunkCache is the only one that needs an LRU: each other is bounded by what is open or by the
// number of settings seen. `npm run soak` (20,000 edits) checks that the heap stays flat.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  Connection,
  InitializeParams,
  CodeActionKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSchema } from './schema/schema';
import { ServerContext } from './handlers/serverContext';
import { registerDiagnostics } from './handlers/diagnosticsHandler';
import { registerLanguageHandlers } from './handlers/languageHandlers';
import { registerClusterHandler } from './handlers/clusterHandler';
import { registerCodeActions } from './handlers/codeActionHandler';
import { initializeWorkspace, registerWorkspace, startWorkspace } from './handlers/workspaceHandler';
import { registerNavigation } from './handlers/navigationHandler';
import { initializeSettings, registerSettings } from './handlers/settingsHandler';
import type { InitializationOptions } from './protocol/clusterProtocol';
import { validateFile } from './features/diagnostics/validateFile';
import { parseFile } from './yaml/parsedFile';
import type { DocumentCache } from './yaml/documentCache';
import { stdioConnection } from './handlers/messageEncoder';
import { registerEditWarmUp } from './handlers/editWarmUp';

const WARM_UP =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: warm-up\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n      containers: [{name: w, image: w, resources: {limits: {cpu: 1}}}]\n';

export function startServer(connection: Connection): void {
  // The sync tells the parse cache where a single edit landed, so it re-splits only that region.
  let noteEdit: DocumentCache['noteEdit'] = () => undefined;
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(doc, changes, version) {
      const only = changes.length === 1 && 'range' in changes[0] ? changes[0] : undefined;
      noteEdit(doc.uri, doc.version, version, only && { start: doc.offsetAt(only.range.start), end: doc.offsetAt(only.range.end), inserted: only.text.length });
      return TextDocument.update(doc, changes, version);
    },
  });
  const ctx = new ServerContext(connection, documents, loadSchema);
  noteEdit = (...args) => ctx.cache.noteEdit(...args);
  const cluster = registerClusterHandler(ctx);
  // "Would not schedule" diagnostics use the nodes of the simulated cluster (its profile).
  ctx.workspace.nodeSource = () => cluster.cluster.sim.store.list('Node');

  connection.onInitialized(() => {
    // Load the schema and warm the parser and validator now, not when the first file opens.
    ctx.guard('warm-up', undefined, () => {
      validateFile(ctx.schema, parseFile(WARM_UP));
    });
    cluster.start();
    void startWorkspace(ctx).catch((e) => connection.console.error(`[kubemate] workspace index failed: ${String(e)}`));
  });

  connection.onInitialize((params: InitializeParams) => {
    const opts = (params.initializationOptions ?? {}) as InitializationOptions;
    initializeSettings(ctx, params);
    ctx.publisher.everyVersion = opts.publishEveryVersion === true;
    cluster.initialize(opts);
    const workspaceCapabilities = initializeWorkspace(ctx, params);
    return {
      capabilities: {
        ...workspaceCapabilities,
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '-'], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'kubemate', version: '0.1.0' },
    };
  });

  registerSettings(ctx);
  registerDiagnostics(ctx);
  registerLanguageHandlers(ctx);
  registerCodeActions(ctx);
  registerWorkspace(ctx);
  registerNavigation(ctx);
  // After the workspace handler: an open it makes progressive is in ctx.openings when the warm-up asks.
  registerEditWarmUp(ctx);
  documents.listen(connection);
  connection.listen();
}

/**
 * KUBEMATE_CPU_PROFILE=<folder>: the server records a CPU profile of its whole life and writes it
 * there (server-<pid>.cpuprofile) when it exits or is terminated — to see where time goes as a user
 * meets it, inside VS Code (bench/editorBench.mjs --profile). Off unless the variable is set.
 */
function profileIfAsked(): void {
  const dir = process.env.KUBEMATE_CPU_PROFILE;
  if (!dir) return;
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (err, res) => {
      if (!err) writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(res.profile));
    });
  };
  process.on('exit', write);
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      write();
      process.exit(0);
    });
}

/** The transport the command line names (createConnection reads the same: the first of these). */
function transportArg(): string | undefined {
  return process.argv.slice(2).find((a) => /^--(node-ipc|stdio|socket|pipe)\b/.test(a));
}

if (require.main === module) {
  profileIfAsked();
  startServer(transportArg() === '--stdio' ? stdioConnection() : createConnection(ProposedFeatures.all));
}
