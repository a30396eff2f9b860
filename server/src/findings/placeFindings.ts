// Places the findings of one YAML document in its file: offsets inside the document become
// zero-based file lines and characters. Shared by schema diagnostics and lints, so both give
// the same range for the same offsets.
import type { DocumentFinding, Finding } from './finding';

/** What placement needs of a document of a parsed file (yaml/parsedFile's FileDocument). */
export interface PlacedDocument {
  /** Zero-based file line where the document starts. */
  line: number;
  chunk: { lineCounter: { linePos(offset: number): { line: number; col: number } } };
}

export function placeFindings(d: PlacedDocument, findings: readonly DocumentFinding[]): Finding[] {
  const lc = d.chunk.lineCounter;
  return findings.map((f) => {
    const s = lc.linePos(f.start);
    const e = lc.linePos(Math.max(f.end, f.start));
    return {
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: { start: { line: d.line + s.line - 1, character: s.col - 1 }, end: { line: d.line + e.line - 1, character: e.col - 1 } },
      ...(f.data ? { data: f.data } : {}),
    };
  });
}
