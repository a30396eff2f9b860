// KubeMate language server entry: `node dist/server.js --stdio` (or IPC from the extension).
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, Connection, InitializeParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadSchema } from './schema/schema';
import { ServerContext } from './handlers/serverContext';
import { registerDiagnostics, publish } from './handlers/diagnosticsHandler';
import { registerLanguageHandlers } from './handlers/languageHandlers';
import { languageOf, setLanguage } from './util/l10n';
import type { DocsLanguage } from './features/hover/docsLanguage';
import { validateFile } from './features/diagnostics/validateFile';
import { parseFile } from './yaml/parsedFile';

const WARM_UP = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: warm-up\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n      containers: [{name: w, image: w, resources: {limits: {cpu: 1}}}]\n';

interface InitOptions {
  language?: string;
  docsLanguage?: DocsLanguage;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const ctx = new ServerContext(connection, documents, loadSchema);

  connection.onInitialized(() => {
    // Load the schema and warm the parser and validator now, not when the first file opens.
    ctx.guard('warm-up', undefined, () => {
      validateFile(ctx.schema, parseFile(WARM_UP));
    });
  });

  connection.onInitialize((params: InitializeParams) => {
    const opts = (params.initializationOptions ?? {}) as InitOptions;
    const requested = opts.language && opts.language !== 'auto' ? opts.language : params.locale;
    setLanguage(languageOf(requested));
    if (opts.docsLanguage) ctx.settings.docsLanguage = opts.docsLanguage;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '-'], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'kubemate', version: '0.1.0' },
    };
  });

  connection.onNotification('kubemate/settings', (s: InitOptions) => {
    if (s.language) setLanguage(languageOf(s.language === 'auto' ? undefined : s.language));
    if (s.docsLanguage) ctx.settings.docsLanguage = s.docsLanguage;
    for (const d of documents.all()) publish(ctx, d.uri);
  });

  registerDiagnostics(ctx);
  registerLanguageHandlers(ctx);
  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all));
}
