// Reads manifest files for the cluster commands: every YAML document (JSON files too) as a plain
// object with its file and 1-based line; `kind: List` expanded; empty documents skipped.
// A file that cannot be used (unreadable, binary, invalid YAML) is reported and skipped whole —
// the other files still go in, as with `kubectl apply -f dir`.
import { readFileSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { LineCounter, parseAllDocuments, isMap, isSeq, YAMLMap, Node as YamlNode } from 'yaml';
import { t } from '../util/l10n';

export interface ManifestDoc {
  obj: Record<string, unknown>;
  /** The path as the user would recognise it (relative to cwd when inside it). */
  file: string;
  line: number;
}

export interface ReadManifests {
  objects: ManifestDoc[];
  problems: string[];
}

function display(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function readManifestText(text: string, file: string): ReadManifests {
  const objects: ManifestDoc[] = [];
  const problems: string[] = [];
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const line = lc.linePos(err.pos[0]).line;
      problems.push(t('{0}:{1}: invalid YAML: {2}', file, line, err.message.split('\n')[0]));
      return { objects: [], problems };
    }
  }
  for (const doc of list) {
    const contents = doc.contents as YamlNode | null;
    if (contents === null || contents === undefined) continue;
    const line = contents.range ? lc.linePos(contents.range[0]).line : 1;
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    if (!isPlainObject(value)) {
      problems.push(t('{0}:{1}: this document is not a Kubernetes object (expected a mapping with apiVersion and kind).', file, line));
      continue;
    }
    if (value.kind === 'List' || (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items))) {
      const itemsNode = isMap(contents) ? (contents as YAMLMap).get('items', true) : undefined;
      const items = Array.isArray(value.items) ? value.items : [];
      items.forEach((item, i) => {
        const node = isSeq(itemsNode) ? (itemsNode.items[i] as YamlNode | undefined) : undefined;
        const itemLine = node?.range ? lc.linePos(node.range[0]).line : line;
        if (isPlainObject(item)) objects.push({ obj: item, file, line: itemLine });
        else problems.push(t('{0}:{1}: this document is not a Kubernetes object (expected a mapping with apiVersion and kind).', file, itemLine));
      });
      continue;
    }
    const missing: string[] = [];
    if (!value.apiVersion) missing.push('apiVersion not set');
    if (!value.kind) missing.push('kind not set');
    if (missing.length) {
      // kubectl's client-side check, in its words.
      problems.push(`${file}:${line}: error: error validating "${file}": error validating data: [${missing.join(', ')}]`);
      continue;
    }
    objects.push({ obj: value, file, line });
  }
  return { objects, problems };
}

export function readManifests(files: string[], cwd: string): ReadManifests {
  const objects: ManifestDoc[] = [];
  const problems: string[] = [];
  for (const full of files) {
    const file = display(full, cwd);
    let buf: Buffer;
    try {
      buf = readFileSync(full);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      problems.push(code === 'EISDIR' ? t('{0}: is a directory', file) : t('{0}: cannot read this file ({1})', file, code || String(e)));
      continue;
    }
    if (buf.includes(0)) {
      problems.push(t('{0}: this looks like a binary file, not YAML; skipped.', file));
      continue;
    }
    const r = readManifestText(buf.toString('utf8').replace(/^\uFEFF/, ''), file);
    objects.push(...r.objects);
    problems.push(...r.problems);
  }
  return { objects, problems };
}
