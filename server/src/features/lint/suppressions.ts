// Suppression comments, for lint rules and every other diagnostic code (cross-resource rules
// included; only `yaml-syntax` cannot be silenced):
//   # kubemate-disable-next-line <id>[, <id>]   the next line that is not blank or a comment
//   <yaml>  # kubemate-disable-line <id>        this line
//   # kubemate-disable <id>[, <id>]             in the comments before the file's first content
//                                                line: the whole file; in the comments that open
//                                                a later `---` document: that document only
// Without ids, every code is silenced. Text after ` -- ` is a reason and is ignored.
// Disable comments anywhere else are ignored, so a stray comment cannot hide a whole file.

export interface Suppressions {
  file: Set<string>;
  /** Zero-based first line of each document after the first, with its codes. */
  documents: { line: number; codes: Set<string> }[];
  lines: Map<number, Set<string>>;
}

const ALL = '*';
const NEVER = new Set(['yaml-syntax']);
const MARKER = /^---(\s|$)/;
const NEXT_LINE = /^#\s*kubemate-disable-next-line(?:\s+(.*))?$/;
const THIS_LINE = /\s#\s*kubemate-disable-line(?:\s+(.*))?$/;
const BLOCK = /^#\s*kubemate-disable(?:\s+(.*))?$/;

function codes(list: string | undefined): Set<string> {
  const ids = (list ?? '')
    .split(/\s--\s|^--\s/)[0]
    .split(/[\s,]+/)
    .filter(Boolean);
  return new Set(ids.length ? ids : [ALL]);
}

function addAll(into: Set<string>, from: Set<string>): void {
  for (const c of from) into.add(c);
}

export function parseSuppressions(text: string): Suppressions {
  const s: Suppressions = { file: new Set(), documents: [], lines: new Map() };
  if (!text.includes('kubemate-disable')) return s;
  const lines = text.split('\n');
  let seenContent = false;
  let leading = true;
  let pending: Set<string> | undefined;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (i > 0 && MARKER.test(line)) {
      // `---` opens a new document; its leading comments belong to it.
      if (seenContent) s.documents.push({ line: i, codes: new Set() });
      leading = true;
      return;
    }
    const trimmed = line.trim();
    if (trimmed === '' || MARKER.test(trimmed)) return;
    if (trimmed.startsWith('#')) {
      const next = NEXT_LINE.exec(trimmed);
      if (next) {
        pending ??= new Set();
        addAll(pending, codes(next[1]));
        return;
      }
      const block = BLOCK.exec(trimmed);
      if (block && leading) addAll(seenContent ? s.documents[s.documents.length - 1].codes : s.file, codes(block[1]));
      return;
    }
    seenContent = true;
    leading = false;
    const here = new Set<string>();
    if (pending) addAll(here, pending);
    pending = undefined;
    const own = THIS_LINE.exec(line);
    if (own) addAll(here, codes(own[1]));
    if (here.size) s.lines.set(i, here);
  });
  return s;
}

const hits = (set: Set<string> | undefined, code: string) => !!set && (set.has(code) || set.has(ALL));

export function isSuppressed(s: Suppressions, line: number, code: string): boolean {
  if (NEVER.has(code)) return false;
  if (hits(s.file, code) || hits(s.lines.get(line), code)) return true;
  let doc: Set<string> | undefined;
  for (const d of s.documents) {
    if (d.line <= line) doc = d.codes;
    else break;
  }
  return hits(doc, code);
}

let memo: { text: string; s: Suppressions } | undefined;

/** Is a diagnostic with `code` starting on zero-based `line` of `text` suppressed? For any feature's diagnostics. */
export function suppressed(text: string, line: number, code: string): boolean {
  if (memo?.text !== text) memo = { text, s: parseSuppressions(text) };
  return isSuppressed(memo.s, line, code);
}

/**
 * Does the text hold a disable comment at all? Asked once per text: a large file opened
 * progressively is checked a slice at a time, each slice with the whole file's text.
 */
let scanned: { text: string; mentions: boolean } | undefined;
function mentionsDisable(text: string): boolean {
  if (scanned?.text !== text) scanned = { text, mentions: text.includes('kubemate-disable') };
  return scanned.mentions;
}

/** Drops the suppressed diagnostics (any feature's, placed by their start line). */
export function filterSuppressed<T extends { code: string; range: { start: { line: number } } }>(text: string, diagnostics: T[]): T[] {
  if (!diagnostics.length || !mentionsDisable(text)) return diagnostics;
  return diagnostics.filter((d) => !suppressed(text, d.range.start.line, d.code));
}
