// An unknown resource type on any verb that takes one: kubectl's own line, once, then a localised
// hint, and exit 1 (kubectl exits 1; 2 is for a malformed command line).
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';

async function run(cwd: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd }, { LANG: 'en_US.UTF-8' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const LINE = 'error: the server doesn\'t have a resource type "foos"';
const HINT = '"foos" is not a resource type of this cluster (built-in kinds and those its CustomResourceDefinitions add). Did you mean "pods"?';

describe('cli: an unknown resource type, on every verb that takes one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-type-'));
  const state = ['--state', join(dir, 's.json')];
  const table: string[][] = [
    ['get', 'foos'],
    ['get', 'pods,foos'],
    ['get', 'foos/web'],
    ['describe', 'foos'],
    ['describe', 'foos', 'web'],
    ['delete', 'foos', 'web'],
    ['delete', 'foos/web'],
    ['scale', 'foos/web', '--replicas', '2'],
    ['label', 'foos', 'web', 'a=b'],
    ['annotate', 'foos', 'web', 'a=b'],
    ['edit', 'foos/web'],
    ['expose', 'foos', 'web', '--port', '80'],
    ['rollout', 'status', 'foos/web'],
    ['rollout', 'undo', 'foos/web'],
    ['set', 'image', 'foos/web', 'app=nginx:1.27'],
    ['explain', 'foos'],
    ['logs', 'foos/web'],
    ['exec', 'foos/web', '--', 'ls'],
    ['readiness', 'foos/web', 'fail'],
    ['fault', 'foos/web', 'crash'],
    ['cordon', 'foos/worker-1'],
    ['drain', 'foos/worker-1'],
  ];
  for (const args of table) {
    it(`kubemate ${args.join(' ')}`, async () => {
      const r = await run(dir, [...args, ...(args[0] === 'explain' ? [] : state)]);
      assert.equal(r.code, 1, r.err);
      assert.equal(r.out, '');
      // explain suggests from the schema's kind names, every other verb from the resource names.
      assert.equal(r.err.split('\n')[0], LINE);
      assert.doesNotMatch(r.err, /error: error:|Usage:/);
      if (args[0] !== 'explain') assert.equal(r.err, `${LINE}\n${HINT}`);
    });
  }

  it("the hint is in the chosen language; kubectl's line stays as kubectl prints it", async () => {
    const r = await run(dir, ['--lang', 'zh-cn', 'get', 'deploymnts', ...state]);
    assert.equal(r.code, 1);
    const [line, hint] = r.err.split('\n');
    assert.equal(line, 'error: the server doesn\'t have a resource type "deploymnts"');
    assert.match(hint, /“deploymnts”[\s\S]*“deployments”/);
  });

  it('known types and types written with their group still work', async () => {
    for (const args of [
      ['get', 'pods'],
      ['get', 'deployments.apps'],
      ['get', 'deploy,svc'],
      ['describe', 'nodes'],
    ]) {
      const r = await run(dir, [...args, ...state]);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
    }
  });
});
