// KubeMate language server entry: `node dist/server.js --stdio` (or IPC from the extension).
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, Connection, InitializeParams, CodeActionKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadSchema } from './schema/schema';
import { ServerContext } from './handlers/serverContext';
import { registerDiagnostics, publish } from './handlers/diagnosticsHandler';
import { registerLanguageHandlers } from './handlers/languageHandlers';
import { registerClusterHandler } from './handlers/clusterHandler';
import { registerCodeActions } from './handlers/codeActionHandler';
import { initializeWorkspace, pullSettings, registerWorkspace, startWorkspace } from './handlers/workspaceHandler';
import { registerNavigation } from './handlers/navigationHandler';
import { normalizeLintSettings } from './features/lint/lintConfig';
import { InitializationOptions, SettingsNotification } from './protocol/clusterProtocol';
import { languageOf, setLanguage } from './util/l10n';
import { validateFile } from './features/diagnostics/validateFile';
import { parseFile } from './yaml/parsedFile';
import type { DocumentCache } from './yaml/documentCache';

const WARM_UP = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: warm-up\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n      containers: [{name: w, image: w, resources: {limits: {cpu: 1}}}]\n';

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
    const requested = opts.language && opts.language !== 'auto' ? opts.language : params.locale;
    setLanguage(languageOf(requested));
    if (opts.docsLanguage) ctx.settings.docsLanguage = opts.docsLanguage;
    if (opts.lint) ctx.settings.lint = normalizeLintSettings(opts.lint);
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

  connection.onNotification(SettingsNotification.method, (s: SettingsNotification.Params) => {
    if (s.language) setLanguage(languageOf(s.language === 'auto' ? undefined : s.language));
    if (s.docsLanguage) ctx.settings.docsLanguage = s.docsLanguage;
    if (s.lint) ctx.settings.lint = normalizeLintSettings(s.lint);
    for (const d of documents.all()) publish(ctx, d.uri);
    void pullSettings(ctx);
  });

  registerDiagnostics(ctx);
  registerLanguageHandlers(ctx);
  registerCodeActions(ctx);
  registerWorkspace(ctx);
  registerNavigation(ctx);
  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all));
}
