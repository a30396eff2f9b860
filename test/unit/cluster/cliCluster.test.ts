// The cluster commands end to end through runCli, with a fake io and a temp state file.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), cwd }, out, err };
}

async function run(cwd: string, ...args: string[]) {
  const f = fakeIo(cwd);
  const code = await runCli(args, f.io, { LANG: 'en_US.UTF-8' });
  return { code, out: f.out.join('\n'), err: f.err.join('\n') };
}

const DEPLOY = (replicas: number, image = 'crossoverjie/k8s-combat:v1') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: k8s-combat
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: k8s-combat
  template:
    metadata:
      labels:
        app: k8s-combat
    spec:
      containers:
        - name: app
          image: ${image}
          ports:
            - containerPort: 8081
---
apiVersion: v1
kind: Service
metadata:
  name: k8s-combat
spec:
  selector:
    app: k8s-combat
  ports:
    - port: 8081
`;

describe('cluster/cli', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kubemate-cli-'));
  });

  it('apply prints kubectl lines, pods -o wide and endpoints; re-apply says configured/unchanged', async () => {
    writeFileSync(join(dir, 'app.yaml'), DEPLOY(1));
    const first = await run(dir, 'apply', '-f', 'app.yaml', '--state', 'state.json');
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /^deployment\.apps\/k8s-combat created\nservice\/k8s-combat created/);
    assert.match(first.out, /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES/);
    assert.match(first.out, /k8s-combat\s+10\.244\.\d+\.\d+:8081\s/);
    writeFileSync(join(dir, 'app.yaml'), DEPLOY(2));
    const second = await run(dir, 'apply', '-f', 'app.yaml', '--state', 'state.json');
    assert.match(second.out, /deployment\.apps\/k8s-combat configured\nservice\/k8s-combat unchanged/);
    const eps = await run(dir, 'get', 'endpoints', 'k8s-combat', '--state', 'state.json');
    assert.match(eps.out, /10\.244\.\d+\.\d+:8081,10\.244\.\d+\.\d+:8081/);
  });

  it('same inputs give byte-identical output (JSON contract)', async () => {
    writeFileSync(join(dir, 'app.yaml'), DEPLOY(3));
    const a = await run(dir, 'apply', '-f', 'app.yaml', '-o', 'json');
    const b = await run(dir, 'apply', '-f', 'app.yaml', '-o', 'json');
    assert.equal(a.out, b.out);
    const j = JSON.parse(a.out);
    assert.deepEqual(Object.keys(j), ['applied', 'pods', 'replicaSets', 'services', 'endpoints', 'events', 'timeline']);
    assert.deepEqual(j.applied[0], {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'default',
      name: 'k8s-combat',
      action: 'created',
      message: 'deployment.apps/k8s-combat created',
    });
    assert.equal(j.pods.length, 3);
    assert.deepEqual(Object.keys(j.pods[0]), ['namespace', 'name', 'phase', 'status', 'ready', 'restarts', 'node', 'ip', 'owner', 'reason', 'message']);
    assert.equal(j.endpoints.find((e: { name: string }) => e.name === 'k8s-combat').ready.length, 3);
  });

  it('an invalid object is rejected with the API server message, the valid one goes in, exit 1', async () => {
    writeFileSync(
      join(dir, 'bad.yaml'),
      DEPLOY(1) +
        `---
apiVersion: v1
kind: Service
metadata:
  name: bad
spec:
  type: ClusterIP
  ports:
    - port: 80
      nodePort: 30080
`,
    );
    const r = await run(dir, 'apply', '-f', 'bad.yaml');
    assert.equal(r.code, 1);
    assert.match(r.out, /deployment\.apps\/k8s-combat created/);
    assert.match(r.err, /The Service "bad" is invalid: spec\.ports\[0\]\.nodePort: Forbidden: may not be used when `type` is 'ClusterIP'/);
  });

  it('a missing namespace is NotFound; kubectl order: a Namespace after the object is too late, before it works', async () => {
    const svc = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: uit\ndata:\n  a: b\n';
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: uit\n';
    writeFileSync(join(dir, 'cm.yaml'), svc);
    const r = await run(dir, 'apply', '-f', 'cm.yaml');
    assert.equal(r.code, 1);
    assert.match(r.err, /Error from server \(NotFound\): error when creating "cm\.yaml": namespaces "uit" not found/);
    assert.doesNotMatch(r.err, /Order matters/);
    writeFileSync(join(dir, 'cm.yaml'), svc + '---\n' + ns);
    const late = await run(dir, 'apply', '-f', 'cm.yaml', '--reset');
    assert.equal(late.code, 1);
    assert.match(
      late.err,
      /namespaces "uit" not found\nOrder matters: namespace uit is created later in this apply \(.*cm\.yaml:9\) than the object that needs it \(.*cm\.yaml:1\)/,
    );
    assert.match(late.out, /namespace\/uit created/);
    writeFileSync(join(dir, 'cm.yaml'), ns + '---\n' + svc);
    const ok = await run(dir, 'apply', '-f', 'cm.yaml', '--reset');
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /namespace\/uit created\nconfigmap\/c created/);
  });

  it('invalid YAML names file:line and the other files still apply', async () => {
    writeFileSync(join(dir, 'a.yaml'), DEPLOY(1));
    writeFileSync(join(dir, 'b.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: [a\n');
    writeFileSync(join(dir, 'c.yaml'), Buffer.from([0x61, 0x00, 0x62]));
    const r = await run(dir, 'apply', '-f', '.');
    assert.equal(r.code, 1);
    // The same line `kubemate check` prints for the finding.
    assert.match(r.err, /b\.yaml:\d+:\d+ error yaml-syntax YAML syntax error: /);
    assert.match(r.err, /c\.yaml: looks like a binary file/);
    assert.match(r.out, /deployment\.apps\/k8s-combat created/);
  });

  it('a corrupted state file is never overwritten; --reset keeps it as .bak-1', async () => {
    writeFileSync(join(dir, 'app.yaml'), DEPLOY(1));
    writeFileSync(join(dir, 'state.json'), '{"not": "ours"');
    const r = await run(dir, 'apply', '-f', 'app.yaml', '--state', 'state.json');
    assert.equal(r.code, 1);
    assert.match(r.err, /state file state\.json is corrupted or was not written by KubeMate/);
    assert.equal(readFileSync(join(dir, 'state.json'), 'utf8'), '{"not": "ours"');
    const reset = await run(dir, 'apply', '-f', 'app.yaml', '--state', 'state.json', '--reset');
    assert.equal(reset.code, 0, reset.err);
    assert.match(reset.err, /state\.json\.bak-1/);
    assert.equal(readFileSync(join(dir, 'state.json.bak-1'), 'utf8'), '{"not": "ours"');
    assert.equal(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).format, 'kubemate-cluster-state');
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('.tmp-')),
      [],
    );
    assert.ok(existsSync(join(dir, 'state.json')));
  });

  it('scale, rollout undo/history, cordon and drain work on --state', async () => {
    writeFileSync(join(dir, 'app.yaml'), DEPLOY(3));
    await run(dir, 'apply', '-f', 'app.yaml', '--state', 's.json');
    writeFileSync(join(dir, 'app.yaml'), DEPLOY(3, 'crossoverjie/k8s-combat:v2'));
    const upd = await run(dir, 'apply', '-f', 'app.yaml', '--state', 's.json');
    assert.match(upd.out, /Rollout of deployment\/k8s-combat, step by step:/);
    assert.match(upd.out, /Waiting for deployment "k8s-combat" rollout to finish: 1 out of 3 new replicas have been updated\.\.\./);
    const undo = await run(dir, 'rollout', 'undo', 'deployment/k8s-combat', '--state', 's.json');
    assert.match(undo.out, /^deployment\.apps\/k8s-combat rolled back/);
    const hist = await run(dir, 'rollout', 'history', 'deploy/k8s-combat', '--state', 's.json');
    assert.equal(hist.out, 'deployment.apps/k8s-combat \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>');
    const sc = await run(dir, 'scale', 'deployment/k8s-combat', '--replicas', '5', '--state', 's.json');
    assert.match(sc.out, /^deployment\.apps\/k8s-combat scaled/);
    const c = await run(dir, 'cordon', 'worker-1', '--state', 's.json');
    assert.equal(c.out, 'node/worker-1 cordoned');
    const nodes = await run(dir, 'get', 'nodes', '--state', 's.json');
    assert.match(nodes.out, /worker-1\s+Ready,SchedulingDisabled\s+<none>/);
    const d = await run(dir, 'drain', 'worker-1', '--state', 's.json');
    assert.equal(d.code, 0, d.err);
    assert.match(d.out, /node\/worker-1 drained/);
    const pods = await run(dir, 'get', 'pods', '-o', 'wide', '--state', 's.json');
    assert.doesNotMatch(pods.out, /worker-1/);
  });

  it('get with an unknown type and describe of a missing object fail clearly', async () => {
    const g = await run(dir, 'get', 'foos');
    assert.equal(g.code, 1);
    assert.match(g.err, /the server doesn't have a resource type "foos"/);
    const d = await run(dir, 'describe', 'deployment', 'nope');
    assert.equal(d.code, 1);
    assert.match(d.err, /deployments\.apps "nope" not found/);
  });

  it("get pdb prints kubectl's columns; drain refused by the budget retries and stops at --timeout; advance runs a CronJob", async () => {
    const pdb =
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels:\n      app: k8s-combat\n';
    const cron =
      'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: tick\nspec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: t\n              image: busybox:1.36\n';
    writeFileSync(join(dir, 'app.yaml'), DEPLOY(2) + '---\n' + pdb + '---\n' + cron);
    assert.equal((await run(dir, 'apply', '-f', 'app.yaml', '--state', 'pdb.json')).code, 0);
    const g = await run(dir, 'get', 'pdb', '--state', 'pdb.json');
    assert.match(g.out, /^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE\nweb\s+2\s+N\/A\s+0\s+\S+$/m);
    const d = await run(dir, 'drain', 'worker-1', '--ignore-daemonsets', '--timeout', '10s', '--state', 'pdb.json');
    assert.equal(d.code, 1);
    assert.match(
      d.err,
      /error when evicting pods\/"k8s-combat-[a-z0-9-]+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\./,
    );
    assert.match(d.err, /global timeout reached: 10s/);
    const a = await run(dir, 'advance', '6m', '--state', 'pdb.json');
    assert.equal(a.code, 0, a.err);
    assert.match(a.out, /SuccessfulCreate\s+cronjob\/tick\s+Created job tick-29453765/);
  });
});
