// A whole YAML file as documents: each chunk parsed once and shared between versions of the
// file while its text is unchanged (an edit re-parses only the document it touches).
import { splitDocuments, TextChunk } from './splitDocuments';
import { ParsedChunk, parseChunk } from './parsedChunk';
import { LruCache } from '../util/lruCache';

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

/**
 * Chunk cache shared by every file: text → parsed chunk, the least recently used evicted first.
 * Bounded by entries and by the characters of the texts (a parsed tree costs about ten times its
 * text), so typing in a 40 KB document does not keep a tree per keystroke. Open files hold their
 * own chunks; the cache is for re-use (undo, a file opened after the index read it from disk).
 */
export class ChunkCache {
  private lru: LruCache<string, ParsedChunk>;
  constructor(maxEntries = 20000, maxChars = 2 * 2 ** 20) {
    this.lru = new LruCache({ maxEntries, maxWeight: maxChars, weigh: (text) => text.length });
  }

  /**
   * The parsed chunk for `text`: from `known` (the previous version's chunks), the cache, or parsed
   * now — from a copy of the text: `text` is a slice of the whole file's text and would keep that
   * alive (V8 slices point into their parent), a file's text per edited document (issue 11).
   */
  get(text: string, known?: ReadonlyMap<string, ParsedChunk>): ParsedChunk {
    let c = this.lru.get(text);
    if (c) return c;
    c = known?.get(text) ?? parseChunk(ownCopy(text));
    this.lru.set(c.text, c);
    return c;
  }

  /** How many chunks and characters of text the cache holds (soak and unit tests). */
  get held(): { entries: number; chars: number } {
    return { entries: this.lru.size, chars: this.lru.weight };
  }
}

/** A string of its own, not a slice of a larger one (concatenation then slicing makes V8 copy it). */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** A cache without bounds, for a run that keeps every file it parses anyway (`kubemate check`). */
export function unboundedChunkCache(): ChunkCache {
  return new ChunkCache(Infinity, Infinity);
}

/** `prev`: an earlier version of the same file, whose unchanged documents are re-used whatever the cache evicted. */
export function parseFile(text: string, cache: ChunkCache = new ChunkCache(), prev?: ParsedFile): ParsedFile {
  return new FileParse(text, cache, prev).finish();
}

/**
 * A file parsed document by document, for a caller that spreads the work over several turns
 * (the language server opening a large file). `finish()` gives what parseFile gives — the same
 * documents, parsed the same way — however many steps ran before.
 */
export class FileParse {
  private readonly chunks: TextChunk[];
  private readonly known?: ReadonlyMap<string, ParsedChunk>;
  private readonly documents: FileDocument[] = [];
  private result?: ParsedFile;

  constructor(
    readonly text: string,
    private readonly cache: ChunkCache,
    prev?: ParsedFile,
  ) {
    this.chunks = splitDocuments(text);
    this.known = prev && new Map(prev.documents.map((d) => [d.chunk.text, d.chunk]));
  }

  /** How many documents the file has, and how many are parsed. */
  get total(): number {
    return this.chunks.length;
  }
  get parsed(): number {
    return this.documents.length;
  }

  /** Parses the next document and returns it (undefined when every document is parsed). */
  step(): FileDocument | undefined {
    const index = this.documents.length;
    const c = this.chunks[index];
    if (!c) return undefined;
    const d: FileDocument = { index, start: c.start, line: c.line, chunk: this.cache.get(c.text, this.known) };
    this.documents.push(d);
    return d;
  }

  /** The documents parsed so far as a file (the rest of the text is not looked at). */
  partial(documents: FileDocument[] = this.documents.slice()): ParsedFile {
    return fileOf(this.text, documents);
  }

  /** The whole file: the remaining documents parsed now. */
  finish(): ParsedFile {
    if (!this.result) {
      while (this.step());
      this.result = fileOf(this.text, this.documents);
    }
    return this.result;
  }
}

/** One contiguous edit in old-text offsets: [start, end) replaced by `inserted` characters. */
export interface TextEdit {
  start: number;
  end: number;
  inserted: number;
}

/**
 * The next version of a file after one edit: documents wholly before the edit (and clear of the
 * `---` that follows them) and wholly after it are carried over — shifted by the edit's length and
 * line count, their text never compared — and only the region between is split and looked up
 * again. Same result as parseFile(text).
 */
export function reparseFile(prev: ParsedFile, text: string, cache: ChunkCache, edit: TextEdit): ParsedFile {
  const docs = prev.documents;
  let head = 0;
  // The 4 characters after a document are the next `---` marker: an edit there changes where it ends.
  while (head < docs.length && docs[head].start + docs[head].chunk.text.length + 4 <= edit.start) head++;
  let tail = docs.length;
  while (tail > head && docs[tail - 1].start > edit.end) tail--;
  const delta = edit.inserted - (edit.end - edit.start);
  const midStart = head === 0 ? 0 : docs[head - 1].start + docs[head - 1].chunk.text.length;
  const midEnd = tail === docs.length ? text.length : docs[tail].start + delta;
  const oldMidEnd = tail === docs.length ? prev.text.length : docs[tail].start;
  const midLine = head === 0 ? 0 : docs[head - 1].line + newlines(docs[head - 1].chunk.text);
  const lineDelta = newlines(text.slice(midStart, midEnd)) - newlines(prev.text.slice(midStart, oldMidEnd));
  // An empty middle only stands for a document when it is the whole (empty) file.
  const middle = splitDocuments(text.slice(midStart, midEnd)).filter((c) => c.text.length > 0 || (head === 0 && tail === docs.length));
  const documents: FileDocument[] = [
    ...docs.slice(0, head),
    ...middle.map((c) => ({ index: 0, start: midStart + c.start, line: midLine + c.line, chunk: cache.get(c.text) })),
    ...docs.slice(tail).map((d) => ({ index: 0, start: d.start + delta, line: d.line + lineDelta, chunk: d.chunk })),
  ];
  documents.forEach((d, i) => (d.index = i));
  return fileOf(text, documents);
}

function newlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function fileOf(text: string, documents: FileDocument[]): ParsedFile {
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
