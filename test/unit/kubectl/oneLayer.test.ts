// One kubectl layer for the terminal and the editor: the same reader, the same verbs, the same
// words — and each drifted behaviour decided once (see README "CLI and editor: one kubectl layer").
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { runClusterAction } from '../../../server/src/handlers/cluster/clusterActions';
import { dryRun } from '../../../server/src/handlers/clusterHandler';
import { WorkspaceCluster } from '../../../server/src/handlers/cluster/workspaceCluster';
import { readManifestText } from '../../../server/src/kubectl/readManifests';

async function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: b\n`;
const DUPLICATE =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
const DEPLOY =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';

describe('kubectl layer: the one manifest reader', () => {
  const cases: [string, string, { objects: string[]; problems: RegExp[]; skipped: number }][] = [
    ['two documents', cm('a') + '---\n' + cm('b'), { objects: ['a', 'b'], problems: [], skipped: 0 }],
    [
      "a duplicate key refuses the file with check's words",
      DUPLICATE,
      { objects: [], problems: [/^d\.yaml:7:3 error duplicate-key Duplicate key "replicas": YAML keeps only the last value/], skipped: 1 },
    ],
    [
      'a syntax error anywhere refuses the whole file',
      cm('a') + '---\n' + 'apiVersion: v1\nkind: [\n',
      { objects: [], problems: [/^d\.yaml:\d+:\d+ error yaml-syntax YAML syntax error: /, /nothing from this file was applied/], skipped: 2 },
    ],
    [
      'a template is skipped with a note',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.n }}\n',
      { objects: [], problems: [/^d\.yaml:1: skipped: this document is a template/], skipped: 1 },
    ],
    [
      'kind: List is expanded',
      'apiVersion: v1\nkind: List\nitems:\n  - ' + cm('x').trim().split('\n').join('\n    ') + '\n',
      { objects: ['x'], problems: [], skipped: 0 },
    ],
    [
      "a document without kind gets kubectl's validation error",
      'apiVersion: v1\nmetadata:\n  name: a\n',
      { objects: [], problems: [/error validating data: \[kind not set\]/], skipped: 1 },
    ],
    ['a scalar is not an object', 'just text\n', { objects: [], problems: [/this document is not a Kubernetes object/], skipped: 1 }],
    ['comments and empty documents are nothing', '# only a comment\n---\n---\n' + cm('c'), { objects: ['c'], problems: [], skipped: 0 }],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => {
      const r = readManifestText(text, 'd.yaml');
      assert.deepEqual(
        r.objects.map((o) => (o.obj.metadata as { name: string }).name),
        want.objects,
      );
      assert.equal(r.problems.length, want.problems.length, r.problems.join('\n'));
      want.problems.forEach((re, i) => assert.match(r.problems[i], re));
      assert.equal(r.skipped, want.skipped);
    });
  }

  it('check and apply give the same line for a duplicate key; apply creates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-dup-'));
    writeFileSync(join(dir, 'd.yaml'), DUPLICATE);
    const check = await run(dir, ['check', 'd.yaml']);
    const line = check.out.split('\n').find((l) => l.includes('duplicate-key'))!;
    assert.ok(line, check.out);
    const apply = await run(dir, ['apply', '-f', 'd.yaml']);
    assert.equal(apply.code, 1);
    assert.ok(apply.err.split('\n').includes(line), apply.err);
    assert.match(apply.err, /error: no objects passed to apply/);
    assert.doesNotMatch(apply.out, /created/);
  });

  it('the editor refuses the same file with the same line', () => {
    const c = new WorkspaceCluster();
    c.configure({ trusted: true });
    c.start();
    const r = dryRun(c, { sources: [{ uri: 'file:///d.yaml', label: 'd.yaml', text: DUPLICATE }], command: 'kubectl apply -f d.yaml' });
    assert.match(r.output, /^d\.yaml:7:3 error duplicate-key Duplicate key "replicas"/m);
    assert.equal(r.summary.created, 0);
  });
});

describe('kubectl layer: apply -f <dir> reads sub-folders only with -R (as kubectl)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-rec-'));
  mkdirSync(join(dir, 'k8s', 'more'), { recursive: true });
  writeFileSync(join(dir, 'k8s', 'a.yaml'), cm('top'));
  writeFileSync(join(dir, 'k8s', 'more', 'b.yaml'), cm('nested'));
  const cases: [string, string[], RegExp[], RegExp[]][] = [
    ["without -R: the folder's own files, and a note", ['apply', '-f', 'k8s'], [/configmap\/top created/], [/1 sub-folders were not read/]],
    ['with -R: sub-folders too', ['apply', '-R', '-f', 'k8s'], [/configmap\/top created/, /configmap\/nested created/], []],
    ['with --recursive: the same', ['apply', '--recursive', '-f', 'k8s'], [/configmap\/nested created/], []],
  ];
  for (const [name, args, outs, errs] of cases) {
    it(name, async () => {
      const r = await run(dir, args);
      assert.equal(r.code, 0, r.err);
      for (const re of outs) assert.match(r.out, re);
      for (const re of errs) assert.match(r.err, re);
      if (!args.some((a) => a === '-R' || a === '--recursive')) assert.doesNotMatch(r.out, /nested/);
    });
  }
  it('delete -f <dir> follows the same rule', async () => {
    const state = ['--state', 's.json'];
    await run(dir, ['apply', '-R', '-f', 'k8s', ...state]);
    const r = await run(dir, ['delete', '-f', 'k8s', ...state]);
    assert.match(r.out, /configmap "top" deleted from default namespace/);
    assert.doesNotMatch(r.out, /nested/);
  });
});

describe('kubectl layer: the CLI and the editor print the same verbs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-same-'));
  writeFileSync(join(dir, 'web.yaml'), DEPLOY);

  it('drain: the same lines in both; kube-system pods are not listed; no Normal events', async () => {
    const state = ['--state', 's.json'];
    await run(dir, ['apply', '-f', 'web.yaml', ...state]);
    const cli = await run(dir, ['drain', 'worker-1', '--ignore-daemonsets', ...state]);
    assert.equal(cli.code, 0, cli.err);
    const c = new WorkspaceCluster();
    c.configure({ trusted: true });
    c.start();
    dryRun(c, { sources: [{ uri: 'file:///web.yaml', label: 'web.yaml', text: DEPLOY }], command: 'x' });
    const editor = runClusterAction(c, { action: 'drain', node: 'worker-1' });
    const editorLines = editor.output.split('\n').slice(1).join('\n');
    // stdout and stderr interleave in the editor; each CLI line appears there in the same order.
    const cliLines = (cli.err ? cli.err.split('\n') : []).concat(cli.out.split('\n'));
    for (const l of cliLines) assert.ok(editorLines.split('\n').includes(l), `missing in the editor: ${l}`);
    assert.equal(editorLines.split('\n').length, cliLines.length);
    // kubectl's own lines name the add-on pods it evicts; the state block lists only the user's namespaces.
    assert.match(cli.out, /^evicting pod kube-system\/coredns-/m);
    assert.doesNotMatch(cli.out.slice(cli.out.indexOf('Pods:')), /coredns|kube-proxy/);
    assert.doesNotMatch(editor.output, /^Normal\s/m);
  });

  it("scale: identical output apart from the editor's header line", async () => {
    const state = ['--state', 's2.json'];
    await run(dir, ['apply', '-f', 'web.yaml', ...state]);
    const cli = await run(dir, ['scale', 'deployment/web', '--replicas', '1', ...state]);
    const c = new WorkspaceCluster();
    c.configure({ trusted: true });
    c.start();
    dryRun(c, { sources: [{ uri: 'file:///web.yaml', label: 'web.yaml', text: DEPLOY }], command: 'x' });
    const editor = runClusterAction(c, { action: 'scale', target: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 1 });
    assert.equal(editor.output.split('\n').slice(1).join('\n'), cli.out);
  });
});

describe('kubectl layer: the CLI passes its options explicitly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-lang-'));
  const han = /[\u4e00-\u9fff]/;

  it('--lang both does not travel through the environment or leak into the next run', async () => {
    const env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' };
    const both = await run(dir, ['--lang', 'both', 'explain', 'deployment.spec.replicas'], env);
    assert.equal(both.code, 0, both.err);
    assert.match(both.out, han);
    assert.deepEqual(env, { LANG: 'en_US.UTF-8' });
    const next = await run(dir, ['explain', 'deployment.spec.replicas'], env);
    assert.equal(next.code, 0, next.err);
    assert.doesNotMatch(next.out, han);
  });

  it('a zh-cn run does not leave the next English run in Chinese', async () => {
    const zh = await run(dir, ['get', 'foos'], { LANG: 'zh_CN.UTF-8' });
    const en = await run(dir, ['get', 'nodes'], { LANG: 'en_US.UTF-8' });
    assert.equal(zh.code, 1);
    assert.match(zh.err, han);
    assert.doesNotMatch(en.out + en.err, han);
  });
});

describe('kubectl layer: the new verbs from the tree (set image, rollout restart, label)', () => {
  const deploy = { kind: 'Deployment', namespace: 'default', name: 'web' };
  const fresh = () => {
    const c = new WorkspaceCluster();
    c.configure({ trusted: true });
    c.start();
    dryRun(c, { sources: [{ uri: 'file:///web.yaml', label: 'web.yaml', text: DEPLOY }], command: 'x' });
    return c;
  };
  const cases: [string, Parameters<typeof runClusterAction>[1], boolean, RegExp[]][] = [
    [
      'set image (one container: *=image)',
      { action: 'setImage', target: deploy, container: '*', image: 'nginx:1.28' },
      true,
      [/^> kubectl set image deployment\/web \*=nginx:1\.28 /, /^deployment\.apps\/web image updated$/m, /Rollout of deployment\/web/],
    ],
    [
      'set image of a missing container',
      { action: 'setImage', target: deploy, container: 'nope', image: 'nginx:1.28' },
      false,
      [/^error: unable to find container named "nope"$/m],
    ],
    ['rollout restart', { action: 'rolloutRestart', target: deploy }, true, [/^deployment\.apps\/web restarted$/m]],
    ['label', { action: 'label', target: deploy, key: 'tier', value: 'front' }, true, [/^deployment\.apps\/web labeled$/m]],
    ['label without --overwrite is refused', { action: 'label', target: deploy, key: 'tier', value: 'back' }, false, [/--overwrite is false/]],
  ];
  const c = fresh();
  for (const [name, action, ok, res] of cases) {
    it(name, () => {
      const r = runClusterAction(c, action);
      assert.equal(r.ok, ok, r.output);
      for (const re of res) assert.match(r.output, re);
    });
  }
  it('the image really changed and a label can be removed again', () => {
    assert.deepEqual(c.view().workloads.find((w) => w.kind === 'Deployment')!.images, ['nginx:1.28']);
    const r = runClusterAction(c, { action: 'label', target: deploy, key: 'tier', value: null });
    assert.ok(r.ok);
    assert.match(r.output, /^> kubectl label deployment web tier- /);
  });
});
