// Version-keyed cache of parsed files for the language server: one parse per (uri, version).
// A version may be parsed over several turns (begin → the FileParse's steps); get() finishes it
// at once when a feature needs the whole file before then.
import { ChunkCache, FileParse, ParsedFile, parseFile, reparseFile, TextEdit } from './parsedFile';

export class DocumentCache {
  private files = new Map<string, { version: number; parsed: ParsedFile }>();
  readonly chunks = new ChunkCache();

  /** Single edits reported by the text-document sync, by uri: from version → to version. */
  private edits = new Map<string, { from: number; to: number; edit: TextEdit }>();

  /** Parses being spread over turns, by uri. */
  private pending = new Map<string, { version: number; parse: FileParse }>();

  get(uri: string, version: number, text: () => string): ParsedFile {
    const p = this.pending.get(uri);
    if (p) {
      this.pending.delete(uri);
      this.files.set(uri, { version: p.version, parsed: p.parse.finish() });
    }
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

  /**
   * Starts parsing this version of `uri` document by document when it has more than `moreThan`
   * documents; the caller steps the returned parse. Undefined for a smaller file (get() parses it).
   */
  begin(uri: string, version: number, text: string, moreThan: number): FileParse | undefined {
    const parse = new FileParse(text, this.chunks, this.files.get(uri)?.parsed);
    if (parse.total <= moreThan) return undefined;
    this.pending.set(uri, { version, parse });
    return parse;
  }

  /** The parse of this version still being spread over turns (undefined once finished, by get() or its steps). */
  pendingParse(uri: string, version: number): FileParse | undefined {
    const p = this.pending.get(uri);
    return p && p.version === version ? p.parse : undefined;
  }

  /** Called by the document sync before it applies changes; anything but one edit forgets the hint. */
  noteEdit(uri: string, from: number, to: number, edit: TextEdit | undefined): void {
    if (edit) this.edits.set(uri, { from, to, edit });
    else this.edits.delete(uri);
  }

  delete(uri: string): void {
    this.files.delete(uri);
    this.pending.delete(uri);
    this.edits.delete(uri);
  }
}
