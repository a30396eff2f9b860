// Quick fixes for KubeMate's diagnostics. Each provider looks at one diagnostic (its code,
// range and data) and the YAML document it sits in, and proposes small text edits; the
// handler turns them into LSP WorkspaceEdits. Suppression comes last, after the real fixes.
import type { ParsedFile, FileDocument } from '../../yaml/parsedFile';
import { documentAt } from '../../yaml/parsedFile';
import { eolOf, TextEditAt } from './yamlEdits';
import { replaceFixes } from './replaceFix';
import { convertApiFixes } from './convertApi';
import { selectorFixes } from './selectorFix';
import { configFixes } from './configFix';
import { lintFixes } from './lintFixes';
import { secretFixes } from './secretFix';
import { suppressFixes } from './suppressFix';

/** A diagnostic as the client sends it back, with file offsets. */
export interface ActionDiagnostic {
  code: string;
  start: number;
  end: number;
  data?: Record<string, unknown>;
  /** Offer suppression comments for it. */
  suppressible?: boolean;
}

export interface KCodeAction {
  title: string;
  /** Edits in file offsets, for the requesting file only. */
  edits: TextEditAt[];
  isPreferred?: boolean;
  /** Index of the diagnostic (in the request) the action fixes. */
  diagnostic: number;
}

/** What a fix provider sees: the document around the diagnostic, with document-relative offsets. */
export interface FixContext {
  file: ParsedFile;
  doc: FileDocument;
  /** The document's text and parsed root. */
  text: string;
  root: unknown;
  code: string;
  start: number;
  end: number;
  data: Record<string, unknown>;
  eol: string;
  suppressible: boolean;
}

export interface Fix {
  title: string;
  edits: TextEditAt[];
  isPreferred?: boolean;
  /** Edits are in file offsets (e.g. a comment at the top of the file), not document offsets. */
  fileOffsets?: boolean;
}

type FixProvider = (ctx: FixContext) => Fix[];

const PROVIDERS: FixProvider[] = [replaceFixes, convertApiFixes, selectorFixes, configFixes, lintFixes, secretFixes, suppressFixes];

export function codeActions(file: ParsedFile, diagnostics: ActionDiagnostic[]): KCodeAction[] {
  const out: KCodeAction[] = [];
  // Two findings on one container (no requests, no limits) share a fix: offer it once.
  const seen = new Set<string>();
  diagnostics.forEach((d, i) => {
    if (file.documents.length === 0) return;
    const doc = documentAt(file, d.start);
    const ctx: FixContext = {
      file,
      doc,
      text: doc.chunk.text,
      root: doc.chunk.doc.contents,
      code: d.code,
      start: d.start - doc.start,
      end: d.end - doc.start,
      data: d.data ?? {},
      eol: eolOf(file.text),
      suppressible: !!d.suppressible,
    };
    for (const provider of PROVIDERS) {
      for (const fix of provider(ctx)) {
        if (fix.edits.length === 0) continue;
        const shift = fix.fileOffsets ? 0 : doc.start;
        const edits = fix.edits.map((e) => ({ start: e.start + shift, end: e.end + shift, newText: e.newText }));
        const key = fix.title + JSON.stringify(edits);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ title: fix.title, edits, ...(fix.isPreferred ? { isPreferred: true } : {}), diagnostic: i });
      }
    }
  });
  return out;
}
