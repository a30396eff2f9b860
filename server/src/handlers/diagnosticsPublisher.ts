// Publishes the diagnostics of open documents. Requests are coalesced per document and run on
// the next turn, so a burst of edits (or a re-check of every dependent) publishes once. Owned by
// ServerContext: whoever learns that a document's findings may have changed asks it to publish.
// A publish identical to the last one sent for the document is skipped: a keystroke that
// changes no finding (and moves none) costs no message, and the client re-renders nothing.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { sameDiagnostics } from './sameDiagnostics';

export class DiagnosticsPublisher {
  private pending = new Map<string, NodeJS.Immediate>();
  /** What was last sent for each open document. */
  private published = new Map<string, Diagnostic[]>();
  /** The document version each last publish was for. */
  private publishedVersion = new Map<string, number>();
  /** Publishes skipped because nothing changed (for tests and the benchmark's log). */
  skipped = 0;
  /** initializationOptions.publishEveryVersion: a new version is always published. */
  everyVersion = false;

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
    const diagnostics = this.diagnose(doc);
    const last = this.published.get(uri);
    const newVersion = this.everyVersion && this.publishedVersion.get(uri) !== doc.version;
    if (last && !newVersion && sameDiagnostics(last, diagnostics)) {
      this.skipped++;
      return;
    }
    this.published.set(uri, diagnostics);
    this.publishedVersion.set(uri, doc.version);
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  /** A closed document: nothing pending, and its diagnostics are removed from the Problems panel. */
  clear(uri: string): void {
    const prev = this.pending.get(uri);
    if (prev) clearImmediate(prev);
    this.pending.delete(uri);
    this.published.delete(uri);
    this.publishedVersion.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
