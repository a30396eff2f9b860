// Completion, hover and document symbols: thin adapters from LSP positions to features.
import { CompletionItem, CompletionItemKind, DocumentSymbol, Hover, InsertTextFormat, MarkupKind, SymbolKind, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completion } from '../features/completion/completion';
import { hover } from '../features/hover/hover';
import { documentSymbols, KSymbol, SymbolPosition } from '../features/symbols/documentSymbols';
import type { ServerContext } from './serverContext';
import { workspaceCompletion } from './navigationHandler';

const ITEM_KIND = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  kind: CompletionItemKind.Class,
  apiVersion: CompletionItemKind.Module,
  skeleton: CompletionItemKind.Snippet,
} as const;

const SYMBOL_KIND = { object: SymbolKind.Object, field: SymbolKind.Field, list: SymbolKind.Array, value: SymbolKind.String } as const;

export function registerLanguageHandlers(ctx: ServerContext): void {
  const { connection, documents } = ctx;

  connection.onCompletion((params) =>
    ctx.guard('completion', [] as CompletionItem[], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const offset = doc.offsetAt(params.position);
      const items = completion(ctx.schema, ctx.parsed(doc), offset, ctx.docsOrder());
      // Names, keys, ports and labels from the rest of the workspace come first.
      const fromWorkspace = ctx.guard('workspace completion', [] as CompletionItem[], () => workspaceCompletion(ctx, doc, offset));
      return [...fromWorkspace, ...items.map((it) => toCompletionItem(doc, it))];
    }),
  );

  connection.onHover((params) =>
    ctx.guard('hover', null as Hover | null, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const h = hover(ctx.schema, ctx.parsed(doc), doc.offsetAt(params.position), ctx.docsOrder());
      if (!h) return null;
      return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) } };
    }),
  );

  connection.onDocumentSymbol(async (params) => {
    await ctx.afterOpen(params.textDocument.uri);
    return ctx.guard('symbols', [] as DocumentSymbol[], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return documentSymbols(ctx.parsed(doc)).flatMap((d) => d.symbols.map((s) => toSymbol(s, d.line)));
    });
  });
}

function toCompletionItem(doc: TextDocument, it: import('../features/completion/completionItem').KCompletionItem): CompletionItem {
  const range = { start: doc.positionAt(it.replaceStart), end: doc.positionAt(it.replaceEnd) };
  return {
    label: it.label,
    kind: ITEM_KIND[it.kind],
    detail: it.detail,
    documentation: it.documentation ? { kind: MarkupKind.Markdown, value: it.documentation } : undefined,
    sortText: it.sortText,
    filterText: it.label,
    insertTextFormat: it.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: TextEdit.replace(range, it.insertText),
    command: it.retrigger ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
  };
}

/** `line`: where the symbol's document starts in the file (symbols are relative to it). */
function toSymbol(s: KSymbol, line: number): DocumentSymbol {
  const at = (p: SymbolPosition) => ({ line: p.line + line, character: p.character });
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: { start: at(s.start), end: at(s.end) },
    selectionRange: { start: at(s.selectionStart), end: at(s.selectionEnd) },
    ...(s.children.length ? { children: s.children.map((c) => toSymbol(c, line)) } : {}),
  };
}
