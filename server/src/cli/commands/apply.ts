// `kubemate apply -f <file|dir>… [-R]` — always against the simulated cluster.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { outputFormat, parseArgs } from '../parseArgs';
import { applyVerb, NO_OBJECTS } from '../../kubectl/verbs/apply';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { printLines } from '../printVerb';
import { allLines } from '../../kubectl/verbResult';
import { readFiles } from './readFiles';
import { readKustomization } from './readKustomization';
import type { ClusterSnapshot } from '../../protocol/clusterSnapshot';
import { t } from '../../util/l10n';

export const applyCommand: CliCommand = {
  name: 'apply',
  summary: 'Apply manifests to the simulated cluster and show the pods, endpoints and events they produce.',
  usage: 'kubemate apply (-f <file|dir> [-f …] [-R] | -k <kustomization dir>) [-n ns] [--state F] [--cluster F] [--reset] [-o text|json]',
  run: (args, io, opts) => runApply(args, io, opts?.env),
};

async function runApply(args: string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    ...SESSION_OPTIONS,
    filename: { type: 'string', short: 'f', multiple: true },
    recursive: { type: 'boolean', short: 'R' },
    kustomize: { type: 'string', short: 'k' },
    namespace: { type: 'string', short: 'n' },
    output: { type: 'string', short: 'o' },
  });
  const format = outputFormat(values.output, ['text', 'json'] as const, 'text');
  const paths = [...((values.filename as string[] | undefined) ?? [])];
  if (positionals.length) throw new UsageError(t('Unexpected argument: {0}. Give files with -f.', positionals[0]));
  const kustomizeDir = typeof values.kustomize === 'string' ? values.kustomize : undefined;
  // kubectl: "error: only one of -f or -k can be specified".
  if (kustomizeDir && paths.length) throw new UsageError(t('Only one of -f or -k can be specified.'));
  if (!paths.length && !kustomizeDir) throw new UsageError(t('Give at least one file or directory with -f.'));
  const read = kustomizeDir ? readKustomization(kustomizeDir, io, env) : readFiles(paths, values.recursive === true, io);
  if (!read.objects.length) {
    io.err(NO_OBJECTS);
    return 1;
  }
  const inputs = read.objects.map((o) => ({ obj: o.obj, source: { file: o.file, line: o.line } }));
  const namespace = typeof values.namespace === 'string' ? values.namespace : undefined;
  const done = withSession(
    values,
    io,
    (s) => ({ sim: s.sim, r: applyVerb(s.sim, inputs, { namespace, state: format !== 'json' }) }),
    () => true,
  );
  if (typeof done === 'number') return done;
  const { sim, r } = done;
  const failed = !r.ok || read.problems.length > 0;
  if (format === 'json') {
    const result = r.result!;
    // The events printed are the apply's own (result.events), not the whole log.
    const snap = sim.snapshot(undefined, false);
    const json: ClusterSnapshot = {
      applied: result.applied.map((a) => ({
        apiVersion: a.apiVersion,
        kind: a.kind,
        namespace: a.namespace,
        name: a.name,
        action: a.action,
        message: a.message,
      })),
      pods: snap.pods,
      replicaSets: snap.replicaSets,
      services: snap.services,
      endpoints: snap.endpoints,
      events: result.events,
      timeline: result.timeline,
    };
    io.out(JSON.stringify(json, null, 2));
    return failed ? 1 : 0;
  }
  printLines(io, allLines(r));
  return failed ? 1 : 0;
}
