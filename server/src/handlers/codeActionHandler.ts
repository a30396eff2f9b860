// Quick fixes: LSP code-action requests → features/codeActions, answered with WorkspaceEdits
// of small text edits in the requesting document.
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, TextEdit } from 'vscode-languageserver/node';
import { codeActions, ActionDiagnostic } from '../features/codeActions/codeActions';
import { DIAGNOSTIC_CODES } from '../features/diagnostics/diagnostic';
import type { ServerContext } from './serverContext';

/** Suppression is offered for lint and cross-resource rules, and for schema findings that are not errors (notes such as custom-resource). */
function canSuppress(d: Diagnostic): boolean {
  const code = String(d.code ?? '');
  return !(code in DIAGNOSTIC_CODES) || (d.severity !== undefined && d.severity !== DiagnosticSeverity.Error);
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params) =>
    ctx.guard('codeActions', [] as CodeAction[], () => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      // `only` filters by kind prefix: '' (all), 'quickfix' match; 'refactor' does not.
      if (params.context.only && !params.context.only.some((k) => k === '' || k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.')))
        return [];
      const ours = params.context.diagnostics.filter((d) => d.source === 'kubemate' && d.code !== undefined);
      const inputs: ActionDiagnostic[] = ours.map((d) => ({
        code: String(d.code),
        start: doc.offsetAt(d.range.start),
        end: doc.offsetAt(d.range.end),
        data: (d.data ?? undefined) as ActionDiagnostic['data'],
        suppressible: canSuppress(d),
      }));
      return codeActions(ctx.parsed(doc), inputs).map((a) => ({
        title: a.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [ours[a.diagnostic]],
        ...(a.isPreferred ? { isPreferred: true } : {}),
        edit: { changes: { [doc.uri]: a.edits.map((e) => TextEdit.replace({ start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, e.newText)) } },
      }));
    }),
  );
}
