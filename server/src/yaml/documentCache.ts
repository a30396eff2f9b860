// Version-keyed cache of parsed files for the language server: one parse per (uri, version).
import { ChunkCache, ParsedFile, parseFile } from './parsedFile';

export class DocumentCache {
  private files = new Map<string, { version: number; parsed: ParsedFile }>();
  readonly chunks = new ChunkCache();

  get(uri: string, version: number, text: () => string): ParsedFile {
    const hit = this.files.get(uri);
    if (hit && hit.version === version) return hit.parsed;
    const parsed = parseFile(text(), this.chunks);
    this.files.set(uri, { version, parsed });
    return parsed;
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }
}
