// A whole YAML file as documents: each chunk parsed once and shared between versions of the
// file while its text is unchanged (an edit re-parses only the document it touches).
import { splitDocuments } from './splitDocuments';
import { ParsedChunk, parseChunk } from './parsedChunk';

export interface FileDocument {
  index: number;
  /** Offset and zero-based line where this document starts in the file. */
  start: number;
  line: number;
  chunk: ParsedChunk;
}

export interface ParsedFile {
  text: string;
  documents: FileDocument[];
  /** `# kubemate: disable` in the leading comments turns KubeMate off for the file. */
  disabled: boolean;
  /** The file holds at least one Kubernetes document (apiVersion or kind). */
  hasKubernetes: boolean;
}

const DISABLE = /^\s*#\s*kubemate:\s*disable\s*$/m;

/** Chunk cache shared by every file: text → parsed chunk. Bounded; oldest entries go first. */
export class ChunkCache {
  private map = new Map<string, ParsedChunk>();
  constructor(private readonly max = 20000) {}
  get(text: string): ParsedChunk {
    let c = this.map.get(text);
    if (c) return c;
    c = parseChunk(text);
    if (this.map.size >= this.max) {
      const first = this.map.keys().next().value;
      if (first !== undefined) this.map.delete(first);
    }
    this.map.set(text, c);
    return c;
  }
}

export function parseFile(text: string, cache: ChunkCache = new ChunkCache()): ParsedFile {
  const documents = splitDocuments(text).map((c, index) => ({ index, start: c.start, line: c.line, chunk: cache.get(c.text) }));
  const head = leadingComments(text);
  return {
    text,
    documents,
    disabled: DISABLE.test(head),
    hasKubernetes: documents.some((d) => d.chunk.hasApiVersionKey || d.chunk.hasKindKey),
  };
}

/** The comment lines before the first content line — read line by line, never the whole file. */
function leadingComments(text: string): string {
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const trimmed = text.slice(pos, end).trim();
    if (!(trimmed === '' || trimmed.startsWith('#') || trimmed === '---')) break;
    pos = end + 1;
  }
  return text.slice(0, pos);
}

/** The document that contains `offset` (the last one starting at or before it). */
export function documentAt(file: ParsedFile, offset: number): FileDocument {
  let found = file.documents[0];
  for (const d of file.documents) {
    if (d.start <= offset) found = d;
    else break;
  }
  return found;
}
