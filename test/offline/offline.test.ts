// Offline, proven (issue 12 §4): an editor-less session of the language server (open, edit,
// hover, complete, code actions, navigation, dry-run, every cluster request and action) and every
// CLI command, each process started with test/offline/networkTrap.cjs preloaded — any use of
// net, tls, dns, http(s), http2, dgram or fetch throws and is logged — and zero attempts logged.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverPath, startServer, LspSession } from '../helpers/lspClient';
import { commandTable } from '../../server/src/cli/commandTable';

const ROOT = join(serverPath(), '..', '..');
const TRAP = join(ROOT, 'test', 'offline', 'networkTrap.cjs');
const CLI = join(ROOT, 'dist', 'cli.js');

function attempts(log: string): string[] {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

/** Runs the real CLI process with the trap; PATH holds only node, so no external kubectl is used. */
function cli(cwd: string, log: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--require', TRAP, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    // KUBE_EDITOR for `edit`: the shell's `true` quits without a change.
    env: { PATH: dirname(process.execPath), LANG: 'en_US.UTF-8', KUBEMATE_NET_TRAP_LOG: log, KUBE_EDITOR: 'true' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('offline: no network in a whole session', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-offline-'));
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'kustomize'), join(dir, 'kustomize'), { recursive: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'kubectl', 'describe.yaml'), join(dir, 'more.yaml'));

  it('the trap catches what it should (a process that tries http, fetch, dns and a socket logs 4 attempts)', () => {
    const log = join(dir, 'sanity.log');
    const tries =
      "for (const f of [() => require('http').get('http://127.0.0.1:9'), () => fetch('http://127.0.0.1:9'), () => require('dns').lookup('localhost', () => {}), () => require('net').connect(9, '127.0.0.1')]) { try { f(); } catch {} }";
    spawnSync(process.execPath, ['--require', TRAP, '-e', tries], { env: { KUBEMATE_NET_TRAP_LOG: log }, encoding: 'utf8' });
    assert.deepEqual(
      attempts(log).map((l) => JSON.parse(l).what),
      ['node:http.get', 'fetch', 'node:dns.lookup', 'node:net.connect'],
    );
  });

  it('language server: open, edit, hover, complete, code actions, navigation, dry-run, cluster requests and actions', async () => {
    const log = join(dir, 'server.log');
    const storage = mkdtempSync(join(tmpdir(), 'kubemate-offline-state-'));
    const folder = pathToFileURL(join(dir, 'examples')).toString();
    const s: LspSession = await startServer(
      'zh-cn',
      { storagePath: storage, trusted: true, publishEveryVersion: true },
      undefined,
      { workspaceFolders: [{ uri: folder, name: 'examples' }] },
      { execArgv: ['--require', TRAP], env: { ...process.env, KUBEMATE_NET_TRAP_LOG: log } },
    );
    const file = join(dir, 'examples', 'k8s-combat', 'deployment.yaml');
    const uri = pathToFileURL(file).toString();
    const text = readFileSync(file, 'utf8');
    const doc = { uri };
    const ask = (method: string, params: unknown) => s.connection.sendRequest(method, params);
    void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await s.nextDiagnostics(uri, 1);
    void s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '' }],
    });
    await s.nextDiagnostics(uri, 2);
    const position = { line: 6, character: 4 };
    const diagnostics = [{ range: { start: position, end: position }, message: 'x', code: 'no-resource-requests', source: 'kubemate' }];
    await ask('textDocument/hover', { textDocument: doc, position });
    await ask('textDocument/completion', { textDocument: doc, position });
    await ask('textDocument/codeAction', { textDocument: doc, range: { start: position, end: position }, context: { diagnostics } });
    await ask('textDocument/documentSymbol', { textDocument: doc });
    await ask('textDocument/definition', { textDocument: doc, position: { line: 33, character: 22 } });
    await ask('textDocument/references', { textDocument: doc, position: { line: 4, character: 10 }, context: { includeDeclaration: true } });
    await ask('textDocument/codeLens', { textDocument: doc });
    await ask('textDocument/documentLink', { textDocument: doc });
    const sources = ['configmap.yaml', 'secret.yaml', 'deployment.yaml', 'service.yaml', 'ingress.yaml'].map((n) => {
      const p = join(dir, 'examples', 'k8s-combat', n);
      return { uri: pathToFileURL(p).toString(), label: `k8s-combat/${n}`, text: readFileSync(p, 'utf8') };
    });
    const applied = (await ask('kubemate/cluster/dryRun', { sources, command: 'kubectl apply -f k8s-combat/' })) as { summary: { created: number } };
    assert.ok(applied.summary.created >= 5);
    const view = (await ask('kubemate/cluster/view', {})) as object;
    const snapshot = (await ask('kubemate/cluster/snapshot', {})) as { pods: { name: string }[] };
    const pod = { kind: 'Pod', namespace: 'default', name: snapshot.pods[0].name };
    const deploy = { kind: 'Deployment', namespace: 'default', name: 'k8s-combat' };
    assert.ok(view);
    await ask('kubemate/cluster/describe', { target: deploy });
    await ask('kubemate/cluster/rolloutHistory', { target: deploy });
    await ask('kubemate/cluster/secretValues', { target: { kind: 'Secret', namespace: 'default', name: 'k8s-combat-db' } });
    await ask('kubemate/cluster/source', { target: deploy });
    const actions = [
      { action: 'scale', target: deploy, replicas: 3 },
      { action: 'setImage', target: deploy, container: 'k8s-combat', image: 'crossoverjie/k8s-combat:v2' },
      { action: 'rolloutUndo', target: deploy },
      { action: 'rolloutRestart', target: deploy },
      { action: 'label', target: deploy, key: 'tier', value: 'web' },
      { action: 'failReadiness', target: pod },
      { action: 'recoverReadiness', target: pod },
      { action: 'deletePod', target: pod },
      { action: 'cordon', node: 'worker-1' },
      { action: 'uncordon', node: 'worker-1' },
      { action: 'drain', node: 'worker-2' },
      { action: 'taint', node: 'worker-1', specs: ['smoke=true:NoExecute'] },
      { action: 'deleteObject', target: { kind: 'Service', namespace: 'default', name: 'k8s-combat' } },
      { action: 'reset' },
    ];
    for (const a of actions) await ask('kubemate/cluster/action', a);
    await ask('kubemate/cluster/defaultProfile', {});
    await ask('kubemate/cluster/loadProfile', {
      uri: pathToFileURL(join(dir, '.kubemate', 'cluster.yaml')).toString(),
      text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: only\n',
    });
    void s.connection.sendNotification('textDocument/didClose', { textDocument: doc });
    await s.stop();
    assert.deepEqual(attempts(log), []);
  });

  // Every command of `kubemate --help`, against one state file; the table must name them all.
  const STATE = ['--state', 'state.json'];
  const COMMANDS: [string, string[]][] = [
    ['check', ['check', 'examples', 'kustomize']],
    ['explain', ['explain', 'deployment.spec.strategy.rollingUpdate.maxSurge', '--lang', 'zh-cn']],
    ['docs', ['docs', 'coverage', '-o', 'json']],
    ['kustomize', ['kustomize', 'kustomize/overlays/prod']],
    ['apply', ['apply', '-f', 'examples/k8s-combat', '-f', 'more.yaml', ...STATE]],
    ['get', ['get', 'all', '-A', ...STATE]],
    ['describe', ['describe', 'deployment', 'k8s-combat', ...STATE]],
    ['scale', ['scale', 'deployment/k8s-combat', '--replicas', '3', ...STATE]],
    ['rollout', ['rollout', 'history', 'deployment/k8s-combat', ...STATE]],
    ['set', ['set', 'image', 'deployment/k8s-combat', 'k8s-combat=crossoverjie/k8s-combat:v2', ...STATE]],
    ['expose', ['expose', 'deployment', 'k8s-combat', '--port', '80', '--target-port', '8081', '--name', 'web', ...STATE]],
    ['label', ['label', 'deployment', 'k8s-combat', 'tier=front', ...STATE]],
    ['annotate', ['annotate', 'deployment', 'k8s-combat', 'note=hello', ...STATE]],
    ['logs', ['logs', 'POD', ...STATE]],
    ['exec', ['exec', 'POD', '--', 'sh']],
    ['create', ['create', 'job', 'run-1', '--from=cronjob/nightly', ...STATE]],
    ['readiness', ['readiness', 'POD', 'fail', ...STATE]],
    ['fault', ['fault', 'POD', 'crash', ...STATE]],
    ['edit', ['edit', 'deployment/k8s-combat', ...STATE]],
    ['request', ['request', 'http://k8s-combat:8081/', ...STATE]],
    ['cordon', ['cordon', 'worker-1', ...STATE]],
    ['uncordon', ['uncordon', 'worker-1', ...STATE]],
    ['drain', ['drain', 'worker-2', ...STATE]],
    ['taint', ['taint', 'node', 'worker-1', 'smoke=true:NoSchedule', ...STATE]],
    ['advance', ['advance', '10m', ...STATE]],
    ['delete', ['delete', 'pod', 'POD', ...STATE]],
  ];

  it('the CLI table names every command', () => {
    assert.deepEqual(COMMANDS.map(([n]) => n).sort(), commandTable.map((c) => c.name).sort());
  });

  it('CLI: every command, exit 0 or 1, no stack trace, no network attempt', () => {
    const log = join(dir, 'cli.log');
    let pod = 'none';
    const ran: string[] = [];
    for (const [name, args] of COMMANDS) {
      const r = cli(
        dir,
        log,
        args.map((a) => (a === 'POD' ? pod : a)),
      );
      ran.push(`${name}: ${r.code}`);
      assert.ok(r.code === 0 || r.code === 1, `${name} exited ${r.code}: ${r.err}`);
      assert.doesNotMatch(r.err, /\n\s+at |internal problem/, name);
      if (name === 'apply') pod = /^(k8s-combat-[a-z0-9]+-[a-z0-9]+)\s/m.exec(r.out)?.[1] ?? pod;
    }
    assert.notEqual(pod, 'none', 'apply showed no pod');
    assert.deepEqual(attempts(log), [], ran.join(', '));
  });
});
