// kubemate delete as kubectl delete: the flags that choose the grace period (--grace-period, --now,
// --force) with kubectl's checks and words, and the ways to name what goes (names, type/name,
// -l, --all, -A, --ignore-not-found, -o name).
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { deleteOptions } from '../../../server/src/cli/commands/delete';

async function run(cwd: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd }, { LANG: 'en_US.UTF-8' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kubemate delete: the grace period kubectl sends', () => {
  // flags → the grace period (undefined: each pod's own) or kubectl's error
  const table: [Record<string, unknown>, number | undefined | string][] = [
    [{}, undefined],
    [{ 'grace-period': '10' }, 10],
    [{ 'grace-period': '-1' }, undefined],
    [{ 'grace-period': '0' }, 1],
    [{ 'grace-period': '0', force: true }, 0],
    [{ force: true }, 0],
    [{ now: true }, 1],
    [{ now: true, 'grace-period': '3' }, 'error: --now and --grace-period cannot be specified together'],
    [{ force: true, 'grace-period': '5' }, 'error: --force and --grace-period greater than 0 cannot be specified together'],
    [{ force: true, now: true }, 'error: --force and --grace-period greater than 0 cannot be specified together'],
    [{ 'grace-period': 'soon' }, 'error: invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax'],
    [{ output: 'yaml' }, "error: unexpected -o output mode: yaml. We only support '-o name'"],
    [{ all: true, selector: 'app=web' }, 'error: cannot set --all and --selector at the same time'],
  ];
  for (const [flags, expected] of table) {
    it(`${JSON.stringify(flags)} → ${expected}`, () => {
      let got: number | undefined | string;
      try {
        got = deleteOptions(flags).gracePeriodSeconds;
      } catch (e) {
        got = (e as Error).message;
      }
      assert.equal(got, expected);
    });
  }
});

describe('kubemate delete: what goes and what it prints', () => {
  const pod = (name: string, app: string, ns = 'default') =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels: {app: ${app}}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.25\n`;
  const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n';
  let dir = '';
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubemate-delete-'));
    writeFileSync(join(dir, 'pods.yaml'), [ns, pod('a', 'web'), pod('b', 'web'), pod('c', 'db'), pod('d', 'web', 'team')].join('---\n'));
    assert.equal((await run(dir, ['apply', '-f', 'pods.yaml', '--state', 's.json'])).code, 0);
  });
  const pods = async () =>
    (await run(dir, ['get', 'pods', '-A', '--state', 's.json'])).out
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/).slice(0, 2).join('/'))
      .filter((p) => !p.startsWith('kube-system/'));

  // arguments → stdout lines (before the state printout), stderr, exit code, pods left
  const table: { args: string[]; out: string[]; err?: RegExp; code?: number; left: string[] }[] = [
    { args: ['pod', 'a', 'b'], out: ['pod "a" deleted from default namespace', 'pod "b" deleted from default namespace'], left: ['default/c', 'team/d'] },
    { args: ['pod/a', 'pods/c'], out: ['pod "a" deleted from default namespace', 'pod "c" deleted from default namespace'], left: ['default/b', 'team/d'] },
    {
      args: ['pods', '-l', 'app=web'],
      out: ['pod "a" deleted from default namespace', 'pod "b" deleted from default namespace'],
      left: ['default/c', 'team/d'],
    },
    {
      args: ['pods', '-l', 'app=web', '-A'],
      out: ['pod "a" deleted from default namespace', 'pod "b" deleted from default namespace', 'pod "d" deleted from team namespace'],
      left: ['default/c'],
    },
    { args: ['pods', '--all', '-n', 'team'], out: ['pod "d" deleted from team namespace'], left: ['default/a', 'default/b', 'default/c'] },
    { args: ['pods', '-l', 'app=none'], out: ['No resources found'], left: ['default/a', 'default/b', 'default/c', 'team/d'] },
    { args: ['pod', 'a', '-o', 'name'], out: ['pod/a'], left: ['default/b', 'default/c', 'team/d'] },
    {
      args: ['pod', 'a', '--grace-period=0', '--force'],
      out: ['pod "a" force deleted from default namespace'],
      err: /^Warning: Immediate deletion does not wait for confirmation/,
      left: ['default/b', 'default/c', 'team/d'],
    },
    { args: ['pod', 'zz', '--ignore-not-found'], out: ['No resources found'], left: ['default/a', 'default/b', 'default/c', 'team/d'] },
    {
      args: ['pod', 'zz', 'a'],
      out: ['pod "a" deleted from default namespace'],
      err: /pods "zz" not found/,
      code: 1,
      left: ['default/b', 'default/c', 'team/d'],
    },
    {
      args: ['pod', 'a', '-l', 'app=web'],
      out: [],
      err: /name cannot be provided when a selector is specified/,
      code: 1,
      left: ['default/a', 'default/b', 'default/c', 'team/d'],
    },
  ];
  for (const row of table) {
    it(`delete ${row.args.join(' ')}`, async () => {
      const r = await run(dir, ['delete', ...row.args, '--state', 's.json']);
      assert.deepEqual(r.out.split('\n\n')[0].split('\n').filter(Boolean), row.out);
      if (row.err) assert.match(r.err, row.err);
      assert.equal(r.code, row.code ?? 0, r.err);
      assert.deepEqual(await pods(), row.left);
    });
  }
});
