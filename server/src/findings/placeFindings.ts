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

interface Placed {
  line: number;
  findings: readonly DocumentFinding[];
  placed: Finding[];
}

/**
 * placeFindings, re-using the objects placed last time while the document starts on the same
 * line and its findings are the same (memoised) array. `memo` is the document's memo map and
 * `key` names the slot (with every input of the findings, e.g. the language). Per keystroke only
 * the edited document — and those below it when the line count changed — are placed again, and
 * unchanged findings keep their identity up to the published diagnostics.
 */
export function placeFindingsMemo(d: PlacedDocument, findings: readonly DocumentFinding[], memo: Map<string, unknown>, key: string): Finding[] {
  const hit = memo.get(key) as Placed | undefined;
  if (hit && hit.line === d.line && hit.findings === findings) return hit.placed;
  const placed = placeFindings(d, findings);
  memo.set(key, { line: d.line, findings, placed } satisfies Placed);
  return placed;
}
