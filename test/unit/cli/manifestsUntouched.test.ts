// No command ever writes to a manifest (issue 12 §3): the checksums of every file of a workspace
// (plain manifests, a CronJob, a kustomization with a patch) before and after running every
// command of the CLI's table — and the editor's dry-run and actions — are the same, and the only
// new file is the state file.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { commandTable } from '../../../server/src/cli/commandTable';
import { WorkspaceCluster } from '../../../server/src/handlers/cluster/workspaceCluster';
import { runClusterAction } from '../../../server/src/handlers/cluster/clusterActions';
import { dryRun } from '../../../server/src/handlers/clusterHandler';

const CRONJOB =
  'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: b\n              image: busybox:1.36\n';

function checksums(dir: string): Map<string, string> {
  const sums = new Map<string, string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else sums.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return sums;
}

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'kubemate-manifests-'));
  cpSync('test/fixtures/cluster', join(ws, 'k8s'), { recursive: true });
  cpSync('test/fixtures/kustomize', join(ws, 'kustomize'), { recursive: true });
  writeFileSync(join(ws, 'k8s', 'cronjob.yaml'), CRONJOB);
  return ws;
}

describe('no command writes to a manifest', () => {
  it('every CLI command, then the same checksums and only the state file added', async () => {
    const ws = workspace();
    const before = checksums(ws);
    const run = async (args: string[]) => {
      const out: string[] = [];
      await runCli(args, { out: (s) => out.push(s), err: () => {}, cwd: ws }, { LANG: 'en_US.UTF-8', PATH: '', KUBE_EDITOR: 'true' });
      return out.join('\n');
    };
    const state = ['--state', 's.json'];
    const applied = JSON.parse(await run(['apply', '-f', 'k8s', '-o', 'json', ...state])) as { pods: { name: string }[] };
    const pod = applied.pods[0].name;
    const invocations: string[][] = [
      ['check', 'k8s', 'kustomize'],
      ['check', 'k8s', '-o', 'json'],
      ['explain', 'deployment.spec.replicas'],
      ['docs', 'coverage'],
      ['kustomize', 'kustomize/overlays/prod'],
      ['apply', '-k', 'kustomize/overlays/prod', ...state],
      ['apply', '-R', '-f', 'k8s', ...state],
      ['get', 'all', '-A', ...state],
      ['describe', 'deployment', 'k8s-combat', ...state],
      ['scale', 'deployment/k8s-combat', '--replicas', '3', ...state],
      ['rollout', 'restart', 'deployment/k8s-combat', ...state],
      ['rollout', 'history', 'deployment/k8s-combat', ...state],
      ['set', 'image', 'deployment/k8s-combat', 'k8s-combat=crossoverjie/k8s-combat:v2', ...state],
      ['expose', 'deployment', 'k8s-combat', '--port', '80', '--name', 'web', ...state],
      ['label', 'deployment', 'k8s-combat', 'tier=front', ...state],
      ['annotate', 'deployment', 'k8s-combat', 'note=hi', ...state],
      ['logs', pod, ...state],
      ['exec', pod, '--', 'sh'],
      ['create', 'job', 'run-1', '--from=cronjob/backup', ...state],
      ['request', 'http://k8s-combat:8081/', '--count', '4', ...state],
      ['readiness', pod, 'fail', ...state],
      ['fault', pod, 'crash', ...state],
      ['edit', 'deployment/k8s-combat', ...state],
      ['cordon', 'worker-1', ...state],
      ['uncordon', 'worker-1', ...state],
      ['drain', 'worker-2', '--ignore-daemonsets', ...state],
      ['taint', 'node', 'worker-1', 'smoke=true:NoExecute', ...state],
      ['advance', '10m', ...state],
      ['delete', '-f', 'k8s', ...state],
    ];
    const covered = new Set(['apply', ...invocations.map((a) => a[0])]);
    assert.deepEqual(
      commandTable.map((c) => c.name).filter((n) => !covered.has(n)),
      [],
      'a command this test does not run',
    );
    for (const args of invocations) await run(args);
    const after = checksums(ws);
    assert.deepEqual(
      [...after.keys()].filter((f) => !before.has(f)),
      ['s.json'],
    );
    for (const [file, sum] of before) assert.equal(after.get(file), sum, `${file} changed`);
  });

  it("the editor's dry-run and actions: the same checksums; it writes only in its storage folder", () => {
    const ws = workspace();
    const storage = mkdtempSync(join(tmpdir(), 'kubemate-storage-'));
    const before = checksums(ws);
    const c = new WorkspaceCluster();
    c.configure({ storagePath: storage, trusted: true });
    c.start();
    const text = readFileSync(join(ws, 'k8s', 'tutorial.yaml'), 'utf8');
    const uri = `file://${join(ws, 'k8s', 'tutorial.yaml')}`;
    c.transact(() => dryRun(c, { sources: [{ uri, label: 'tutorial.yaml', text }], command: 'kubectl apply -f tutorial.yaml' }));
    const target = { kind: 'Deployment', namespace: 'default', name: 'k8s-combat' };
    for (const a of [
      { action: 'scale', target, replicas: 2 },
      { action: 'setImage', target, container: 'k8s-combat', image: 'crossoverjie/k8s-combat:v2' },
      { action: 'rolloutUndo', target },
      { action: 'drain', node: 'worker-1' },
      { action: 'deleteObject', target },
      { action: 'reset' },
    ] as const)
      c.transact(() => runClusterAction(c, a));
    assert.deepEqual(checksums(ws), before);
    assert.deepEqual(readdirSync(storage).sort(), ['cluster-sources.json', 'cluster-state.json']);
  });
});
