// The server-side helpers of the Simulated Cluster: the summary line, what a dry-run reads from
// editor text, the output channel text (CLI printers), saving/loading the workspace's cluster.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summaryLine, applySummary } from '../../../server/src/handlers/cluster/summaryLine';
import { dryRunInputs } from '../../../server/src/handlers/cluster/dryRunInput';
import { WorkspaceCluster } from '../../../server/src/handlers/cluster/workspaceCluster';
import { runClusterAction } from '../../../server/src/handlers/cluster/clusterActions';
import { defaultProfileText } from '../../../server/src/handlers/cluster/defaultProfile';
import { dryRun } from '../../../server/src/handlers/clusterHandler';
import { setLanguage } from '../../../server/src/util/l10n';
import type { PodSummary } from '../../../server/src/protocol/clusterSnapshot';
import { clusterWith } from '../../helpers/clusterView';

const TUTORIAL = readFileSync('test/fixtures/cluster/tutorial.yaml', 'utf8');

function pod(status: string, message: string | null = null): PodSummary {
  return {
    namespace: 'default',
    name: 'p',
    phase: status === 'Running' ? 'Running' : 'Pending',
    status,
    ready: '1/1',
    restarts: 0,
    node: null,
    ip: null,
    owner: null,
    reason: message ? 'Unschedulable' : null,
    message,
  };
}

describe('cluster handler: summary line', () => {
  const base = { unchanged: 0, rejected: 0, skipped: 0, applied: [], stable: true, podProblem: null };

  it('reads like the issue: counts, then pods by status with the first problem', () => {
    const s = applySummary({
      applied: [
        ...['a', 'b', 'c'].map((name) => ({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name, action: 'created' as const, message: '' })),
        { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web', action: 'configured' as const, message: '' },
      ],
      skipped: 0,
      pods: [pod('Running'), pod('Running'), pod('Running'), pod('Running'), pod('Pending', '0/3 nodes are available: 3 Insufficient cpu.')],
      stable: true,
    });
    assert.equal(s.line, '3 created · 1 configured — 4 pods Running, 1 Pending (0/3 nodes are available: 3 Insufficient cpu.)');
    assert.deepEqual(s.pods, { total: 5, byStatus: { Running: 4, Pending: 1 } });
  });

  it('handles nothing applied, one pod, rejections and an unsettled cluster', () => {
    assert.equal(summaryLine({ ...base, created: 0, configured: 0, pods: { total: 0, byStatus: {} } }), 'nothing applied');
    assert.equal(summaryLine({ ...base, created: 1, configured: 0, pods: { total: 1, byStatus: { Running: 1 } } }), '1 created — 1 pod Running');
    assert.equal(
      summaryLine({ ...base, created: 0, configured: 0, rejected: 1, skipped: 2, stable: false, pods: { total: 2, byStatus: { Pending: 2 } } }),
      '1 rejected · 2 skipped — 2 pods Pending — still changing',
    );
  });

  it('is localised', () => {
    setLanguage('zh-cn');
    try {
      assert.equal(
        summaryLine({ ...base, created: 2, configured: 1, pods: { total: 3, byStatus: { Running: 2, Pending: 1 } }, podProblem: 'x' }),
        '已创建 2 个 · 已更新 1 个 — 2 个 Pod Running，1 个 Pending（x）',
      );
    } finally {
      setLanguage('en');
    }
  });
});

describe('cluster handler: dry-run input', () => {
  const text =
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n---\n# comment only\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
  const src = { uri: 'untitled:x', label: 'x.yaml', text };
  const names = (r: ReturnType<typeof dryRunInputs>) => r.inputs.map((i) => (i.obj.metadata as { name: string }).name);

  it('reads every document of a file with file line numbers', () => {
    const r = dryRunInputs([src]);
    assert.deepEqual(names(r), ['a', 'b', 'c']);
    assert.deepEqual(
      r.inputs.map((i) => i.source!.line),
      [1, 6, 13],
    );
    assert.deepEqual(r.uris, ['untitled:x', 'untitled:x', 'untitled:x']);
  });

  it('reads only chosen documents or the documents a selection touches', () => {
    assert.deepEqual(names(dryRunInputs([{ ...src, documents: [1] }])), ['b']);
    assert.deepEqual(names(dryRunInputs([{ ...src, lines: [{ start: 7, end: 13 }] }])), ['b', 'c']);
    assert.deepEqual(names(dryRunInputs([{ ...src, lines: [{ start: 2, end: 2 }] }])), ['a']);
  });

  it('a YAML error refuses the whole file, but not a chosen healthy document', () => {
    const broken = text.replace('  name: c', '  name: [c');
    const whole = dryRunInputs([{ ...src, text: broken }]);
    assert.deepEqual(names(whole), []);
    assert.ok(whole.problems.some((p) => /^x\.yaml:\d+:\d+ error yaml-syntax YAML syntax error: /.test(p)));
    assert.ok(whole.problems.some((p) => /nothing from this file was applied/.test(p)));
    assert.deepEqual(names(dryRunInputs([{ ...src, text: broken, documents: [0] }])), ['a']);
  });

  it('skips templates with a note', () => {
    const r = dryRunInputs([{ ...src, text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n' }]);
    assert.equal(r.inputs.length, 0);
    assert.equal(r.skipped, 1);
    assert.match(r.problems[0], /^x\.yaml:1: skipped: this document is a template/);
  });
});

describe('cluster handler: output and actions', () => {
  it('prints kubectl lines, pods -o wide and endpoints; no Normal events (kubectl apply prints none)', () => {
    const c = new WorkspaceCluster();
    c.configure({ trusted: true });
    c.start();
    const r = dryRun(c, { sources: [{ uri: 'file:///t.yaml', label: 't.yaml', text: TUTORIAL }], command: 'kubectl apply -f t.yaml' });
    const lines = r.output.split('\n');
    assert.match(lines[0], /^> kubectl apply -f t\.yaml {4}# simulated cluster/);
    assert.deepEqual(lines.slice(1, 6), [
      'configmap/k8s-combat-config created',
      'secret/k8s-combat-db created',
      'deployment.apps/k8s-combat created',
      'service/k8s-combat created',
      'ingress.networking.k8s.io/k8s-combat created',
    ]);
    assert.match(r.output, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/m);
    assert.match(r.output, /^k8s-combat\s+10\.244\.\d+\.\d+:8081,10\.244\.\d+\.\d+:8081\s+\d+s$/m);
    assert.doesNotMatch(r.output, /^Events:$/m);
    assert.doesNotMatch(r.output, /^Normal\s+ScalingReplicaSet/m);
  });

  it('drain refuses a pod without a controller unless forced', () => {
    const c = clusterWith('apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n');
    const node = c.view().pods.find((p) => p.name === 'solo')!.node!;
    const drain = runClusterAction(c, { action: 'drain', node });
    assert.equal(drain.ok, false);
    assert.match(drain.output, /cannot delete Pods that declare no controller/);
    const forced = runClusterAction(c, { action: 'drain', node, force: true });
    assert.ok(forced.ok);
    assert.match(forced.output, /pod\/solo evicted/);
    const gone = runClusterAction(c, { action: 'deletePod', target: { kind: 'Pod', namespace: 'default', name: 'solo' } });
    assert.equal(gone.ok, false);
    assert.match(gone.output, /^Error from server \(NotFound\): pods "solo" not found$/);
  });

  it('undo rolls back to the previous template; reset leaves only the default cluster', () => {
    const c = clusterWith(TUTORIAL, TUTORIAL.replace(':v1', ':v2'));
    const undo = runClusterAction(c, { action: 'rolloutUndo', target: { kind: 'Deployment', namespace: 'default', name: 'k8s-combat' } });
    assert.ok(undo.ok, undo.output);
    assert.match(undo.output, /^deployment\.apps\/k8s-combat rolled back$/m);
    assert.deepEqual(c.view().workloads.find((w) => w.kind === 'Deployment')!.images, ['crossoverjie/k8s-combat:v1']);
    runClusterAction(c, { action: 'reset' });
    assert.equal(c.view().pods.filter((p) => p.namespace === 'default').length, 0);
    assert.equal(c.findSource({ kind: 'Deployment', namespace: 'default', name: 'k8s-combat' }), null);
  });

  it('the default profile text is a valid cluster profile of the default nodes', () => {
    const c = new WorkspaceCluster();
    c.configure({ trusted: true });
    c.start();
    const r = c.loadProfile('cluster.yaml', defaultProfileText());
    assert.ok(r.ok, r.problems.join('\n'));
    assert.equal(r.nodes, 3);
    assert.match(defaultProfileText(), /^# KubeMate cluster profile/);
  });
});

describe('cluster handler: workspace storage', () => {
  it('saves atomically and loads the same cluster and sources', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-ws-'));
    const a = new WorkspaceCluster();
    a.configure({ storagePath: dir, trusted: true });
    assert.deepEqual(a.start(), []);
    dryRun(a, { sources: [{ uri: 'file:///t.yaml', label: 't.yaml', text: TUTORIAL }], command: 'x' });
    a.save();
    assert.deepEqual(readdirSync(dir).sort(), ['cluster-sources.json', 'cluster-state.json']);
    const b = new WorkspaceCluster();
    b.configure({ storagePath: dir, trusted: true });
    assert.deepEqual(b.start(), []);
    assert.deepEqual(
      b.view().pods.map((p) => p.name),
      a.view().pods.map((p) => p.name),
    );
    assert.deepEqual(b.findSource({ kind: 'Service', namespace: 'default', name: 'k8s-combat' }), { uri: 'file:///t.yaml', line: 55 });
  });

  it('a damaged state is moved aside, reported and replaced; the profile shapes the new cluster', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-ws-'));
    writeFileSync(join(dir, 'cluster-state.json'), '{"format":"something-else"}');
    const c = new WorkspaceCluster();
    const profile = defaultProfileText().split('---\n').slice(0, 2).join('---\n');
    c.configure({ storagePath: dir, trusted: true, clusterProfile: { uri: 'p.yaml', text: profile } });
    const messages = c.start();
    assert.equal(messages.length, 1);
    assert.match(messages[0], /could not be read \(foreign\)\. It was kept as .*cluster-state\.json\.bak-1/);
    assert.ok(existsSync(join(dir, 'cluster-state.json.bak-1')));
    assert.equal(c.view().nodes.length, 2);
  });

  it('an untrusted workspace writes nothing and ignores the profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-ws-'));
    const c = new WorkspaceCluster();
    c.configure({ storagePath: dir, trusted: false, clusterProfile: { uri: 'p.yaml', text: 'kind: Pod' } });
    assert.deepEqual(c.start(), []);
    dryRun(c, { sources: [{ uri: 'file:///t.yaml', label: 't.yaml', text: TUTORIAL }], command: 'x' });
    c.save();
    assert.deepEqual(readdirSync(dir), []);
    assert.equal(c.loadProfile('p.yaml', defaultProfileText()).ok, false);
    c.trust();
    assert.ok(existsSync(join(dir, 'cluster-state.json')));
  });
});
