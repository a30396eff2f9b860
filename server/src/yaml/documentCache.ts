// Version-keyed cache of parsed files for the language server: one parse per (uri, version).
import { ChunkCache, ParsedFile, parseFile, reparseFile, TextEdit } from './parsedFile';

export class DocumentCache {
  private files = new Map<string, { version: number; parsed: ParsedFile }>();
  readonly chunks = new ChunkCache();

  /** Single edits reported by the text-document sync, by uri: from version → to version. */
  private edits = new Map<string, { from: number; to: number; edit: TextEdit }>();

  get(uri: string, version: number, text: () => string): ParsedFile {
    const hit = this.files.get(uri);
    if (hit && hit.version === version) return hit.parsed;
    // One known edit since the cached version: re-split only the region it touched.
    const e = this.edits.get(uri);
    const parsed =
      hit && e && e.from === hit.version && e.to === version
        ? reparseFile(hit.parsed, text(), this.chunks, e.edit)
        : parseFile(text(), this.chunks, hit?.parsed);
    this.files.set(uri, { version, parsed });
    return parsed;
  }

  /** Called by the document sync before it applies changes; anything but one edit forgets the hint. */
  noteEdit(uri: string, from: number, to: number, edit: TextEdit | undefined): void {
    if (edit) this.edits.set(uri, { from, to, edit });
    else this.edits.delete(uri);
  }

  delete(uri: string): void {
    this.files.delete(uri);
    this.edits.delete(uri);
  }
}
