// The kubectl verbs of issue 16 through the CLI, as a learner types them: each row runs commands
// on one --state file and checks kubectl's words, the exit code and what changed.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';

const FIXTURE = readFileSync('test/fixtures/kubectl/describe.yaml', 'utf8');

async function run(cwd: string, args: string[], lang = 'en_US.UTF-8') {
  const out: string[] = [];
  const err: string[] = [];
  const dash = args.indexOf('--');
  const full = dash >= 0 ? [...args.slice(0, dash), '--state', 's.json', ...args.slice(dash)] : [...args, '--state', 's.json'];
  const code = await runCli(full, { out: (s) => out.push(s), err: (s) => err.push(s), cwd }, { LANG: lang });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function cluster(): Promise<{ dir: string; pod: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-verbs-'));
  writeFileSync(join(dir, 'app.yaml'), FIXTURE);
  const r = await run(dir, ['apply', '-f', 'app.yaml']);
  const pod = /^(web-[a-z0-9]+-[a-z0-9]+)\s/m.exec(r.out)![1];
  return { dir, pod };
}

type Step = [args: string[], code: number, out: RegExp[], err?: RegExp[]];

const SCENARIOS: [string, (pod: string) => Step[]][] = [
  [
    'set image starts a rollout; --record writes the change cause; an unknown container is refused',
    () => [
      [
        ['set', 'image', 'deployment/web', 'web=nginx:1.28', '--record'],
        0,
        [/^deployment\.apps\/web image updated$/m, /Rollout of deployment\/web, step by step:/],
        [/Flag --record has been deprecated/],
      ],
      [['rollout', 'history', 'deployment/web'], 0, [/^2 +kubectl set image deployment\/web web=nginx:1\.28 --record=true$/m]],
      [['set', 'image', 'deployment/web', 'nope=nginx:1.28'], 1, [], [/^error: unable to find container named "nope"$/m]],
      [['set', 'image', 'deployment/ghost', 'web=nginx'], 1, [], [/deployments\.apps "ghost" not found/]],
    ],
  ],
  [
    'rollout history --revision prints the pod template as kubectl does (not JSON)',
    () => [
      [['set', 'image', 'deployment/web', 'web=nginx:1.28'], 0, [/image updated/]],
      [
        ['rollout', 'history', 'deployment/web', '--revision', '1'],
        0,
        [/^deployment\.apps\/web with revision #1\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=/, /^ {4}Image:\tnginx:1\.27$/m],
      ],
      [['rollout', 'history', 'deployment/web', '--revision', '9'], 1, [], [/^error: unable to find the specified revision$/m]],
    ],
  ],
  [
    'rollout pause / resume / restart',
    () => [
      [['rollout', 'pause', 'deployment/web'], 0, [/^deployment\.apps\/web paused$/m]],
      [['rollout', 'pause', 'deployment/web'], 0, [/^deployment\.apps\/web already paused$/m]],
      [['rollout', 'restart', 'deployment/web'], 1, [], [/can't restart paused deployment \(run rollout resume first\)/]],
      [['rollout', 'undo', 'deployment/web'], 1, [], [/you cannot rollback a paused deployment/]],
      [['rollout', 'resume', 'deployment/web'], 0, [/^deployment\.apps\/web resumed$/m]],
      [['rollout', 'restart', 'deployment/web'], 0, [/^deployment\.apps\/web restarted$/m, /Rollout of deployment\/web/]],
      [['describe', 'deployment', 'web'], 0, [/kubectl\.kubernetes\.io\/restartedAt: 2026-/]],
    ],
  ],
  [
    'label: --overwrite semantics, key- removal, a relabelled pod is replaced',
    (pod) => [
      [['label', 'pod', pod, 'app=other'], 1, [], [/^error: 'app' already has a value \(web\), and --overwrite is false$/m]],
      [['label', 'pod', pod, 'tier=front'], 0, [new RegExp(`^pod/${pod} labeled$`, 'm')]],
      [['label', 'pod', pod, 'tier=front'], 0, [new RegExp(`^pod/${pod} not labeled$`, 'm')]],
      [['label', 'pod', pod, 'tier-', 'gone-'], 0, [/^label "gone" not found\.$/m, new RegExp(`^pod/${pod} labeled$`, 'm')]],
      [['label', 'pod', pod, 'app=other', '--overwrite'], 0, [new RegExp(`^pod/${pod} labeled$`, 'm')]],
      [['get', 'pods', '-o', 'json'], 0, [/"name": "web-/]],
    ],
  ],
  [
    'annotate follows the same rules',
    () => [
      [['annotate', 'deployment', 'web', 'note=hi'], 0, [/^deployment\.apps\/web annotated$/m]],
      [
        ['annotate', 'deployment', 'web', 'note=ho'],
        1,
        [],
        [/--overwrite is false but found the following declared annotation\(s\): 'note' already has a value \(hi\)/],
      ],
      [['annotate', 'deployment', 'web', 'note-'], 0, [/^deployment\.apps\/web annotated$/m]],
    ],
  ],
  [
    "expose creates a Service on the workload's selector and ports",
    () => [
      [['expose', 'deployment', 'web', '--port', '8080', '--target-port', '80', '--name', 'web2', '--type', 'NodePort'], 0, [/^service\/web2 exposed$/m]],
      [
        ['describe', 'service', 'web2'],
        0,
        [/^Selector: +app=web$/m, /^TargetPort: +80\/TCP$/m, /^NodePort: +<unset>  3\d{4}\/TCP$/m, /^Endpoints: +10\.244\.\d+\.\d+:80,10\.244/m],
      ],
      [['expose', 'deployment', 'web'], 1, [], [/^Error from server \(AlreadyExists\): services "web" already exists$/m]],
      [['expose', 'deployment', 'web', '--name', 'web3'], 0, [/^service\/web3 exposed$/m]],
      [['get', 'service', 'web3'], 0, [/web3 +ClusterIP +10\.\d+\.\d+\.\d+ +<none> +80\/TCP/]],
    ],
  ],
  [
    'logs is a simulated log, clearly marked; exec is not simulated',
    (pod) => [
      [['logs', pod], 0, [/^# KubeMate: simulated log of container "web"/m, /Started: Started container web$/m]],
      [['logs', pod, '-c', 'nope'], 1, [], [/container nope is not valid/]],
      [['logs', '-f', pod], 0, [/Started: Started container web$/m], [/^\(-f: simulated time stands still between commands/m]],
      [['logs', pod, '-p'], 1, [], [/^Error from server \(BadRequest\): previous terminated container "web" in pod "web-\S+" not found$/m]],
      [['fault', pod, 'crash'], 0, []],
      [['logs', pod, '--previous'], 0, [/^# KubeMate: simulated log of container "web"/m, /WARN  exited with code 1 \(Error\)$/]],
      [['logs', 'ghost'], 1, [], [/pods "ghost" not found/]],
      [['exec', pod, '--', 'sh'], 1, [], [/kubemate exec is not simulated/]],
    ],
  ],
  [
    'get -o yaml prints the stored object as kubectl does (sorted keys, quoted timestamps, a List for many); -o name prints kind/name',
    () => [
      [
        ['get', 'deployment', 'web', '-o', 'yaml'],
        0,
        [
          /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n  annotations:\n/,
          /^  creationTimestamp: "\d{4}-\d\d-\d\dT[\d:]+Z"$/m,
          /^      containers:\n      - env:\n/m,
          /^status:\n/m,
        ],
      ],
      [['get', 'pods', '-o', 'yaml'], 0, [/^apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n/, /\nkind: List\nmetadata:\n  resourceVersion: ""$/]],
      [['get', 'deployments,services', '-o', 'name'], 0, [/^deployment\.apps\/web\n(service\/\S+\n)*service\/web(\nservice\/\S+)*$/]],
      [['get', 'replicationcontrollers', '-o', 'yaml'], 0, [/^apiVersion: v1\nitems: \[\]\nkind: List\nmetadata:\n  resourceVersion: ""$/]],
    ],
  ],
  [
    'get -l selects by labels, --show-labels and -L show them; a bad selector and a name with a selector are refused as kubectl refuses them',
    () => [
      [['get', 'pods', '-l', 'app=web'], 0, [/^NAME +READY +STATUS/, /^web-\S+ +/m]],
      [['get', 'pods', '-l', 'app=nothing,tier notin (front)'], 0, [/^$/], [/^No resources found in default namespace\.$/]],
      [['get', 'deployments', '-l', 'tier=front,app'], 0, [/^web +/m]],
      [['get', 'pods', '-l', 'app in'], 1, [], [/^error: unable to parse requirement: found '', expected: '\('$/]],
      [['get', 'pods', 'web', '-l', 'app=web'], 1, [], [/^error: name cannot be provided when a selector is specified$/]],
      [['get', 'deployments', '--show-labels'], 0, [/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE +LABELS$/m, /^web +.* app=web,tier=front$/m]],
      [['get', 'pods', '-l', 'app=web', '-L', 'app,pod-template-hash'], 0, [/ APP +POD-TEMPLATE-HASH$/m, /^web-\S+ .* web +[a-z0-9]+$/m]],
      [['get', 'services', 'kubernetes', '--show-labels'], 0, [/ component=apiserver,provider=kubernetes$/m]],
    ],
  ],
];

describe('kubectl verbs (CLI)', () => {
  for (const [name, steps] of SCENARIOS) {
    it(name, async () => {
      const { dir, pod } = await cluster();
      for (const [args, code, outs, errs] of steps(pod)) {
        const r = await run(dir, args);
        assert.equal(r.code, code, `${args.join(' ')}\n${r.out}\n${r.err}`);
        for (const re of outs) assert.match(r.out, re, args.join(' '));
        for (const re of errs ?? []) assert.match(r.err, re, args.join(' '));
      }
    });
  }

  it('a relabelled pod leaves its ReplicaSet, which creates a replacement', async () => {
    const { dir, pod } = await cluster();
    await run(dir, ['label', 'pod', pod, 'app=other', '--overwrite']);
    const pods = (await run(dir, ['get', 'pods'])).out.split('\n').filter((l) => l.startsWith('web-'));
    assert.equal(pods.length, 3, pods.join('\n'));
    assert.ok(pods.some((l) => l.startsWith(pod)));
  });

  it('create -f makes what does not exist, refuses what does (AlreadyExists), and --record is what rollout history shows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-create-'));
    writeFileSync(join(dir, 'app.yaml'), FIXTURE);
    const first = await run(dir, ['create', '-f', 'app.yaml', '--record']);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /^deployment\.apps\/web created\nservice\/web created\n/);
    assert.match(first.err, /^Flag --record has been deprecated, --record will be removed in the future$/m);
    const again = await run(dir, ['create', '-f', 'app.yaml']);
    assert.equal(again.code, 1);
    assert.match(again.err, /^Error from server \(AlreadyExists\): error when creating "app\.yaml": deployments\.apps "web" already exists$/m);
    assert.match(again.err, /^Error from server \(AlreadyExists\): error when creating "app\.yaml": services "web" already exists$/m);
    await run(dir, ['-n', 'default', 'set', 'image', 'deploy', 'web', 'web=nginx:1.28', '--record']);
    const history = await run(dir, ['rollout', 'history', 'deployment/web']);
    assert.match(history.out, /^1 +kubectl create --filename=app\.yaml --record=true$/m);
    assert.match(history.out, /^2 +kubectl set image deploy web web=nginx:1\.28 --namespace=default --record=true$/m);
    // create writes no last-applied annotation, so a later apply warns as kubectl does.
    const apply = await run(dir, ['apply', '-f', 'app.yaml']);
    assert.match(apply.err, /^Warning: resource deployments\.apps\/web is missing the kubectl\.kubernetes\.io\/last-applied-configuration annotation/m);
    const saved = mkdtempSync(join(tmpdir(), 'kubemate-create-'));
    writeFileSync(join(saved, 'app.yaml'), FIXTURE);
    await run(saved, ['create', '-f', 'app.yaml', '--save-config']);
    assert.doesNotMatch((await run(saved, ['apply', '-f', 'app.yaml'])).err, /missing the kubectl/);
  });

  it('create configmap / secret / namespace / deployment: the generated objects, their AlreadyExists words, unreadable files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-generate-'));
    // LANG without `=`: kubectl takes its value from its own environment (here the test's LANG)
    writeFileSync(join(dir, 'configmap.txt'), 'MYSQL_HOST=mysql\n# port\nMYSQL_PORT=3306\nLANG\n');
    assert.match((await run(dir, ['create', 'namespace', 'uit'])).out, /^namespace\/uit created$/m);
    assert.match((await run(dir, ['-n', 'uit', 'create', 'configmap', 'ublog', '--from-env-file=configmap.txt'])).out, /^configmap\/ublog created$/m);
    assert.match(
      (await run(dir, ['-n', 'uit', 'get', 'cm', 'ublog', '-o', 'yaml'])).out,
      /^apiVersion: v1\ndata:\n  LANG: en_US.UTF-8\n  MYSQL_HOST: mysql\n  MYSQL_PORT: "3306"\nkind: ConfigMap\n/,
    );
    const again = await run(dir, ['-n', 'uit', 'create', 'cm', 'ublog', '--from-literal=a=b']);
    assert.equal(again.code, 1);
    assert.equal(again.err, 'error: failed to create configmap: configmaps "ublog" already exists');
    assert.match((await run(dir, ['create', 'secret', 'generic', 'db', '--from-literal=password=s3cr3t'])).out, /^secret\/db created$/m);
    assert.equal(
      (await run(dir, ['create', 'secret', 'generic', 'db', '--from-literal=x=y'])).err,
      'error: failed to create secret secrets "db" already exists',
    );
    const web = await run(dir, ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2']);
    assert.match(web.out, /^deployment\.apps\/web created$/m);
    assert.equal((await run(dir, ['get', 'pods', '-l', 'app=web', '-o', 'name'])).out.split('\n').length, 2);
    // --dry-run=client -o yaml prints the manifest kubectl 1.35 generates, and creates nothing.
    const dry = await run(dir, ['create', 'deployment', 'rng', '--image=dockercoins/rng:v0.1', '--dry-run=client', '-o', 'yaml']);
    assert.equal(
      dry.out,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  labels:',
        '    app: rng',
        '  name: rng',
        'spec:',
        '  replicas: 1',
        '  selector:',
        '    matchLabels:',
        '      app: rng',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: rng',
        '    spec:',
        '      containers:',
        '      - image: dockercoins/rng:v0.1',
        '        name: rng',
        '        resources: {}',
        'status: {}',
      ].join('\n'),
    );
    assert.equal((await run(dir, ['create', 'configmap', 'c', '--from-literal=a=b', '--dry-run=client'])).out, 'configmap/c created (client dry run)');
    assert.equal((await run(dir, ['get', 'deployment', 'rng'])).code, 1);
    assert.equal((await run(dir, ['get', 'configmap', 'c'])).code, 1);
    const missing = await run(dir, ['create', 'configmap', 'x', '--from-file=nope.txt']);
    assert.equal(missing.code, 1);
    assert.equal(missing.err, 'error: error reading nope.txt: no such file or directory');
  });

  it('exec speaks Chinese under zh-cn', async () => {
    const { dir, pod } = await cluster();
    const r = await run(dir, ['exec', pod, '--', 'sh'], 'zh_CN.UTF-8');
    assert.equal(r.code, 1);
    assert.match(r.err, /kubemate exec 没有模拟/);
  });
});
