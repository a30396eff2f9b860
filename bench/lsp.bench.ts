// `npm run bench` — language server speed through LSP over stdio, and the same measurements
// against yaml-language-server (a devDependency) when ../shared/peer/schemas is present.
// BENCH_SERVER=<another build's dist/server.js> measures that server instead (A/B against an older
// commit, run alternately with this one); BENCH_PEER=off skips yaml-language-server. The server gets
// the Node flags the client starts it with (protocol/serverNodeFlags.ts); BENCH_SERVER_ARGS replaces them.
import { SERVER_NODE_FLAGS } from '../server/src/protocol/serverNodeFlags';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateManifests } from './manifestGenerator';
import { startDriver, Driver, DriverOptions, percentile } from './lspDriver';
import { SeededIds } from '../server/src/util/seededIds';
import { sharedPath } from './sharedDir';
import { describeServerCpu, ServerCpu, serverCpu } from './serverCpu';

const ROOT = resolve(__dirname, '..', '..');
const PEER = sharedPath(ROOT, 'peer', 'schemas', 'release-1.36-standalone-strict');
const YAMLLS = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const POSITIONS = 200;
const EDITS = 200;
const ONE_DOC_RUNS = 5;
const SERVER = process.env.BENCH_SERVER ? resolve(process.env.BENCH_SERVER) : join(ROOT, 'dist', 'server.js');
/**
 * A user reads the file they opened before typing in it: the keystrokes start this long after the
 * open's complete diagnostics (the time KubeMate's idle warm-up, handlers/editWarmUp, runs in).
 * BENCH_TYPE_AFTER_MS=0 types at once, as this bench did until session 6.
 */
const TYPE_AFTER_MS = Number(process.env.BENCH_TYPE_AFTER_MS ?? 1000);
/** BENCH_SERVER_CPU=1: KubeMate's server runs with bench/serverProbe.cjs, and its own CPU per keystroke is reported. */
const PROBE = process.env.BENCH_SERVER_CPU === '1' ? join(ROOT, 'bench', 'serverProbe.cjs') : undefined;
const PROBE_FILE = join(tmpdir(), `kubemate-bench-probe-${process.pid}.json`);

interface Result {
  name: string;
  coldStart: number;
  firstOneDoc: number;
  /** didOpen of the 1,000-document file → its first diagnostics (KubeMate: the first documents' own findings). */
  firstPublish: number;
  /** A hover on another open file, sent right after the big file's didOpen. */
  hoverDuringOpen: number;
  /** didOpen → its last diagnostics of the open, cross-file findings included (the same as firstPublish for a server that publishes once). */
  fullDiagnostics: number;
  rediagnose: number[];
  quiet: number[];
  /** Diagnostics published during the keystrokes that changed no finding. */
  quietPublishes: number;
  completion: number[];
  hover: number[];
  rssMiB: number;
  /** BENCH_SERVER_CPU=1 (KubeMate only). */
  cpu?: ServerCpu;
}

function positions(text: string, n: number, seed: number): { line: number; character: number }[] {
  const lines = text.split('\n');
  const ids = new SeededIds(seed);
  const out: { line: number; character: number }[] = [];
  while (out.length < n) {
    const line = Math.floor(ids.next() * lines.length);
    const l = lines[line];
    const m = /^(\s*(?:- )?)([A-Za-z]\w*):/.exec(l);
    if (!m || l.startsWith('apiVersion') || l.startsWith('kind')) continue;
    out.push({ line, character: m[1].length + 1 });
  }
  return out;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

async function measure(
  name: string,
  opts: () => DriverOptions,
  oneDoc: string,
  big: string,
  budgetMs: number,
  settleQuiet: 'publish' | 'request',
  probed?: () => DriverOptions,
): Promise<Result> {
  // Cold: spawn → initialize → didOpen of a one-document file → first diagnostics.
  const t0 = performance.now();
  const cold = await startDriver(opts());
  const dCold = cold.diagnostics('file:///bench/one.yaml', 1);
  void cold.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: 'file:///bench/one.yaml', languageId: 'yaml', version: 1, text: oneDoc },
  });
  await dCold;
  const coldStart = performance.now() - t0;
  await cold.stop();
  // Ready: the server has started and settled (1 s), then a one-document file is opened; the
  // median of ONE_DOC_RUNS fresh servers (one sample varies ±50 % with the machine's load).
  const oneDocRuns: number[] = [];
  for (let r = 0; r < ONE_DOC_RUNS; r++) {
    const small = await startDriver(opts());
    await new Promise((r) => setTimeout(r, 1000));
    const [ms] = await timed(async () => {
      const d = small.diagnostics('file:///bench/one.yaml', 1);
      void small.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 'file:///bench/one.yaml', languageId: 'yaml', version: 1, text: oneDoc },
      });
      await d;
    });
    oneDocRuns.push(ms);
    await small.stop();
  }
  const firstOneDoc = percentile(oneDocRuns, 50);

  const s: Driver = await startDriver((probed ?? opts)());
  const uri = 'file:///bench/big.yaml';
  // Another (one-document) file is open: a hover on it is sent right after the big file's didOpen.
  const otherUri = 'file:///bench/other.yaml';
  const otherOpen = s.diagnostics(otherUri, 1);
  void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: otherUri, languageId: 'yaml', version: 1, text: oneDoc } });
  await otherOpen;
  const tOpen = performance.now();
  const d = s.diagnostics(uri, 1);
  void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: big } });
  const [hoverDuringOpen] = await timed(() =>
    s.connection.sendRequest('textDocument/hover', { textDocument: { uri: otherUri }, position: { line: 0, character: 1 } }),
  );
  const firstDiagnostics = await d;
  const firstPublish = performance.now() - tOpen;
  const settled = await s.settled(uri);
  const fullDiagnostics = settled.at - tOpen;
  await new Promise((r) => setTimeout(r, TYPE_AFTER_MS));
  // Keystrokes that change the findings: one line's `replicas: 3` becomes `replicas: x` (a new
  // wrong-type finding) and back (the finding goes): the time until the new diagnostics arrive.
  const rediagnose: number[] = [];
  const lines = big.split('\n');
  const replicaLines = lines.map((l, i) => (l.startsWith('  replicas: 3') ? i : -1)).filter((i) => i >= 0);
  const deadline = performance.now() + budgetMs;
  let v = 1;
  const changeVersions: number[] = [];
  const quietVersions: number[] = [];
  const change = (line: number, text: string) =>
    s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++v },
      contentChanges: [{ range: { start: { line, character: 12 }, end: { line, character: 13 } }, text }],
    });
  for (let i = 0; i < EDITS && performance.now() < deadline; i++) {
    const line = replicaLines[(Math.floor(i / 2) * 7) % replicaLines.length];
    const [ms] = await timed(async () => {
      const d = s.diagnostics(uri, v + 1);
      void change(line, i % 2 === 0 ? 'x' : '3');
      await d;
    });
    changeVersions.push(v);
    rediagnose.push(ms);
  }
  // Keystrokes that change no finding (3 → 4 → 3 on one line). KubeMate publishes nothing then:
  // the time until the server is idle again, seen as the answer to a hover sent right after the
  // edit (requests are served after the edit's diagnostics turn). yaml-language-server always
  // publishes: the time until it does.
  const quiet: number[] = [];
  const publishesBefore = s.published();
  const quietLine = replicaLines[1];
  for (let i = 0; i < EDITS && performance.now() < deadline; i++) {
    const [ms] = await timed(async () => {
      if (settleQuiet === 'publish') {
        const d = s.diagnostics(uri, v + 1);
        void change(quietLine, i % 2 === 0 ? '4' : '3');
        await d;
      } else {
        void change(quietLine, i % 2 === 0 ? '4' : '3');
        await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
      }
    });
    quietVersions.push(v);
    quiet.push(ms);
  }
  const quietPublishes = s.published() - publishesBefore;
  const completion: number[] = [];
  const hover: number[] = [];
  for (const p of positions(big, POSITIONS, 7)) {
    if (performance.now() > deadline + budgetMs) break;
    const [c] = await timed(() => s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: p }));
    completion.push(c);
    const [h] = await timed(() => s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: p }));
    hover.push(h);
  }
  const rssMiB = s.rssMiB();
  await s.stop();
  const cpu = probed ? serverCpu(PROBE_FILE, changeVersions, quietVersions) : undefined;
  if (probed) rmSync(PROBE_FILE, { force: true });
  console.log(`  ${name}: ${firstDiagnostics.diagnostics.length} diagnostics first, ${settled.count} in the end on the 1,000-document file`);
  return { name, coldStart, firstOneDoc, firstPublish, fullDiagnostics, hoverDuringOpen, rediagnose, quiet, quietPublishes, completion, hover, rssMiB, cpu };
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

function row(r: Result): string[] {
  return [
    r.name,
    fmt(r.coldStart),
    fmt(r.firstOneDoc),
    fmt(r.firstPublish),
    fmt(r.fullDiagnostics),
    fmt(r.hoverDuringOpen),
    `${fmt(percentile(r.rediagnose, 50))} / ${fmt(percentile(r.rediagnose, 99))} (n=${r.rediagnose.length})`,
    `${fmt(percentile(r.quiet, 50))} / ${fmt(percentile(r.quiet, 99))} (n=${r.quiet.length}, ${r.quietPublishes} published)`,
    `${fmt(percentile(r.completion, 50))} / ${fmt(percentile(r.completion, 99))} (n=${r.completion.length})`,
    `${fmt(percentile(r.hover, 50))} / ${fmt(percentile(r.hover, 99))} (n=${r.hover.length})`,
    fmt(r.rssMiB),
  ];
}

async function main(): Promise<void> {
  const big = generateManifests(1000);
  const oneDoc = generateManifests(1).replace('replicas: 3', 'replicas: "three"');
  console.log(
    `LSP benchmark: 1,000 documents (${big.split('\n').length} lines, ${(big.length / 1024).toFixed(0)} KiB); ${POSITIONS} completion/hover positions; ${EDITS} one-character edits, the first ${TYPE_AFTER_MS} ms after the open`,
  );
  const results: Result[] = [];
  console.log(`  kubemate: ${SERVER}`);
  // The server runs with the Node flags the client starts it with; BENCH_SERVER_ARGS replaces them
  // (e.g. BENCH_SERVER_ARGS= for none, as builds before session 6 ran).
  const serverArgs = process.env.BENCH_SERVER_ARGS !== undefined ? process.env.BENCH_SERVER_ARGS.split(' ').filter(Boolean) : [...SERVER_NODE_FLAGS];
  console.log(`  kubemate server flags: ${serverArgs.join(' ') || '(none)'}`);
  const probed = PROBE
    ? () => ({ command: [process.execPath, ...serverArgs, '-r', PROBE, SERVER, '--stdio'], env: { ...process.env, KUBEMATE_BENCH_PROBE: PROBE_FILE } })
    : undefined;
  results.push(await measure('kubemate', () => ({ command: [process.execPath, ...serverArgs, SERVER, '--stdio'] }), oneDoc, big, 60000, 'request', probed));

  if (process.env.BENCH_PEER === 'off') {
    console.log('  yaml-language-server comparison skipped: BENCH_PEER=off');
  } else if (PEER && existsSync(YAMLLS)) {
    const yamlSettings = (schemas: Record<string, unknown>, extra: object = {}) => ({
      validate: true,
      hover: true,
      completion: true,
      format: { enable: false },
      schemaStore: { enable: false },
      schemas,
      ...extra,
    });
    // One document: the peer's fastest mode, a local per-kind schema (yamlls-offline.md, recipe A).
    const oneDocOpts = (): DriverOptions => ({
      command: [process.execPath, YAMLLS, '--stdio'],
      configuration: (items) =>
        items.map((i) =>
          i.section === 'yaml'
            ? yamlSettings({ [join(PEER, 'deployment-apps-v1.json')]: ['*.yaml'] }, { kubernetesCRDStore: { enable: false } })
            : i.section === 'http'
              ? { proxy: '', proxyStrictSSL: false }
              : {},
        ),
    });
    // Many kinds in one file: the `kubernetes` keyword with schemas served from disk (recipe B).
    const k8sOpts = (): DriverOptions => ({
      command: [process.execPath, YAMLLS, '--stdio'],
      configuration: (items) =>
        items.map((i) =>
          i.section === 'yaml'
            ? yamlSettings(
                { kubernetes: ['*.yaml'] },
                { kubernetesVersion: 'v1.36.0', kubernetesCRDStore: { enable: true, url: 'https://crd-catalog.invalid' } },
              )
            : i.section === 'http'
              ? { proxy: '', proxyStrictSSL: false }
              : {},
        ),
      contentPrefix: { url: 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.36.0-standalone-strict/', dir: PEER },
      afterInitialized: (c) => c.sendNotification('yaml/registerContentRequest', null),
    });
    const peerOne = await measure('yaml-language-server (one doc: local schema)', oneDocOpts, oneDoc, generateManifests(3), 5000, 'publish');
    const peerBig = await measure('yaml-language-server 2.0.0 (kubernetes keyword)', k8sOpts, oneDoc, big, 60000, 'publish');
    peerBig.firstOneDoc = peerOne.firstOneDoc;
    peerBig.coldStart = peerOne.coldStart;
    results.push(peerBig);
  } else {
    console.log(
      `  yaml-language-server comparison skipped: ${PEER ? '' : 'shared/peer/schemas not found next to the checkout (it exists only on the build machine)'}${existsSync(YAMLLS) ? '' : ' yaml-language-server not installed'}`,
    );
  }

  const header = [
    'server',
    'spawn→first diag (ms)',
    'first diag, 1 doc, median of 5 (ms)',
    'first publish, 1000 docs (ms)',
    'complete diag, 1000 docs (ms)',
    'hover elsewhere during that open (ms)',
    'keystroke, findings change p50/p99 (ms)',
    'keystroke, no change p50/p99 (ms)',
    'completion p50/p99 (ms)',
    'hover p50/p99 (ms)',
    'RSS (MiB)',
  ];
  const table = [header, ...results.map(row)];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  console.log();
  for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i])).join(' | '));
  const k = results[0];
  console.log();
  console.log(
    `targets: full ≤300 ms: ${fmt(k.fullDiagnostics)} complete (first publish ${fmt(k.firstPublish)}); keystroke p99 ≤15 ms: ${fmt(percentile(k.rediagnose, 99))} (findings change), ${fmt(percentile(k.quiet, 99))} (no change); completion p99 ≤10 ms: ${fmt(percentile(k.completion, 99))}; hover p99 ≤5 ms: ${fmt(percentile(k.hover, 99))}`,
  );
  if (k.cpu) console.log(describeServerCpu(k.cpu));
  if (results[1]) {
    const p = results[1];
    console.log(
      `ratios (yaml-language-server ÷ kubemate): first diagnostics on one document ${fmt(p.firstOneDoc / k.firstOneDoc)}× (target ≥10×), spawn→first diagnostics ${fmt(p.coldStart / k.coldStart)}×; full ${fmt(p.fullDiagnostics / k.fullDiagnostics)}×; keystroke p50 ${fmt(percentile(p.rediagnose, 50) / percentile(k.rediagnose, 50))}×; completion p50 ${fmt(percentile(p.completion, 50) / percentile(k.completion, 50))}×; hover p50 ${fmt(percentile(p.hover, 50) / percentile(k.hover, 50))}×`,
    );
    console.log('(yaml-language-server debounces validation by 200 ms; its figures include that delay, as an editor user experiences it.)');
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
