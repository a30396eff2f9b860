// `kubemate check` prints lint findings, keeps its exit code unless a lint is an error,
// honours suppression comments, `--no-lint`, and looks across all checked files for PDBs.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd }, {});
  return { code, out: out.join('\n') };
}

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx
`;

describe('kubemate check with lints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-lint-'));
  writeFileSync(join(dir, 'web.yaml'), deployment(1));
  writeFileSync(join(dir, 'secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: hello\n');
  writeFileSync(join(dir, 'quiet.yaml'), '# kubemate-disable image-latest-tag\n' + deployment(2));

  it('reports lint warnings without failing the run', async () => {
    const r = await run(['check', 'web.yaml'], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /^web\.yaml:15:18 warning image-latest-tag Image "nginx" has no tag/m);
    assert.match(r.out, /^web\.yaml:14:17 warning no-resource-requests /m);
  });

  it('a lint error (Secret data that is not base64) fails the run with the API server message', async () => {
    const r = await run(['check', 'secret.yaml'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /^secret\.yaml:6:13 error invalid-base64 Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4\./m);
  });

  it('--no-lint prints only schema findings', async () => {
    const r = await run(['check', '--no-lint', 'web.yaml', 'secret.yaml'], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /2 file\(s\) checked: 0 error\(s\), 0 warning\(s\), 0 note\(s\)\./);
  });

  it('honours suppression comments', async () => {
    const r = await run(['check', 'quiet.yaml'], dir);
    assert.doesNotMatch(r.out, /image-latest-tag/);
  });

  it('single-replica-no-pdb looks for a PodDisruptionBudget in every checked file', async () => {
    assert.match((await run(['check', 'web.yaml'], dir)).out, /^web\.yaml:6:13 information single-replica-no-pdb /m);
    writeFileSync(
      join(dir, 'pdb.yaml'),
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: web}}\n',
    );
    assert.doesNotMatch((await run(['check', 'web.yaml', 'pdb.yaml'], dir)).out, /single-replica-no-pdb/);
  });
});
