// The language server's keystroke path — the version cache re-splitting only what an edit
// touched, the index re-extracting only changed documents, per-document and per-object memos,
// the findings kept per document and per object from the file's previous version —
// must give exactly what a fresh parse, a fresh index and a fresh check give. Random edits on a
// workspace of two files whose findings depend on each other (references, selectors, duplicates).
import { strict as assert } from 'node:assert';
import { DocumentCache } from '../../../server/src/yaml/documentCache';
import { ChunkCache, parseFile } from '../../../server/src/yaml/parsedFile';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { fileDiagnostics, DiagnosticsInputs } from '../../../server/src/pipeline/fileDiagnostics';
import { loadSchema } from '../../../server/src/schema/schema';
import { DEFAULT_LINT_SETTINGS } from '../../../server/src/features/lint/lintConfig';
import { makeSchedulingProbe } from '../../../server/src/pipeline/schedulingProbe';
import { SeededIds } from '../../../server/src/util/seededIds';
import { fileDiagnosticsMemo } from '../../../server/src/pipeline/documentRuns';

const EDITOR = 'file:///ws/app.yaml';
const DISK = 'file:///ws/other.yaml';

const editorText = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          envFrom:
            - configMapRef: {name: cfg}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  A: "1"
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: web}
`;
// The editor's Deployment runs one replica: whether a PodDisruptionBudget covers it (a lint that
// asks the index) changes with edits to the other documents.
const diskText = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: api}
---
apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  containers:
    - name: c
      image: busybox:1.36
      env:
        - name: A
          valueFrom:
            configMapKeyRef: {name: cfg, key: A}
`;

/** Edits a user makes: rename, relabel, re-key, break the YAML, add or remove a document, blank lines. */
const PIECES = ['cfg', 'web', 'api', 'x', '\n', '\n---\n', '---\n', ': ', '  ', '"', 'B', '3', 'kind: Service\n', 'app: api', ''];

describe('keystroke path = fresh computation', () => {
  const schema = loadSchema();
  const probe = makeSchedulingProbe();
  const inputs = (index: WorkspaceIndex): DiagnosticsInputs => ({
    schema,
    lint: DEFAULT_LINT_SETTINGS,
    workspace: { index, scheduling: { probe, generation: 0 } },
  });

  function fresh(editor: string, disk: string) {
    const chunks = new ChunkCache();
    const index = new WorkspaceIndex(chunks);
    index.setDiskFile(DISK, disk);
    const file = parseFile(editor, chunks);
    index.setEditorFile(EDITOR, file);
    return { editor: fileDiagnostics(inputs(index), EDITOR, file), disk: fileDiagnostics(inputs(index), DISK, parseFile(disk, chunks)) };
  }

  /** Each edit replaces the first `from` after `after` (if given) with `to`, on the text the previous edits left. */
  const EDITS: { what: string; from: string; to: string; after?: string }[] = [
    { what: 'the PodDisruptionBudget stops selecting the one-replica Deployment', after: 'web-pdb', from: '{app: web}', to: '{app: x}' },
    { what: 'and selects it again', after: 'web-pdb', from: '{app: x}', to: '{app: web}' },
    { what: 'the ConfigMap is renamed (its consumers in both files)', after: 'kind: ConfigMap', from: 'name: cfg', to: 'name: cfg2' },
    { what: 'a blank line on top moves every document', from: 'apiVersion', to: '\napiVersion' },
    { what: 'the ConfigMap gets its name back below the moved documents', after: 'kind: ConfigMap', from: 'name: cfg2', to: 'name: cfg' },
    { what: 'a document is inserted first', from: '\napiVersion', to: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion' },
    { what: 'the Deployment moves to that namespace', after: 'name: web\n', from: 'spec:', to: '  namespace: shop\nspec:' },
    { what: 'the inserted document goes', from: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n', to: '' },
  ];

  /** A parse cache, an index holding the disk file, and one diagnostics memo per file. */
  const session = () => {
    const cache = new DocumentCache();
    const index = new WorkspaceIndex(cache.chunks);
    index.setDiskFile(DISK, diskText);
    return { cache, index, editorMemo: fileDiagnosticsMemo(), diskMemo: fileDiagnosticsMemo() };
  };

  it('gives the same findings as a fresh check after each edit of a table (other documents change what one reads)', () => {
    const { cache, index, editorMemo, diskMemo } = session();
    let text = editorText;
    const check = (version: number, what: string) => {
      const file = cache.get(EDITOR, version, () => text);
      index.setEditorFile(EDITOR, file);
      const got = {
        editor: fileDiagnostics(inputs(index), EDITOR, file, { memo: editorMemo }),
        disk: fileDiagnostics(inputs(index), DISK, parseFile(diskText, cache.chunks), { memo: diskMemo }),
      };
      assert.deepEqual(got, fresh(text, diskText), what);
    };
    check(1, 'the first version');
    EDITS.forEach((e, i) => {
      const at = text.indexOf(e.from, e.after ? text.indexOf(e.after) : 0);
      assert.ok(at >= 0 && (!e.after || text.includes(e.after)), `${e.what}: "${e.from}" not found`);
      text = text.slice(0, at) + e.to + text.slice(at + e.from.length);
      cache.noteEdit(EDITOR, i + 1, i + 2, { start: at, end: at + e.from.length, inserted: e.to.length });
      check(i + 2, e.what);
    });
  });

  it('gives the same findings in both files after each of 400 random edits', () => {
    const ids = new SeededIds(11);
    const { cache, index, editorMemo, diskMemo } = session();
    let text = editorText;
    let version = 1;
    index.setEditorFile(
      EDITOR,
      cache.get(EDITOR, version, () => text),
    );
    for (let i = 0; i < 400; i++) {
      if (text.length > 1500) {
        // Start over from the original (the cache sees a whole-text replacement).
        text = editorText;
        cache.noteEdit(EDITOR, version, version + 1, undefined);
      } else {
        const from = Math.floor(ids.next() * (text.length + 1));
        const to = Math.min(text.length, from + Math.floor(ids.next() * 8));
        const insert = PIECES[Math.floor(ids.next() * PIECES.length)];
        text = text.slice(0, from) + insert + text.slice(to);
        cache.noteEdit(EDITOR, version, version + 1, { start: from, end: to, inserted: insert.length });
      }
      version++;
      const file = cache.get(EDITOR, version, () => text);
      index.setEditorFile(EDITOR, file);
      const got = {
        editor: fileDiagnostics(inputs(index), EDITOR, file, { memo: editorMemo }),
        disk: fileDiagnostics(inputs(index), DISK, parseFile(diskText, cache.chunks), { memo: diskMemo }),
      };
      assert.deepEqual(got, fresh(text, diskText), `after edit ${i}: ${JSON.stringify(text)}`);
    }
  });
});
