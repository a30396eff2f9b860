// Lint findings for a whole file, placed at file positions (zero-based line/character), in
// the same shape as the schema diagnostics so the handler and the CLI can merge them.
// Per keystroke only the edited document changes: the placed findings of every other document
// are reused as long as it starts on the same line (cached on its chunk).
import type { ParsedFile, FileDocument } from '../../yaml/parsedFile';
import type { LintEnv, LintFinding, Severity } from './lintRule';
import type { LintConfig } from './lintConfig';
import { lintDocument } from './lintDocument';

export interface LintDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  data?: LintFinding['data'];
}

function place(d: FileDocument, findings: LintFinding[]): LintDiagnostic[] {
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

export function lintFile(file: ParsedFile, config: LintConfig, env: LintEnv = {}): LintDiagnostic[] {
  if (file.disabled || config.rules.length === 0) return [];
  const out: LintDiagnostic[] = [];
  const key = config.keys.placed;
  for (const d of file.documents) {
    const findings = lintDocument(d.chunk, config, env);
    if (findings.length === 0) continue;
    const hit = d.chunk.cache.get(key) as { line: number; findings: LintFinding[]; placed: LintDiagnostic[] } | undefined;
    // Same findings array (document-only rules, cached) at the same line: reuse the placed objects.
    if (hit && hit.line === d.line && hit.findings === findings) {
      for (const p of hit.placed) out.push(p);
      continue;
    }
    const placed = place(d, findings);
    d.chunk.cache.set(key, { line: d.line, findings, placed });
    for (const p of placed) out.push(p);
  }
  return out;
}
