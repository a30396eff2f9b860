// A fast path for the block-style YAML nearly every manifest is written in, and for JSON-style
// documents (one flow collection, a line break after a bracket or a comma). It builds the `yaml`
// package's own nodes (Document, YAMLMap, YAMLSeq, Pair, Scalar) with the same values, ranges,
// sources, types and formats `parseDocument` gives, and the plain value (`toJS`) in the same pass.
// Lines may end in LF or CRLF (a line's content ends before either; ranges and line starts count
// the CR as yaml does). Whatever it does not reproduce exactly — flow collections over several
// lines inside a block one, comments or blank lines inside a flow collection, anchors, aliases,
// tags, directives, tabs, a CR outside a CRLF, multi-line plain or quoted scalars, an invalid
// escape, block keys that are quoted, odd indentation, comment lines yaml would give to a scalar
// or an empty value, any syntax error, duplicate keys, templates — makes it return undefined,
// and the caller parses the text with `yaml.parseDocument` unchanged.
// test/unit/yaml/fastParse.test.ts compares both, on every case with LF and with CRLF.
//
// Comments and blank lines are not attached (`comment`, `commentBefore`, `spaceBefore` stay unset
// on every node and the document): nothing in server/src reads them from a parsed chunk (the one
// reader, kubectl/verbs/edit.ts, parses its text on its own), and `doc.toString()` still works,
// printing the document without its comments. Ranges are kept: where yaml's parser lets comment
// lines after a collection's last item extend its range, this does the same (takeComment).
import { Composer, Document, type DocumentOptions, type LineCounter, Pair, type ParseOptions, Scalar, type SchemaOptions, YAMLMap, YAMLSeq } from 'yaml';

export type FastParseOptions = ParseOptions & DocumentOptions & SchemaOptions & { lineCounter: LineCounter };

export interface FastParse {
  doc: Document.Parsed;
  /** Deep-equal to `doc.toJS({ maxAliasCount: 100 })`. */
  value: unknown;
}

/** A resolved scalar tag of the schema, as the composer uses it. */
interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown;
}

const SCALAR_TAG = Symbol.for('yaml.scalar');

/** Thrown (never escapes this file) when the text leaves the supported subset. */
const BAIL = { bail: true };

// Characters that make the chunk leave the fast path wherever they are: control characters
// (tab…), a CR that does not start a CRLF line break, YAML's other line breaks, a byte-order
// mark, templates. Every CR left is followed by LF: a line's content ends at either.
const UNSUPPORTED = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]|\r(?!\n)|\{\{|\{%/;

// The library's classes and constants, read once (a bundler turns each use of an import into a
// property read through a getter).
const ScalarNode = Scalar;
const MapNode = YAMLMap;
const SeqNode = YAMLSeq;
const PairNode = Pair;
const { PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_FOLDED, BLOCK_LITERAL } = Scalar;

// The escapes of a double-quoted scalar but \x, \u and \U (as yaml's resolve-flow-scalar; an
// escaped tab never gets here, a tab bails).
const DQ_ESCAPES = new Map([
  ['0', '\0'],
  ['a', '\x07'],
  ['b', '\b'],
  ['e', '\x1b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['v', '\v'],
  ['N', '\u0085'],
  ['_', '\u00a0'],
  ['L', '\u2028'],
  ['P', '\u2029'],
  [' ', ' '],
  ['"', '"'],
  ['/', '/'],
  ['\\', '\\'],
]);
const HEX = /^[0-9a-fA-F]+$/;

const SPACE = 32;
const NL = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Returns the document and its value, or undefined when `text` needs the full parser. */
export function fastParse(text: string, options: FastParseOptions): FastParse | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  try {
    return new BlockParser(text, options).parse();
  } catch {
    return undefined;
  }
}

interface Parsed {
  node: Scalar | YAMLMap | YAMLSeq;
  value: unknown;
  /** range[2] of the node. */
  end: number;
  /** Start of the next content line (or text.length). */
  next: number;
  /** The node is an empty scalar (its line's newline is not part of any range). */
  empty: boolean;
}

class BlockParser {
  private readonly len: number;
  private doc!: Document.Parsed;
  private tags!: ScalarTag[];
  private strTag!: ScalarTag;
  /** Whether the last nextContent() skipped a comment line. */
  private sawComment = false;
  /**
   * The indent of the comment lines the last nextContent() skipped (-1: none), until a
   * collection settles where yaml puts them (takeComment).
   */
  private pendingComment = -1;

  constructor(
    private readonly text: string,
    private readonly options: FastParseOptions,
  ) {
    this.len = text.length;
  }

  parse(): FastParse | undefined {
    const { text, len } = this;
    let docStart = false;
    let pos = 0;
    if (text.startsWith('---')) {
      const c = text.charCodeAt(3);
      if (c !== NL && c !== CR) return undefined;
      docStart = true;
      pos = this.afterLine(3);
    }
    const first = this.nextContent(pos);
    // Comments before the content: the document's or the root's `commentBefore`.
    if (first < len && (this.indentAt(first) !== 0 || this.pendingComment > 0)) return undefined;
    this.pendingComment = -1;
    // The composer's Document: the stream's directives, then the document's own (copied at the start).
    const composer = new Composer(this.options);
    this.doc = new Document(
      undefined,
      Object.assign({ _directives: (composer as unknown as { directives: unknown }).directives }, this.options),
    ) as Document.Parsed;
    if (docStart) this.doc.directives.docStart = true;
    const schema = this.doc.schema as unknown as { tags: ScalarTag[]; [SCALAR_TAG]: ScalarTag };
    this.tags = schema.tags;
    this.strTag = schema[SCALAR_TAG];
    let value: unknown = null;
    if (first >= len) {
      // No content: nothing at all, or after `---` an empty scalar that takes the comments.
      if (docStart) {
        const end = this.sawComment ? len : 3;
        if (this.sawComment && !/(^|\n) *#[^\n]*\n$/.test(text)) return undefined;
        const node = this.plain('', 3, 3, end, false);
        this.doc.contents = node as Scalar.Parsed;
        this.doc.range = [0, end, end];
      } else this.doc.range = [0, len, len];
    } else {
      const c = text.charCodeAt(first);
      const root = c === 91 || c === 123 ? this.rootFlow(first) : this.isSeqItem(first) ? this.seq(first, 0) : this.map(first, first, 0);
      // Comments still pending at the end go to the document's end (the root is at column 0).
      if (root.next < len) return undefined;
      this.doc.contents = root.node as Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed;
      // After an empty last value the rest of the text belongs to its pair; otherwise to the document's end.
      this.doc.range = [docStart ? 0 : first, root.end, root.empty ? root.end : len];
      value = root.value;
    }
    const lc = this.options.lineCounter;
    lc.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
    return { doc: this.doc, value };
  }

  // ---- lines -------------------------------------------------------------------------------

  /** The end of the content of the line holding `pos`: its CRLF or LF, or text.length. */
  private lineEnd(pos: number): number {
    const nl = this.text.indexOf('\n', pos);
    if (nl < 0) return this.len;
    return this.text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
  }

  /** The start of the line after the one whose content ends at `lineEnd` (lineEnd()), or text.length. */
  private nextLine(lineEnd: number): number {
    if (lineEnd >= this.len) return lineEnd;
    return this.text.charCodeAt(lineEnd) === CR ? lineEnd + 2 : lineEnd + 1;
  }

  /** After the line holding `pos` (its newline included), or text.length. */
  private afterLine(pos: number): number {
    const nl = this.text.indexOf('\n', pos);
    return nl < 0 ? this.len : nl + 1;
  }

  private indentAt(lineStart: number): number {
    let i = lineStart;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i - lineStart;
  }

  /**
   * The start of the first content line at or after the line start `pos`, skipping blank lines
   * and comment lines; text.length at the end. The comment lines must share one indent, not less
   * than the next content line's; it is left in pendingComment for the collections to settle
   * (takeComment). With anyCommentIndent (between a key and its nested value, where yaml gives
   * them to that value whatever their indent) none of this applies.
   */
  private nextContent(pos: number, anyCommentIndent = false): number {
    const { text, len } = this;
    let commentIndent = -1;
    this.sawComment = false;
    this.pendingComment = -1;
    while (pos < len) {
      let i = pos;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i >= len || c === NL || c === CR) {
        pos = this.afterLine(i);
        continue;
      }
      if (c === HASH) {
        const indent = i - pos;
        if (!anyCommentIndent && commentIndent >= 0 && commentIndent !== indent) throw BAIL;
        commentIndent = indent;
        this.sawComment = true;
        pos = this.afterLine(i);
        continue;
      }
      if (!anyCommentIndent && commentIndent >= 0) {
        if (commentIndent < i - pos) throw BAIL;
        this.pendingComment = commentIndent;
      }
      // Document markers inside a chunk (splitDocuments cuts before `---`): leave them to yaml.
      if (i === pos && (text.startsWith('---', i) || text.startsWith('...', i))) throw BAIL;
      return pos;
    }
    if (!anyCommentIndent) this.pendingComment = commentIndent;
    return len;
  }

  /** A `-` sequence indicator at the content start of the line `lineStart`. */
  private isSeqItem(lineStart: number): boolean {
    const i = lineStart + this.indentAt(lineStart);
    if (this.text.charCodeAt(i) !== DASH) return false;
    const n = this.text.charCodeAt(i + 1);
    return n === SPACE || n === NL || n === CR || i + 1 >= this.len;
  }

  // ---- collections -------------------------------------------------------------------------

  /** A block mapping whose first key starts at `keyPos` (column `indent`) on the line `lineStart`. */
  private map(lineStart: number, keyPos: number, indent: number): Parsed {
    const { text } = this;
    const map = new MapNode(this.doc.schema);
    const obj: Record<string, unknown> = {};
    const start = keyPos;
    let end = keyPos;
    let last: Parsed;
    for (;;) {
      const keyEnd = this.keyEnd(keyPos, this.lineEnd(keyPos));
      if (keyEnd < 0) throw BAIL;
      const keyText = text.slice(keyPos, keyEnd);
      const key = this.plainKey(keyText, keyPos, keyEnd);
      last = this.valueAfter(keyEnd + 1, lineStart, indent, false);
      map.items.push(new PairNode(key, last.node));
      const k = key.value as string;
      // A duplicate key is an error. Otherwise the pair becomes an own property as toJS adds it,
      // a key inherited from Object.prototype (`constructor`) too: every one is a writable data
      // property there but `__proto__` (plainKey bails on it), so an assignment defines it on obj.
      if (Object.hasOwn(obj, k)) throw BAIL;
      obj[k] = last.value;
      end = last.end;
      const next = last.next;
      if (this.pendingComment >= 0) {
        const taken = this.takeComment(indent, next, last, next >= this.len || this.indentAt(next) < indent);
        if (taken >= 0) {
          map.range = [start, end, taken];
          return { node: map, value: obj, end: taken, next, empty: false };
        }
      }
      if (next >= this.len) break;
      const nextIndent = this.indentAt(next);
      if (nextIndent < indent) break;
      if (nextIndent > indent) throw BAIL;
      if (this.isSeqItem(next)) {
        // Only a sequence at its parent key's indent may follow at this column, and it was the value.
        throw BAIL;
      }
      lineStart = next;
      keyPos = next + nextIndent;
    }
    map.range = [start, end, end];
    return { node: map, value: obj, end, next: last.next, empty: last.empty };
  }

  /** A block sequence whose first `-` is at column `indent` of the line `lineStart`. */
  private seq(lineStart: number, indent: number): Parsed {
    const seq = new SeqNode(this.doc.schema);
    const arr: unknown[] = [];
    const start = lineStart + indent;
    let last: Parsed;
    let commented = false;
    for (;;) {
      const dash = lineStart + indent;
      last = this.valueAfter(dash + 1, lineStart, indent, true);
      // Comment lines before an empty item are its own and extend its range.
      if (commented && last.empty) throw BAIL;
      seq.items.push(last.node);
      arr.push(last.value);
      const next = last.next;
      commented = this.pendingComment >= 0;
      if (commented) {
        // A line at this column that is not an item ends a sequence at its parent key's indent.
        const ends = next >= this.len || this.indentAt(next) < indent || !this.isSeqItem(next);
        const taken = this.takeComment(indent, next, last, ends);
        if (taken >= 0) {
          seq.range = [start, last.end, taken];
          return { node: seq, value: arr, end: taken, next, empty: false };
        }
      }
      if (next >= this.len) break;
      const nextIndent = this.indentAt(next);
      if (nextIndent < indent) break;
      if (nextIndent > indent) throw BAIL;
      if (!this.isSeqItem(next)) break;
      lineStart = next;
    }
    seq.range = [start, last.end, last.end];
    return { node: seq, value: arr, end: last.end, next: last.next, empty: last.empty };
  }

  /**
   * Where comment lines after `last`, the last item so far of a collection at `indent`, go; they
   * end before the line `next`, which `ends` this collection or not. As yaml's parser does: a
   * comment deeper than the collection after a scalar item goes to that scalar (bail); otherwise
   * the lines are the collection's. If it continues, they are the next item's `commentBefore`
   * (no range changes). If it ends, it keeps them when it is not at column 0 and they are not
   * less indented than it (its range then reaches the next content: the new end is returned);
   * else they pass on to the collection around it (or the document's end). -1 when not taken.
   */
  private takeComment(indent: number, next: number, last: Parsed, ends: boolean): number {
    const at = this.pendingComment;
    const nested = (last.node instanceof MapNode || last.node instanceof SeqNode) && !last.node.flow;
    if (at > indent && !nested) throw BAIL;
    if (!ends) {
      this.pendingComment = -1;
      return -1;
    }
    if (indent === 0 || at < indent) return -1;
    if (last.empty) throw BAIL;
    this.pendingComment = -1;
    return this.commentEnd(next);
  }

  /** Where comment lines a collection takes end: at the next content (after its indent), or the end of the text. */
  private commentEnd(next: number): number {
    return next < this.len ? next + this.indentAt(next) : next;
  }

  /**
   * The value after a `key:` (or a `-`, inItem) whose indicator ends before `pos`, on the line
   * `lineStart` of a collection at column `indent`.
   */
  private valueAfter(pos: number, lineStart: number, indent: number, inItem: boolean): Parsed {
    const { text, len } = this;
    let i = pos;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (i >= len || c === NL || c === CR || c === HASH) {
      if (c === HASH && i === pos) throw BAIL;
      // The value is on the following lines, or empty. Comment lines between the indicator and a
      // nested value are that value's `commentBefore` whatever their indent.
      const next = this.nextContent(this.afterLine(i), true);
      if (next < len) {
        const nextIndent = this.indentAt(next);
        if (nextIndent > indent) return this.isSeqItem(next) ? this.seq(next, nextIndent) : this.map(next, next + nextIndent, nextIndent);
        if (nextIndent === indent && !inItem && this.isSeqItem(next)) return this.seq(next, indent);
      }
      // A comment of an empty value would become its own and extend its range.
      if (c === HASH || this.sawComment) throw BAIL;
      // An empty scalar sits after the indicator and the spaces that follow it.
      const node = this.plain('', i, i, i, false);
      return { node, value: node.value, end: i, next, empty: true };
    }
    if (inItem) {
      // `- key: value` starts a mapping at the key's column.
      const keyEnd = this.keyEnd(i, this.lineEnd(i));
      if (keyEnd >= 0) return this.map(lineStart, i, i - lineStart);
    }
    return this.scalarAt(i, indent);
  }

  // ---- scalars -----------------------------------------------------------------------------

  /**
   * The end of the implicit key starting at `pos` (the offset of its `:`), or -1 when the line is
   * not `key: …`. Bails on what an implicit plain key must not be.
   */
  private keyEnd(pos: number, lineEnd: number): number {
    const { text } = this;
    const c = text.charCodeAt(pos);
    // Not a plain key: a scalar, or a quoted or flow key whose `:` then fails the scalar's line check.
    if (isIndicator(c)) return -1;
    if (c === DASH && isSpaceOrEnd(text.charCodeAt(pos + 1))) throw BAIL;
    for (let i = pos; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON) {
        const n = i + 1 < this.len ? text.charCodeAt(i + 1) : NL;
        if (n === SPACE || n === NL || n === CR) {
          if (text.charCodeAt(i - 1) === SPACE || i - pos > 1000) throw BAIL;
          return i;
        }
      } else if (ch === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  private plainKey(source: string, start: number, end: number): Scalar {
    if (source === '__proto__' || source === '<<') throw BAIL;
    const key = this.plain(source, start, end, end, true);
    if (typeof key.value !== 'string') throw BAIL;
    return key;
  }

  /** A scalar value starting at `pos` on its line, in a collection at column `indent`. */
  private scalarAt(pos: number, indent: number): Parsed {
    const { text } = this;
    const lineEnd = this.lineEnd(pos);
    const c = text.charCodeAt(pos);
    let node: Scalar;
    let value: unknown;
    if (c === 34 || c === 39) {
      node = this.quoted(pos, lineEnd);
      node.range![2] = this.lineTail(node.range![1], lineEnd);
      value = node.value;
    } else if (c === 124 || c === 62) {
      return this.blockScalar(pos, lineEnd, indent);
    } else if (c === 91 || c === 123) {
      return this.flow(pos, lineEnd, indent);
    } else {
      if (isIndicator(c) || ((c === DASH || c === 63 || c === COLON) && !isPlainSafe(text.charCodeAt(pos + 1)))) throw BAIL;
      // A plain scalar ends at ` #` or the end of the line; `: ` or a final `:` would make it a key.
      let end = lineEnd;
      for (let i = pos + 1; i < lineEnd; i++) {
        const ch = text.charCodeAt(i);
        if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
          end = i;
          break;
        }
        if (ch === COLON && text.charCodeAt(i + 1) === SPACE) throw BAIL;
      }
      while (text.charCodeAt(end - 1) === SPACE) end--;
      if (text.charCodeAt(end - 1) === COLON) throw BAIL;
      node = this.plain(text.slice(pos, end), pos, end, this.lineTail(end, lineEnd), false);
      value = node.value;
    }
    const end = node.range![2];
    return { node, value, end, next: this.after(end, indent), empty: false };
  }

  /** `"…"` or `'…'` closed on its line, starting at `pos`; range[2] is its end. */
  private quoted(pos: number, lineEnd: number): Scalar {
    const { text } = this;
    const double = text.charCodeAt(pos) === 34;
    let i = pos + 1;
    let body = '';
    let valueEnd: number;
    for (;;) {
      if (double) {
        // Up to the closing quote or an escape, which is decoded as yaml does (an escaped line break bails).
        let j = i;
        let ch = 0;
        while (j < lineEnd && (ch = text.charCodeAt(j)) !== 34 && ch !== 92) j++;
        if (j >= lineEnd || (ch === 92 && j + 1 >= lineEnd)) throw BAIL;
        body += text.slice(i, j);
        if (ch === 34) {
          valueEnd = j + 1;
          break;
        }
        const e = text[j + 1];
        const simple = DQ_ESCAPES.get(e);
        if (simple !== undefined) {
          body += simple;
          i = j + 2;
        } else {
          const length = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
          const hex = text.slice(j + 2, j + 2 + length);
          if (length === 0 || j + 2 + length > lineEnd || !HEX.test(hex)) throw BAIL;
          // A code point beyond U+10FFFF is an error (fromCodePoint throws: bail); a lone surrogate is kept.
          body += String.fromCodePoint(Number.parseInt(hex, 16));
          i = j + 2 + length;
        }
        continue;
      }
      const q = text.indexOf("'", i);
      if (q < 0 || q >= lineEnd) throw BAIL;
      if (text.charCodeAt(q + 1) === 39) {
        body += text.slice(i, q + 1);
        i = q + 2;
        continue;
      }
      body += text.slice(i, q);
      valueEnd = q + 1;
      break;
    }
    const node = new ScalarNode(body);
    node.range = [pos, valueEnd, valueEnd];
    node.source = body;
    node.type = double ? QUOTE_DOUBLE : QUOTE_SINGLE;
    return node;
  }

  /** A flow collection on one line (see flowCollection), as a block value. */
  private flow(pos: number, lineEnd: number, indent: number): Parsed {
    const { node, value } = this.flowCollection(pos, false);
    const valueEnd = node.range![1];
    const end = this.lineTail(valueEnd, lineEnd);
    node.range![2] = end;
    return { node, value, end, next: this.after(end, indent), empty: false };
  }

  /** A flow collection that is the whole document (JSON style), over as many lines as it takes. */
  private rootFlow(pos: number): Parsed {
    const { node, value } = this.flowCollection(pos, true);
    const valueEnd = node.range![1];
    const end = this.lineTail(valueEnd, this.lineEnd(valueEnd));
    // yaml gives the document's end only some of the lines after a flow root (up to the first blank one): bail on any.
    if (end < this.len) throw BAIL;
    node.range![2] = end;
    return { node, value, end, next: end, empty: false };
  }

  /**
   * A flow collection of plain or quoted scalars and flow collections: `[]`, `[ a, "b", 1 ]`,
   * `{ a: 1, b: [c] }`; no space before a key's `:`. Closed on its line, without a trailing
   * comma; or, `multiline` (the document's root), with a line break after an opening bracket or a
   * comma (then spaces), or between an item and the closing bracket, and a trailing comma. Its
   * range ends after the closing bracket.
   */
  private flowCollection(pos: number, multiline: boolean): { node: YAMLMap | YAMLSeq; value: unknown } {
    const { text } = this;
    const isSeq = text.charCodeAt(pos) === 91;
    const close = isSeq ? 93 : 125;
    const coll = isSeq ? new SeqNode(this.doc.schema) : new MapNode(this.doc.schema);
    coll.flow = true;
    const arr: unknown[] = [];
    const obj: Record<string, unknown> = {};
    let i = this.flowGap(pos + 1, multiline);
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        let last: { node: Scalar | YAMLMap | YAMLSeq; value: unknown };
        if (isSeq) {
          last = this.flowItem(i, multiline);
          (coll as YAMLSeq).items.push(last.node);
          arr.push(last.value);
        } else {
          const key = this.flowScalar(i, true, false);
          i = key.range![1];
          if (text.charCodeAt(i) !== COLON || text.charCodeAt(i + 1) !== SPACE) throw BAIL;
          const k = key.value;
          if (typeof k !== 'string' || k === '__proto__' || k === '<<' || Object.hasOwn(obj, k)) throw BAIL;
          i += 2;
          while (text.charCodeAt(i) === SPACE) i++;
          last = this.flowItem(i, multiline);
          (coll as YAMLMap).items.push(new PairNode(key, last.node));
          obj[k] = last.value;
        }
        i = last.node.range![1];
        // The spaces after an item are part of its range, and a line break (see below) before a closing bracket.
        while (text.charCodeAt(i) === SPACE) i++;
        let ch = text.charCodeAt(i);
        if (ch === NL || ch === CR) {
          if (!multiline) throw BAIL;
          const next = this.nextLine(i);
          i = next;
          while (text.charCodeAt(i) === SPACE) i++;
          if (text.charCodeAt(i) !== close) throw BAIL;
          // As yaml's parser ends them: a sequence's item after the next line's indent, a pair's value after the line break.
          last.node.range![2] = isSeq ? i : next;
          break;
        }
        last.node.range![2] = i;
        if (ch === close) break;
        if (ch !== 44) throw BAIL;
        i = this.flowGap(i + 1, multiline);
        ch = text.charCodeAt(i);
        if (ch === close) {
          if (!multiline) throw BAIL;
          break;
        }
      }
    }
    coll.range = [pos, i + 1, i + 1];
    return { node: coll, value: isSeq ? arr : obj };
  }

  /** After `[`, `{` or `,`: spaces, and with `multiline` a line break and the next line's indent. */
  private flowGap(pos: number, multiline: boolean): number {
    const { text } = this;
    let i = pos;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c === NL || c === CR) {
      if (!multiline) throw BAIL;
      i = this.nextLine(i);
      while (text.charCodeAt(i) === SPACE) i++;
      const d = text.charCodeAt(i);
      // A blank line, a comment, a document marker or the end: left to yaml.
      if (i >= this.len || d === NL || d === CR || d === HASH || (i === this.lineStartOf(i) && (text.startsWith('---', i) || text.startsWith('...', i))))
        throw BAIL;
    }
    return i;
  }

  private lineStartOf(pos: number): number {
    return this.text.lastIndexOf('\n', pos - 1) + 1;
  }

  /** An item (or a pair's value) of a flow collection. */
  private flowItem(pos: number, multiline: boolean): { node: Scalar | YAMLMap | YAMLSeq; value: unknown } {
    const c = this.text.charCodeAt(pos);
    if (c === 91 || c === 123) return this.flowCollection(pos, multiline);
    const node = this.flowScalar(pos, false, multiline);
    return { node, value: node.value };
  }

  /**
   * A quoted or plain scalar inside a flow collection, ending right before `,`, a closing bracket
   * or (a key) `: `; with `multiline`, a value may also end its line.
   */
  private flowScalar(pos: number, atKey: boolean, multiline: boolean): Scalar {
    const { text } = this;
    const lineEnd = this.lineEnd(pos);
    const c = text.charCodeAt(pos);
    if (c === 34 || c === 39) return this.quoted(pos, lineEnd);
    if (isIndicator(c) || isSpaceOrEnd(c) || ((c === DASH || c === 63 || c === COLON) && !isPlainSafe(text.charCodeAt(pos + 1)))) throw BAIL;
    let i = pos + 1;
    for (; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 44 || ch === 93 || ch === 125) break;
      // `:` then a space, a flow indicator or the end ends a key; otherwise it is the scalar's (`nginx:1.25`).
      if (ch === COLON) {
        const n = text.charCodeAt(i + 1);
        if (n === SPACE || n === 44 || n === 93 || n === 125 || i + 1 >= lineEnd) break;
      }
      if ((ch === HASH && text.charCodeAt(i - 1) === SPACE) || ch === 91 || ch === 123 || ch === 34 || ch === 39) throw BAIL;
    }
    if (i >= lineEnd && (atKey || !multiline)) throw BAIL;
    let end = i;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    if (end < i && atKey) throw BAIL;
    if (atKey) {
      if (text.charCodeAt(i) !== COLON || text.charCodeAt(i + 1) !== SPACE) throw BAIL;
    } else if (text.charCodeAt(i) === COLON) throw BAIL;
    return this.plain(text.slice(pos, end), pos, end, end, atKey);
  }

  /** After a value ending at `pos`: spaces, then a comment or the end of the line; the offset after the newline. */
  private lineTail(pos: number, lineEnd: number): number {
    const { text } = this;
    let i = pos;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i < lineEnd && !(text.charCodeAt(i) === HASH && i > pos)) throw BAIL;
    return this.nextLine(lineEnd);
  }

  /** The next content line after a value ending at line start `pos`; a deeper line would continue the scalar. */
  private after(pos: number, indent: number): number {
    const next = this.nextContent(pos);
    if (next < this.len && this.indentAt(next) > indent) throw BAIL;
    return next;
  }

  /** A plain scalar resolved as the schema does (YAML 1.2 core: null, bool, int, float, string). */
  private plain(source: string, start: number, valueEnd: number, end: number, atKey: boolean): Scalar {
    let tag: ScalarTag | undefined;
    const c = source.charCodeAt(0);
    // Every non-string tag of the core schema matches only the empty string or one starting with
    // one of ~ . + - 0-9 n N t T f F; the rest is a string without trying each tag's pattern.
    if (
      source === '' ||
      c === 126 ||
      c === 46 ||
      c === 43 ||
      c === DASH ||
      (c >= 48 && c <= 57) ||
      c === 110 ||
      c === 78 ||
      c === 116 ||
      c === 84 ||
      c === 102 ||
      c === 70
    ) {
      for (const t of this.tags) {
        if ((t.default === true || (atKey && t.default === 'key')) && t.test?.test(source)) {
          tag = t;
          break;
        }
      }
    }
    tag ??= this.strTag;
    const res = tag.resolve(
      source,
      () => {
        throw BAIL;
      },
      this.doc.options,
    );
    const node = res instanceof ScalarNode ? res : new ScalarNode(res);
    node.range = [start, valueEnd, end];
    node.source = source;
    node.type = PLAIN;
    if (tag.format) node.format = tag.format;
    return node;
  }

  /**
   * `|`, `|-`, `>` or `>-` ending its line, then lines indented deeper than the collection (the
   * first one, not blank, sets the indent). Bails on other headers and on trailing lines of spaces.
   */
  private blockScalar(pos: number, lineEnd: number, indent: number): Parsed {
    const { text, len } = this;
    const folded = text.charCodeAt(pos) === 62;
    let headerEnd = pos + 1;
    const strip = text.charCodeAt(headerEnd) === DASH;
    if (strip) headerEnd++;
    if (headerEnd !== lineEnd || lineEnd >= len) throw BAIL;
    const bodyStart = this.nextLine(lineEnd);
    const trim = this.indentAt(bodyStart);
    const firstChar = text.charCodeAt(bodyStart + trim);
    if (trim <= indent || firstChar === NL || firstChar === CR || bodyStart + trim >= len) throw BAIL;
    // Lines as [indent, content]; blank lines (empty or spaces only) have content ''.
    const lines: [number, string][] = [];
    let line = bodyStart;
    let contentEnd = bodyStart;
    let blanks = 0;
    while (line < len) {
      const ind = this.indentAt(line);
      const e = this.lineEnd(line);
      if (line + ind === e) {
        lines.push([ind, '']);
        blanks++;
      } else {
        if (ind < trim) break;
        lines.push([ind, text.slice(line + ind, e)]);
        blanks = 0;
        contentEnd = this.nextLine(e);
      }
      line = this.nextLine(e);
    }
    // Trailing blank lines are not the scalar's (clip and strip drop them); lines of spaces there would be.
    for (let i = lines.length - blanks; i < lines.length; i++) if (lines[i][0] > 0) throw BAIL;
    lines.length -= blanks;
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    for (const [ind, content] of lines) {
      const extra = ind > trim ? ' '.repeat(ind - trim) : '';
      if (!folded) {
        value += sep + extra + content;
        sep = '\n';
      } else if (ind > trim) {
        // A more-indented line of a folded scalar keeps its line breaks.
        if (sep === ' ') sep = '\n';
        else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
        value += sep + extra + content;
        sep = '\n';
        prevMoreIndented = true;
      } else if (content === '') {
        if (sep === '\n') value += '\n';
        else sep = '\n';
      } else {
        value += sep + content;
        sep = ' ';
        prevMoreIndented = false;
      }
    }
    if (!strip) value += '\n';
    const node = new ScalarNode(value);
    node.range = [pos, contentEnd, contentEnd];
    node.source = value;
    node.type = folded ? BLOCK_FOLDED : BLOCK_LITERAL;
    return { node, value, end: contentEnd, next: this.after(contentEnd, indent), empty: false };
  }
}

/** Characters that cannot start a plain scalar in the supported subset. */
function isIndicator(c: number): boolean {
  switch (c) {
    case 33: // !
    case 34: // "
    case 35: // #
    case 37: // %
    case 38: // &
    case 39: // '
    case 42: // *
    case 44: // ,
    case 62: // >
    case 63: // ?
    case 64: // @
    case 58: // :
    case 91: // [
    case 93: // ]
    case 96: // `
    case 123: // {
    case 124: // |
    case 125: // }
      return true;
    default:
      return false;
  }
}

/** A character that may follow a leading `-`, `?` or `:` of a plain scalar (not a space, the end or a flow indicator). */
function isPlainSafe(c: number): boolean {
  return !(isSpaceOrEnd(c) || c === 44 || c === 91 || c === 93 || c === 123 || c === 125);
}

function isSpaceOrEnd(c: number): boolean {
  return c === SPACE || c === NL || c === CR || Number.isNaN(c);
}
