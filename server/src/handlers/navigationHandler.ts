// Go to definition, find references, CodeLens and document links across the workspace: thin
// adapters from LSP requests to features/navigation on the workspace index.
import { CodeLens, CompletionItem, CompletionItemKind, DocumentLink, Location, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { definition, references } from '../features/navigation/navigation';
import { codeLenses } from '../features/navigation/codeLenses';
import { documentLinks } from '../features/navigation/documentLinks';
import { crossCompletion } from '../features/navigation/crossCompletion';
import { canonicalUri } from './workspaceScan';
import type { ServerContext } from './serverContext';

export function registerNavigation(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  // The index already holds every open editor's current text (workspaceHandler syncs it on change).
  const synced = (uri: string): TextDocument | undefined => documents.get(uri);

  connection.onDefinition((params) =>
    ctx.guard('definition', [] as Location[], () => {
      if (!synced(params.textDocument.uri)) return [];
      return definition(ctx.workspace.index, canonicalUri(params.textDocument.uri), params.position);
    }),
  );

  connection.onReferences((params) =>
    ctx.guard('references', [] as Location[], () => {
      if (!synced(params.textDocument.uri)) return [];
      return references(ctx.workspace.index, canonicalUri(params.textDocument.uri), params.position, params.context.includeDeclaration);
    }),
  );

  connection.onDocumentLinks(async (params) => {
    await ctx.afterOpen(params.textDocument.uri);
    return ctx.guard('documentLinks', [] as DocumentLink[], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return documentLinks(ctx.schema, ctx.parsed(doc), ctx.language).map((l) => ({ range: l.range, target: l.target, tooltip: l.tooltip }));
    });
  });

  ctx.addCodeLensProvider('navigation', (doc): CodeLens[] => {
    if (!ctx.workspace.ready) return [];
    // A title-only command: VS Code shows it as text (showReferences would need client-side argument conversion).
    return codeLenses(ctx.workspace.index, canonicalUri(doc.uri)).map((l) => ({ range: l.range, command: { title: l.title, command: '' } }));
  });
}

/** Workspace completion items (names, keys, ports, labels) to merge with the schema's. */
export function workspaceCompletion(ctx: ServerContext, doc: TextDocument, offset: number): CompletionItem[] {
  return crossCompletion(ctx.workspace.index, canonicalUri(doc.uri), ctx.parsed(doc), offset).map((it) => ({
    label: it.label,
    kind: CompletionItemKind.Reference,
    detail: it.detail,
    documentation: it.documentation,
    sortText: `0${it.sortText}`,
    filterText: it.label,
    textEdit: TextEdit.replace({ start: doc.positionAt(it.replaceStart), end: doc.positionAt(it.replaceEnd) }, it.insertText),
  }));
}
