// The cluster commands' options `--state <file>`, `--cluster <profile>`, `--reset`, read into the
// kubectl layer's state session (kubectl/clusterSession.ts). Without --state every invocation
// starts from the default cluster. A damaged state file is refused until the user adds --reset.
// A command that changes the cluster runs through withSession: its verb is run again on the
// fresh file when another process saved in between, and its output is printed only once saved.
import { resolve } from 'node:path';
import { Simulator } from '../../cluster/simulator';
import type { KObject } from '../../cluster/types';
import { ClusterSession, openClusterSession, retryOnConflict, StateWriteError, WRITTEN } from '../../kubectl/clusterSession';
import { stateErrorText } from '../../kubectl/stateErrorText';
import { readClusterProfile } from '../../kubectl/readClusterProfile';
import type { ImageBehaviour } from '../../cluster/runtime/simulationProfile';
import { readTextFile } from '../../kubectl/readTextFile';
import { displayPath } from '../../kubectl/readManifests';
import type { CliIO } from '../cliCommand';
import type { OptionSpec } from '../parseArgs';
import { t } from '../../util/l10n';
import { resolveCustomResource, type CustomResourceInfo } from '../../cluster/customResources';

export const SESSION_OPTIONS: OptionSpec = {
  state: { type: 'string' },
  cluster: { type: 'string' },
  reset: { type: 'boolean' },
};

/** Opens the cluster; on a problem prints it and returns the exit code instead. */
export function openSession(values: Record<string, unknown>, io: CliIO): ClusterSession | number {
  const statePath = typeof values.state === 'string' ? resolve(io.cwd, values.state) : undefined;
  let nodes: KObject[] | undefined;
  let simulation: ImageBehaviour[] | undefined;
  if (typeof values.cluster === 'string') {
    const full = resolve(io.cwd, values.cluster);
    const shown = displayPath(full, io.cwd);
    const text = readTextFile(full, shown);
    const profile = text.ok ? readClusterProfile(shown, text.text) : { problems: [text.message] };
    if (!('ok' in profile) || !profile.ok) {
      io.err(t('The cluster profile {0} cannot be used:', String(values.cluster)));
      for (const p of profile.problems) io.err(`  ${p}`);
      return 1;
    }
    ({ nodes, simulation } = profile.ok);
  }
  const opened = openClusterSession({
    path: statePath,
    reset: values.reset === true,
    onDamaged: 'refuse',
    fresh: () => Simulator.create({ nodes, simulation }),
  });
  if (opened.kind === 'refused' && opened.directory) {
    io.err(`${t('error:')} ${stateErrorText(new StateWriteError(String(values.state), 'directory'))}`);
    return 1;
  }
  if (opened.kind === 'refused') {
    io.err(
      t(
        'error: the state file {0} is corrupted or was not written by KubeMate ({1}). It was left untouched. Run the command again with --reset to start a new cluster; the old file will then be kept as {0}.bak-<n>.',
        String(values.state),
        opened.reason,
      ),
    );
    return 1;
  }
  if (opened.kind === 'new' && opened.damaged?.keptAs)
    io.err(t('The old state file was not usable; it is kept as {0}. Starting a new cluster.', opened.damaged.keptAs));
  if (opened.kind === 'loaded' && typeof values.cluster === 'string')
    io.err(t('Note: --cluster only applies to a new cluster; {0} already holds one. Add --reset to start over with the profile.', String(values.state)));
  return opened.session;
}

/**
 * Opens the cluster, runs `verb` on it and saves it when `changed` says so; when another process
 * saved the file meanwhile, runs `verb` again on what it saved. Returns the verb's result, or the
 * exit code after printing why the cluster could not be opened or saved.
 */
export function withSession<R>(values: Record<string, unknown>, io: CliIO, verb: (session: ClusterSession) => R, changed: (r: R) => boolean): R | number {
  const statePath = typeof values.state === 'string' ? resolve(io.cwd, values.state) : undefined;
  try {
    return retryOnConflict<R | number>(statePath, () => {
      const session = openSession(values, io);
      if (typeof session === 'number') return { result: session, commit: () => WRITTEN };
      const result = verb(session);
      return { result, commit: () => (changed(result) ? session.commit() : WRITTEN) };
    });
  } catch (e) {
    if (!(e instanceof StateWriteError)) throw e;
    io.err(`${t('error:')} ${stateErrorText(e, String(values.state))}`);
    return 1;
  }
}

/**
 * A resource type the built-in table does not know, looked up among the CustomResourceDefinitions
 * of the cluster the command would open (read only, nothing printed): what `<type>` means to
 * label, annotate, scale and rollout before their session runs.
 */
export function customKindOf(values: Record<string, unknown>, io: CliIO, name: string): CustomResourceInfo | undefined {
  const session = openSession(values, { ...io, err: () => {} });
  return typeof session === 'number' ? undefined : resolveCustomResource(session.sim.store, name);
}
