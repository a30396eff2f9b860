// Shared by the cluster commands: `--state <file>` (load, save atomically), `--cluster <profile>`,
// `--reset`. Without --state every invocation starts from the default cluster.
import { resolve } from 'node:path';
import { Simulator } from '../../cluster/simulator';
import { loadClusterProfile } from '../../cluster/clusterProfile';
import { backupFile, loadState, saveState } from '../../cluster/persistence/stateFile';
import { readManifests } from '../readManifests';
import type { CliIO } from '../cliCommand';
import type { OptionSpec } from '../parseArgs';
import { t } from '../../util/l10n';

export const SESSION_OPTIONS: OptionSpec = {
  state: { type: 'string' },
  cluster: { type: 'string' },
  reset: { type: 'boolean' },
};

export interface Session {
  sim: Simulator;
  /** Persists the cluster when --state was given (atomic write). */
  save(): void;
}

/** Opens the cluster; on a problem prints it and returns the exit code instead. */
export function openSession(values: Record<string, unknown>, io: CliIO): Session | number {
  const statePath = typeof values.state === 'string' ? resolve(io.cwd, values.state) : undefined;
  const profilePath = typeof values.cluster === 'string' ? resolve(io.cwd, values.cluster) : undefined;
  let nodes;
  if (profilePath) {
    const read = readManifests([profilePath], io.cwd);
    const profile = loadClusterProfile(read.objects.map((o) => ({ obj: o.obj, file: o.file, line: o.line })));
    const problems = [...read.problems, ...profile.problems];
    if (problems.length) {
      io.err(t('The cluster profile {0} cannot be used:', String(values.cluster)));
      for (const p of problems) io.err(`  ${p}`);
      return 1;
    }
    nodes = profile.nodes;
  }
  let sim: Simulator | undefined;
  if (statePath) {
    const loaded = loadState(statePath);
    if (loaded.kind === 'invalid') {
      if (!values.reset) {
        io.err(
          t(
            'error: the state file {0} is corrupted or was not written by KubeMate ({1}). It was left untouched. Run the command again with --reset to start a new cluster; the old file will then be kept as {0}.bak-<n>.',
            String(values.state),
            loaded.detail ? `${loaded.reason}: ${loaded.detail}` : loaded.reason,
          ),
        );
        return 1;
      }
      const kept = backupFile(statePath);
      io.err(t('The old state file was not usable; it is kept as {0}. Starting a new cluster.', kept));
    } else if (loaded.kind === 'ok' && !values.reset) {
      sim = Simulator.fromState(loaded.state);
      if (profilePath) io.err(t('Note: --cluster only applies to a new cluster; {0} already holds one. Add --reset to start over with the profile.', String(values.state)));
    }
  }
  sim ??= Simulator.create({ nodes });
  const s = sim;
  return {
    sim: s,
    save: () => {
      if (statePath) saveState(statePath, s.serialize());
    },
  };
}
