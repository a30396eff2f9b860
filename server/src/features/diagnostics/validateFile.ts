// Schema, apiVersion/kind and API-server diagnostics for a whole file: per-document results
// placed at file positions.
import type { Schema } from '../../schema/schema';
import type { ParsedFile } from '../../yaml/parsedFile';
import type { Finding } from '../../findings/finding';
import { placeFindings } from '../../findings/placeFindings';
import { validateDocument } from './validateDocument';

export interface FileOptions {
  /** The file was named explicitly (CLI): every document must be a manifest. */
  explicit?: boolean;
}

export function validateFile(schema: Schema, file: ParsedFile, opts: FileOptions = {}): Finding[] {
  if (file.disabled) return [];
  const requireManifest = !!opts.explicit || file.hasKubernetes;
  const out: Finding[] = [];
  for (const d of file.documents) {
    const found = validateDocument(schema, d.chunk, { requireManifest });
    if (found.length) for (const f of placeFindings(d, found)) out.push(f);
  }
  return out;
}
