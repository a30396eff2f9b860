// The simulated cluster through the bundled language server over stdio, as the extension uses it:
// dry-run the tutorial → pods and endpoints; delete a pod → a replacement with a new name;
// readiness fails → the endpoint leaves (and rejoins); state survives a restart; a damaged state
// file is set aside and reported; an untrusted workspace writes nothing.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, LspSession } from '../helpers/lspClient';
import {
  ClusterActionRequest,
  ClusterChangedNotification,
  ClusterSnapshotRequest,
  ClusterViewRequest,
  DescribeRequest,
  DryRunRequest,
  LoadProfileRequest,
  RolloutHistoryRequest,
  SecretValuesRequest,
  SourceRequest,
  DefaultProfileRequest,
} from '../../server/src/protocol/clusterProtocol';
import type { ClusterView } from '../../server/src/protocol/clusterView';

const TUTORIAL = readFileSync('test/fixtures/cluster/tutorial.yaml', 'utf8');
const URI = 'file:///ws/k8s-combat/tutorial.yaml';

function send<P, R>(s: LspSession, type: { method: string; _?: [P, R] }, params: P): Promise<R> {
  return s.connection.sendRequest(type.method, params) as Promise<R>;
}

function dryRun(s: LspSession, text = TUTORIAL, extra: object = {}) {
  return send(s, DryRunRequest.type, {
    sources: [{ uri: URI, label: 'k8s-combat/tutorial.yaml', text, ...extra }],
    command: 'kubectl apply -f k8s-combat/tutorial.yaml',
  });
}

const endpointsOf = (v: ClusterView, name: string) => v.services.find((x) => x.name === name)!.endpoints;

describe('LSP: simulated cluster', function () {
  this.timeout(30000);
  let storage: string;
  let s: LspSession;
  const views: ClusterView[] = [];

  before(async () => {
    storage = mkdtempSync(join(tmpdir(), 'kubemate-lsp-cluster-'));
    s = await startServer('en', { storagePath: storage, trusted: true });
    s.connection.onNotification(ClusterChangedNotification.method, (v: ClusterView) => {
      views.push(v);
    });
  });
  after(async () => {
    await s.stop();
  });

  it('dry-runs the tutorial: kubectl lines, Running pods and ready endpoints on port 8081', async () => {
    const r = await dryRun(s);
    assert.equal(r.summary.created, 5);
    assert.equal(r.summary.rejected, 0);
    assert.match(r.summary.line, /^5 created — 2 pods Running$/);
    assert.match(r.output, /^> kubectl apply -f k8s-combat\/tutorial\.yaml/);
    assert.match(r.output, /^deployment\.apps\/k8s-combat created$/m);
    assert.match(r.output, /^Pods:$/m);
    assert.match(r.output, /^Endpoints:$/m);
    assert.deepEqual(r.changed.map((c) => c.kind).sort(), ['ConfigMap', 'Deployment', 'Ingress', 'Secret', 'Service']);
    const view = await send(s, ClusterViewRequest.type, {});
    const eps = endpointsOf(view, 'k8s-combat');
    assert.equal(eps.length, 2);
    assert.ok(eps.every((e) => e.ready && /^10\.244\.\d+\.\d+:8081$/.test(e.address) && e.pod?.startsWith('k8s-combat-')));
    const snap = await send(s, ClusterSnapshotRequest.type, {});
    assert.equal(snap.pods.filter((p) => p.status === 'Running').length, 2);
    assert.ok(views.length > 0, 'a cluster/changed notification arrived');
  });

  it('applying again unchanged, then an edit shows configured and the rollout step by step', async () => {
    const again = await dryRun(s);
    assert.equal(again.summary.unchanged, 5);
    const edited = await dryRun(s, TUTORIAL.replace('k8s-combat:v1', 'k8s-combat:v2'));
    assert.equal(edited.summary.configured, 1);
    assert.match(edited.output, /^deployment\.apps\/k8s-combat configured$/m);
    assert.match(edited.output, /Rollout of deployment\/k8s-combat, step by step:/);
    assert.match(edited.output, /successfully rolled out/);
    const history = await send(s, RolloutHistoryRequest.type, { target: { kind: 'Deployment', namespace: 'default', name: 'k8s-combat' } });
    assert.deepEqual(
      history.revisions.map((r) => [r.revision, r.current]),
      [
        [1, false],
        [2, true],
      ],
    );
    assert.match(history.text, /^REVISION\s+CHANGE-CAUSE$/m);
  });

  it('deleting a pod brings a replacement with a new name', async () => {
    const before = await send(s, ClusterViewRequest.type, {});
    const victim = before.pods.find((p) => p.name.startsWith('k8s-combat-'))!;
    const r = await send(s, ClusterActionRequest.type, { action: 'deletePod', target: { kind: 'Pod', namespace: 'default', name: victim.name } });
    assert.ok(r.ok);
    assert.match(r.output, new RegExp(`^pod "${victim.name}" deleted from default namespace$`, 'm'));
    assert.equal(r.changed.length, 1);
    assert.notEqual(r.changed[0].name, victim.name);
    const after = await send(s, ClusterViewRequest.type, {});
    const names = after.pods.filter((p) => p.owner?.kind === 'ReplicaSet' && p.name.startsWith('k8s-combat-')).map((p) => p.name);
    assert.equal(names.length, 2);
    assert.ok(!names.includes(victim.name));
    assert.ok(names.includes(r.changed[0].name));
    assert.match(r.message, /created/);
  });

  it('a failing readiness probe takes the pod out of the endpoints; recovering brings it back', async () => {
    const view = await send(s, ClusterViewRequest.type, {});
    const pod = endpointsOf(view, 'k8s-combat')[0].pod!;
    const fail = await send(s, ClusterActionRequest.type, { action: 'failReadiness', target: { kind: 'Pod', namespace: 'default', name: pod } });
    assert.ok(fail.ok);
    const failed = endpointsOf(await send(s, ClusterViewRequest.type, {}), 'k8s-combat');
    assert.deepEqual(
      failed.filter((e) => e.pod === pod).map((e) => e.ready),
      [false],
    );
    assert.equal(failed.filter((e) => e.ready).length, 1);
    const failingPod = (await send(s, ClusterViewRequest.type, {})).pods.find((p) => p.name === pod)!;
    assert.ok(failingPod.readinessFailing);
    await send(s, ClusterActionRequest.type, { action: 'recoverReadiness', target: { kind: 'Pod', namespace: 'default', name: pod } });
    const recovered = endpointsOf(await send(s, ClusterViewRequest.type, {}), 'k8s-combat');
    assert.equal(recovered.filter((e) => e.ready).length, 2);
  });

  it('scale, cordon and drain answer with kubectl lines', async () => {
    const scaled = await send(s, ClusterActionRequest.type, {
      action: 'scale',
      target: { kind: 'Deployment', namespace: 'default', name: 'k8s-combat' },
      replicas: 3,
    });
    assert.match(scaled.output, /^deployment\.apps\/k8s-combat scaled$/m);
    assert.equal(endpointsOf(await send(s, ClusterViewRequest.type, {}), 'k8s-combat').filter((e) => e.ready).length, 3);
    const cordon = await send(s, ClusterActionRequest.type, { action: 'cordon', node: 'worker-1' });
    assert.match(cordon.output, /^node\/worker-1 cordoned$/m);
    const drain = await send(s, ClusterActionRequest.type, { action: 'drain', node: 'worker-2' });
    assert.ok(drain.ok, drain.output);
    assert.match(drain.output, /^node\/worker-2 drained$/m);
    const view = await send(s, ClusterViewRequest.type, {});
    assert.ok(view.nodes.find((n) => n.name === 'worker-1')!.cordoned);
    await send(s, ClusterActionRequest.type, { action: 'uncordon', node: 'worker-1' });
    await send(s, ClusterActionRequest.type, { action: 'uncordon', node: 'worker-2' });
  });

  it('taint from the tree: NoExecute evicts what does not tolerate it, the node shows the taint, removing it works, a clash asks for --overwrite', async () => {
    const before = (await send(s, ClusterViewRequest.type, {})).nodes.find((n) => n.name === 'worker-1')!;
    const onIt = before.pods.length;
    const tainted = await send(s, ClusterActionRequest.type, { action: 'taint', node: 'worker-1', specs: ['smoke=true:NoExecute'] });
    assert.ok(tainted.ok, tainted.output);
    assert.match(tainted.output, /^> kubectl taint node worker-1 smoke=true:NoExecute +#/m);
    assert.match(tainted.output, /^node\/worker-1 tainted$/m);
    const after = (await send(s, ClusterViewRequest.type, {})).nodes.find((n) => n.name === 'worker-1')!;
    assert.deepEqual(after.taints, ['smoke=true:NoExecute']);
    assert.ok(after.pods.length < onIt || onIt === 0, `${after.pods.length} of ${onIt} pods left`);
    const clash = await send(s, ClusterActionRequest.type, { action: 'taint', node: 'worker-1', specs: ['smoke=false:NoExecute'] });
    assert.equal(clash.ok, false);
    assert.match(clash.message, /--overwrite is false/);
    const removed = await send(s, ClusterActionRequest.type, { action: 'taint', node: 'worker-1', specs: ['smoke-'] });
    assert.match(removed.output, /^node\/worker-1 untainted$/m);
    assert.deepEqual((await send(s, ClusterViewRequest.type, {})).nodes.find((n) => n.name === 'worker-1')!.taints, []);
  });

  it('describes objects, finds their source, and reveals Secret values only when asked', async () => {
    const d = await send(s, DescribeRequest.type, { target: { kind: 'Deployment', namespace: 'default', name: 'k8s-combat' } });
    assert.ok(d.found);
    assert.match(d.text, /^Name:\s+k8s-combat$/m);
    const view = await send(s, ClusterViewRequest.type, {});
    const pod = view.pods.find((p) => p.name.startsWith('k8s-combat-'))!;
    const src = await send(s, SourceRequest.type, { target: { kind: 'Pod', namespace: 'default', name: pod.name } });
    assert.deepEqual(src, { uri: URI, line: 17 });
    const secret = view.configs.find((c) => c.kind === 'Secret')!;
    assert.equal(secret.values, null);
    assert.deepEqual(secret.keys, ['DB_PASSWORD']);
    const values = await send(s, SecretValuesRequest.type, { target: { kind: 'Secret', namespace: 'default', name: 'k8s-combat-db' } });
    assert.deepEqual(values.values, { DB_PASSWORD: 'change-me' });
  });

  it('applies only the chosen document (CodeLens) and reports pods that cannot start', async () => {
    const text = readFileSync('test/fixtures/cluster/missing-key.yaml', 'utf8');
    const one = await dryRun(s, text, { documents: [1] });
    assert.deepEqual(
      one.summary.applied.map((a) => a.name),
      ['broken'],
    );
    assert.equal(one.summary.pods.byStatus.CreateContainerConfigError, 1);
    assert.match(one.summary.line, /CreateContainerConfigError/);
    const all = await dryRun(s, text);
    assert.equal(all.summary.pods.byStatus.Pending, 1);
    assert.equal(all.summary.podProblem, "couldn't find key LOG_LEVEL in ConfigMap default/app-config");
    const greedy = (await send(s, ClusterViewRequest.type, {})).pods.find((p) => p.name.startsWith('greedy-'))!;
    assert.equal(greedy.reason, 'Unschedulable');
    assert.match(greedy.message ?? '', /nodes are available/);
  });

  it('shows a ▶ Dry-run apply CodeLens above each Kubernetes document', async () => {
    const uri = 'file:///ws/lens.yaml';
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TUTORIAL } });
    const lenses = (await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as {
      range: { start: { line: number } };
      command: { title: string; command: string; arguments: unknown[] };
    }[];
    const dry = lenses.filter((l) => l.command.command === 'kubemate.dryRunDocument');
    assert.deepEqual(
      dry.map((l) => l.range.start.line),
      [1, 8, 16, 54, 66],
    );
    assert.deepEqual(dry[2].command.arguments, [uri, 2]);
    assert.equal(dry[0].command.title, '▶ Dry-run apply');
  });

  it('rebuilds the cluster from a saved profile and re-applies what was applied', async () => {
    const { text } = await send(s, DefaultProfileRequest.type, {});
    assert.match(text, /kind: Node/);
    const bad = await send(s, LoadProfileRequest.type, { uri: '.kubemate/cluster.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n' });
    assert.equal(bad.ok, false);
    const two = text.split('---\n').slice(0, 2).join('---\n');
    const ok = await send(s, LoadProfileRequest.type, { uri: '.kubemate/cluster.yaml', text: two });
    assert.ok(ok.ok, ok.output);
    const view = await send(s, ClusterViewRequest.type, {});
    assert.deepEqual(
      view.nodes.map((n) => n.name),
      ['control-plane', 'worker-1'],
    );
    assert.ok(view.workloads.some((w) => w.kind === 'Deployment' && w.name === 'k8s-combat'));
  });

  it('keeps the state in the storage folder across a restart', async () => {
    assert.ok(existsSync(join(storage, 'cluster-state.json')));
    const before = await send(s, ClusterSnapshotRequest.type, {});
    await s.stop();
    s = await startServer('en', { storagePath: storage, trusted: true });
    const after = await send(s, ClusterSnapshotRequest.type, {});
    assert.deepEqual(
      after.pods.map((p) => p.name),
      before.pods.map((p) => p.name),
    );
  });

  it('sets a damaged state file aside, reports it and starts a new cluster', async () => {
    await s.stop();
    writeFileSync(join(storage, 'cluster-state.json'), '{ not json');
    let resolveShown: (m: string) => void = () => undefined;
    const shown = new Promise<string>((resolve) => (resolveShown = resolve));
    s = await startServer('en', { storagePath: storage, trusted: true }, (c) =>
      c.onNotification('window/showMessage', (m: { message: string }) => resolveShown(m.message)),
    );
    const message = await shown;
    assert.match(message, /could not be read/);
    assert.ok(readdirSync(storage).some((f) => f.startsWith('cluster-state.json.bak-')));
    const snap = await send(s, ClusterSnapshotRequest.type, {});
    assert.equal(snap.pods.length, 0);
    const fresh = JSON.parse(readFileSync(join(storage, 'cluster-state.json'), 'utf8'));
    assert.equal(fresh.format, 'kubemate-cluster-state');
  });

  it('untrusted: dry-run works in memory and nothing is written', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kubemate-lsp-untrusted-'));
    const u = await startServer('en', { storagePath: empty, trusted: false, clusterProfile: { uri: 'p', text: 'kind: Pod' } });
    try {
      const r = await dryRun(u);
      assert.equal(r.summary.created, 5);
      const view = await send(u, ClusterViewRequest.type, {});
      assert.equal(view.persisted, false);
      assert.equal(view.nodes.length, 3);
      assert.deepEqual(readdirSync(empty), []);
    } finally {
      await u.stop();
    }
  });
});
