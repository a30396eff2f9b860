// Publishes diagnostics for open YAML documents; changes are coalesced per document.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { validateFile } from '../features/diagnostics/validateFile';
import type { ServerContext } from './serverContext';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export function registerDiagnostics(ctx: ServerContext): void {
  const pending = new Map<string, NodeJS.Immediate>();
  const schedule = (doc: TextDocument) => {
    const prev = pending.get(doc.uri);
    if (prev) clearImmediate(prev);
    pending.set(
      doc.uri,
      setImmediate(() => {
        pending.delete(doc.uri);
        publish(ctx, doc.uri);
      }),
    );
  };
  ctx.documents.onDidOpen((e) => schedule(e.document));
  ctx.documents.onDidChangeContent((e) => schedule(e.document));
  ctx.documents.onDidClose((e) => {
    ctx.cache.delete(e.document.uri);
    void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
}

export function publish(ctx: ServerContext, uri: string): void {
  const doc = ctx.documents.get(uri);
  if (!doc) return;
  const diagnostics = ctx.guard('diagnostics', [] as Diagnostic[], () =>
    validateFile(ctx.schema, ctx.parsed(doc)).map((d) => ({
      range: d.range,
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'kubemate',
      message: d.message,
      ...(d.data ? { data: d.data } : {}),
    })),
  );
  void ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
}
