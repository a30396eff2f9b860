// `kubemate create job <name> --from=cronjob/<cronjob>` — the CronJob's "run now", as in kubectl.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf } from '../typeArgs';
import { createJobVerb } from '../../kubectl/verbs/createJob';
import { printVerb } from '../printVerb';
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
  const r = withSession(
    values,
    io,
    (s) => createJobVerb(s.sim, namespaceOf(values), name, m[2]),
    (r) => r.ok,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}
