// The soak run shared by `npm run soak` (20,000 edits) and the short soak in `npm test`: the
// built language server over stdio, several open files of different kinds (a two-version CRD of
// ~40 KB among them), one edit at a time like typing, diagnostics awaited after each. At each
// checkpoint the server runs a full GC (it is started with --expose-gc and scripts/heapProbe.cjs,
// which answers on file descriptor 3) and reports its heap.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { serverPath } from './lspClient';

export interface SoakCheckpoint {
  edits: number;
  heapUsedMiB: number;
}

export interface SoakReport {
  edits: number;
  checkpoints: SoakCheckpoint[];
  /** Edit → diagnostics, milliseconds. */
  latency: { p50: number; p99: number; max: number };
  /** Everything the server wrote on stderr. */
  stderr: string;
  /** Heap snapshots written at the checkpoints asked for (paths). */
  snapshots: string[];
}

export interface SoakOptions {
  edits: number;
  /** Edit counts after which the heap is measured (after a full GC). */
  checkpoints: number[];
  /** Write a heap snapshot at these checkpoints into `snapshotDir`. */
  snapshotAt?: number[];
  snapshotDir?: string;
  onCheckpoint?: (c: SoakCheckpoint) => void;
  /** Edit only these files (by file name; every file is open all the same). All by default. */
  editFiles?: string[];
}

/** One open file and the edit typed into it: `line` gets its `column`-th character onwards replaced by `token(n)`. */
interface SoakFile {
  uri: string;
  text: string;
  /** Lines that edits rewrite (their text after `prefix`), cycling. */
  lines: { line: number; prefix: string; token: (n: number) => string }[];
}

export function repoRoot(): string {
  return join(serverPath(), '..', '..');
}

function lineOf(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`soak fixture lacks ${JSON.stringify(needle)}`);
  return text.slice(0, i).split('\n').length - 1;
}

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: example/web:1.0.0
          ports: [{name: http, containerPort: 8080}]
          envFrom: [{configMapRef: {name: web-config}}]
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  GREETING: hello
`;

const DATABASE = `apiVersion: soak.kubemate.dev/v1
kind: Database
metadata:
  name: orders
spec:
  image: postgres:16
  replicas: 1
  logLevel: info
`;

const JOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: example/backup:1.0.0
              args: ["--keep", "7"]
`;

function soakFiles(): SoakFile[] {
  const crd = readFileSync(join(repoRoot(), 'test', 'fixtures', 'soak', 'database-crd.yaml'), 'utf8');
  const v1 = crd.indexOf('    - name: v1\n');
  return [
    {
      uri: 'file:///soak/database-crd.yaml',
      text: crd,
      lines: [
        // A description in each version, and the second version's maxLength.
        { line: lineOf(crd, 'description: The replicas of the database'), prefix: '                  description: ', token: (n) => `Replicas, revision ${n}.` },
        {
          line: lineOf(crd, 'description: The image of the primary', v1),
          prefix: '                      description: ',
          token: (n) => `Image of the primary, revision ${n}.`,
        },
        { line: lineOf(crd, 'maxLength: 253', v1), prefix: '                  maxLength: ', token: (n) => String(100 + (n % 900)) },
      ],
    },
    {
      uri: 'file:///soak/web.yaml',
      text: APP,
      lines: [
        { line: lineOf(APP, 'replicas: 2'), prefix: '  replicas: ', token: (n) => String(n % 50) },
        { line: lineOf(APP, 'image: example/web'), prefix: '          image: ', token: (n) => `example/web:1.0.${n}` },
        { line: lineOf(APP, 'GREETING: hello'), prefix: '  GREETING: ', token: (n) => `hello-${n}` },
      ],
    },
    {
      uri: 'file:///soak/orders.yaml',
      text: DATABASE,
      lines: [{ line: lineOf(DATABASE, 'logLevel: info'), prefix: '  logLevel: ', token: (n) => `level-${n}` }],
    },
    {
      uri: 'file:///soak/backup.yaml',
      text: JOB,
      lines: [{ line: lineOf(JOB, '"--keep"'), prefix: '              args: ', token: (n) => `["--keep", "${n}"]` }],
    },
  ];
}

export function percentileOf(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const child = spawn(process.execPath, ['--expose-gc', '--require', join(repoRoot(), 'scripts', 'heapProbe.cjs'), serverPath(), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const probe = child.stdio[3] as Socket;
  const answers: ((line: string) => void)[] = [];
  let buffered = '';
  probe.on('data', (b: Buffer) => {
    buffered += b.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      answers.shift()?.(line);
    }
  });
  const ask = (command: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      answers.push((line) => resolve(JSON.parse(line) as Record<string, unknown>));
      probe.write(command + '\n');
    });

  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, { version: number; resolve: () => void }>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const w = waiting.get(p.uri);
    if (w && p.version === w.version) {
      waiting.delete(p.uri);
      w.resolve();
    }
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    locale: 'en',
    workspaceFolders: null,
    initializationOptions: { publishEveryVersion: true },
  });
  void connection.sendNotification('initialized', {});
  const diagnostics = (uri: string, version: number) => new Promise<void>((resolve) => waiting.set(uri, { version, resolve }));

  const open = soakFiles();
  const files = opts.editFiles ? open.filter((f) => opts.editFiles!.some((n) => f.uri.endsWith('/' + n))) : open;
  const versions = new Map<string, number>();
  const current = new Map<string, string[]>();
  for (const f of open) {
    versions.set(f.uri, 1);
    current.set(f.uri, f.text.split('\n'));
    const d = diagnostics(f.uri, 1);
    void connection.sendNotification('textDocument/didOpen', { textDocument: { uri: f.uri, languageId: 'yaml', version: 1, text: f.text } });
    await d;
  }

  const latencies: number[] = [];
  const checkpoints: SoakCheckpoint[] = [];
  const snapshots: string[] = [];
  const measure = async (edits: number) => {
    if (opts.snapshotAt?.includes(edits) && opts.snapshotDir)
      snapshots.push(String((await ask(`snapshot ${join(opts.snapshotDir, `soak-${edits}.heapsnapshot`)}`)).snapshot));
    const m = await ask('heap');
    const c = { edits, heapUsedMiB: Number(m.heapUsed) / 2 ** 20 };
    checkpoints.push(c);
    opts.onCheckpoint?.(c);
  };
  if (opts.checkpoints.includes(0)) await measure(0);
  for (let n = 1; n <= opts.edits; n++) {
    // Edits go round the files; within a file, round its lines: every text is new.
    const f = files[n % files.length];
    const target = f.lines[Math.floor(n / files.length) % f.lines.length];
    const lines = current.get(f.uri)!;
    const old = lines[target.line];
    const next = target.prefix + target.token(n);
    lines[target.line] = next;
    const version = versions.get(f.uri)! + 1;
    versions.set(f.uri, version);
    const t0 = performance.now();
    const d = diagnostics(f.uri, version);
    void connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: f.uri, version },
      contentChanges: [
        {
          range: { start: { line: target.line, character: target.prefix.length }, end: { line: target.line, character: old.length } },
          text: next.slice(target.prefix.length),
        },
      ],
    });
    await d;
    latencies.push(performance.now() - t0);
    if (opts.checkpoints.includes(n)) await measure(n);
  }

  await connection.sendRequest('shutdown');
  void connection.sendNotification('exit');
  await new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
  connection.dispose();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    edits: opts.edits,
    checkpoints,
    latency: { p50: percentileOf(sorted, 50), p99: percentileOf(sorted, 99), max: sorted[sorted.length - 1] ?? NaN },
    stderr,
    snapshots,
  };
}
