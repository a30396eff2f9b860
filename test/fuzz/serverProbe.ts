// Drives the built language server (dist/server.js over stdio) with one fuzz input: open it,
// wait for its diagnostics, ask every feature at random positions, edit it incrementally, ask
// again, dry-run it, close it. Every request is timed; a request that takes longer than the
// budget, an error response, a logged handler failure or the process exiting is a Problem.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { LspSession, ServerProcessOptions, startServer } from '../helpers/lspClient';

export interface Problem {
  /** crash | hang | slow | error-response | logged-error | bad-exit | stack-trace | throw */
  kind: string;
  where: string;
  detail: string;
}

export interface Edit {
  /** Fractions (0..1) of the text's length: where the edit starts and how much it replaces. */
  at: number;
  length: number;
  text: string;
}

export interface ServerInput {
  text: string;
  /** Fractions (0..1) of the line count and of the line's length. */
  positions: { line: number; character: number }[];
  edits: Edit[];
  /** Dry-run only some documents (the CodeLens path) instead of the whole file. */
  documents?: number[];
}

/** A request slower than this is a failure (issue 12: every request answered in < 1 s). */
export const LATENCY_BUDGET_MS = 1000;
/** After this long without an answer the server is considered hung and restarted. */
const HANG_MS = 10_000;

const REQUESTS = ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/definition', 'textDocument/references'] as const;

export class ServerProbe {
  private session: LspSession | undefined;
  private problems: Problem[] = [];
  private seq = 0;
  readonly latencies: number[] = [];
  /** Server processes started (1 + restarts after a crash or hang). */
  starts = 0;

  constructor(private readonly node: ServerProcessOptions = {}) {}

  private async ensure(): Promise<LspSession> {
    if (this.session && this.session.process.exitCode === null) return this.session;
    const storage = mkdtempSync(join(tmpdir(), 'kubemate-fuzz-state-'));
    this.starts++;
    const s = await startServer(
      'en',
      { storagePath: storage, trusted: true, publishEveryVersion: true },
      (c) =>
        c.onNotification('window/logMessage', (m: { type: number; message: string }) => {
          if (m.type === 1) this.problems.push({ kind: 'logged-error', where: 'server', detail: m.message.slice(0, 2000) });
        }),
      {},
      this.node,
    );
    s.process.once('exit', (code, signal) => {
      if (this.session === s && !this.stopping)
        this.problems.push({ kind: 'crash', where: 'server', detail: `exited with ${code ?? signal}: ${s.stderr().slice(-2000)}` });
    });
    this.session = s;
    return s;
  }

  private stopping = false;

  /** Peak resident memory of the current server process, in MB (Linux: VmHWM). */
  peakRssMb(): number | undefined {
    const pid = this.session?.process.pid;
    if (!pid) return undefined;
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Math.round(Number(m[1]) / 1024) : undefined;
    } catch {
      return undefined;
    }
  }

  private async timed<T>(s: LspSession, method: string, params: unknown): Promise<T | undefined> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>((r) => (timer = setTimeout(() => r('hang'), HANG_MS)));
    try {
      const r = await Promise.race([s.connection.sendRequest(method, params) as Promise<T>, hang]);
      const ms = performance.now() - started;
      this.latencies.push(ms);
      if (r === 'hang') {
        this.problems.push({ kind: 'hang', where: method, detail: `no answer after ${HANG_MS} ms` });
        s.process.kill('SIGKILL');
        return undefined;
      }
      if (ms > LATENCY_BUDGET_MS) this.problems.push({ kind: 'slow', where: method, detail: `${Math.round(ms)} ms` });
      return r;
    } catch (e) {
      if (s.process.exitCode === null) this.problems.push({ kind: 'error-response', where: method, detail: e instanceof Error ? e.message : String(e) });
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private async diagnostics(s: LspSession, uri: string, version: number): Promise<Diagnostic[]> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const got = await Promise.race([s.nextDiagnostics(uri, version), new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), HANG_MS)))]);
    clearTimeout(timer);
    const ms = performance.now() - started;
    this.latencies.push(ms);
    if (!got) {
      if (s.process.exitCode === null) this.problems.push({ kind: 'hang', where: 'publishDiagnostics', detail: `none after ${HANG_MS} ms` });
      return [];
    }
    if (ms > LATENCY_BUDGET_MS) this.problems.push({ kind: 'slow', where: 'publishDiagnostics', detail: `${Math.round(ms)} ms` });
    return got.diagnostics;
  }

  /** Runs one input; returns the problems it caused. */
  async run(input: ServerInput): Promise<Problem[]> {
    this.problems = [];
    const s = await this.ensure();
    const uri = `file:///fuzz/input-${++this.seq}.yaml`;
    let text = input.text;
    void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    let diags = await this.diagnostics(s, uri, 1);
    await this.ask(s, uri, text, input.positions, diags);
    let version = 1;
    for (const e of input.edits) {
      const start = Math.floor(e.at * text.length);
      const end = Math.min(text.length, start + Math.floor(e.length * 40));
      const range = { start: positionAt(text, start), end: positionAt(text, end) };
      text = text.slice(0, start) + e.text + text.slice(end);
      void s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: e.text }] });
    }
    if (input.edits.length) {
      diags = await this.diagnostics(s, uri, version);
      await this.ask(s, uri, text, input.positions, diags);
    }
    await this.timed(s, 'kubemate/cluster/dryRun', {
      sources: [{ uri, label: 'input.yaml', text, documents: input.documents }],
      command: 'kubectl apply -f input.yaml',
    });
    if (s.process.exitCode === null) void s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return this.problems;
  }

  private async ask(s: LspSession, uri: string, text: string, positions: ServerInput['positions'], diags: Diagnostic[]): Promise<void> {
    const textDocument = { uri };
    for (const [i, p] of positions.entries()) {
      const position = place(text, p);
      const method = REQUESTS[i % REQUESTS.length];
      const params =
        method === 'textDocument/codeAction'
          ? {
              textDocument,
              range: { start: position, end: position },
              context: { diagnostics: diags.filter((d) => d.range.start.line <= position.line && d.range.end.line >= position.line) },
            }
          : method === 'textDocument/references'
            ? { textDocument, position, context: { includeDeclaration: true } }
            : { textDocument, position };
      await this.timed(s, method, params);
    }
    await this.timed(s, 'textDocument/documentSymbol', { textDocument });
    await this.timed(s, 'textDocument/codeLens', { textDocument });
    await this.timed(s, 'textDocument/documentLink', { textDocument });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const s = this.session;
    this.session = undefined;
    if (s && s.process.exitCode === null) await s.stop();
  }
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** A position from fractions; sometimes one past the line's end, as a racing client may send. */
function place(text: string, p: { line: number; character: number }): Position {
  const starts = lineStarts(text);
  const line = Math.min(starts.length - 1, Math.floor(p.line * starts.length));
  const end = (line + 1 < starts.length ? starts[line + 1] - 1 : text.length) - starts[line];
  return { line, character: Math.floor(p.character * (end + 2)) };
}
