// The first keystrokes in a large file ran three times slower than the later ones (issue 11: in
// the 1,000-document file the first 25 took 260 ms of server CPU, 90 ms once the path was warm):
// V8 compiles the edit path — the incremental text update, the re-split, the edited document's
// parse and checks, the index's delta, the walks of the per-document memos, the list diff and the
// stdio encoding — when it first runs and optimises it only after a few dozen runs. The open did
// not run it: it parses and checks every document once, not one in a file of many.
//
// So once the first large file has opened and the server is idle, it rehearses that path on
// copies: a character typed at the end of a value in the middle document and taken away again,
// WARM_UP_EDITS times, one keystroke per turn. Each rehearsed keystroke is what a real one does
// (server.ts's sync, syncEditor, lspDiagnostics, the publisher, the encoder) on a copy of the
// text, its own chunk cache and index, and copies of the document's memo, Diagnostic list and last
// written bytes; it reads the real index and the per-document memos but writes none of them, and
// it publishes nothing. Any document event (open, change, close) ends it: the user's own
// keystrokes then run the path. It runs once per server (the compiled code stays).
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import { reparseFile, ChunkCache, type ParsedFile, type TextEdit } from '../yaml/parsedFile';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { copyFileDiagnosticsMemo, type FileDiagnosticsMemo } from '../pipeline/documentRuns';
import type { ServerContext } from './serverContext';
import type { DiagnosticList } from './diagnosticList';
import { openDocumentFindings } from './diagnosticsHandler';
import { sameDiagnostics } from './sameDiagnostics';
import { encodeMessage, lastWrittenFor, type Written } from './messageEncoder';
import { canonicalUri } from './workspaceScan';
import { FIRST_DOCUMENTS } from './progressiveOpen';

/** Rehearsed keystrokes (a character typed, then taken away, 30 times): in the bench, 40 took the first 25 real ones from 260 to 160 ms of CPU, 100 to 130. */
export const WARM_UP_EDITS = 60;
/** How long the server must have had no document event before it starts. */
export const WARM_UP_IDLE_MS = 300;

/** A line `key: value` (a plain scalar) whose end a rehearsed keystroke types at. */
const VALUE_LINE = /^\s*(?:- )?[A-Za-z][\w.-]*: [A-Za-z0-9][\w./:-]*$/;

/** Copies of what one open document's keystroke reads and writes. */
export class EditRehearsal {
  private version: number;
  private step = 0;
  private readonly chunks = new ChunkCache();
  private readonly index = new WorkspaceIndex(this.chunks);
  private readonly written?: Map<string, Written>;

  private constructor(
    private readonly ctx: ServerContext,
    private readonly uri: string,
    private readonly copy: TextDocument,
    private parsed: ParsedFile,
    private readonly memo: FileDiagnosticsMemo,
    private readonly list: DiagnosticList,
    private readonly at: { line: number; character: number },
  ) {
    this.version = copy.version;
    this.index.setEditorFile(canonicalUri(uri), parsed);
    const bytes = lastWrittenFor(uri);
    if (bytes) this.written = new Map([[uri, bytes]]);
  }

  /** The copy's text now (tests). */
  get text(): string {
    return this.copy.getText();
  }

  /** A rehearsal of keystrokes in `doc`, or undefined when it has no more than FIRST_DOCUMENTS documents, no memo yet or no value line to type at. */
  static of(ctx: ServerContext, doc: TextDocument): EditRehearsal | undefined {
    const memo = ctx.diagnosticsMemos.get(doc.uri);
    const list = ctx.diagnosticLists.get(doc.uri);
    const parsed = ctx.parsed(doc);
    if (!memo || !list || parsed.documents.length <= FIRST_DOCUMENTS) return undefined;
    const at = valueLineEnd(parsed);
    if (!at) return undefined;
    const copy = TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
    return new EditRehearsal(ctx, doc.uri, copy, parsed, copyFileDiagnosticsMemo(memo), list.copy(), at);
  }

  /** One keystroke on the copies: the next character typed, or the last one taken away. */
  keystroke(): void {
    const { line, character } = this.at;
    const change: TextDocumentContentChangeEvent =
      this.step % 2 === 0
        ? { range: { start: { line, character }, end: { line, character } }, text: 'x' }
        : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
    this.step++;
    // server.ts's document sync: the edit in offsets, then the text.
    const edit: TextEdit = { start: this.copy.offsetAt(change.range.start), end: this.copy.offsetAt(change.range.end), inserted: change.text.length };
    TextDocument.update(this.copy, [change], ++this.version);
    // The parse cache, the index's delta and its dependents (syncEditor).
    this.parsed = reparseFile(this.parsed, this.copy.getText(), this.chunks, edit);
    this.index.dependentUris(this.index.setEditorFile(canonicalUri(this.uri), this.parsed));
    // The publish (lspDiagnostics, the publisher's comparison, the encoder).
    const last = this.list.last;
    const diagnostics = this.list.convert(openDocumentFindings(this.ctx, this.uri, this.parsed, this.memo));
    if (sameDiagnostics(last, diagnostics) || !this.written) return;
    encodeMessage(publishOf(this.uri, this.version, diagnostics), this.written);
  }
}

function publishOf(uri: string, version: number, diagnostics: Diagnostic[]) {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } };
}

/** The end of the last `key: value` line of the middle document (where a rehearsed keystroke types). */
function valueLineEnd(parsed: ParsedFile): { line: number; character: number } | undefined {
  const d = parsed.documents[Math.floor(parsed.documents.length / 2)];
  const lines = d.chunk.text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) if (VALUE_LINE.test(lines[i])) return { line: d.line + i, character: lines[i].length };
  return undefined;
}

/** How the warm-up waits: a timer for the idle delay, the next turn between keystrokes (tests pass their own). */
export interface WarmUpClock {
  after(ms: number, run: () => void): () => void;
  nextTurn(run: () => void): () => void;
}

const NODE_CLOCK: WarmUpClock = {
  after(ms, run) {
    const t = setTimeout(run, ms);
    return () => clearTimeout(t);
  },
  nextTurn(run) {
    const t = setImmediate(run);
    return () => clearImmediate(t);
  },
};

/**
 * Starts the rehearsal once the server has been idle WARM_UP_IDLE_MS after a large file's open
 * ended; a document event cancels what is waiting or running. Done once per server.
 */
export class EditWarmUp {
  /** Keystrokes rehearsed so far (tests and the benchmark's log). */
  rehearsed = 0;
  private cancel: (() => void) | undefined;
  /** Document events so far: an open's wait ends if another came meanwhile. */
  private inputs = 0;
  private lastOpen: { uri: string; version: number } | undefined;

  constructor(
    private readonly ctx: ServerContext,
    private readonly clock: WarmUpClock = NODE_CLOCK,
  ) {}

  get done(): boolean {
    return this.rehearsed >= WARM_UP_EDITS;
  }

  /** A document was opened: after its open ends and WARM_UP_IDLE_MS of quiet, rehearse in it. */
  opened(uri: string, version: number): void {
    this.input();
    this.lastOpen = { uri, version };
    if (this.done) return;
    const inputs = this.inputs;
    void this.ctx.afterOpen(uri).then(() => {
      if (this.done || this.inputs !== inputs) return;
      this.cancel = this.clock.after(WARM_UP_IDLE_MS, () => this.start(uri));
    });
  }

  /** Is this the content of the last opened document as it was opened? */
  isOpenOf(uri: string, version: number): boolean {
    return this.lastOpen?.uri === uri && this.lastOpen.version === version;
  }

  /** Real input arrived: whatever is waiting or running stops. */
  input(): void {
    this.lastOpen = undefined;
    this.inputs++;
    this.cancel?.();
    this.cancel = undefined;
  }

  private start(uri: string): void {
    this.cancel = undefined;
    const doc = this.ctx.documents.get(uri);
    const r = doc && this.ctx.guard('warm-up', undefined, () => EditRehearsal.of(this.ctx, doc));
    if (!r) return;
    const next = () => {
      const ok = this.ctx.guard('warm-up', false, () => {
        r.keystroke();
        return true;
      });
      this.rehearsed++;
      this.cancel = ok && !this.done ? this.clock.nextTurn(next) : undefined;
    };
    this.cancel = this.clock.nextTurn(next);
  }
}

/** Wires the warm-up to the open documents: an open may start it, any document event stops it. */
export function registerEditWarmUp(ctx: ServerContext, clock: WarmUpClock = NODE_CLOCK): EditWarmUp {
  const w = new EditWarmUp(ctx, clock);
  ctx.documents.onDidOpen((e) => w.opened(e.document.uri, e.document.version));
  // The sync reports an open as a change of content too: that one is no input.
  ctx.documents.onDidChangeContent((e) => {
    if (!w.isOpenOf(e.document.uri, e.document.version)) w.input();
  });
  ctx.documents.onDidClose(() => w.input());
  return w;
}
