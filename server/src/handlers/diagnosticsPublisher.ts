// Publishes the diagnostics of open documents. Requests are coalesced per document and run on
// the next turn, so a burst of edits (or a re-check of every dependent) publishes once. Owned by
// ServerContext: whoever learns that a document's findings may have changed asks it to publish.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class DiagnosticsPublisher {
  private pending = new Map<string, NodeJS.Immediate>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly diagnose: (doc: TextDocument) => Diagnostic[],
  ) {}

  /** Publishes `uri` on the next turn; repeated requests are coalesced. */
  schedule(uri: string): void {
    const prev = this.pending.get(uri);
    if (prev) clearImmediate(prev);
    this.pending.set(
      uri,
      setImmediate(() => {
        this.pending.delete(uri);
        this.publishNow(uri);
      }),
    );
  }

  /** Every open document: after a settings change (language, rule levels) or a workspace scan. */
  scheduleAll(): void {
    for (const d of this.documents.all()) this.schedule(d.uri);
  }

  publishNow(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: this.diagnose(doc) });
  }

  /** A closed document: nothing pending, and its diagnostics are removed from the Problems panel. */
  clear(uri: string): void {
    const prev = this.pending.get(uri);
    if (prev) clearImmediate(prev);
    this.pending.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
