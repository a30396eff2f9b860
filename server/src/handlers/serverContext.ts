// What every handler shares: the connection, open documents, the parse cache, the schema and
// the user's settings. Only server.ts and handlers/ touch the LSP connection.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../yaml/documentCache';
import type { ParsedFile } from '../yaml/parsedFile';
import type { Schema } from '../schema/schema';
import type { DocsLanguage } from '../features/hover/docsLanguage';
import { docsOrder } from '../features/hover/docsLanguage';
import { language, Lang } from '../util/l10n';

export interface Settings {
  docsLanguage: DocsLanguage;
}

export class ServerContext {
  readonly cache = new DocumentCache();
  settings: Settings = { docsLanguage: 'auto' };

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
