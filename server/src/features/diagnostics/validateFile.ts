// Schema, apiVersion/kind and API-server diagnostics for a whole file: per-document results
// placed at file positions.
import type { Schema } from '../../schema/schema';
import type { ParsedFile } from '../../yaml/parsedFile';
import type { Finding } from '../../findings/finding';
import { placeFindingsMemo } from '../../findings/placeFindings';
import { MemoSlot } from '../../util/memo';
import { language, Lang } from '../../util/l10n';
import { validateDocument } from './validateDocument';

export interface FileOptions {
  /** The file was named explicitly (CLI): every document must be a manifest. */
  explicit?: boolean;
}

/** Slot of the placed findings on the chunk, keyed on the inputs of validateDocument. */
const PLACED = new MemoSlot<never, [strict: boolean, lang: Lang]>('diag:placed');

export function validateFile(schema: Schema, file: ParsedFile, opts: FileOptions = {}): Finding[] {
  if (file.disabled) return [];
  const requireManifest = !!opts.explicit || file.hasKubernetes;
  const out: Finding[] = [];
  for (const d of file.documents) {
    const found = validateDocument(schema, d.chunk, { requireManifest });
    if (found.length) for (const f of placeFindingsMemo(d, found, d.chunk.cache, PLACED.key([requireManifest, language()]))) out.push(f);
  }
  return out;
}
