// `kubemate check` over a set of files: the given files are one workspace, indexed together,
// so the cross-file rules, the lints that ask the index and the scheduling probe run exactly as
// in the editor (whose index holds the workspace folders' files).
import type { Schema } from '../schema/schema';
import { parseFile, ParsedFile, unboundedChunkCache } from '../yaml/parsedFile';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Finding } from '../findings/finding';
import type { KObject } from '../cluster/types';
import { defaultNodes } from '../cluster/defaultCluster';
import type { LintSettings } from '../features/lint/lintConfig';
import { fileDiagnostics } from './fileDiagnostics';
import { makeSchedulingProbe } from './schedulingProbe';
import { workspaceSchema } from './workspaceSchema';

export interface CheckedInput {
  /** A file: URL (what the editor's index uses for the same file). */
  uri: string;
  text: string;
  /** Named on the command line (not found in a folder): every document must be a manifest. */
  explicit: boolean;
}

export interface CheckedFile {
  uri: string;
  file: ParsedFile;
  findings: Finding[];
}

export interface CheckOptions {
  lint: LintSettings;
  /** Cross-file rules on (the default) or off (`.kubemate.yaml` crossFile: false). */
  crossFile?: boolean;
  /** The cluster the scheduling probe places pods on; the default cluster's nodes without it. */
  nodes?: KObject[];
}

export function checkFiles(base: Schema, inputs: CheckedInput[], opts: CheckOptions): CheckedFile[] {
  // Every file's parse is returned: nothing the cache could evict would be freed.
  const index = new WorkspaceIndex(unboundedChunkCache(), inputs.length);
  for (const f of inputs) index.setDiskFile(f.uri, f.text);
  // The CRDs among the files define their kinds for all of them.
  const schema = workspaceSchema(base, index);
  const workspace = { index, scheduling: { probe: makeSchedulingProbe(opts.nodes ?? defaultNodes()), generation: 0 } };
  return inputs.map((f) => {
    // Shares the index's parsed chunks: each document is parsed once.
    const file = parseFile(f.text, index.chunks);
    return {
      uri: f.uri,
      file,
      findings: fileDiagnostics({ schema, lint: opts.lint, workspace, crossFile: opts.crossFile }, f.uri, file, { explicit: f.explicit }),
    };
  });
}
