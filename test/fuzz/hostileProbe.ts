// Runs the hostile inputs (hostileInputs.ts) through the built server and CLI and measures what
// issue 12 §2 asks: while the server works on the hostile file, does a hover on another, small
// file still answer (and how fast); how long the hostile file's own diagnostics and features
// take; the server's peak RSS; and what `check` and `apply` print and exit with (peak RSS too).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { serverPath, startServer } from '../helpers/lspClient';
import { editorText, hostileInputs } from './hostileInputs';

export interface HostileResult {
  name: string;
  sizeMb: number;
  /** Hover on a small file sent right after opening the hostile one. */
  otherFileHoverMs: number;
  diagnosticsMs: number;
  diagnostics: Diagnostic[];
  /** Slowest of hover, completion, symbols, code lens on the hostile file itself. */
  featureMaxMs: number;
  check: { code: number | null; out: string; err: string; peakRssMb?: number };
  apply: { code: number | null; out: string; err: string; peakRssMb?: number };
}

const SMALL = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: small\nspec:\n  ports:\n    - port: 80\n';

async function timed<T>(p: Promise<T>, limitMs: number): Promise<[T | undefined, number]> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const r = await Promise.race([p, new Promise<undefined>((res) => (timer = setTimeout(() => res(undefined), limitMs)))]);
  clearTimeout(timer);
  return [r, Math.round(performance.now() - started)];
}

export async function runHostile(
  scale: number,
  log?: (line: string) => void,
): Promise<{ results: HostileResult[]; serverPeakRssMb?: number; shown: string[] }> {
  const root = join(serverPath(), '..', '..');
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-hostile-'));
  const shown: string[] = [];
  const s = await startServer('en', {}, (c) => c.onNotification('window/showMessage', (m: { message: string }) => void shown.push(m.message)));
  const results: HostileResult[] = [];
  const small = 'file:///hostile/small.yaml';
  void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'yaml', version: 1, text: SMALL } });
  await s.nextDiagnostics(small, 1);
  let n = 0;
  for (const input of hostileInputs(scale)) {
    const uri = `file:///hostile/input-${++n}.yaml`;
    const text = editorText(input.bytes);
    const published = s.nextDiagnostics(uri, 1);
    void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const [, otherFileHoverMs] = await timed(
      s.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 2, character: 3 } }),
      120_000,
    );
    const [pub, diagnosticsMs] = await timed(published, 120_000);
    let featureMaxMs = 0;
    for (const [method, extra] of [
      ['textDocument/hover', { position: { line: 1, character: 2 } }],
      ['textDocument/completion', { position: { line: 3, character: 2 } }],
      ['textDocument/documentSymbol', {}],
      ['textDocument/codeLens', {}],
    ] as const) {
      const [, ms] = await timed(s.connection.sendRequest(method, { textDocument: { uri }, ...extra }), 120_000);
      featureMaxMs = Math.max(featureMaxMs, ms);
    }
    void s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const file = join(dir, `input-${n}.yaml`);
    writeFileSync(file, input.bytes);
    const cli = (args: string[]) => {
      const rss = join(dir, `rss-${n}-${args[0]}.log`);
      const r = spawnSync(process.execPath, ['--require', join(root, 'test', 'fuzz', 'peakRss.cjs'), join(root, 'dist', 'cli.js'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', KUBEMATE_RSS_LOG: rss },
        timeout: 300_000,
      });
      let peakRssMb: number | undefined;
      try {
        peakRssMb = Number(readFileSync(rss, 'utf8').trim());
      } catch {
        peakRssMb = undefined;
      }
      return { code: r.status, out: r.stdout.slice(0, 4000), err: r.stderr.slice(0, 4000), peakRssMb };
    };
    const r: HostileResult = {
      name: input.name,
      sizeMb: Math.round((input.bytes.length / 1048576) * 10) / 10,
      otherFileHoverMs,
      diagnosticsMs,
      diagnostics: pub?.diagnostics ?? [],
      featureMaxMs,
      check: cli(['check', file]),
      apply: cli(['apply', '-f', file, '--state', join(dir, `state-${n}.json`)]),
    };
    results.push(r);
    log?.(
      `${r.name}: other-file hover ${r.otherFileHoverMs} ms, diagnostics ${r.diagnosticsMs} ms (${r.diagnostics.length}), features ≤ ${r.featureMaxMs} ms; check exit ${r.check.code} (${r.check.peakRssMb} MB), apply exit ${r.apply.code} (${r.apply.peakRssMb} MB)`,
    );
  }
  let serverPeakRssMb: number | undefined;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${s.process.pid}/status`, 'utf8'));
    serverPeakRssMb = m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    serverPeakRssMb = undefined;
  }
  await s.stop();
  return { results, serverPeakRssMb, shown };
}
