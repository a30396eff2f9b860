// Lints and quick fixes end to end over stdio: the server publishes lint diagnostics, honours
// kubemate.lint.* settings, and answers textDocument/codeAction with WorkspaceEdits.
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, LspSession } from '../helpers/lspClient';

const uri = 'file:///work/lint.yaml';
const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{containerPort: 80}]
          imagePullPolicy: Allways
`;

/** Applies one file's TextEdits (LSP positions) to a text. */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((acc, e) => acc.slice(0, e.start) + e.text + acc.slice(e.end), text);
}

describe('lint and quick fixes over stdio (dist/server.js)', function () {
  this.timeout(20000);
  let s: LspSession;
  let diagnostics: Diagnostic[];
  before(async () => {
    s = await startServer('en', { settings: { 'lint.rules': { 'no-liveness-probe': 'off', 'image-latest-tag': 'error' } } });
    const d = s.nextDiagnostics(uri, 1);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT } });
    diagnostics = (await d).diagnostics;
  });
  after(async () => s.stop());

  const actionsFor = async (code: string) => {
    const diag = diagnostics.find((x) => x.code === code)!;
    assert.ok(diag, `no ${code} diagnostic`);
    return (await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as CodeAction[];
  };

  it('publishes lint diagnostics with the levels from initializationOptions', () => {
    const codes = diagnostics.map((x) => `${x.code}:${x.severity}`);
    assert.ok(codes.includes('image-latest-tag:1'), codes.join(' '));
    assert.ok(codes.includes('no-readiness-probe:2'));
    assert.ok(!codes.some((c) => c.startsWith('no-liveness-probe')));
  });

  it('fixes a misspelt enum value', async () => {
    const [fix] = await actionsFor('invalid-enum');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.title, 'Change to "Always"');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(
      fix.diagnostics?.map((x) => x.code),
      ['invalid-enum'],
    );
    assert.equal(apply(TEXT, fix.edit!.changes![uri]), TEXT.replace('Allways', 'Always'));
  });

  it('adds a resources block, and offers suppression comments', async () => {
    const actions = await actionsFor('no-resource-requests');
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Add resources: requests and a memory limit (starting values; tune them to the app)',
        'Suppress no-resource-requests on this line',
        'Suppress no-resource-requests in this file',
      ],
    );
    const fixed = apply(TEXT, actions[0].edit!.changes![uri]);
    assert.match(fixed, /imagePullPolicy: Allways\n {10}resources:\n {12}requests:\n {14}cpu: 100m\n/);
    const suppressed = apply(TEXT, actions[1].edit!.changes![uri]);
    assert.match(suppressed, /containers:\n {8}# kubemate-disable-next-line no-resource-requests\n {8}- name: web/);
  });

  it('a suppression comment and a settings change re-publish without the finding', async () => {
    const next = s.nextDiagnostics(uri, 2);
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: '# kubemate-disable no-readiness-probe\n' + TEXT }],
    });
    assert.ok(!(await next).diagnostics.some((x) => x.code === 'no-readiness-probe'));
    const off = s.nextDiagnostics(uri, 2);
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kubemate: { lint: { enabled: false } } } });
    const codes = (await off).diagnostics.map((x) => x.code);
    assert.deepEqual(codes, ['invalid-enum']);
  });

  it('creates a ConfigMap that the cross-file rules report missing (their data: kind, name, namespace)', async () => {
    const app = 'file:///work/app.yaml';
    const text = TEXT.replace(
      '          imagePullPolicy: Allways\n',
      '          envFrom: [{configMapRef: {name: web-config}}]\n          env:\n            - name: MODE\n              valueFrom: {configMapKeyRef: {name: web-config, key: mode}}\n',
    );
    const timeout = () => new Promise<undefined>((r) => setTimeout(() => r(undefined), 4000));
    let published = s.nextDiagnostics(app, 1);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: app, languageId: 'yaml', version: 1, text } });
    let missing: Diagnostic | undefined;
    // Cross-file diagnostics follow the first workspace scan: wait for the publish that has them.
    for (let i = 0; i < 5 && !missing; i++) {
      const got = await Promise.race([published, timeout()]);
      if (!got) break;
      missing = got.diagnostics.find((x) => x.code === 'missing-configmap');
      published = s.nextDiagnostics(app, 1);
    }
    assert.ok(missing, 'no missing-configmap diagnostic');
    const actions = (await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: app },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as CodeAction[];
    const create = actions.find((a) => a.title === 'Create ConfigMap "web-config" in this file')!;
    assert.ok(create, actions.map((a) => a.title).join(' | '));
    assert.equal(apply(text, create.edit!.changes![app]), text + '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  mode: ""\n');
    assert.ok(actions.some((a) => a.title === 'Suppress missing-configmap on this line'));
  });

  it('answers nothing when only other kinds of actions are asked for', async () => {
    const diag = diagnostics.find((x) => x.code === 'invalid-enum')!;
    const actions = await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag], only: ['refactor'] },
    });
    assert.deepEqual(actions, []);
  });
});
