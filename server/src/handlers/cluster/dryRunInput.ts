// Turns the texts the client sends (an editor's text, a folder's files) into apply inputs.
// A whole file follows `kubectl apply -f`: a YAML error anywhere means nothing from that file
// goes in. A chosen document (CodeLens) or a selection applies only those documents, so one
// broken document elsewhere in the file does not block the one the user clicked.
import type { DryRunSource } from '../../protocol/clusterProtocol';
import type { ApplyInput } from '../../cluster/apply';
import { splitDocuments } from '../../yaml/splitDocuments';
import { readManifestText } from '../../cli/readManifests';
import { parseAllDocuments } from 'yaml';
import { t } from '../../util/l10n';

export interface DryRunInputs {
  inputs: ApplyInput[];
  /** The editor/file URI of each input (same order), for "reveal source". */
  uris: string[];
  problems: string[];
  /** Documents that could not be applied (invalid YAML, templates, not an object). */
  skipped: number;
  /** Documents chosen (non-empty), applied or not. */
  documents: number;
}

function touched(start: number, end: number, lines: { start: number; end: number }[]): boolean {
  return lines.some((l) => l.start <= end && l.end >= start);
}

export function dryRunInputs(sources: DryRunSource[]): DryRunInputs {
  const out: DryRunInputs = { inputs: [], uris: [], problems: [], skipped: 0, documents: 0 };
  for (const src of sources) {
    const text = src.text.replace(/^\uFEFF/, '');
    const chunks = splitDocuments(text);
    const whole = !src.documents && !src.lines;
    const fileInputs: ApplyInput[] = [];
    const fileProblems: string[] = [];
    let yamlError = false;
    chunks.forEach((c, index) => {
      const endLine = index + 1 < chunks.length ? chunks[index + 1].line - 1 : c.line + c.text.split('\n').length - 1;
      if (src.documents && !src.documents.includes(index)) return;
      if (src.lines && !touched(c.line, endLine, src.lines)) return;
      const body = c.text.replace(/^---[^\n]*\n?/, '');
      if (!body.replace(/#.*$/gm, '').trim()) return;
      out.documents++;
      if (/\{\{|\{%/.test(c.text)) {
        out.skipped++;
        fileProblems.push(t('{0}:{1}: skipped: this document is a template (Helm/Go template syntax); render it first.', src.label, c.line + 1));
        return;
      }
      // Padding with the lines before the chunk keeps every reported line a line of the file.
      const read = readManifestText('\n'.repeat(c.line) + c.text, src.label);
      if (read.problems.length) {
        out.skipped += Math.max(1, read.problems.length);
        fileProblems.push(...read.problems);
        if (parseAllDocuments(c.text).some((d) => d.errors.length > 0)) yamlError = true;
      }
      for (const o of read.objects) fileInputs.push({ obj: o.obj, source: { file: src.label, line: o.line } });
    });
    out.problems.push(...fileProblems);
    if (whole && yamlError && fileInputs.length) {
      out.skipped += fileInputs.length;
      out.problems.push(t('{0}: nothing from this file was applied because of the YAML error above (kubectl apply refuses the whole file).', src.label));
      continue;
    }
    for (const i of fileInputs) {
      out.inputs.push(i);
      out.uris.push(src.uri);
    }
  }
  return out;
}
