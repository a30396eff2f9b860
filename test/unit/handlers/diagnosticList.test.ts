// The language server's diagnostics of an open document — findings kept from the previous version
// (pipeline/documentRuns), converted through the document's DiagnosticList, then written by the
// stdio encoder — must be what a fresh check, a fresh conversion and JSON.stringify give, after
// each edit of a table and after random edits.
import { strict as assert } from 'node:assert';
import type { Message } from 'vscode-languageserver/node';
import { DiagnosticList, lspDiagnostic } from '../../../server/src/handlers/diagnosticList';
import { encodeMessage } from '../../../server/src/handlers/messageEncoder';
import { DocumentCache } from '../../../server/src/yaml/documentCache';
import { ChunkCache, parseFile } from '../../../server/src/yaml/parsedFile';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { fileDiagnostics, DiagnosticsInputs } from '../../../server/src/pipeline/fileDiagnostics';
import { fileDiagnosticsMemo } from '../../../server/src/pipeline/documentRuns';
import { loadSchema } from '../../../server/src/schema/schema';
import { DEFAULT_LINT_SETTINGS } from '../../../server/src/features/lint/lintConfig';
import { makeSchedulingProbe } from '../../../server/src/pipeline/schedulingProbe';
import { SeededIds } from '../../../server/src/util/seededIds';

const URI = 'file:///ws/app.yaml';

const deployment = (name: string, replicas: string, strategy: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  strategy:
    type: ${strategy}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          envFrom:
            - configMapRef: {name: ${name}-cfg}
`;

const configMap = (name: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data:
  A: "1"
`;

const TEXT = [
  deployment('web', '3', 'RollingUpdate'),
  configMap('web-cfg'),
  deployment('api', '"2"', 'Rolling'),
  deployment('db', '1', 'Recreate'),
  configMap('db-cfg'),
].join('---\n');

/** Each edit replaces the first `from` after `after` (if given) with `to`, on the text the previous edits left. */
const EDITS: { what: string; from: string; to: string; after?: string }[] = [
  { what: 'a finding appears in the first document', after: 'name: web', from: 'replicas: 3', to: 'replicas: x' },
  { what: 'and goes', after: 'name: web', from: 'replicas: x', to: 'replicas: 3' },
  { what: 'a finding in the middle changes its message', after: 'name: api', from: 'type: Rolling', to: 'type: Rollin' },
  { what: 'a finding in the last Deployment appears', after: 'name: db', from: 'replicas: 1', to: 'replicas: one' },
  { what: 'a reference breaks (a cross-file finding)', after: 'name: db-cfg', from: 'db-cfg', to: 'db-config' },
  { what: 'a blank line on top moves every finding', from: 'apiVersion', to: '\napiVersion' },
  { what: 'a document is inserted first', from: '\napiVersion', to: `${configMap('extra')}---\napiVersion` },
  { what: 'the reference is mended', from: '{name: db-config}', to: '{name: db-cfg}' },
  { what: 'the YAML breaks in the middle', after: 'name: api', from: 'selector:', to: 'selector: [' },
  { what: 'and is mended', after: 'name: api', from: 'selector: [', to: 'selector:' },
  { what: 'the first document goes', from: `${configMap('extra')}---\n`, to: '' },
  { what: 'a document marker splits a document', after: 'name: api', from: '  strategy:', to: '---\n  strategy:' },
  { what: 'the file is emptied', from: '', to: '' },
];

/** Replaces the whole text at the table's last step. */
const EMPTIED = 'the file is emptied';

describe('DiagnosticList and the stdio encoder = a fresh check, conversion and JSON.stringify', () => {
  const schema = loadSchema();
  const probe = makeSchedulingProbe();
  const inputs = (index: WorkspaceIndex): DiagnosticsInputs => ({
    schema,
    lint: DEFAULT_LINT_SETTINGS,
    workspace: { index, scheduling: { probe, generation: 0 } },
  });

  function fresh(text: string) {
    const chunks = new ChunkCache();
    const index = new WorkspaceIndex(chunks);
    const file = parseFile(text, chunks);
    index.setEditorFile(URI, file);
    return fileDiagnostics(inputs(index), URI, file).map(lspDiagnostic);
  }

  const publish = (version: number, diagnostics: unknown[]) =>
    ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: URI, version, diagnostics } }) as Message;

  /** The server's path for one open document: the version cache, the index, the memos and the list. */
  function session() {
    const cache = new DocumentCache();
    const index = new WorkspaceIndex(cache.chunks);
    const memo = fileDiagnosticsMemo();
    const list = new DiagnosticList();
    const diagnose = (version: number, text: string) => {
      const file = cache.get(URI, version, () => text);
      index.setEditorFile(URI, file);
      return list.convert(fileDiagnostics(inputs(index), URI, file, { memo }));
    };
    return { cache, diagnose };
  }

  const check = (got: unknown[], version: number, text: string, what: string) => {
    const want = fresh(text);
    assert.deepEqual(got, want, what);
    assert.deepEqual(encodeMessage(publish(version, got)), Buffer.from(JSON.stringify(publish(version, want)), 'utf8'), `${what} (bytes)`);
  };

  it('after each edit of a table', () => {
    const { cache, diagnose } = session();
    let text = TEXT;
    const first = diagnose(1, text);
    assert.ok(first.length >= 4, `the fixture has findings (${first.length})`);
    check(first, 1, text, 'the first version');
    EDITS.forEach((e, i) => {
      if (e.what === EMPTIED) {
        text = '';
        cache.noteEdit(URI, i + 1, i + 2, undefined);
      } else {
        const at = text.indexOf(e.from, e.after ? text.indexOf(e.after) : 0);
        assert.ok(at >= 0 && (!e.after || text.includes(e.after)), `${e.what}: "${e.from}" not found`);
        text = text.slice(0, at) + e.to + text.slice(at + e.from.length);
        cache.noteEdit(URI, i + 1, i + 2, { start: at, end: at + e.from.length, inserted: e.to.length });
      }
      check(diagnose(i + 2, text), i + 2, text, e.what);
    });
  });

  it('the same findings give the same list back, and an edit keeps the unchanged Diagnostics', () => {
    const { diagnose } = session();
    const a = diagnose(1, TEXT);
    assert.equal(diagnose(1, TEXT), a, 'a re-check of the same version');
    const edited = TEXT.replace('replicas: 3', 'replicas: x');
    const b = diagnose(2, edited);
    assert.notEqual(b, a);
    // The edited (first) document's findings are found again; every other document keeps its objects.
    const firstDocumentLines = deployment('web', '3', 'RollingUpdate').split('\n').length;
    const others = a.filter((d) => d.range.start.line >= firstDocumentLines);
    assert.ok(others.length >= 4, `findings outside the edited document (${others.length})`);
    assert.deepEqual(
      others.filter((d) => !b.includes(d)),
      [],
      'the diagnostics of the documents not edited are the same objects',
    );
    assert.equal(b.length, a.length + 1);
  });

  it('after each of 200 random edits', () => {
    const ids = new SeededIds(5);
    const pieces = ['x', '3', '"', '\n', '---\n', ': ', '  ', 'Rolling', 'web-cfg', ''];
    const { diagnose } = session();
    let text = TEXT;
    for (let v = 1; v <= 200; v++) {
      if (v > 1) {
        const from = Math.floor(ids.next() * (text.length + 1));
        const to = Math.min(text.length, from + Math.floor(ids.next() * 6));
        text = text.slice(0, from) + pieces[Math.floor(ids.next() * pieces.length)] + text.slice(to);
        if (text.length > 2 * TEXT.length) text = TEXT;
      }
      // Without noteEdit: the cache re-splits the whole text and re-uses the chunks by text.
      check(diagnose(v, text), v, text, `after edit ${v}: ${JSON.stringify(text)}`);
    }
  });
});
