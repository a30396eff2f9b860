// Opening a large file without stopping the server: the file is parsed and checked a slice of
// documents per turn, so requests about other files (and this one) are answered in between.
// The first FIRST_DOCUMENTS documents are parsed in the didOpen turn and their own findings are
// published at once; cross-file findings and the lints that ask the index are withheld from that
// first publish, as while the first workspace scan runs. When the last document is parsed the
// file enters the workspace index and its complete diagnostics are published — the one pipeline
// on the finished parse, so they are the diagnostics a synchronous open computes. A feature that
// needs the whole file earlier (hover, completion: ctx.parsed) finishes the parse at once; the
// whole-file answers the editor asks for by itself after an open (outline, CodeLenses, links) wait
// for the open to end (ctx.afterOpen).
// The client sees the work as a progress (window/workDoneProgress) that ends after that publish.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { performance } from 'node:perf_hooks';
import type { FileDocument } from '../yaml/parsedFile';
import { aboveSizeLimit } from '../protocol/settings';
import { t } from '../util/l10n';
import { perDocumentDiagnostics } from './diagnosticsHandler';
import { canonicalUri } from './workspaceScan';
import { extractObjects } from '../workspace/extractObjects';
import type { ServerContext } from './serverContext';

/** A file with more documents than this opens progressively; these are published first. */
export const FIRST_DOCUMENTS = 20;
/** Parsing time per turn after the first; the slice's own checks follow in the same turn. */
const SLICE_MS = 8;

/**
 * Starts a progressive open of `doc` when it has more than FIRST_DOCUMENTS documents; false
 * otherwise (the caller opens it synchronously). `complete` syncs the finished file into the
 * workspace index; the complete diagnostics are published after it.
 */
export function openProgressively(ctx: ServerContext, doc: TextDocument, complete: (doc: TextDocument) => void): boolean {
  const text = doc.getText();
  if (aboveSizeLimit(text.length, ctx.settings.maxFileSizeMB)) return false;
  const { uri, version } = doc;
  const parse = ctx.cache.begin(uri, version, text, FIRST_DOCUMENTS);
  if (!parse) return false;
  let ended!: () => void;
  const opening = new Promise<void>((resolve) => (ended = resolve));
  ctx.openings.set(uri, opening);
  const progress = ctx.connection.window.createWorkDoneProgress().then(
    (p) => {
      p.begin(t('KubeMate: checking {0}', decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1))), 0);
      return p;
    },
    () => undefined,
  );
  // Each slice fills the per-document memos the complete diagnostics and the index read: findings, objects.
  const checkSlice = (docs: FileDocument[]) =>
    ctx.guard('diagnostics', undefined, () => {
      perDocumentDiagnostics(ctx, canonicalUri(uri), parse.partial(docs));
      for (const d of docs) extractObjects(d.chunk);
    });
  const first: FileDocument[] = [];
  for (let d = parse.step(); d; d = parse.parsed < FIRST_DOCUMENTS ? parse.step() : undefined) first.push(d);
  checkSlice(first);
  // The publisher's turn (scheduled by the didOpen) publishes these documents' findings.
  ctx.publisher.schedule(uri);
  let reported = 0;
  const next = () => {
    // Closed or changed meanwhile (that change synced and published the new version), or
    // finished by a feature: no more slices. A slice that throws ends the open the same way.
    const more = ctx.guard('open', false, () => {
      if (ctx.cache.pendingParse(uri, version) !== parse) return false;
      const slice: FileDocument[] = [];
      const t0 = performance.now();
      for (let d = parse.step(); d; d = performance.now() - t0 < SLICE_MS ? parse.step() : undefined) slice.push(d);
      if (slice.length) checkSlice(slice);
      return parse.parsed < parse.total;
    });
    if (more) {
      const percent = Math.floor((100 * parse.parsed) / parse.total);
      if (percent >= reported + 10) {
        reported = percent;
        void progress.then((p) => p?.report(percent));
      }
      setImmediate(next);
      return;
    }
    ctx.guard('open', undefined, () => {
      const current = ctx.documents.get(uri);
      if (current?.version !== version) return;
      ctx.parsed(current); // the finished parse becomes the document's cached one
      complete(current);
      ctx.publisher.publishNow(uri);
    });
    void progress.then((p: WorkDoneProgressReporter | undefined) => p?.done());
    if (ctx.openings.get(uri) === opening) ctx.openings.delete(uri);
    ended();
  };
  setImmediate(next);
  return true;
}

/** Is `doc` being opened progressively (its index sync waits for the last slice)? */
export function isOpening(ctx: ServerContext, doc: TextDocument): boolean {
  return !!ctx.cache.pendingParse(doc.uri, doc.version);
}
