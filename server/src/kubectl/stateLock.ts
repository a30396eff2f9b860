// The lock around a state file's compare-and-write: `<file>.lock`, created exclusively ('wx'),
// holding the owner's pid and the time it was taken. It is held for milliseconds (read the
// file's generation, write, rename), so a lock whose process is gone, or one older than
// STALE_MS, was left by a process that was killed in between: it is broken and taken over.
// Breaking renames the stale lock aside first and checks it is still the one judged stale, so
// two processes breaking the same lock at once do not both end up holding it.
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';

/** A lock older than this is stale whatever its pid says (a lock is held for milliseconds). */
export const STALE_MS = 10_000;
/** How long to wait for a live lock before giving up. */
export const WAIT_MS = 15_000;

export class StateLockError extends Error {
  constructor(
    public lockPath: string,
    public error: NodeJS.ErrnoException | undefined,
    /** The pid holding the lock when waiting timed out. */
    public holder?: number,
  ) {
    super(error ? error.message : `${lockPath} is held by process ${holder}`);
  }
}

interface LockInfo {
  pid: number;
  at: number;
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but is someone else's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): { text: string; info: LockInfo | null; mtimeMs: number } | null {
  try {
    const text = readFileSync(path, 'utf8');
    const mtimeMs = statSync(path).mtimeMs;
    let info: LockInfo | null = null;
    try {
      const d = JSON.parse(text) as Partial<LockInfo>;
      if (typeof d.pid === 'number' && typeof d.at === 'number') info = { pid: d.pid, at: d.at };
    } catch {
      // Empty or half written: the owner died between creating and writing it.
    }
    return { text, info, mtimeMs };
  } catch {
    return null; // released meanwhile
  }
}

/** Stale: its process is gone, it is too old, or it never got its content (older than a second). */
export function isStale(lock: { info: LockInfo | null; mtimeMs: number }, now: number): boolean {
  if (!lock.info) return now - lock.mtimeMs > 1000;
  return !alive(lock.info.pid) || now - lock.info.at > STALE_MS;
}

/** Creates the lock; returns its content, or null when another process holds it. */
function tryCreate(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw new StateLockError(path, e as NodeJS.ErrnoException);
  }
  const text = JSON.stringify({ pid: process.pid, at: Date.now() });
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return text;
}

/** Moves a stale lock away; puts it back if it turned out to be a fresh one taken meanwhile. */
function breakStale(path: string, staleText: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else broke or released it
  }
  let text = '';
  try {
    text = readFileSync(aside, 'utf8');
  } catch {
    // gone: nothing to compare
  }
  if (text !== staleText) {
    try {
      linkSync(aside, path); // fails if yet another lock exists; then that one stands
    } catch {
      // leave it
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

/** Runs `fn` holding `<file>.lock`; waits for a live lock, breaks a stale one. */
export function withStateLock<R>(file: string, fn: () => R, waitMs = WAIT_MS): R {
  const path = `${file}.lock`;
  const start = Date.now();
  let mine: string | null;
  for (let round = 0; (mine = tryCreate(path)) === null; round++) {
    const lock = readLock(path);
    if (lock && isStale(lock, Date.now())) {
      breakStale(path, lock.text);
      continue;
    }
    if (Date.now() - start > waitMs) throw new StateLockError(path, undefined, lock?.info?.pid);
    sleep(Math.min(2 + round, 20) + Math.floor(Math.random() * 5));
  }
  try {
    return fn();
  } finally {
    // Only our own lock: held past STALE_MS, it may have been broken and taken by another process.
    if (readLock(path)?.text === mine) unlinkSync(path);
  }
}
