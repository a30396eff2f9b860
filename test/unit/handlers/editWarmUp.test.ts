// The idle-time warm-up (handlers/editWarmUp) rehearses keystrokes on copies: it publishes
// nothing, leaves every piece of the server's state as it was (the parse, the index, the memos, the
// Diagnostic list, the encoder's last bytes), and any document event stops it.
import { strict as assert } from 'node:assert';
import { type Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerContext } from '../../../server/src/handlers/serverContext';
import { EditRehearsal, EditWarmUp, registerEditWarmUp, WARM_UP_EDITS, WARM_UP_IDLE_MS, type WarmUpClock } from '../../../server/src/handlers/editWarmUp';
import { encodeMessage, lastWrittenFor } from '../../../server/src/handlers/messageEncoder';
import { lspDiagnostic } from '../../../server/src/handlers/diagnosticList';
import { canonicalUri } from '../../../server/src/handlers/workspaceScan';
import { fileDiagnostics } from '../../../server/src/pipeline/fileDiagnostics';
import { loadSchema } from '../../../server/src/schema/schema';
import { parseFile } from '../../../server/src/yaml/parsedFile';
import { generateManifests } from '../../../bench/manifestGenerator';

const URI = 'file:///ws/warm-up.yaml';
const TEXT = generateManifests(60);

/** An editor's server without a transport: document events are fired by hand, what it sends is recorded. */
function server() {
  const sent: unknown[] = [];
  const errors: string[] = [];
  const on: Record<string, (e: unknown) => void> = {};
  const hook = (name: string) => (h: (e: unknown) => void) => {
    on[name] = h;
    return { dispose: () => undefined };
  };
  const record = (...args: unknown[]) => {
    sent.push(args);
    return Promise.resolve();
  };
  const connection = {
    sendDiagnostics: record,
    sendNotification: record,
    sendRequest: record,
    console: { error: (m: string) => errors.push(m), warn: () => undefined, info: () => undefined, log: () => undefined },
    onDidOpenTextDocument: hook('open'),
    onDidChangeTextDocument: hook('change'),
    onDidCloseTextDocument: hook('close'),
    onWillSaveTextDocument: hook('willSave'),
    onWillSaveTextDocumentWaitUntil: hook('willSaveWaitUntil'),
    onDidSaveTextDocument: hook('save'),
  } as unknown as Connection;
  const documents = new TextDocuments(TextDocument);
  documents.listen(connection);
  const ctx = new ServerContext(connection, documents, loadSchema);
  const open = (text = TEXT) => on.open({ textDocument: { uri: URI, languageId: 'yaml', version: 1, text } });
  const change = (version: number) =>
    on.change({
      textDocument: { uri: URI, version },
      contentChanges: [{ range: { start: { line: 7, character: 12 }, end: { line: 7, character: 13 } }, text: 'x' }],
    });
  /** What the open does before the server is idle: the index sync and the publish (as the stdio transport writes it). */
  const settle = () => {
    const doc = documents.get(URI)!;
    ctx.workspace.index.setEditorFile(canonicalUri(URI), ctx.parsed(doc));
    ctx.publisher.publishNow(URI);
    const diagnostics = ctx.diagnosticLists.get(URI)!.last;
    encodeMessage({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: URI, version: doc.version, diagnostics } } as never);
    return doc;
  };
  return { ctx, documents, sent, errors, open, change, settle };
}

/** A clock whose waits run when the test says. */
function manualClock() {
  const queue: { ms: number; run: () => void; live: boolean }[] = [];
  const add = (ms: number, run: () => void) => {
    const e = { ms, run, live: true };
    queue.push(e);
    return () => (e.live = false);
  };
  const clock: WarmUpClock = { after: add, nextTurn: (run) => add(0, run) };
  return {
    clock,
    pending: () => queue.filter((e) => e.live),
    /** Runs the next live wait; false when none. */
    tick(): boolean {
      const e = queue.find((x) => x.live);
      if (!e) return false;
      e.live = false;
      e.run();
      return true;
    },
  };
}

/** Lets a promise's callbacks (ctx.afterOpen) run. */
const microtasks = () => new Promise((r) => setImmediate(r));

describe('edit warm-up: rehearsed keystrokes on copies', () => {
  it('types and takes away a character in the copy, publishes nothing and changes no state', () => {
    const s = server();
    s.open();
    const doc = s.settle();
    const sentBefore = s.sent.length;
    const parsed = s.ctx.parsed(doc);
    const index = s.ctx.workspace.index;
    const [version, stamp, objects] = [index.version, index.stamp, index.objectsIn(canonicalUri(URI))];
    const chunks = s.ctx.cache.chunks.held;
    const memo = s.ctx.diagnosticsMemos.get(URI);
    const list = s.ctx.diagnosticLists.get(URI)!.last;
    const written = lastWrittenFor(URI);
    assert.ok(written);

    const r = EditRehearsal.of(s.ctx, doc);
    assert.ok(r);
    r.keystroke();
    assert.notEqual(r.text, TEXT, 'the copy has the typed character');
    assert.equal(r.text.replace(/x\n/, '\n').length, TEXT.length);
    for (let i = 1; i < WARM_UP_EDITS; i++) r.keystroke();
    assert.equal(r.text, TEXT, 'an even number of keystrokes takes the character away again');

    assert.equal(s.sent.length, sentBefore, 'nothing sent');
    assert.deepEqual(s.errors, []);
    assert.equal(doc.getText(), TEXT);
    assert.equal(s.ctx.parsed(doc), parsed, 'the same parse');
    assert.deepEqual([index.version, index.stamp], [version, stamp], 'the index unchanged');
    assert.equal(index.objectsIn(canonicalUri(URI)), objects);
    assert.deepEqual(s.ctx.cache.chunks.held, chunks, 'the chunk cache unchanged');
    assert.equal(lastWrittenFor(URI), written, "the encoder's last bytes unchanged");
    assert.equal(s.ctx.diagnosticsMemos.get(URI), memo);
    assert.equal(s.ctx.diagnosticLists.get(URI)!.last, list);
    // The next publish reads the memo and the list as the open left them: the same array, and what a fresh check gives.
    s.ctx.publisher.publishNow(URI);
    assert.equal(s.sent.length, sentBefore, 'an unchanged publish is skipped');
    assert.equal(s.ctx.diagnosticLists.get(URI)!.last, list);
    const fresh = fileDiagnostics(
      { schema: s.ctx.schema, lint: s.ctx.lint, workspace: { index, scheduling: s.ctx.workspace.scheduling() } },
      canonicalUri(URI),
      parseFile(TEXT),
    );
    assert.deepEqual(list, fresh.map(lspDiagnostic));
  });

  it('a file of no more than 20 documents is not rehearsed', () => {
    const s = server();
    s.open(generateManifests(20));
    assert.equal(EditRehearsal.of(s.ctx, s.settle()), undefined);
  });

  it(`starts after ${WARM_UP_IDLE_MS} ms of quiet after an open, one keystroke per turn, ${WARM_UP_EDITS} in all, once per server`, async () => {
    const s = server();
    const c = manualClock();
    const w = registerEditWarmUp(s.ctx, c.clock);
    s.open();
    s.settle();
    await microtasks();
    assert.deepEqual(
      c.pending().map((e) => e.ms),
      [WARM_UP_IDLE_MS],
      "the open's own content event is no input",
    );
    while (c.tick());
    assert.equal(w.rehearsed, WARM_UP_EDITS);
    assert.ok(w.done);
    w.opened(URI, 1);
    await microtasks();
    assert.deepEqual(c.pending(), [], 'not again');
  });

  it('a change stops it while it runs, and before it starts', async () => {
    const s = server();
    const c = manualClock();
    const w = registerEditWarmUp(s.ctx, c.clock);
    s.open();
    s.settle();
    await microtasks();
    for (let i = 0; i < 3; i++) c.tick(); // the idle wait, then two keystrokes
    assert.equal(w.rehearsed, 2);
    s.change(2);
    assert.deepEqual(c.pending(), []);
    assert.equal(w.rehearsed, 2);

    const t = server();
    const d = manualClock();
    const v = new EditWarmUp(t.ctx, d.clock);
    t.open();
    t.settle();
    v.opened(URI, 1);
    v.input(); // before the open's wait has ended
    await microtasks();
    assert.deepEqual(d.pending(), []);
    v.opened(URI, 1);
    await microtasks();
    assert.equal(d.pending().length, 1);
    v.input(); // during the idle wait
    assert.deepEqual(d.pending(), []);
    assert.equal(v.rehearsed, 0);
  });
});
