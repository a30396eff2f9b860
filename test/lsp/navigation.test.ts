// Across files, over stdio: the workspace is indexed from disk, open editors win, cross-file
// diagnostics appear and disappear as other files change, definition, references, CodeLens,
// document links and workspace completion.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { startServer, LspSession } from '../helpers/lspClient';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  LOG_LEVEL: info\n';
const SVC =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n';
const APP = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          ports: [{name: http, containerPort: 8080}]',
  '          env:',
  '            - name: LOG_LEVEL',
  '              valueFrom:',
  '                configMapKeyRef: {name: app-config, key: LOG_LEVEL}',
  '            - name: MODE',
  '              valueFrom:',
  '                configMapKeyRef: {name: app-config, key: MODE}',
  '      volumes:',
  '        - name: data',
  '          persistentVolumeClaim: {claimName: data}',
  '',
].join('\n');
const PVC =
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code).sort();
const has = (code: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === code);
const lacks = (code: string) => (p: PublishDiagnosticsParams) => p.diagnostics.length > 0 && !p.diagnostics.some((d) => d.code === code);

describe('language server across files (workspace index over stdio)', function () {
  this.timeout(20000);
  let dir: string;
  let s: LspSession;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  const versions = new Map<string, number>();
  const open = (name: string, text: string) => {
    versions.set(name, 1);
    void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'yaml', version: 1, text } });
  };
  const change = (name: string, text: string) => {
    const version = (versions.get(name) ?? 1) + 1;
    versions.set(name, version);
    void s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version }, contentChanges: [{ text }] });
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubemate-nav-'));
    writeFileSync(join(dir, 'cm.yaml'), CM);
    writeFileSync(join(dir, 'svc.yaml'), SVC);
    s = await startServer('en', {}, undefined, { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
  });
  after(async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports what the rest of the workspace lacks, with related information', async () => {
    const d = s.diagnosticsWhere(uri('app.yaml'), has('missing-configmap-key'));
    open('app.yaml', APP);
    const got = await d;
    assert.deepEqual(
      codes(got).filter((c) => c === 'missing-configmap-key' || c === 'missing-pvc'),
      ['missing-configmap-key', 'missing-pvc'],
    );
    const key = got.diagnostics.find((x) => x.code === 'missing-configmap-key')!;
    assert.deepEqual(key.range, { start: { line: 21, character: 57 }, end: { line: 21, character: 61 } });
    assert.equal(key.severity, 2);
    assert.match(String(key.message), /ConfigMap "app-config" has no key "MODE" \(it defines: LOG_LEVEL\)/);
    assert.equal(key.relatedInformation?.[0].location.uri, uri('cm.yaml'));
  });

  it('goes to the definition in another file and finds references back', async () => {
    const def = (await s.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uri('app.yaml') },
      position: { line: 18, character: 42 },
    })) as { uri: string; range: { start: { line: number } } }[];
    assert.deepEqual(
      def.map((l) => [l.uri, l.range.start.line]),
      [[uri('cm.yaml'), 3]],
    );
    const keyDef = (await s.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uri('app.yaml') },
      position: { line: 18, character: 58 },
    })) as { uri: string; range: { start: { line: number } } }[];
    assert.deepEqual(
      keyDef.map((l) => [l.uri, l.range.start.line]),
      [[uri('cm.yaml'), 5]],
    );
    open('cm.yaml', CM);
    const refs = (await s.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uri('cm.yaml') },
      position: { line: 3, character: 10 },
      context: { includeDeclaration: false },
    })) as { uri: string; range: { start: { line: number } } }[];
    assert.deepEqual(
      refs.map((l) => [l.uri, l.range.start.line]),
      [
        [uri('app.yaml'), 18],
        [uri('app.yaml'), 21],
      ],
    );
  });

  it('finds the Services that select a Deployment (and the reverse)', async () => {
    const refs = (await s.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uri('app.yaml') },
      position: { line: 9, character: 8 },
      context: { includeDeclaration: false },
    })) as { uri: string; range: { start: { line: number } } }[];
    assert.deepEqual(
      refs.map((l) => [l.uri, l.range.start.line]),
      [[uri('svc.yaml'), 5]],
    );
    open('svc.yaml', SVC);
    const def = (await s.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uri('svc.yaml') },
      position: { line: 5, character: 4 },
    })) as { uri: string; range: { start: { line: number } } }[];
    assert.deepEqual(
      def.map((l) => [l.uri, l.range.start.line]),
      [[uri('app.yaml'), 9]],
    );
  });

  it('shows CodeLenses: what a Service selects, who uses a ConfigMap', async () => {
    const svc = (await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('svc.yaml') } })) as {
      range: { start: { line: number } };
      command: { title: string };
    }[];
    assert.ok(
      svc.some((l) => l.command.title === 'selects 2 pods (Deployment/web)' && l.range.start.line === 1),
      JSON.stringify(svc),
    );
    const cm = (await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('cm.yaml') } })) as { command: { title: string } }[];
    assert.ok(
      cm.some((l) => l.command.title === 'used by 1 workload (Deployment/web)'),
      JSON.stringify(cm),
    );
  });

  it('a cross-file diagnostic disappears when the other file is changed, and comes back', async () => {
    let d = s.diagnosticsWhere(uri('app.yaml'), lacks('missing-configmap-key'));
    change('cm.yaml', CM + '  MODE: fast\n');
    await d;
    d = s.diagnosticsWhere(uri('app.yaml'), has('missing-configmap-key'));
    change('cm.yaml', CM);
    await d;
  });

  it('follows files created on disk (watched-file events)', async () => {
    writeFileSync(join(dir, 'pvc.yaml'), PVC);
    const d = s.diagnosticsWhere(uri('app.yaml'), lacks('missing-pvc'));
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('pvc.yaml'), type: 1 }] });
    await d;
  });

  it('links each kind to its kubernetes.io reference page', async () => {
    const links = (await s.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: uri('app.yaml') } })) as {
      target: string;
      range: { start: { line: number; character: number } };
    }[];
    assert.deepEqual(
      links.map((l) => [l.range.start.line, l.range.start.character, l.target]),
      [[1, 6, 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/']],
    );
  });

  it('completes names from the workspace: Services in an Ingress backend', async () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service:\n      name: \n';
    open('ing.yaml', text);
    const items = (await s.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: uri('ing.yaml') },
      position: { line: 7, character: 12 },
    })) as { label: string; detail?: string }[];
    assert.deepEqual(
      items.filter((i) => i.label === 'web').map((i) => i.detail),
      ['Service in svc.yaml'],
    );
  });
});
