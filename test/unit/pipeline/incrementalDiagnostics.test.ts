// The language server's keystroke path — the version cache re-splitting only what an edit
// touched, the index re-extracting only changed documents, per-document and per-object memos —
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
`;
const diskText = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: web}
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

  it('gives the same findings in both files after each of 400 random edits', () => {
    const ids = new SeededIds(11);
    const cache = new DocumentCache();
    const index = new WorkspaceIndex(cache.chunks);
    index.setDiskFile(DISK, diskText);
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
      const got = { editor: fileDiagnostics(inputs(index), EDITOR, file), disk: fileDiagnostics(inputs(index), DISK, parseFile(diskText, cache.chunks)) };
      assert.deepEqual(got, fresh(text, diskText), `after edit ${i}: ${JSON.stringify(text)}`);
    }
  });
});
