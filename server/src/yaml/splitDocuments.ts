// Splits a YAML stream into document chunks at `---` lines, so each document is parsed (and
// validated) on its own and re-used while unchanged. A `---` at column 0 always starts a new
// document in YAML — even inside a block scalar — so a textual split is exact.

export interface TextChunk {
  text: string;
  /** Offset of the chunk's first character in the file. */
  start: number;
  /** Zero-based line of the chunk's first character in the file. */
  line: number;
}

const MARKER = /^---(?=[ \t\r\n]|$)/;

export function splitDocuments(text: string): TextChunk[] {
  const chunks: TextChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let line = 0;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    if (pos > chunkStart && MARKER.test(text.slice(pos, Math.min(end, pos + 4)))) {
      chunks.push({ text: text.slice(chunkStart, pos), start: chunkStart, line: chunkLine });
      chunkStart = pos;
      chunkLine = line;
    }
    if (nl < 0) break;
    pos = end;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), start: chunkStart, line: chunkLine });
  return chunks;
}
