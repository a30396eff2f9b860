// The simulated cluster is never lost or corrupted (issue 12 §3): writers in other processes
// (a second window, the CLI) do not lose each other's updates, kill -9 in the middle of a write
// leaves a whole file and a lock the next command recovers, and a file that cannot be written
// says why in the user's language, leaving the file as it was.
// The child processes run the built CLI (dist/cli.js, built by `pretest`) through test/helpers/stateWriter.cjs.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { loadState } from '../../../server/src/cluster/persistence/stateFile';
import { ClusterSession, openClusterSession, StateWriteError } from '../../../server/src/kubectl/clusterSession';
import { stateErrorText } from '../../../server/src/kubectl/stateErrorText';
import { STALE_MS, withStateLock, StateLockError } from '../../../server/src/kubectl/stateLock';
import { Simulator } from '../../../server/src/cluster/simulator';
import { WorkspaceCluster, STATE_FILE } from '../../../server/src/handlers/cluster/workspaceCluster';
import { runClusterAction } from '../../../server/src/handlers/cluster/clusterActions';

const WRITER = 'test/helpers/stateWriter.cjs';

async function run(cwd: string, args: string[], lang = 'en_US.UTF-8') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd }, { LANG: lang });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function nodeLabels(file: string): Record<string, string> {
  const loaded = loadState(file);
  assert.equal(loaded.kind, 'ok', `${file} is not a whole state file`);
  const node = (
    loaded as { state: { store: { objects: { kind: string; metadata: { name: string; labels?: Record<string, string> } }[] } } }
  ).state.store.objects.find((o) => o.kind === 'Node' && o.metadata.name === 'worker-1')!;
  return node.metadata.labels ?? {};
}

function writer(cwd: string, file: string, prefix: string, count: number) {
  const child = spawn(process.execPath, [join(process.cwd(), WRITER), file, prefix, String(count)], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const ready = new Promise<void>((resolve) => child.stdout.on('data', () => out.includes('ready\n') && resolve()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, ready, done };
}

/** Files left beside the state file: temp files or locks would mean a torn write or a lost lock. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.tmp-|\.lock/.test(f));
}

describe('state file: two processes writing in a loop', () => {
  it('2 CLI processes × 50 label commands on one --state file: every update kept, generation counts every write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-cc-'));
    assert.equal((await run(dir, ['label', 'node', 'worker-1', 'seed=v', '--state', 's.json'])).code, 0);
    const [a, b] = [writer(dir, 's.json', 'a', 50), writer(dir, 's.json', 'b', 50)];
    const results = await Promise.all([a.done, b.done]);
    for (const r of results) assert.deepEqual(JSON.parse(r.out.split('\n')[1]).codes, { 0: 50 }, r.out);
    const labels = nodeLabels(join(dir, 's.json'));
    const lost = [...['a', 'b'].flatMap((p) => Array.from({ length: 50 }, (_, i) => `${p}${i}`))].filter((k) => labels[k] !== 'v');
    assert.deepEqual(lost, [], 'lost updates');
    assert.equal(JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')).generation, 101);
    assert.deepEqual(leftovers(dir), []);
  });
});

describe('state file: kill -9 at random moments of writing', () => {
  // Seeded, so a failure can be replayed; KUBEMATE_STATE_SOAK=<n> runs more rounds on demand.
  const rounds = Number(process.env.KUBEMATE_STATE_SOAK ?? 6);
  it(`${rounds} rounds: the file is always whole and the next command recovers the lock`, async function () {
    this.timeout(20_000 + rounds * 3000);
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-kill-'));
    assert.equal((await run(dir, ['label', 'node', 'worker-1', 'seed=v', '--state', 's.json'])).code, 0);
    let seed = 12;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let corrupt = 0;
    for (let round = 0; round < rounds; round++) {
      const w = writer(dir, 's.json', `k${round}x`, 0);
      await w.ready;
      await new Promise((r) => setTimeout(r, 20 + random() * 200));
      w.child.kill('SIGKILL');
      assert.equal((await w.done).signal, 'SIGKILL');
      if (loadState(join(dir, 's.json')).kind !== 'ok') corrupt++;
      // A lock the killed process held is stale (its pid is gone): the next command takes it over.
      const next = await run(dir, ['label', 'node', 'worker-1', `after${round}=v`, '--state', 's.json']);
      assert.equal(next.code, 0, next.err);
      assert.equal(nodeLabels(join(dir, 's.json'))[`after${round}`], 'v');
    }
    assert.equal(corrupt, 0, 'corrupt state files after kill -9');
    assert.deepEqual(leftovers(dir), [], 'half-written temp files of killed writers are removed by the next write');
    assert.equal(nodeLabels(join(dir, 's.json')).seed, 'v');
  });
});

describe('state file: the lock', () => {
  const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  const cases: [string, () => string, boolean][] = [
    ["a dead process's lock is broken", () => JSON.stringify({ pid: Number(deadPid()), at: Date.now() }), true],
    ["a live process's lock older than STALE_MS is broken", () => JSON.stringify({ pid: process.pid, at: Date.now() - STALE_MS - 1 }), true],
    ["a live process's fresh lock is waited for", () => JSON.stringify({ pid: process.pid, at: Date.now() }), false],
  ];
  for (const [name, content, taken] of cases) {
    it(name, () => {
      const file = join(mkdtempSync(join(tmpdir(), 'kubemate-lock-')), 's.json');
      writeFileSync(`${file}.lock`, content());
      if (taken)
        assert.equal(
          withStateLock(file, () => 'ran', 200),
          'ran',
        );
      else
        assert.throws(
          () => withStateLock(file, () => 'ran', 200),
          (e: unknown) => e instanceof StateLockError && e.holder === process.pid,
        );
      assert.equal(existsSync(`${file}.lock`), !taken);
    });
  }
});

describe('state file: a file that cannot be used or written', () => {
  const sim = () => Simulator.create();
  const failing = (code: string) => ({
    writeFileSync: () => {
      throw Object.assign(new Error(`${code}: injected`), { code });
    },
    renameSync: () => assert.fail('nothing is renamed after a failed write'),
  });
  const cases: [string, string, 'no-space' | 'read-only', RegExp, RegExp][] = [
    ['disk full', 'ENOSPC', 'no-space', /the disk is full/, /磁盘已满/],
    ['read-only disk', 'EROFS', 'read-only', /is read-only/, /只读/],
    ['no permission', 'EACCES', 'read-only', /is read-only/, /只读/],
  ];
  for (const [name, code, problem, en, zh] of cases) {
    it(`${name}: StateWriteError ${problem}, worded in both languages, the file unchanged`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kubemate-fs-'));
      await run(dir, ['label', 'node', 'worker-1', 'a=b', '--state', 's.json']);
      const before = readFileSync(join(dir, 's.json'), 'utf8');
      const opened = openClusterSession({ path: join(dir, 's.json'), onDamaged: 'refuse', fresh: sim, fs: failing(code) });
      assert.equal(opened.kind, 'loaded');
      const session = (opened as { session: ClusterSession }).session;
      let error: unknown;
      assert.throws(
        () => session.commit(),
        (e: unknown) => ((error = e), e instanceof StateWriteError && e.problem === problem),
      );
      assert.match(stateErrorText(error as StateWriteError, 's.json'), en);
      const { setLanguage } = await import('../../../server/src/util/l10n');
      setLanguage('zh-cn');
      try {
        assert.match(stateErrorText(error as StateWriteError, 's.json'), zh);
      } finally {
        setLanguage('en');
      }
      assert.equal(readFileSync(join(dir, 's.json'), 'utf8'), before);
      assert.deepEqual(leftovers(dir), []);
    });
  }

  it('a read-only state file (chmod 444) is not replaced; the command says so, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-ro-'));
    await run(dir, ['label', 'node', 'worker-1', 'a=b', '--state', 's.json']);
    const before = readFileSync(join(dir, 's.json'), 'utf8');
    chmodSync(join(dir, 's.json'), 0o444);
    const r = await run(dir, ['scale', 'deployment/x', '--replicas', '2', '--state', 's.json']);
    const l = await run(dir, ['label', 'node', 'worker-1', 'c=d', '--state', 's.json']);
    assert.equal(l.code, 1);
    assert.equal(l.err, 'error: The simulated cluster could not be saved to s.json: the file or its folder is read-only. The file was not changed.');
    assert.equal(l.out, '');
    assert.equal(r.code, 1); // not found: nothing to write
    assert.equal(readFileSync(join(dir, 's.json'), 'utf8'), before);
  });

  const damaged: [string, (dir: string) => void, RegExp, RegExp][] = [
    [
      'not JSON',
      (d) => writeFileSync(join(d, 's.json'), '{"generation":3,'),
      /corrupted or was not written by KubeMate \(not-json: /,
      /已损坏，或不是由 KubeMate 写入的/,
    ],
    [
      'foreign JSON',
      (d) => writeFileSync(join(d, 's.json'), '{"apiVersion":"v1","kind":"Config"}'),
      /corrupted or was not written by KubeMate \(foreign\)/,
      /已损坏，或不是由 KubeMate 写入的（foreign）/,
    ],
  ];
  for (const [name, make, en, zh] of damaged) {
    it(`${name}: refused in the user's language and kept byte for byte; --reset keeps it as .bak-1 and starts fresh`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kubemate-bad-'));
      make(dir);
      const before = readFileSync(join(dir, 's.json'), 'utf8');
      const refusedEn = await run(dir, ['label', 'node', 'worker-1', 'a=b', '--state', 's.json']);
      const refusedZh = await run(dir, ['label', 'node', 'worker-1', 'a=b', '--state', 's.json'], 'zh_CN.UTF-8');
      for (const [r, re] of [
        [refusedEn, en],
        [refusedZh, zh],
      ] as const) {
        assert.equal(r.code, 1);
        assert.match(r.err, re);
        assert.doesNotMatch(r.err, /\n\s+at /);
      }
      assert.equal(readFileSync(join(dir, 's.json'), 'utf8'), before);
      const reset = await run(dir, ['label', 'node', 'worker-1', 'a=b', '--state', 's.json', '--reset']);
      assert.equal(reset.code, 0, reset.err);
      assert.match(reset.err, /it is kept as .*s\.json\.bak-1\. Starting a new cluster\./);
      assert.equal(readFileSync(join(dir, 's.json.bak-1'), 'utf8'), before);
      assert.equal(nodeLabels(join(dir, 's.json')).a, 'b');
    });
  }

  it('a folder where the state file should be: a clear message, even with --reset the folder is not moved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubemate-dir-'));
    mkdirSync(join(dir, 's.json'));
    for (const extra of [[], ['--reset']]) {
      const r = await run(dir, ['label', 'node', 'worker-1', 'a=b', '--state', 's.json', ...extra]);
      assert.equal(r.code, 1);
      assert.equal(r.err, 'error: s.json is a folder, not a KubeMate state file; it was left untouched. Choose a file path for the state.');
    }
    assert.deepEqual(readdirSync(dir), ['s.json']);
  });
});

describe('state file: the editor and the CLI on one file', () => {
  const label = (c: WorkspaceCluster, key: string) =>
    c.transact(() => runClusterAction(c, { action: 'label', target: { kind: 'Node', namespace: null, name: 'worker-1' }, key, value: 'v' }));

  it("two windows and the CLI, interleaved: nobody loses anybody's change", async () => {
    const storage = mkdtempSync(join(tmpdir(), 'kubemate-ws-'));
    const [w1, w2] = [new WorkspaceCluster(), new WorkspaceCluster()];
    for (const w of [w1, w2]) {
      w.configure({ storagePath: storage, trusted: true });
      assert.deepEqual(w.start(), []);
    }
    const file = join(storage, STATE_FILE);
    for (let i = 0; i < 5; i++) {
      assert.ok(label(w1, `w1-${i}`).ok);
      assert.equal((await run(storage, ['label', 'node', 'worker-1', `cli-${i}=v`, '--state', STATE_FILE])).code, 0);
      assert.ok(label(w2, `w2-${i}`).ok);
    }
    const labels = nodeLabels(file);
    for (const p of ['w1', 'cli', 'w2']) for (let i = 0; i < 5; i++) assert.equal(labels[`${p}-${i}`], 'v', `${p}-${i} lost`);
    // A window shows what the others saved as soon as it looks again.
    w1.refresh();
    assert.equal(w1.sim.get('Node', undefined, 'worker-1')!.metadata.labels!['w2-4'], 'v');
  });

  it('a save that fails is told, not thrown; the change stays in memory', () => {
    const storage = mkdtempSync(join(tmpdir(), 'kubemate-ws-'));
    const w = new WorkspaceCluster();
    w.configure({ storagePath: storage, trusted: true });
    w.start();
    chmodSync(join(storage, STATE_FILE), 0o444);
    assert.ok(label(w, 'kept').ok);
    assert.match(w.takeNotices().join('\n'), /could not be saved to .*cluster-state\.json: the file or its folder is read-only/);
    assert.equal(w.sim.get('Node', undefined, 'worker-1')!.metadata.labels!.kept, 'v');
  });
});
