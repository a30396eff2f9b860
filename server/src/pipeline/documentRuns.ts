// The findings of one pipeline stage for each document of a file, kept from one version of the
// file to the next (the language server holds one per open document and stage). A document whose
// parsed chunk and first line are unchanged keeps its findings — the same objects — without a
// memo lookup per document, so a keystroke in a 1,000-document file computes the edited document
// and walks an array for the others. `key` names every other input of the stage (language, rule
// configuration, schema, the index's change stamp): when it changes, every document is computed
// again (and their per-document memos answer).
import type { Finding } from '../findings/finding';
import type { FileDocument } from '../yaml/parsedFile';
import { CrossRefMemo } from '../features/crossRefs/crossRefDiagnostics';

interface Run {
  chunk: FileDocument['chunk'];
  line: number;
  found: readonly Finding[];
}

export class DocumentRuns {
  private key: string | undefined;
  private runs: Run[] = [];

  /** Runs that go on from this one's last (collect replaces the arrays it keeps, never changes them). */
  copy(): DocumentRuns {
    const c = new DocumentRuns();
    c.key = this.key;
    c.runs = this.runs;
    return c;
  }

  /** The stage's findings of every document, in document order; `compute` runs for the documents not kept. */
  collect(documents: readonly FileDocument[], key: string, compute: (d: FileDocument) => readonly Finding[]): Finding[] {
    const prev = this.key === key ? this.runs : [];
    // Documents after an inserted or removed one are found at the same distance from the end.
    const shift = prev.length - documents.length;
    const runs: Run[] = new Array(documents.length);
    const out: Finding[] = [];
    for (let i = 0; i < documents.length; i++) {
      const d = documents[i];
      let run = prev[i];
      if (!run || run.chunk !== d.chunk || run.line !== d.line) {
        const other = shift !== 0 ? prev[i + shift] : undefined;
        run = other && other.chunk === d.chunk && other.line === d.line ? other : { chunk: d.chunk, line: d.line, found: compute(d) };
      }
      runs[i] = run;
      for (const f of run.found) out.push(f);
    }
    this.key = key;
    this.runs = runs;
    return out;
  }
}

/** What the language server keeps per open document between versions (pipeline/fileDiagnostics). */
export interface FileDiagnosticsMemo {
  schema: DocumentRuns;
  lint: DocumentRuns;
  cross: CrossRefMemo;
}

export function fileDiagnosticsMemo(): FileDiagnosticsMemo {
  return { schema: new DocumentRuns(), lint: new DocumentRuns(), cross: new CrossRefMemo() };
}

/** A memo that starts where `m` is: a run with the copy reads `m`'s findings and leaves `m` as it was. */
export function copyFileDiagnosticsMemo(m: FileDiagnosticsMemo): FileDiagnosticsMemo {
  const cross = new CrossRefMemo();
  cross.key = m.cross.key;
  cross.objects = m.cross.objects;
  cross.found = m.cross.found;
  return { schema: m.schema.copy(), lint: m.lint.copy(), cross };
}
