// `kubemate check` as a CI gate: output formats, exit codes, --fail-on, --quiet, .kubemate.yaml.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli } from '../../../server/src/cli/main';

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// With its Namespace, so the cross-file rules (which check runs, as the editor does) find it defined.
const CLEAN =
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a-v1\n  namespace: shop\ndata:\n  k: v\n';
// An unknown field (error) and a latest-tag image (warning lint).
const BROKEN = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  '  namespace: shop',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:latest',
  '      resourcez: {}',
  '',
].join('\n');
const WARN_ONLY = BROKEN.replace('      resourcez: {}\n', '');

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-gate-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('kubemate check as a CI gate', () => {
  describe('exit codes', () => {
    const cases: [string, Record<string, string>, string[], number][] = [
      ['clean files → 0', { 'a.yaml': CLEAN }, ['check', '.'], 0],
      ['an error → 1', { 'a.yaml': BROKEN }, ['check', '.'], 1],
      ['only warnings → 0 by default', { 'a.yaml': WARN_ONLY }, ['check', '.'], 0],
      ['only warnings, --fail-on warning → 1', { 'a.yaml': WARN_ONLY }, ['check', '.', '--fail-on', 'warning'], 1],
      ['a missing path → 2', { 'a.yaml': CLEAN }, ['check', 'nope.yaml'], 2],
      ['a bad --fail-on → 2', { 'a.yaml': CLEAN }, ['check', '.', '--fail-on', 'fatal'], 2],
      ['a broken .kubemate.yaml → 2', { 'a.yaml': CLEAN, '.kubemate.yaml': 'rules:\n  image-latest-tagg: error\n' }, ['check', '.'], 2],
      [
        "a config turning the error rule's lint into an error → 1",
        { 'a.yaml': WARN_ONLY, '.kubemate.yaml': 'rules:\n  image-latest-tag: error\n' },
        ['check', '.'],
        1,
      ],
      ['--no-config ignores a broken config → 0', { 'a.yaml': CLEAN, '.kubemate.yaml': 'nonsense: 1\n' }, ['check', '.', '--no-config'], 0],
    ];
    for (const [name, files, args, want] of cases) {
      it(name, async () => {
        const r = await run(args, workspace(files));
        assert.equal(r.code, want, r.out + r.err);
        assert.doesNotMatch(r.out + r.err, /\n\s+at /);
      });
    }
  });

  describe('.kubemate.yaml', () => {
    it('turns a rule off, ignores paths, and is found from a subfolder', async () => {
      const dir = workspace({
        '.kubemate.yaml': 'rules:\n  image-latest-tag: off\nignore:\n  - vendor\n  - "*.draft.yaml"\n',
        'k8s/app/pod.yaml': WARN_ONLY,
        'k8s/vendor/bad.yaml': BROKEN,
        'k8s/app/wip.draft.yaml': BROKEN,
      });
      const r = await run(['check', 'k8s', '-o', 'json'], dir);
      const json = JSON.parse(r.out);
      assert.equal(json.files, 1);
      assert.deepEqual(
        json.diagnostics.filter((d: { code: string }) => d.code === 'image-latest-tag'),
        [],
      );
      assert.equal(r.code, 0);
    });
    it('says where a problem is, suggests the right code, in Chinese too', async () => {
      const dir = workspace({ 'a.yaml': CLEAN, '.kubemate.yaml': 'lint: true\nrules:\n  no-liveness-prob: warning\n' });
      const en = await run(['check', 'a.yaml'], dir);
      assert.match(en.err, /\.kubemate\.yaml:3:3 Unknown rule "no-liveness-prob"\. Did you mean "no-liveness-probe"\?/);
      const zh = await run(['check', 'a.yaml', '--lang', 'zh-cn'], dir);
      assert.match(zh.err, /\.kubemate\.yaml:3:3 .*no-liveness-probe/);
      assert.doesNotMatch(zh.err, /Unknown rule/);
    });
    it('lint: false turns the lints off', async () => {
      const dir = workspace({ 'a.yaml': WARN_ONLY, '.kubemate.yaml': 'lint: false\n' });
      const json = JSON.parse((await run(['check', 'a.yaml', '-o', 'json'], dir)).out);
      // Only the lints: the cross-file note about the undefined namespace stays.
      assert.deepEqual(
        json.diagnostics.map((d: { code: string }) => d.code),
        ['namespace-undefined'],
      );
    });
  });

  describe('output formats', () => {
    const dir = workspace({ 'k8s/pod.yaml': BROKEN, 'k8s/ok.yaml': CLEAN });

    it('sarif: valid against the SARIF 2.1.0 schema, rules described, stable fingerprints', async () => {
      const r = await run(['check', 'k8s', '-o', 'sarif'], dir);
      assert.equal(r.code, 1);
      const log = JSON.parse(r.out);
      const schema = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const valid = ajv.validate(schema, log as object);
      assert.ok(valid, JSON.stringify(ajv.errors?.slice(0, 3)));
      const run0 = log.runs[0];
      const ids = run0.tool.driver.rules.map((r: { id: string }) => r.id);
      assert.ok(ids.includes('unknown-field') && ids.includes('image-latest-tag'), ids.join());
      const rule = run0.tool.driver.rules.find((r: { id: string }) => r.id === 'unknown-field');
      assert.equal(rule.shortDescription.text, 'A field the API does not know');
      const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'unknown-field');
      assert.deepEqual(result.locations[0].physicalLocation, {
        artifactLocation: { uri: 'k8s/pod.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 10, startColumn: 7, endLine: 10, endColumn: 16 },
      });
      assert.equal(result.level, 'error');
      // The same finding one line lower keeps its fingerprint.
      const moved = workspace({ 'k8s/pod.yaml': '# a comment\n' + BROKEN });
      const again = JSON.parse((await run(['check', 'k8s', '-o', 'sarif'], moved)).out).runs[0].results.find(
        (x: { ruleId: string }) => x.ruleId === 'unknown-field',
      );
      assert.equal(again.locations[0].physicalLocation.region.startLine, 11);
      assert.deepEqual(again.partialFingerprints, result.partialFingerprints);
    });

    it("sarif: rule help in the user's language", async () => {
      const log = JSON.parse((await run(['check', 'k8s', '-o', 'sarif', '--lang', 'zh-cn'], dir)).out);
      const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'unknown-field');
      assert.match(rule.shortDescription.text, /[\u4e00-\u9fff]/);
    });

    it('junit: one case per file, errors as failures, escaped', async () => {
      const r = await run(['check', 'k8s', '-o', 'junit'], dir);
      assert.match(r.out, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="kubemate check" tests="2" failures="1" errors="0">/);
      assert.match(r.out, /<testcase classname="kubemate.check" name="k8s\/ok.yaml"\/>/);
      assert.match(r.out, /<failure type="unknown-field" message="Unknown field &quot;resourcez&quot;/);
      assert.match(r.out, /<system-out>[^<]*k8s\/pod.yaml:9:\d+ warning image-latest-tag /);
    });

    it('github: workflow-command annotations, escaped', async () => {
      const r = await run(['check', 'k8s', '-o', 'github'], dir);
      const lines = r.out.split('\n');
      assert.ok(
        lines.some((l) => /^::error file=k8s\/pod\.yaml,line=10,col=7,endLine=10,endColumn=16,title=KubeMate unknown-field::Unknown field "resourcez"/.test(l)),
        r.out,
      );
      assert.ok(lines.some((l) => l.startsWith('::warning file=k8s/pod.yaml,line=9,')));
      assert.match(r.err, /2 file\(s\) checked: 1 error\(s\)/);
    });

    it('--quiet prints only what fails the run, no summary', async () => {
      const r = await run(['check', 'k8s', '--quiet'], dir);
      assert.match(r.out, /unknown-field/);
      assert.doesNotMatch(r.out, /image-latest-tag|file\(s\) checked/);
    });

    it('json keeps its contract and adds a summary', async () => {
      const json = JSON.parse((await run(['check', 'k8s', '-o', 'json'], dir)).out);
      assert.equal(json.files, 2);
      assert.deepEqual(Object.keys(json.diagnostics[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
      assert.equal(json.summary.failOn, 'error');
      assert.equal(json.summary.failed, true);
      assert.equal(json.summary.error, 1);
    });
  });
});
