// Completion results as data; the LSP handler turns them into CompletionItems.

export interface KCompletionItem {
  label: string;
  kind: 'field' | 'value' | 'kind' | 'apiVersion' | 'skeleton';
  /** Snippet syntax (`${1:name}`) when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText: string;
  /** Offsets (in the file) of the text the item replaces. */
  replaceStart: number;
  replaceEnd: number;
  /** Fires the completion again after inserting (e.g. after `kind: `). */
  retrigger?: boolean;
}
