// Benchmark (not a test): the CLI as a user meets it — process start to output printed.
//  • `kubemate check` files/second on a generated 2,000-file tree and on ../shared/corpus (the
//    real manifests, when present);
//  • `kubemate apply -f` of 1,000 Deployments × 10 replicas + 1,000 Services: wall time, state
//    file size per 1,000 pods, JSON output size, against the time `yaml` needs to parse the same
//    text in-process (parsed between the runs too, under the same load), and the CPU time of the
//    CLI process. Targets (issue 11): apply ≤ 1 s end to end, ≤ 3× the parse.
// BENCH_PART=start|check|apply runs one part only. BENCH_CLI_BASE=<another build's cli.js> runs the
// apply with it too, alternating with this build's run by run (an A/B in the same load).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { generateManifests } from './manifestGenerator';
import { sharedPath } from './sharedDir';
import { loadState } from '../server/src/cluster/persistence/stateFile';
import { materialise, recordFromFields } from '../server/src/cluster/eventRecord';

const CLI = resolve('dist/cli.js');
const BASE = process.env.BENCH_CLI_BASE ? resolve(process.env.BENCH_CLI_BASE) : undefined;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PART = process.env.BENCH_PART;
const part = (name: string) => !PART || PART === name;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * User + system CPU time of the children waited for so far (/proc/self/stat cutime + cstime, in
 * ms; clock ticks of 10 ms), or NaN where there is no /proc. The machine's load inflates wall
 * time far more than CPU time, so an A/B reads both.
 */
function childCpuMs(): number {
  try {
    // Fields after the command name in parentheses; cutime and cstime are the 16th and 17th.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

function time(args: string[], cwd: string, cli = CLI): { ms: number; cpu: number; status: number | null; out: number } {
  const c0 = childCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { ms: performance.now() - t0, cpu: childCpuMs() - c0, status: r.status, out: (r.stdout ?? '').length };
}

/** Bytes of the state as version-1 files held it (every object, Events included, written out in full). */
function plainSize(path: string): number {
  const l = existsSync(path) ? loadState(path) : undefined;
  if (l?.kind !== 'ok') return 0;
  const { events = [], kinds: _, ...store } = l.state.store;
  const full = events.map((e) => ('metadata' in e ? e : materialise(recordFromFields(e))));
  return JSON.stringify({ ...l.state, store: { ...store, objects: [...store.objects, ...full] } }).length + 1;
}

function countFiles(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) n += countFiles(full);
    else if (/\.(ya?ml|json)$/.test(name)) n++;
  }
  return n;
}

const work = mkdtempSync(join(tmpdir(), 'kubemate-cli-bench-'));
try {
  if (part('start')) {
    const start = median(Array.from({ length: RUNS }, () => time(['--version'], work).ms));
    console.log(`process start (kubemate --version): ${start.toFixed(0)} ms median of ${RUNS}`);
  }
  if (part('check')) checkPart();
  if (part('apply')) applyPart();
} finally {
  rmSync(work, { recursive: true, force: true });
}

function checkPart(): void {
  // check: a generated tree of 2,000 files of 5 documents each.
  const tree = join(work, 'tree');
  for (let i = 0; i < 2000; i++) {
    const dir = join(tree, `team-${i % 20}`, `app-${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manifests.yaml'), generateManifests(5).replace(/app-(\d+)/g, `app-${i}-$1`));
  }
  const checks = Array.from({ length: RUNS }, () => time(['check', 'tree', '-o', 'json'], work));
  const checkMs = median(checks.map((c) => c.ms));
  console.log(
    `kubemate check, generated tree: 2,000 files / 10,000 documents in ${checkMs.toFixed(0)} ms → ${(2000 / (checkMs / 1000)).toFixed(0)} files/s (exit ${checks[0].status})`,
  );
  const corpus = sharedPath(process.cwd(), 'corpus', 'manifests');
  if (corpus) {
    const n = countFiles(corpus);
    const runs = Array.from({ length: RUNS }, () => time(['check', corpus, '-o', 'json'], work));
    const ms = median(runs.map((c) => c.ms));
    console.log(`kubemate check, ${corpus}: ${n} files in ${ms.toFixed(0)} ms → ${(n / (ms / 1000)).toFixed(0)} files/s`);
  } else console.log('kubemate check on the real corpus skipped: ../shared/corpus not found (it exists only on the build machine)');
}

/** apply: 10,000 pods, end to end. */
function applyPart(): void {
  const docs: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const name = `app-${String(i).padStart(4, '0')}`;
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 10\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: app\n          image: registry.local/${name}:v1\n          ports:\n            - containerPort: 8080\n          resources:\n            requests:\n              cpu: 10m\n              memory: 16Mi\n`,
    );
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      targetPort: 8080\n`,
    );
  }
  const text = docs.join('---\n');
  writeFileSync(join(work, 'big.yaml'), text);
  const parseOnce = () => {
    const t0 = performance.now();
    for (const d of parseAllDocuments(text)) d.toJS();
    return performance.now() - t0;
  };
  // Parsed before the runs and again between them: the ratio compares times taken under the same load.
  const parses = Array.from({ length: RUNS }, parseOnce);
  // A cluster with room for 10,000 pods: 30 nodes of the default shape.
  const nodes = Array.from(
    { length: 30 },
    (_, i) =>
      `apiVersion: v1\nkind: Node\nmetadata:\n  name: node-${i}\n  labels:\n    kubernetes.io/hostname: node-${i}\nstatus:\n  capacity: {cpu: "64", memory: 256Gi, pods: "500"}\n  allocatable: {cpu: "64", memory: 256Gi, pods: "500"}\n`,
  ).join('---\n');
  writeFileSync(join(work, 'nodes.yaml'), nodes);
  const run = (cli: string, label: string, i: number) => {
    const state = join(work, `state-${label}-${i}.json`);
    const r = time(['apply', '-f', 'big.yaml', '--cluster', 'nodes.yaml', '--state', state, '-o', 'json'], work, cli);
    const size = existsSync(state) ? statSync(state).size : 0;
    const plain = i === 0 ? plainSize(state) : 0;
    rmSync(state, { force: true });
    return { ...r, state: size, plain };
  };
  const applies: ReturnType<typeof run>[] = [];
  const bases: ReturnType<typeof run>[] = [];
  for (let i = 0; i < RUNS; i++) {
    applies.push(run(CLI, 'a', i));
    if (BASE) bases.push(run(BASE, 'b', i));
    parses.push(parseOnce());
  }
  const parse = median(parses);
  const report = (label: string, runs: ReturnType<typeof run>[]) => {
    const ms = median(runs.map((a) => a.ms));
    const cpu = median(runs.map((a) => a.cpu));
    const a = runs[0];
    console.log(
      `kubemate apply -f${label} (10,000 pods, 1,000 Services), process start → JSON printed + state written: ${ms.toFixed(0)} ms median of ${RUNS} (target ≤ 1,000 ms) — ${(ms / parse).toFixed(1)}× the in-process yaml parse of ${parse.toFixed(0)} ms (target ≤ 3×); exit ${a.status}`,
    );
    console.log(
      `  CPU time of the CLI process (user + system, all its threads): ${cpu.toFixed(0)} ms median (runs: ${runs.map((r) => r.cpu.toFixed(0)).join(', ')})`,
    );
    console.log(
      `  state file ${(a.state / 1e6).toFixed(1)} MB (${(a.state / 10 / 1e3).toFixed(0)} kB per 1,000 pods; the same state as plain JSON, state file version 1: ${(a.plain / 1e6).toFixed(1)} MB, ${(a.plain / 10 / 1e3).toFixed(0)} kB per 1,000 pods); JSON output ${(a.out / 1e6).toFixed(1)} MB`,
    );
  };
  report('', applies);
  if (BASE) report(` with ${BASE} (alternating with the runs above)`, bases);
  console.log(
    `  load average during the runs: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
