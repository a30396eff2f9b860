// `kubemate create job <name> --from=cronjob/<cronjob>` — the CronJob's "run now", as in kubectl.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { jobFromCronJob } from '../../cluster/controllers/cronJob';
import { podsAndEndpoints, warningLines } from '../printers/clusterText';
import { t } from '../../util/l10n';

export const createCommand: CliCommand = {
  name: 'create',
  summary: 'Run a CronJob now: create a Job from its template.',
  usage: 'kubemate create job <name> --from=cronjob/<name> [-n ns] [--state F]',
  run: (args, io) => runCreate(args, io),
};

async function runCreate(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, from: { type: 'string' }, namespace: { type: 'string', short: 'n' } });
  const [what, name] = positionals;
  const from = typeof values.from === 'string' ? values.from : '';
  const m = /^(cronjob|cronjobs|cj|cronjob\.batch)\/(.+)$/.exec(from);
  if (what !== 'job' || !name || !m) throw new UsageError(t('Only `create job <name> --from=cronjob/<name>` is supported.'));
  const session = openSession(values, io);
  if (typeof session === 'number') return session;
  const ns = typeof values.namespace === 'string' ? values.namespace : 'default';
  const cj = session.sim.get('CronJob', ns, m[2]);
  if (!cj) {
    io.err(`error: failed to retrieve cronjob: cronjobs.batch "${m[2]}" not found`);
    return 1;
  }
  if (session.sim.get('Job', ns, name)) {
    io.err(`error: failed to create job: jobs.batch "${name}" already exists`);
    return 1;
  }
  const r = session.sim.mutate((_store, api) => {
    api.create(jobFromCronJob(cj, name));
    return { ok: true, lines: [] };
  });
  session.save();
  io.out([`job.batch/${name} created`, ...podsAndEndpoints(session.sim, [ns]), ...warningLines(r.events)].join('\n'));
  return 0;
}
