// One state session for every surface: open the simulated cluster saved at a path (or a new one),
// recover from a damaged file, start over on request, save. A thin wrapper over the engine's
// persistence (cluster/persistence/stateFile.ts: checked load, atomic save, .bak-<n> backups);
// the CLI (`--state F [--reset]`) and the editor's workspace storage decide only what to do with
// a damaged file and how to word it.
//
// Several processes may share one file (two VS Code windows, a window and the CLI). Like the API
// server with resourceVersion, a session remembers the generation it read; commit() writes only
// if the file still holds that generation (checked and written under `<file>.lock`), otherwise it
// reports a conflict and the caller reads the fresh state and runs its verb again
// (retryOnConflict). No write is ever based on a stale read, so no update is lost.
import { statSync } from 'node:fs';
import { Simulator } from '../cluster/simulator';
import { backupFile, fileGeneration, loadState, saveState } from '../cluster/persistence/stateFile';
import type { StateWriteFs } from '../cluster/persistence/stateFile';
import { StateLockError, withStateLock } from './stateLock';

export interface SessionOptions {
  /** Where the cluster is saved; without it the cluster lives in memory only. */
  path?: string;
  /** Start a new cluster whatever the file holds (a damaged file is kept as `<file>.bak-<n>`). */
  reset?: boolean;
  /**
   * A damaged or foreign file: `refuse` leaves it untouched and opens nothing (the CLI, until the
   * user adds --reset); `setAside` keeps it as `.bak-<n>` and starts fresh (the editor);
   * `ignore` leaves it where it is and starts fresh in memory (an untrusted workspace).
   */
  onDamaged: 'refuse' | 'setAside' | 'ignore';
  /** Makes the new cluster (default nodes or a profile's). */
  fresh: () => Simulator;
  /** The write operations (tests inject failing ones). */
  fs?: StateWriteFs;
}

export type SessionOpen =
  | { kind: 'loaded'; session: ClusterSession }
  /** No usable file (missing, reset, or damaged and recovered): a new cluster. */
  | { kind: 'new'; session: ClusterSession; damaged?: { reason: string; keptAs?: string } }
  /** `directory`: a folder stands where the file should be; it is never moved, even on --reset. */
  | { kind: 'refused'; reason: string; directory?: boolean };

export type CommitResult = { kind: 'written' } | { kind: 'conflict' };
export const WRITTEN: CommitResult = { kind: 'written' };

/** Why a save failed; the surfaces word it (kubectl/stateErrorText.ts). Nothing was written. */
export class StateWriteError extends Error {
  constructor(
    public path: string,
    public problem: 'no-space' | 'read-only' | 'directory' | 'locked' | 'busy' | 'other',
    public detail = '',
  ) {
    super(`${path}: ${problem}${detail ? ` (${detail})` : ''}`);
  }
}

/** How many times a verb is run again on fresh state before giving up. */
export const MAX_ATTEMPTS = 25;

function writeProblem(e: unknown): StateWriteError['problem'] {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no-space';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'read-only';
    case 'EISDIR':
      return 'directory';
    default:
      return 'other';
  }
}

export class ClusterSession {
  constructor(
    public sim: Simulator,
    /** Where commit() writes; undefined: nothing is written (memory only, or an untrusted workspace). */
    public path: string | undefined,
    /** The file's generation when this cluster was read from it (0: no file). */
    public generation = 0,
    private fs?: StateWriteFs,
  ) {}

  /**
   * Writes the cluster if the file still holds the generation it was read at; `conflict` when
   * another process wrote since (nothing written). Throws StateWriteError when the file cannot
   * be written (the file keeps its previous content).
   */
  commit(): CommitResult {
    const path = this.path;
    if (!path) return WRITTEN;
    return underLock(path, () => {
      const st = statSync(path, { throwIfNoEntry: false });
      if (st?.isDirectory()) throw new StateWriteError(path, 'directory');
      // Renaming over a read-only file would succeed: respect the user's intent instead.
      if (st && (st.mode & 0o222) === 0) throw new StateWriteError(path, 'read-only');
      if (fileGeneration(path) !== this.generation) return { kind: 'conflict' } as const;
      saveState(path, this.sim.serialize(), this.generation + 1, this.fs);
      this.generation++;
      return WRITTEN;
    });
  }
}

/** Runs `fn` under the file's lock; every file-system failure becomes a StateWriteError. */
function underLock<R>(path: string, fn: () => R): R {
  try {
    return withStateLock(path, fn);
  } catch (e) {
    if (e instanceof StateWriteError) throw e;
    if (e instanceof StateLockError) throw new StateWriteError(path, e.error ? writeProblem(e.error) : 'locked', e.error?.message ?? String(e.holder ?? ''));
    throw new StateWriteError(path, writeProblem(e), e instanceof Error ? e.message : String(e));
  }
}

/** Moves a damaged file aside, unless another process already replaced it with a good one. */
function setAside(path: string): string | undefined {
  return underLock(path, () => (loadState(path).kind === 'invalid' ? backupFile(path) : undefined));
}

/**
 * Runs a read-modify-write until its write lands on the latest state: `attempt` opens the
 * session, runs the verb and says how to commit; on a conflict it runs again on the fresh file.
 */
export function retryOnConflict<R>(path: string | undefined, attempt: () => { result: R; commit: () => CommitResult }): R {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const a = attempt();
    if (a.commit().kind === 'written') return a.result;
  }
  throw new StateWriteError(path ?? '', 'busy', String(MAX_ATTEMPTS));
}

function reasonOf(loaded: { reason: string; detail: string }): string {
  return loaded.detail ? `${loaded.reason}: ${loaded.detail}` : loaded.reason;
}

export function openClusterSession(opts: SessionOptions): SessionOpen {
  const { path } = opts;
  const fresh = (generation: number, damaged?: { reason: string; keptAs?: string }): SessionOpen => ({
    kind: 'new',
    session: new ClusterSession(opts.fresh(), path, generation, opts.fs),
    ...(damaged ? { damaged } : {}),
  });
  if (!path) return fresh(0);
  const loaded = loadState(path);
  if (loaded.kind === 'missing') return fresh(0);
  let reason: string;
  if (loaded.kind === 'ok') {
    // A reset replaces the file's cluster: its write still follows the file's generation.
    if (opts.reset) return fresh(loaded.generation);
    try {
      return { kind: 'loaded', session: new ClusterSession(Simulator.fromState(loaded.state), path, loaded.generation, opts.fs) };
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
    }
  } else if (loaded.reason === 'directory') {
    return { kind: 'refused', reason: loaded.reason, directory: true };
  } else reason = reasonOf(loaded);
  if (opts.reset || opts.onDamaged === 'setAside') return fresh(0, { reason, keptAs: setAside(path) });
  if (opts.onDamaged === 'ignore') return fresh(0, { reason });
  return { kind: 'refused', reason };
}
