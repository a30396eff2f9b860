// Diagnostics for a whole file: per-document results placed at file positions.
import type { Schema } from '../../schema/schema';
import type { ParsedFile } from '../../yaml/parsedFile';
import { ChunkDiagnostic, Severity } from './diagnostic';
import { validateDocument } from './validateDocument';

export interface FileDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** Zero-based line/character positions in the file. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  data?: ChunkDiagnostic['data'];
}

export interface FileOptions {
  /** The file was named explicitly (CLI): every document must be a manifest. */
  explicit?: boolean;
}

export function validateFile(schema: Schema, file: ParsedFile, opts: FileOptions = {}): FileDiagnostic[] {
  if (file.disabled) return [];
  const requireManifest = !!opts.explicit || file.hasKubernetes;
  const out: FileDiagnostic[] = [];
  for (const d of file.documents) {
    const lc = d.chunk.lineCounter;
    for (const cd of validateDocument(schema, d.chunk, { requireManifest })) {
      const s = lc.linePos(cd.start);
      const e = lc.linePos(Math.max(cd.end, cd.start));
      out.push({
        code: cd.code,
        severity: cd.severity,
        message: cd.message,
        range: {
          start: { line: d.line + s.line - 1, character: s.col - 1 },
          end: { line: d.line + e.line - 1, character: e.col - 1 },
        },
        ...(cd.data ? { data: cd.data } : {}),
      });
    }
  }
  return out;
}
