// Turns the texts the client sends (an editor's text, a folder's files) into apply inputs with
// the kubectl layer's one manifest reader: a whole file follows `kubectl apply -f` (a YAML error
// anywhere means nothing from that file goes in); a chosen document (CodeLens) or a selection
// applies only those documents.
import type { DryRunSource } from '../../protocol/clusterProtocol';
import type { ApplyInput } from '../../cluster/apply';
import { readManifestText } from '../../kubectl/readManifests';

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

/** `decode`: the API server's decoder check (schema/decodeError), run on every object. */
export function dryRunInputs(sources: DryRunSource[], decode: (obj: Record<string, unknown>) => string | undefined = () => undefined): DryRunInputs {
  const out: DryRunInputs = { inputs: [], uris: [], problems: [], skipped: 0, documents: 0 };
  for (const src of sources) {
    const read = readManifestText(src.text, src.label, { documents: src.documents, lines: src.lines });
    out.problems.push(...read.problems);
    out.skipped += read.skipped;
    out.documents += read.documents;
    for (const o of read.objects) {
      out.inputs.push({ obj: o.obj, source: { file: o.file, line: o.line }, decodeError: decode(o.obj) });
      out.uris.push(src.uri);
    }
  }
  return out;
}
