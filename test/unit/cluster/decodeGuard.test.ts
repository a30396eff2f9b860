// Issue 15: manifests the parser accepts but whose fields have the wrong shape. Each reaches the
// simulator through `kubemate apply` (in-process and as a process) and the editor's dry-run, and
// each gives upstream's words plus a localised sentence naming the object and the field — never
// a JavaScript error text or a stack trace.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from '../../../server/src/cli/main';
import { dryRun } from '../../../server/src/handlers/clusterHandler';
import { WorkspaceCluster } from '../../../server/src/handlers/cluster/workspaceCluster';
import { decodeManifest } from '../../../server/src/cluster/decodeGuard';
import { setLanguage } from '../../../server/src/util/l10n';

const pod = (name: string, spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${spec}`;

// name, manifest, the lines expected (English, then Chinese)
const CASES: [string, string, RegExp[], RegExp[]][] = [
  [
    'a containers item that is a string',
    pod('str-container', 'spec:\n  containers:\n    - nginx\n'),
    [
      /^Error from server \(BadRequest\): error when creating "m\.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec\.spec\.containers of type v1\.Container$/m,
      /^Pod "str-container": the field spec\.containers\[0\] must be an object \(key: value pairs\), but it is a string\. Nothing of this object was applied\.$/m,
    ],
    [/^Pod "str-container"：字段 spec\.containers\[0\] 应当是对象（键: 值 的形式），这里却是字符串。/m],
  ],
  [
    'a container image that is a number',
    pod('num-image', 'spec:\n  containers:\n    - name: app\n      image: 42\n'),
    [
      /json: cannot unmarshal number into Go struct field Container\.spec\.containers\.image of type string$/m,
      /^Pod "num-image": the field spec\.containers\[0\]\.image must be a string, but it is a number\./m,
    ],
    [/^Pod "num-image"：字段 spec\.containers\[0\]\.image 应当是字符串，这里却是数字。/m],
  ],
  [
    'a Pod without spec',
    pod('no-spec', ''),
    [/^The Pod "no-spec" is invalid: spec\.containers: Required value$/m],
    [/^The Pod "no-spec" is invalid: spec\.containers: Required value$/m],
  ],
  [
    'a selector that is a string',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: app=web\n  ports: [{port: 80}]\n',
    [
      /json: cannot unmarshal string into Go struct field ServiceSpec\.spec\.selector of type map\[string\]string$/m,
      /^Service "web": the field spec\.selector must be a map of string keys to string values, but it is a string\./m,
    ],
    [/^Service "web"：字段 spec\.selector 应当是键和值都是字符串的映射，这里却是字符串。/m],
  ],
  [
    'an unresolved alias',
    pod('alias', '  labels: *missing\nspec:\n  containers: [{name: app, image: nginx}]\n'),
    [
      /^m\.yaml:5:11 error yaml-syntax YAML syntax error: the alias \*missing has no anchor &missing before it in this document\.$/m,
      /^error: no objects passed to apply$/m,
    ],
    [/^m\.yaml:5:11 error yaml-syntax YAML 语法错误：别名 \*missing 之前，本文档里没有定义锚点 &missing。$/m],
  ],
];

const JS_ERROR = /is not a function|Cannot read properties|Cannot create property|internal problem|内部问题|^\s+at /m;

async function cli(text: string, lang: string) {
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-decode-'));
  writeFileSync(join(dir, 'm.yaml'), text);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['apply', '-f', 'm.yaml'], { out: (s) => out.push(s), err: (s) => err.push(s), cwd: dir }, { LANG: lang });
  return { dir, code, text: [...err, ...out].join('\n') };
}

describe('schema-invalid manifests reach the simulator as clear messages (issue 15)', () => {
  for (const [name, text, en, zh] of CASES) {
    it(`kubemate apply: ${name} (exit 1, en and zh-cn)`, async () => {
      const r = await cli(text, 'en_US.UTF-8');
      assert.equal(r.code, 1, r.text);
      for (const re of en) assert.match(r.text, re);
      assert.doesNotMatch(r.text, JS_ERROR);
      const z = await cli(text, 'zh_CN.UTF-8');
      assert.equal(z.code, 1, z.text);
      for (const re of zh) assert.match(z.text, re);
      assert.doesNotMatch(z.text, JS_ERROR);
    });

    it(`the editor's dry-run: ${name}`, () => {
      setLanguage('en');
      const c = new WorkspaceCluster();
      c.configure({ trusted: true });
      c.start();
      const r = dryRun(c, { sources: [{ uri: 'file:///w/m.yaml', label: 'm.yaml', text }], command: 'kubectl apply -f m.yaml' });
      assert.doesNotMatch(r.output, JS_ERROR);
      // The same words as the CLI (the editor names the file by the same label).
      for (const re of en) assert.match(r.output, re);
      assert.equal(r.changed.length, 0);
    });
  }

  it('kubemate apply as a process: no stack trace, exit 1, for every case in one folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-decode-'));
    CASES.forEach(([, text], i) => writeFileSync(join(dir, `${i}.yaml`), text));
    const r = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'apply', '-f', '.'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stderr + r.stdout, JS_ERROR);
    assert.match(r.stderr, /Pod "num-image": the field spec\.containers\[0\]\.image must be a string/);
    assert.match(r.stderr, /^Error from server \(Invalid\): error when creating "2\.yaml": Pod "no-spec" is invalid: spec\.containers: Required value$/m);
  });
});

describe('decodeManifest', () => {
  afterEach(() => setLanguage('en'));
  // manifest, the Go error (struct.path of type) or the decoded spec
  const rows: [string, Record<string, unknown>, string | Record<string, unknown>][] = [
    [
      'labels with a number value: Go names the map field, not the key',
      { kind: 'Pod', metadata: { name: 'p', labels: { app: 1 } }, spec: { containers: [] } },
      'number ObjectMeta.metadata.labels string',
    ],
    [
      'replicas 1.5: the number is quoted, as encoding/json does',
      { kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 1.5 } },
      'number 1.5 DeploymentSpec.spec.replicas int32',
    ],
    [
      'a Deployment selector string',
      { kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: 'app=web' } },
      'string DeploymentSpec.spec.selector v1.LabelSelector',
    ],
    [
      'matchExpressions values not a list',
      { kind: 'Deployment', spec: { selector: { matchExpressions: [{ key: 'a', operator: 'In', values: 'x' }] } } },
      'string LabelSelectorRequirement.spec.selector.matchExpressions.values []string',
    ],
    ['ConfigMap data with a list value', { kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: [1] } }, 'array ConfigMap.data string'],
    [
      'nulls are zero values: dropped',
      { kind: 'Pod', metadata: { name: 'p', labels: null }, spec: { containers: [{ name: 'c', image: 'i', ports: null }] } },
      { containers: [{ name: 'c', image: 'i' }] },
    ],
    ['a missing spec becomes the zero struct', { kind: 'Pod', metadata: { name: 'p' } }, {}],
    [
      'a targetPort may be a number or a string',
      {
        kind: 'Service',
        spec: {
          ports: [
            { port: 80, targetPort: 'http' },
            { port: 81, targetPort: 8081 },
          ],
        },
      },
      {
        ports: [
          { port: 80, targetPort: 'http' },
          { port: 81, targetPort: 8081 },
        ],
      },
    ],
    [
      'fields it does not read are left to the schema checks',
      { kind: 'Pod', spec: { containers: [{ name: 'c', image: 'i', stdin: 'yes' }] } },
      { containers: [{ name: 'c', image: 'i', stdin: 'yes' }] },
    ],
  ];
  for (const [name, manifest, want] of rows) {
    it(name, () => {
      const d = decodeManifest(manifest);
      if (typeof want === 'string') assert.equal(d.problem && `${d.problem.got} ${d.problem.struct}.${d.problem.goPath} ${d.problem.goType}`, want);
      else assert.deepEqual(d.obj?.spec, want);
    });
  }

  it('never changes the manifest it is given', () => {
    const m = { kind: 'Pod', metadata: { name: 'p', labels: null } };
    decodeManifest(m);
    assert.deepEqual(m, { kind: 'Pod', metadata: { name: 'p', labels: null } });
  });
});
