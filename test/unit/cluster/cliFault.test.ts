// `--cluster` with a SimulationProfile and `kubemate fault` through runCli: what each fault
// prints, what the kubelet then shows in `get pods`, and the refusals (exit 1, a clear line).
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';

async function run(cwd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s: string) => out.push(s), err: (s: string) => err.push(s), cwd }, { LANG: 'en_US.UTF-8' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const PROFILE = `apiVersion: kubemate.dev/v1alpha1
kind: SimulationProfile
spec:
  images:
    - image: nginx:9.99-nope
      pull: notFound
`;

const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      livenessProbe:
        httpGet:
          path: /
          port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  containers:
    - name: app
      image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: typo
spec:
  containers:
    - name: app
      image: nginx:9.99-nope
`;

describe('cluster/cli fault and simulation profile', () => {
  let dir = '';
  const state = () => join(dir, 'state.json');
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubemate-fault-'));
    writeFileSync(join(dir, 'cluster.yaml'), PROFILE);
    writeFileSync(join(dir, 'pods.yaml'), PODS);
    const r = await run(dir, 'apply', '-f', 'pods.yaml', '--cluster', 'cluster.yaml', '--state', state());
    assert.equal(r.code, 0, r.err);
  });

  it('a profile image that does not exist backs off pulling; an invalid entry is refused with file:line', async () => {
    const pods = await run(dir, 'get', 'pods', '--state', state());
    assert.match(pods.out, /^typo\s+0\/1\s+ImagePullBackOff\s+0\s/m);
    writeFileSync(
      join(dir, 'bad.yaml'),
      'apiVersion: kubemate.dev/v1alpha1\nkind: SimulationProfile\nspec:\n  images:\n    - image: x\n      pull: sometimes\n',
    );
    const bad = await run(dir, 'get', 'pods', '--cluster', 'bad.yaml');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /bad\.yaml:1: spec\.images\[0\]: pull must be one of ok, notFound, unauthorized \(found sometimes\)\./);
  });

  const table: [string, string[], number, RegExp, RegExp | undefined][] = [
    ['crash', ['web', 'crash'], 0, /The process of container nginx in pod\/web exited with code 1\./, /^web\s+1\/1\s+Running\s+1 \(\d+s ago\)/m],
    ['oom', ['web', 'oom'], 0, /OOMKilled \(exit code 137\)/, /^web\s+1\/1\s+Running\s+1 \(\d+s ago\)/m],
    ['liveness', ['web', 'liveness'], 0, /liveness probe of container nginx in pod\/web now fails/, /^web\s+1\/1\s+Running\s+1 \(\d+s ago\)/m],
    ['liveness without a probe', ['plain', 'liveness'], 1, /has no livenessProbe/, undefined],
    ['no such container', ['web', 'crash', '-c', 'sidecar'], 1, /pod web has no container named sidecar/, undefined],
    ['not running', ['typo', 'crash'], 1, /is not running: there is no process to act on/, undefined],
    ['no such pod', ['ghost', 'crash'], 1, /pods "ghost" not found/, undefined],
  ];
  for (const [name, args, code, said, podsAfter] of table) {
    it(`fault ${name}`, async () => {
      const r = await run(dir, 'fault', ...args, '--state', state());
      assert.equal(r.code, code, r.out + r.err);
      assert.match(r.out + r.err, said);
      if (podsAfter) assert.match((await run(dir, 'get', 'pods', '--state', state())).out, podsAfter);
    });
  }

  it('unpullable: the running pod keeps running, its replacement cannot pull', async () => {
    const r = await run(dir, 'fault', 'plain', 'unpullable', '--state', state());
    assert.equal(r.code, 0);
    assert.match(r.out, /The registry no longer has image nginx:1\.27/);
    writeFileSync(join(dir, 'more.yaml'), PODS.split('---')[1].replace('name: plain', 'name: plain-2'));
    await run(dir, 'apply', '-f', 'more.yaml', '--state', state());
    const pods = (await run(dir, 'get', 'pods', '--state', state())).out;
    assert.match(pods, /^plain\s+1\/1\s+Running/m);
    assert.match(pods, /^plain-2\s+0\/1\s+ImagePullBackOff/m);
  });
});
