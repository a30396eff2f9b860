import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kubemate check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-check-'));
  mkdirSync(join(dir, 'k8s'));
  writeFileSync(join(dir, 'k8s', 'ok.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
  writeFileSync(join(dir, 'k8s', 'bad.yml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndatas: {}\n');
  writeFileSync(join(dir, 'k8s', 'broken.yaml'), 'apiVersion: v1\nkind: [\n');
  writeFileSync(join(dir, 'k8s', 'notes.txt'), 'not a manifest');
  writeFileSync(join(dir, 'image.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));

  it('walks a directory and prints path:line:col severity code message', async () => {
    const r = await run(['check', 'k8s'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /^k8s\/bad\.yml:5:1 error unknown-field Unknown field "datas" in ConfigMap\. Did you mean "data"\?$/m);
    assert.match(r.out, /^k8s\/broken\.yaml:\d+:\d+ error yaml-syntax /m);
    assert.match(r.out, /3 file\(s\) checked: 2 error\(s\)/);
    assert.doesNotMatch(r.out, /notes\.txt/);
  });

  it('prints the JSON contract', async () => {
    const r = await run(['check', 'k8s/bad.yml', '-o', 'json'], dir);
    const json = JSON.parse(r.out);
    assert.equal(json.files, 1);
    assert.deepEqual(json.diagnostics[0], {
      file: 'k8s/bad.yml',
      line: 5,
      column: 1,
      endLine: 5,
      endColumn: 6,
      severity: 'error',
      code: 'unknown-field',
      message: 'Unknown field "datas" in ConfigMap. Did you mean "data"?',
    });
  });

  it('exits 0 on clean files', async () => {
    assert.equal((await run(['check', 'k8s/ok.yaml'], dir)).code, 0);
  });

  const bad: [string, string[], RegExp][] = [
    ['missing path', ['check', 'nope.yaml'], /nope\.yaml: no such file or directory/],
    ['binary file', ['check', 'image.yaml'], /looks like a binary file/],
    ['no arguments', ['check'], /Name at least one file or directory/],
    ['bad output format', ['check', 'k8s', '-o', 'xml'], /Unsupported output format "xml"/],
    ['unknown option', ['check', '--frobnicate', 'k8s'], /Unknown option: --frobnicate/],
    ['unknown command', ['chek'], /Unknown command "chek"/],
  ];
  for (const [name, args, message] of bad) {
    it(`bad input: ${name} → a clear message, no stack trace`, async () => {
      const r = await run(args, dir);
      assert.notEqual(r.code, 0);
      assert.match(r.err, message);
      assert.doesNotMatch(r.err + r.out, /\n\s+at /);
    });
  }

  it('answers in Chinese with --lang zh-cn', async () => {
    const r = await run(['check', 'k8s/bad.yml', '--lang', 'zh-cn'], dir);
    assert.match(r.out, /ConfigMap 中没有字段 "datas"。你是不是想写 "data"？/);
    assert.match(r.out, /已检查 1 个文件/);
  });

  describe("the checked files are one workspace (the editor's pipeline)", () => {
    const BIG =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big\nspec:\n  selector: {matchLabels: {app: big}}\n  template:\n    metadata: {labels: {app: big}}\n    spec:\n      containers:\n        - name: big\n          image: big:1.0\n          envFrom: [{configMapRef: {name: big-config}}]\n          resources: {requests: {cpu: "6", memory: 1Gi}, limits: {memory: 1Gi}}\n';
    const NODES = 'apiVersion: v1\nkind: Node\nmetadata:\n  name: large\nstatus:\n  capacity: {cpu: "16", memory: 64Gi, pods: "110"}\n';
    const ws = (files: Record<string, string>) => {
      const d = mkdtempSync(join(tmpdir(), 'kubemate-ws-'));
      for (const [n, text] of Object.entries(files)) writeFileSync(join(d, n), text);
      return d;
    };
    const codes = async (d: string) =>
      (JSON.parse((await run(['check', '.', '-o', 'json', '--no-lint'], d)).out).diagnostics as { code: string }[]).map((x) => x.code);
    const rows: [string, Record<string, string>, string[]][] = [
      ['cross-file rules and the scheduling probe run', { 'app.yaml': BIG }, ['missing-configmap', 'unschedulable']],
      [
        'a ConfigMap in another checked file satisfies the reference',
        { 'app.yaml': BIG, 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big-config\n' },
        ['unschedulable'],
      ],
      ['.kubemate.yaml crossFile: false turns them off', { 'app.yaml': BIG, '.kubemate.yaml': 'crossFile: false\n' }, []],
      [
        '.kubemate.yaml cluster.profile: the probe places pods on its nodes',
        { 'app.yaml': BIG, 'nodes.yaml': NODES, '.kubemate.yaml': 'cluster:\n  profile: nodes.yaml\n' },
        ['missing-configmap'],
      ],
    ];
    for (const [name, files, expected] of rows) {
      it(name, async () => {
        assert.deepEqual(await codes(ws(files)), expected);
      });
    }
  });
});

describe('kubemate explain', () => {
  it('accepts kubectl kind forms and walks into lists', async () => {
    for (const kind of ['deploy', 'deployments', 'Deployment', 'deployment']) {
      const r = await run(['explain', `${kind}.spec.template.spec.containers.image`, '-o', 'json'], process.cwd());
      const json = JSON.parse(r.out);
      assert.equal(json.kind, 'Deployment');
      assert.equal(json.apiVersion, 'apps/v1');
      assert.equal(json.path, 'spec.template.spec.containers[].image');
      assert.equal(json.type, 'string');
      assert.match(json.description.en, /Container image name/);
    }
  });
  it('lists child fields with required flags', async () => {
    const json = JSON.parse((await run(['explain', 'svc.spec.ports', '-o', 'json'], process.cwd())).out);
    assert.deepEqual(
      json.fields.find((f: { name: string }) => f.name === 'port'),
      { name: 'port', type: 'integer', required: true },
    );
  });
  it('prints kubectl-explain-like text', async () => {
    const r = await run(['explain', 'pod.spec.restartPolicy'], process.cwd());
    assert.match(r.out, /^KIND: {5}Pod\nVERSION: {2}v1\n\nFIELD: {4}spec\.restartPolicy <string \(enum\)>/);
  });
  it('suggests a field for a typo', async () => {
    const r = await run(['explain', 'deployment.spec.replica'], process.cwd());
    assert.equal(r.code, 1);
    assert.match(r.err, /Did you mean "replicas"\?/);
  });
  it('honours --api-version', async () => {
    const r = await run(['explain', 'hpa', '--api-version', 'autoscaling/v1', '-o', 'json'], process.cwd());
    assert.equal(JSON.parse(r.out).apiVersion, 'autoscaling/v1');
  });
});
