// Secret values never appear in clear (issue 12 §5): a scenario with known values — one under
// stringData, one base64-encoded under data, used by a Deployment through env, envFrom and a
// volume — is run through every CLI verb and printer and through the language server (diagnostics,
// hover at the values, symbols, lenses, the dry-run result, the cluster tree data, describe,
// history, every notification and log message), and each output is searched for the clear
// values. Only the explicit reveal (SecretValuesRequest, the tree's "Show values") returns them.
// `get -o json` shows data base64-encoded, as kubectl does; stringData is folded into data on
// apply (as the API server does) and the last-applied annotation carries no stringData.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../server/src/cli/main';
import { startServer, LspSession } from '../helpers/lspClient';
import {
  ClusterChangedNotification,
  ClusterSnapshotRequest,
  ClusterViewRequest,
  DescribeRequest,
  DryRunRequest,
  RolloutHistoryRequest,
  SecretValuesRequest,
} from '../../server/src/protocol/clusterProtocol';

const PASSWORD = 'Clear-Pa55w0rd-7q';
const TOKEN = 'Clear-T0ken-9z';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const MANIFEST = `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: ${PASSWORD}
data:
  token: ${b64(TOKEN)}
---
apiVersion: apps/v1
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
        - name: web
          image: nginx:1.27
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: db, key: password}
          envFrom:
            - secretRef: {name: db}
          volumeMounts:
            - {name: creds, mountPath: /creds}
      volumes:
        - name: creds
          secret: {secretName: db}
`;

function assertHidden(what: string, output: string): void {
  for (const value of [PASSWORD, TOKEN]) assert.ok(!output.includes(value), `${what} shows the Secret value ${value} in clear:\n${output.slice(0, 2000)}`);
}

describe('Secret values never appear in clear', function () {
  this.timeout(60_000);

  it('CLI: every verb and printer, text and JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-secret-'));
    writeFileSync(join(dir, 'app.yaml'), MANIFEST);
    const run = async (args: string[]) => {
      const out: string[] = [];
      await runCli([...args], { out: (s) => out.push(s), err: (s) => out.push(s), cwd: dir }, { LANG: 'en_US.UTF-8' });
      return out.join('\n');
    };
    const state = ['--state', 's.json'];
    const applied = await run(['apply', '-f', 'app.yaml', ...state]);
    assert.match(applied, /^secret\/db created$/m);
    const pod = /^(web-[a-z0-9]+-[a-z0-9]{5})\s/m.exec(applied)![1];
    const invocations = [
      ['check', 'app.yaml'],
      ['check', 'app.yaml', '-o', 'json'],
      ['apply', '-f', 'app.yaml', '-o', 'json', ...state],
      ['apply', '-f', 'app.yaml', ...state],
      ['get', 'all', '-A', '-o', 'wide', ...state],
      ['get', 'secrets', ...state],
      ['get', 'pods', '-o', 'json', ...state],
      ['describe', 'secret', 'db', ...state],
      ['describe', 'pod', pod, ...state],
      ['describe', 'deployment', 'web', ...state],
      ['rollout', 'history', 'deployment/web', '--revision', '1', ...state],
      ['logs', pod, ...state],
      ['get', 'events', ...state],
      ['label', 'secret', 'db', 'tier=x', ...state],
      ['drain', 'worker-1', '--ignore-daemonsets', ...state],
    ];
    for (const args of [['apply', '-f', 'app.yaml', ...state], ...invocations]) assertHidden(`kubemate ${args.join(' ')}`, await run(args));
    // kubectl prints a Secret's data base64-encoded, and so does KubeMate; stringData is folded in.
    type SecretJson = { data: Record<string, string>; stringData?: unknown; metadata: { annotations: Record<string, string> } };
    const got = JSON.parse(await run(['get', 'secret', 'db', '-o', 'json', ...state])) as { items?: SecretJson[] } & SecretJson;
    const secret = got.items ? got.items[0] : got;
    assertHidden('kubemate get secret db -o json', JSON.stringify(secret));
    assert.deepEqual(secret.data, { password: b64(PASSWORD), token: b64(TOKEN) });
    assert.equal(secret.stringData, undefined);
    const lastApplied = JSON.parse(secret.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']) as {
      data: Record<string, string>;
      stringData?: unknown;
    };
    assert.deepEqual([lastApplied.stringData, lastApplied.data.password], [undefined, b64(PASSWORD)]);
    // The state file holds what the API server stores: no clear value either.
    assertHidden('the state file', JSON.stringify(JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(dir, 's.json'), 'utf8')))));
  });

  describe('language server', () => {
    let s: LspSession;
    const notifications: string[] = [];
    const uri = 'file:///ws/app.yaml';
    before(async () => {
      s = await startServer('en', { storagePath: mkdtempSync(join(tmpdir(), 'kubemate-secret-lsp-')), trusted: true }, (c) => {
        // Diagnostics are awaited through nextDiagnostics (the helper's own handler).
        for (const m of ['window/showMessage', 'window/logMessage', ClusterChangedNotification.method])
          c.onNotification(m, (p: unknown) => {
            notifications.push(`${m} ${JSON.stringify(p)}`);
          });
      });
    });
    after(async () => s?.stop());

    it('diagnostics, hover at the values, symbols, lenses, dry-run, tree data, describe, history, every notification', async () => {
      const diags = s.nextDiagnostics(uri, 1);
      void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: MANIFEST } });
      const outputs: [string, unknown][] = [['diagnostics', await diags]];
      const lines = MANIFEST.split('\n');
      for (const [line, text] of lines.entries()) {
        if (!text.includes(PASSWORD) && !text.includes(b64(TOKEN))) continue;
        for (const character of [2, text.length - 3])
          outputs.push([
            `hover ${line}:${character}`,
            await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }),
          ]);
        outputs.push([
          `completion ${line}`,
          await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: text.length } }),
        ]);
      }
      outputs.push(['symbols', await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })]);
      outputs.push(['code lenses', await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })]);
      outputs.push([
        'dry-run result',
        await s.connection.sendRequest(DryRunRequest.method, { sources: [{ uri, label: 'app.yaml', text: MANIFEST }], command: 'kubectl apply -f app.yaml' }),
      ]);
      const view = (await s.connection.sendRequest(ClusterViewRequest.method, {})) as { pods: { name: string }[] };
      outputs.push(['cluster tree data', view], ['snapshot', await s.connection.sendRequest(ClusterSnapshotRequest.method, {})]);
      const pod = view.pods.find((p) => p.name.startsWith('web-'))!.name;
      for (const target of [
        { kind: 'Secret', namespace: 'default', name: 'db' },
        { kind: 'Pod', namespace: 'default', name: pod },
        { kind: 'Deployment', namespace: 'default', name: 'web' },
      ])
        outputs.push([`describe ${target.kind}`, await s.connection.sendRequest(DescribeRequest.method, { target })]);
      outputs.push([
        'rollout history',
        await s.connection.sendRequest(RolloutHistoryRequest.method, { target: { kind: 'Deployment', namespace: 'default', name: 'web' } }),
      ]);
      await new Promise((r) => setTimeout(r, 200));
      outputs.push(['notifications and log messages', notifications]);
      assert.ok(
        notifications.some((n) => n.startsWith(ClusterChangedNotification.method)),
        'the tree data notification was seen',
      );
      for (const [what, result] of outputs) assertHidden(what, JSON.stringify(result));
      // Asked for explicitly, the values are there: the scenario really holds them.
      const revealed = (await s.connection.sendRequest(SecretValuesRequest.method, { target: { kind: 'Secret', namespace: 'default', name: 'db' } })) as {
        values: Record<string, string>;
      };
      assert.deepEqual(revealed.values, { password: PASSWORD, token: TOKEN });
    });
  });
});
