// The server's own CPU per keystroke and its GCs, from what bench/serverProbe.cjs recorded in the
// server (BENCH_SERVER_CPU=1): each didChange of a version paired with the publish of that version
// (keystrokes that change findings) or with the next message the server wrote (the hover answered
// after a keystroke that changes none). CPU is the process's (every thread: GC and compiler threads too).
import { readFileSync } from 'node:fs';
import { percentile } from './lspDriver';

type Event = ['in' | 'out', number, number, string] | ['gc', number, number, number];

export interface ServerCpu {
  /** CPU (ms) from each keystroke's didChange to its publish, in order. */
  change: number[];
  /** CPU (ms) from each no-change keystroke's didChange to the next message written. */
  quiet: number[];
  /** GCs while a keystroke was being handled: scavenges and the rest (mark-compact, incremental steps). */
  gcs: { minor: number; minorMs: number; other: number; otherMs: number };
}

/** `change`, `quiet`: the document versions of each kind of keystroke. */
export function serverCpu(file: string, change: number[], quiet: number[]): ServerCpu | undefined {
  let events: Event[];
  try {
    events = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const inputs = events.filter((e) => e[0] === 'in');
  const outputs = events.filter((e) => e[0] === 'out');
  const gcs = { minor: 0, minorMs: 0, other: 0, otherMs: 0 };
  const span = (version: number, publish: boolean): number => {
    const a = inputs.find((e) => (e[3] as string).includes('textDocument/didChange') && (e[3] as string).includes(`"version":${version}}`));
    if (!a) return NaN;
    const b = outputs.find(
      (e) => e[1] >= a[1] && (!publish || ((e[3] as string).includes('publishDiagnostics') && (e[3] as string).includes(`"version":${version},`))),
    );
    if (!b) return NaN;
    for (const g of events)
      if (g[0] === 'gc' && g[1] >= a[1] && g[1] <= b[1]) {
        if (g[3] === 1) gcs.minor++, (gcs.minorMs += g[2]);
        else gcs.other++, (gcs.otherMs += g[2]);
      }
    return b[2] - a[2];
  };
  return { change: change.map((v) => span(v, true)), quiet: quiet.map((v) => span(v, false)), gcs };
}

export function describeServerCpu(c: ServerCpu): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
  const ok = (a: number[]) => a.filter((x) => Number.isFinite(x));
  const sum = (a: number[]) => ok(a).reduce((x, y) => x + y, 0);
  return [
    `server CPU per keystroke (every thread), findings change p50/p99 ${f(percentile(ok(c.change), 50))} / ${f(percentile(ok(c.change), 99))} ms (first 25: ${f(sum(c.change.slice(0, 25)))} ms in all, last 100: ${f(sum(c.change.slice(-100)) / 100)} ms each)`,
    `no change p50/p99 ${f(percentile(ok(c.quiet), 50))} / ${f(percentile(ok(c.quiet), 99))} ms`,
    `server GCs during keystrokes: ${c.gcs.minor} scavenges (${f(c.gcs.minorMs)} ms), ${c.gcs.other} other (${f(c.gcs.otherMs)} ms)`,
  ].join('; ');
}
