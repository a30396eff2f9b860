// Diagnostics of open YAML documents: the one pipeline (pipeline/fileDiagnostics) on the
// document's parse and the workspace index, turned into LSP Diagnostics. The index is synced by
// workspaceHandler when the document changes; computing diagnostics only reads it.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsInputs, fileDiagnostics } from '../pipeline/fileDiagnostics';
import { FileDiagnosticsMemo, fileDiagnosticsMemo } from '../pipeline/documentRuns';
import type { ParsedFile } from '../yaml/parsedFile';
import type { Finding } from '../findings/finding';
import { canonicalUri, uriToPath } from './workspaceScan';
import type { ServerContext } from './serverContext';
import { DiagnosticList, toDiagnostic } from './diagnosticList';

export function registerDiagnostics(ctx: ServerContext): void {
  ctx.documents.onDidOpen((e) => ctx.publisher.schedule(e.document.uri));
  ctx.documents.onDidChangeContent((e) => ctx.publisher.schedule(e.document.uri));
  ctx.documents.onDidClose((e) => {
    ctx.cache.delete(e.document.uri);
    ctx.diagnosticsMemos.delete(e.document.uri);
    ctx.diagnosticLists.delete(e.document.uri);
    ctx.publisher.clear(e.document.uri);
  });
}

/** The LSP diagnostics of an open document (ServerContext's publisher calls this). */
export function lspDiagnostics(ctx: ServerContext, doc: TextDocument): Diagnostic[] {
  return ctx.guard('diagnostics', [] as Diagnostic[], () => {
    // Opened progressively (handlers/progressiveOpen): the documents parsed so far, on their own.
    const opening = ctx.cache.pendingParse(doc.uri, doc.version);
    if (opening) return perDocumentDiagnostics(ctx, canonicalUri(doc.uri), opening.partial()).map(toDiagnostic);
    return listOf(ctx, doc.uri).convert(openDocumentFindings(ctx, doc.uri, ctx.parsed(doc), memoOf(ctx, doc.uri)));
  });
}

/** An open document's findings as its publish computes them, from and into `memo` (the publisher's: the document's own). */
export function openDocumentFindings(ctx: ServerContext, uri: string, file: ParsedFile, memo: FileDiagnosticsMemo): Finding[] {
  const w = ctx.workspace;
  return findings(ctx, canonicalUri(uri), file, w.ready ? { index: w.index, scheduling: w.scheduling() } : undefined, memo);
}

/** The findings of each document on its own: no cross-file rules, no lints that ask the index. */
export function perDocumentDiagnostics(ctx: ServerContext, uri: string, file: ParsedFile): Finding[] {
  return findings(ctx, uri, file, undefined);
}

/** `memo`: the previous version's findings of the open document (pipeline/documentRuns), re-used where unchanged. */
function findings(ctx: ServerContext, uri: string, file: ParsedFile, workspace: DiagnosticsInputs['workspace'], memo?: FileDiagnosticsMemo): Finding[] {
  const path = uriToPath(uri);
  if (path && ctx.isIgnoredPath(path)) return [];
  return fileDiagnostics(
    {
      schema: ctx.schema,
      lint: ctx.lint,
      workspace,
      crossFile: ctx.projectConfig.config.crossFileEnabled !== false,
      onError: (stage, e) => ctx.connection.console.error(`[kubemate] ${stage} diagnostics failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    },
    uri,
    file,
    memo ? { memo } : {},
  );
}

function memoOf(ctx: ServerContext, uri: string): FileDiagnosticsMemo {
  let m = ctx.diagnosticsMemos.get(uri);
  if (!m) ctx.diagnosticsMemos.set(uri, (m = fileDiagnosticsMemo()));
  return m;
}

function listOf(ctx: ServerContext, uri: string): DiagnosticList {
  let l = ctx.diagnosticLists.get(uri);
  if (!l) ctx.diagnosticLists.set(uri, (l = new DiagnosticList()));
  return l;
}
