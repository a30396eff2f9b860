// The one manifest reader of `apply`, `delete`, the cluster profile and the editor's dry-run,
// built on the yaml layer the editor's diagnostics use (yaml/splitDocuments + parsedChunk), so a
// document `kubemate check` flags with a YAML error is refused here with the same words.
// Every document becomes a plain object with its file and 1-based line; `kind: List` is expanded;
// empty documents are skipped. kubectl's decoder stops at a document it cannot read and
// `apply -f` then refuses that file (the other files still go in): a whole file with a YAML
// error (syntax or a duplicate key) gives nothing. A chosen document or a selection applies only
// what was chosen, so one broken document elsewhere does not block the one the user clicked.
import { isMap, isSeq, YAMLMap, Node as YamlNode } from 'yaml';
import { relative, isAbsolute } from 'node:path';
import { splitDocuments } from '../yaml/splitDocuments';
import { chunkValue, parseChunk, ParsedChunk } from '../yaml/parsedChunk';
import { yamlProblems } from '../yaml/yamlProblems';
import { readTextFile } from './readTextFile';
import { t } from '../util/l10n';

interface ManifestDoc {
  obj: Record<string, unknown>;
  /** The path as the user would recognise it (relative to cwd when inside it). */
  file: string;
  line: number;
}

export interface ReadManifests {
  objects: ManifestDoc[];
  /** Localised, each naming file:line. */
  problems: string[];
  /** Documents (or List items) that were not applied: YAML errors, templates, not an object. */
  skipped: number;
  /** Non-empty documents read (chosen ones only when a choice was given). */
  documents: number;
}

/** The editor's choice inside one file: document indexes (CodeLens) or touched line ranges (0-based). */
export interface DocumentChoice {
  documents?: number[];
  lines?: { start: number; end: number }[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** A position inside a chunk as the file's 1-based line and column. */
function at(chunk: ParsedChunk, chunkLine: number, offset: number): { line: number; col: number } {
  const p = chunk.lineCounter.linePos(offset);
  return { line: chunkLine + p.line, col: p.col };
}

export function readManifestText(text: string, file: string, choice?: DocumentChoice): ReadManifests {
  const out: ReadManifests = { objects: [], problems: [], skipped: 0, documents: 0 };
  const whole = !choice?.documents && !choice?.lines;
  let yamlError = false;
  splitDocuments(text.replace(/^\uFEFF/, '')).forEach((c, index) => {
    const endLine = c.line + c.text.split('\n').length - 1;
    if (choice?.documents && !choice.documents.includes(index)) return;
    if (choice?.lines && !choice.lines.some((l) => l.start <= endLine && l.end >= c.line)) return;
    const chunk = parseChunk(c.text);
    if (chunk.empty && !chunk.doc.errors.length) return;
    out.documents++;
    const start = (chunk.doc.contents as YamlNode | null)?.range?.[0] ?? 0;
    const line = at(chunk, c.line, start).line;
    if (chunk.templated) {
      out.skipped++;
      out.problems.push(t('{0}:{1}: skipped: this document is a template (Helm/Go template syntax); render it first.', file, line));
      return;
    }
    const problems = yamlProblems(chunk);
    const { value, error } = problems.length ? { value: undefined, error: undefined } : chunkValue(chunk);
    if (problems.length || error !== undefined) {
      yamlError = true;
      out.skipped++;
      // The same line `kubemate check` prints for the finding.
      for (const p of problems) {
        const pos = at(chunk, c.line, p.start);
        out.problems.push(`${file}:${pos.line}:${pos.col} error ${p.code} ${p.message}`);
      }
      if (error !== undefined) out.problems.push(`${file}:${line}:1 error yaml-syntax ${t('YAML syntax error: {0}', error)}`);
      return;
    }
    if (value === null || value === undefined) return;
    if (!isPlainObject(value)) {
      out.skipped++;
      out.problems.push(t('{0}:{1}: this document is not a Kubernetes object (expected a mapping with apiVersion and kind).', file, line));
      return;
    }
    if (value.kind === 'List' || (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items))) {
      const root = chunk.doc.contents;
      const itemsNode = isMap(root) ? (root as YAMLMap).get('items', true) : undefined;
      const items = Array.isArray(value.items) ? value.items : [];
      items.forEach((item, i) => {
        const node = isSeq(itemsNode) ? (itemsNode.items[i] as YamlNode | undefined) : undefined;
        const itemLine = node?.range ? at(chunk, c.line, node.range[0]).line : line;
        if (isPlainObject(item)) out.objects.push({ obj: item, file, line: itemLine });
        else {
          out.skipped++;
          out.problems.push(t('{0}:{1}: this document is not a Kubernetes object (expected a mapping with apiVersion and kind).', file, itemLine));
        }
      });
      return;
    }
    const missing: string[] = [];
    if (!value.apiVersion) missing.push('apiVersion not set');
    if (!value.kind) missing.push('kind not set');
    if (missing.length) {
      out.skipped++;
      // kubectl's client-side check, in its words.
      out.problems.push(`${file}:${line}: error: error validating "${file}": error validating data: [${missing.join(', ')}]`);
      return;
    }
    out.objects.push({ obj: value, file, line });
  });
  if (whole && yamlError && out.objects.length) {
    out.skipped += out.objects.length;
    out.objects = [];
    out.problems.push(t('{0}: nothing from this file was applied because of the YAML error above (kubectl apply refuses the whole file).', file));
  }
  return out;
}

/** Reads files from disk (unreadable and binary files are reported and skipped whole). */
export function readManifestFiles(files: string[], cwd: string): ReadManifests {
  const out: ReadManifests = { objects: [], problems: [], skipped: 0, documents: 0 };
  for (const full of files) {
    const file = displayPath(full, cwd);
    const read = readTextFile(full, file);
    if (!read.ok) {
      out.problems.push(read.message);
      continue;
    }
    const r = readManifestText(read.text, file);
    out.objects.push(...r.objects);
    out.problems.push(...r.problems);
    out.skipped += r.skipped;
    out.documents += r.documents;
  }
  return out;
}
