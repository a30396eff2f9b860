// What every handler shares: the connection, open documents, the parse cache, the schema and
// the user's settings. Only server.ts and handlers/ touch the LSP connection.
import type { CodeLens, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../yaml/documentCache';
import type { ParsedFile } from '../yaml/parsedFile';
import type { Schema } from '../schema/schema';
import type { DocsLanguage } from '../features/hover/docsLanguage';
import { docsOrder } from '../features/hover/docsLanguage';
import { language, Lang } from '../util/l10n';
import { DEFAULT_LINT_SETTINGS, LintSettings } from '../features/lint/lintConfig';
import { WorkspaceState } from './workspaceHandler';
import { schedulePublish } from './diagnosticsHandler';

export interface Settings {
  docsLanguage: DocsLanguage;
  /** `kubemate.lint.enabled` and `kubemate.lint.rules`. */
  lint: LintSettings;
}

export class ServerContext {
  readonly cache = new DocumentCache();
  settings: Settings = { docsLanguage: 'auto', lint: DEFAULT_LINT_SETTINGS };
  /** The workspace index (files on disk and open editors), sharing the parse cache's chunks. */
  readonly workspace = new WorkspaceState(this.cache.chunks);
  private lensProviders: { name: string; provide: (doc: TextDocument) => CodeLens[] }[] = [];

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    private readonly schemaLoader: () => Schema,
  ) {}

  private schemaInstance: Schema | undefined;
  get schema(): Schema {
    this.schemaInstance ??= this.schemaLoader();
    return this.schemaInstance;
  }

  parsed(doc: TextDocument): ParsedFile {
    return this.cache.get(doc.uri, doc.version, () => doc.getText());
  }

  docsOrder(): Lang[] {
    return docsOrder(this.settings.docsLanguage, language());
  }

  /**
   * CodeLenses come from several areas (dry-run, navigation) but LSP allows one handler:
   * each area adds a provider here and the first one registers the handler that merges them.
   */
  addCodeLensProvider(name: string, provide: (doc: TextDocument) => CodeLens[]): void {
    this.lensProviders.push({ name, provide });
    if (this.lensProviders.length > 1) return;
    this.connection.onCodeLens((params) => {
      const doc = this.documents.get(params.textDocument.uri);
      if (!doc) return [];
      return this.lensProviders.flatMap((p) => this.guard(`codeLens (${p.name})`, [] as CodeLens[], () => p.provide(doc)));
    });
  }

  /**
   * Publishes a document's diagnostics on the next turn (coalesced). The context owns the
   * publisher, so the workspace index can ask for re-publishing without importing the
   * diagnostics handler (which reads the index): no import cycle.
   */
  schedulePublish(uri: string): void {
    schedulePublish(this, uri);
  }

  /** Runs a handler; an exception is logged and answered with `fallback`, never a crash. */
  guard<T>(name: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      this.connection.console.error(`[kubemate] ${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  }
}
