// `kubemate apply -f <file|dir>…` — always against the simulated cluster.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { outputFormat, parseArgs } from '../parseArgs';
import { collectFiles } from '../collectFiles';
import { readManifests } from '../readManifests';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { podsAndEndpoints, timelineLines, warningLines } from '../printers/clusterText';
import type { ClusterSnapshot } from '../../protocol/clusterSnapshot';
import { t } from '../../util/l10n';

export const applyCommand: CliCommand = {
  name: 'apply',
  summary: 'Apply manifests to the simulated cluster and show the pods, endpoints and events they produce.',
  usage: 'kubemate apply -f <file|dir> [-f …] [-n ns] [--state F] [--cluster F] [--reset] [-o text|json]',
  run: (args, io) => runApply(args, io),
};

async function runApply(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    ...SESSION_OPTIONS,
    filename: { type: 'string', short: 'f', multiple: true },
    namespace: { type: 'string', short: 'n' },
    output: { type: 'string', short: 'o' },
  });
  const format = outputFormat(values.output, ['text', 'json'] as const, 'text');
  const paths = [...((values.filename as string[] | undefined) ?? [])];
  if (positionals.length) throw new UsageError(t('Unexpected argument: {0}. Give files with -f.', positionals[0]));
  if (!paths.length) throw new UsageError(t('Give at least one file or directory with -f.'));
  const collected = collectFiles(paths, io.cwd);
  const read = readManifests(collected.files, io.cwd);
  const problems = [...collected.problems, ...read.problems];
  for (const p of problems) io.err(p);
  if (!read.objects.length) {
    io.err('error: no objects passed to apply'); // l10n-exempt: kubectl's own words
    return 1;
  }
  const session = openSession(values, io);
  if (typeof session === 'number') return session;
  const { sim } = session;
  const result = sim.apply(
    read.objects.map((o) => ({ obj: o.obj, source: { file: o.file, line: o.line } })),
    { namespace: typeof values.namespace === 'string' ? values.namespace : undefined },
  );
  session.save();
  const rejected = result.failures.length > 0;
  if (format === 'json') {
    const snap = sim.snapshot();
    const out: ClusterSnapshot = {
      applied: result.applied.map((a) => ({ apiVersion: a.apiVersion, kind: a.kind, namespace: a.namespace, name: a.name, action: a.action, message: a.message })),
      pods: snap.pods,
      replicaSets: snap.replicaSets,
      services: snap.services,
      endpoints: snap.endpoints,
      events: result.events,
      timeline: result.timeline,
    };
    io.out(JSON.stringify(out, null, 2));
    return rejected || problems.length ? 1 : 0;
  }
  for (const w of result.warnings) io.err(w);
  for (const a of result.applied) if (a.action !== 'error') io.out(a.message);
  if (result.failures.length === 1) io.err(result.failures[0].message);
  else for (const f of result.failures) io.err(f.multiMessage);
  const namespaces = [...new Set(result.applied.filter((a) => a.action !== 'error' && a.namespace).map((a) => a.namespace as string))];
  if (!namespaces.length) namespaces.push(typeof values.namespace === 'string' ? values.namespace : 'default');
  const lines = [...timelineLines(result.timeline, namespaces), ...podsAndEndpoints(sim, namespaces), ...warningLines(result.events)];
  if (!result.stable) lines.push('', t('The cluster did not settle within {0} rounds; this is the state so far.', result.rounds));
  io.out(lines.join('\n'));
  return rejected || problems.length ? 1 : 0;
}
