// One state session for every surface: open the simulated cluster saved at a path (or a new one),
// recover from a damaged file, start over on request, save. A thin wrapper over the engine's
// persistence (cluster/persistence/stateFile.ts: checked load, atomic save, .bak-<n> backups);
// the CLI (`--state F [--reset]`) and the editor's workspace storage decide only what to do with
// a damaged file and how to word it.
import { Simulator } from '../cluster/simulator';
import { backupFile, loadState } from '../cluster/persistence/stateFile';
import { saveState } from '../cluster/persistence/stateFile';

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
}

export type SessionOpen =
  | { kind: 'loaded'; session: ClusterSession }
  /** No usable file (missing, reset, or damaged and recovered): a new cluster. */
  | { kind: 'new'; session: ClusterSession; damaged?: { reason: string; keptAs?: string } }
  | { kind: 'refused'; reason: string };

export class ClusterSession {
  constructor(
    public sim: Simulator,
    /** Where save() writes; undefined: nothing is written (memory only, or an untrusted workspace). */
    public path: string | undefined,
  ) {}

  /** Persists the cluster when it has a path (atomic write). */
  save(): void {
    if (this.path) saveState(this.path, this.sim.serialize());
  }
}

function reasonOf(loaded: { reason: string; detail: string }): string {
  return loaded.detail ? `${loaded.reason}: ${loaded.detail}` : loaded.reason;
}

export function openClusterSession(opts: SessionOptions): SessionOpen {
  const { path } = opts;
  const fresh = (damaged?: { reason: string; keptAs?: string }): SessionOpen => ({ kind: 'new', session: new ClusterSession(opts.fresh(), path), ...(damaged ? { damaged } : {}) });
  if (!path) return fresh();
  const loaded = loadState(path);
  if (loaded.kind === 'missing') return fresh();
  let reason: string;
  if (loaded.kind === 'ok') {
    if (opts.reset) return fresh();
    try {
      return { kind: 'loaded', session: new ClusterSession(Simulator.fromState(loaded.state), path) };
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
    }
  } else reason = reasonOf(loaded);
  if (opts.reset || opts.onDamaged === 'setAside') return fresh({ reason, keptAs: backupFile(path) });
  if (opts.onDamaged === 'ignore') return fresh({ reason });
  return { kind: 'refused', reason };
}
