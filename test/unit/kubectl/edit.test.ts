// `kubectl edit` apply-on-save: each row edits the text the editor opened and checks kubectl's
// words, what the cluster holds afterwards and the file shown next (the live object, or the
// refused edit under the reasons).
import { strict as assert } from 'node:assert';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { runCli } from '../../../server/src/cli/main';
import { Simulator } from '../../../server/src/cluster/simulator';
import { applyEdit, editText } from '../../../server/src/kubectl/verbs/edit';
import { outputText } from '../../../server/src/kubectl/verbResult';

const APP = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
  },
};

function cluster(): Simulator {
  const sim = Simulator.create();
  sim.apply([
    { obj: structuredClone(APP) },
    { obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } },
  ]);
  return sim;
}

type Row = [name: string, kind: string, edit: (shown: string) => string, ok: boolean, words: RegExp, check: (sim: Simulator, next: string) => void];

const ROWS: Row[] = [
  [
    'a changed replica count is applied: deployment.apps/web edited',
    'Deployment',
    (s) => s.replace('replicas: 2', 'replicas: 3'),
    true,
    /^deployment\.apps\/web edited$/m,
    (sim, next) => {
      assert.equal(sim.get('Deployment', 'default', 'web')?.spec.replicas, 3);
      assert.equal(sim.snapshot().pods.filter((p) => p.name.startsWith('web-')).length, 3);
      assert.match(next, /^ {2}replicas: 3$/m);
    },
  ],
  [
    'a new image starts a rollout (generation + 1)',
    'Deployment',
    (s) => s.replace('image: nginx:1.27', 'image: nginx:1.28'),
    true,
    /^deployment\.apps\/web edited$/m,
    (sim) => {
      const d = sim.get('Deployment', 'default', 'web')!;
      assert.equal(d.spec.template.spec.containers[0].image, 'nginx:1.28');
      assert.equal(d.metadata.generation, 2);
    },
  ],
  [
    'saving the text unchanged: Edit cancelled, no changes made.',
    'Deployment',
    (s) => s,
    true,
    /^Edit cancelled, no changes made\.$/m,
    (sim) => {
      assert.equal(sim.get('Deployment', 'default', 'web')?.metadata.generation, 1);
    },
  ],
  ['only comments changed: no changes made', 'Deployment', (s) => `# my note\n${s}`, true, /^Edit cancelled, no changes made\.$/m, () => {}],
  [
    "an edit of status only: no changes made (status is the server's)",
    'Deployment',
    (s) => s.replace(/^ {2}replicas: 2$/m, '  replicas: 2').replace(/^ {2}observedGeneration: 1$/m, '  observedGeneration: 7'),
    true,
    /^Edit cancelled, no changes made\.$/m,
    (sim) => {
      assert.equal(sim.get('Deployment', 'default', 'web')?.status.observedGeneration, 1);
    },
  ],
  ['an empty file aborts', 'Deployment', () => '# nothing\n\n', true, /^Edit cancelled, saved file was empty\.$/m, () => {}],
  [
    'a negative replica count is refused; the edit comes back under the reasons',
    'Deployment',
    (s) => s.replace('replicas: 2', 'replicas: -1'),
    false,
    /^error: deployments\.apps "web" is invalid$/m,
    (sim, next) => {
      assert.equal(sim.get('Deployment', 'default', 'web')?.spec.replicas, 2);
      assert.match(next, /^# deployments\.apps "web" was not valid:\n# \* spec\.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n/m);
      assert.match(next, /^ {2}replicas: -1$/m, 'the invalid edit is kept');
      assert.ok(next.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n"));
    },
  ],
  [
    'a changed selector is refused (field is immutable)',
    'Deployment',
    (s) => s.replace(/matchLabels:\n( +)app: web/, 'matchLabels:\n$1app: other'),
    false,
    /is invalid/,
    (_sim, next) => {
      assert.match(next, /^# \* spec\.selector: Invalid value: .*field is immutable$/m);
    },
  ],
  [
    'a renamed object is refused',
    'Deployment',
    (s) => s.replace(/^ {2}name: web$/m, '  name: web2'),
    false,
    /^error: At least one of apiVersion, kind and name was changed$/m,
    (sim) => {
      assert.equal(sim.get('Deployment', 'default', 'web2'), undefined);
    },
  ],
  [
    "broken YAML is refused with the parser's reason",
    'Deployment',
    (s) => s.replace('replicas: 2', 'replicas: [2'),
    false,
    /^error: The edited file had a syntax error: /m,
    (_sim, next) => {
      assert.match(next, /^# The edited file had a syntax error: /m);
      assert.match(next, /replicas: \[2/);
    },
  ],
  [
    'a removed label is removed from the live object',
    'Service',
    (s) => s.replace(/^ {4}app: web\n/m, ''),
    true,
    /^service\/web edited$/m,
    (sim) => {
      assert.deepEqual(sim.get('Service', 'default', 'web')?.spec.selector, undefined);
    },
  ],
];

describe('kubectl edit: the live object, applied on save', () => {
  it("opens the live object under kubectl's header, keys sorted as kubectl prints them", () => {
    const { found, text } = editText(cluster(), 'Deployment', 'default', 'web');
    assert.ok(found);
    assert.match(
      text,
      /^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit\. If an error occurs while saving this file will be\n# reopened with the relevant failures\.\n#\napiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/,
    );
    assert.ok(text.indexOf('\nspec:\n') < text.indexOf('\nstatus:\n'));
  });
  it("a missing object: kubectl's NotFound", () => {
    const r = editText(cluster(), 'Deployment', 'default', 'ghost');
    assert.equal(r.found, false);
    assert.equal(outputText(r.lines), 'Error from server (NotFound): deployments.apps "ghost" not found');
  });
  for (const [name, kind, edit, ok, words, check] of ROWS) {
    it(name, () => {
      const sim = cluster();
      const shown = editText(sim, kind, 'default', 'web').text;
      const r = applyEdit(sim, kind, 'default', 'web', shown, edit(shown));
      assert.equal(r.ok, ok, outputText(r.lines));
      assert.match(outputText(r.lines), words);
      check(sim, r.text);
    });
  }
});

describe('kubemate edit: the CLI opens $KUBE_EDITOR / $EDITOR and applies on quit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-edit-'));
  writeFileSync(join(dir, 'app.yaml'), stringify(APP));
  const script = (name: string, sed: string) => {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\nsed -i '${sed}' "$1"\n`);
    chmodSync(file, 0o755);
    return file;
  };
  const run = async (args: string[], env: Record<string, string>) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      [...args, '--state', 's.json'],
      { out: (s) => out.push(s), err: (s) => err.push(s), cwd: dir },
      { LANG: 'en_US.UTF-8', PATH: process.env.PATH ?? '', ...env },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const rows: [string, Record<string, string>, number, RegExp, RegExp | undefined][] = [
    [
      '$EDITOR changes replicas: deployment.apps/web edited, saved in the state',
      { EDITOR: script('three.sh', 's/^  replicas: 2$/  replicas: 3/') },
      0,
      /^deployment\.apps\/web edited$/m,
      undefined,
    ],
    [
      '$KUBE_EDITOR wins over $EDITOR; quitting unchanged: no changes made',
      { KUBE_EDITOR: 'true', EDITOR: script('never.sh', 's/web/nope/') },
      0,
      /^$/,
      /^Edit cancelled, no changes made\.$/m,
    ],
    [
      'an invalid edit is reopened; quitting it unchanged keeps the file and fails',
      { EDITOR: script('bad.sh', 's/^  replicas: 3$/  replicas: -1/') },
      1,
      /^$/,
      /^error: deployments\.apps "web" is invalid\nA copy of your changes has been stored to ".*deployment-web\.yaml"\nerror: Edit cancelled, no valid changes were saved\.$/m,
    ],
    [
      "an editor that cannot run: kubectl's error and where else to edit",
      { EDITOR: join(dir, 'missing-editor') },
      1,
      /^$/,
      /^error: there was a problem with the editor ".*missing-editor": exit status 127\n.*VS Code/m,
    ],
  ];
  before(async () => {
    assert.equal((await run(['apply', '-f', 'app.yaml'], {})).code, 0);
  });
  for (const [name, env, code, out, err] of rows) {
    it(name, async () => {
      const r = await run(['edit', 'deployment/web'], env);
      assert.equal(r.code, code, r.err);
      assert.match(r.out, out);
      if (err) assert.match(r.err, err);
    });
  }
  it('no object named: a usage error that says what edit needs (exit 2)', async () => {
    const r = await run(['edit'], {});
    assert.equal(r.code, 2);
    assert.match(r.err, /Name the object to edit, e\.g\. `kubemate edit deployment\/web`\./);
  });
  it('the edit is kept in the state file', async () => {
    const r = await run(['get', 'deployment', 'web'], {});
    assert.match(r.out, /^web +3\/3 /m);
  });
});
