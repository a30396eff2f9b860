// Publishes diagnostics for open YAML documents; changes are coalesced per document.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { validateFile } from '../features/diagnostics/validateFile';
import { lintFile } from '../features/lint/lintFile';
import { applyRuleLevels, lintConfig } from '../features/lint/lintConfig';
import { filterSuppressed } from '../features/lint/suppressions';
import type { ServerContext } from './serverContext';
import { workspaceDiagnostics, workspaceLintEnv } from './workspaceHandler';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

const pendingPublish = new WeakMap<ServerContext, Map<string, NodeJS.Immediate>>();

/** Publishes on the next turn; repeated requests for one document are coalesced. */
export function schedulePublish(ctx: ServerContext, uri: string): void {
  let pending = pendingPublish.get(ctx);
  if (!pending) pendingPublish.set(ctx, (pending = new Map()));
  const prev = pending.get(uri);
  if (prev) clearImmediate(prev);
  pending.set(
    uri,
    setImmediate(() => {
      pending!.delete(uri);
      publish(ctx, uri);
    }),
  );
}

export function registerDiagnostics(ctx: ServerContext): void {
  const schedule = (doc: TextDocument) => schedulePublish(ctx, doc.uri);
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
  const diagnostics = ctx.guard('diagnostics', [] as Diagnostic[], () => {
    const file = ctx.parsed(doc);
    const found = [...validateFile(ctx.schema, file), ...lintFile(file, lintConfig(ctx.settings.lint), workspaceLintEnv(ctx)), ...workspaceDiagnostics(ctx, doc)];
    // Last: per-rule levels from kubemate.lint.rules and suppression comments, for every code.
    return filterSuppressed(file.text, applyRuleLevels(found, ctx.settings.lint)).map((d) => ({
      range: d.range,
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'kubemate',
      message: d.message,
      ...(d.data ? { data: d.data } : {}),
      // Cross-resource diagnostics link to the other documents involved.
      ...('related' in d && d.related.length ? { relatedInformation: d.related } : {}),
    }));
  });
  void ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
}
