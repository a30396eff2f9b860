// `kubemate create -f <file|dir>… [--record] [--save-config]` — kubectl create: like apply, but an
// object that exists is refused (AlreadyExists) and no last-applied annotation is written; and
// `kubemate create job <name> --from=cronjob/<cronjob>` — the CronJob's "run now", as in kubectl.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs, type OptionSpec } from '../parseArgs';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf } from '../typeArgs';
import { createJobVerb } from '../../kubectl/verbs/createJob';
import { applyVerb, NO_OBJECTS_TO_CREATE } from '../../kubectl/verbs/apply';
import { allLines } from '../../kubectl/verbResult';
import { printLines, printVerb } from '../printVerb';
import { readFiles } from './readFiles';
import { changeCause } from '../changeCause';
import { t } from '../../util/l10n';

export const createCommand: CliCommand = {
  name: 'create',
  summary: 'Create objects from files (refused when they exist), or run a CronJob now: create a Job from its template.',
  usage: 'kubemate create (-f <file|dir> [-f …] [-R] [--record] [--save-config] | job <name> --from=cronjob/<name>) [-n ns] [--state F]',
  run: (args, io) => runCreate(args, io),
};

const OPTIONS: OptionSpec = {
  ...SESSION_OPTIONS,
  from: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  filename: { type: 'string', short: 'f', multiple: true },
  recursive: { type: 'boolean', short: 'R' },
  record: { type: 'boolean' },
  'save-config': { type: 'boolean' },
};

async function runCreate(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, OPTIONS);
  const paths = (values.filename as string[] | undefined) ?? [];
  if (paths.length) return createFromFiles(args, paths, values, positionals, io);
  const [what, name] = positionals;
  const from = typeof values.from === 'string' ? values.from : '';
  const m = /^(cronjob|cronjobs|cj|cronjob\.batch)\/(.+)$/.exec(from);
  if (what !== 'job' || !name || !m) throw new UsageError(t('Give files with -f, or run a CronJob now with `create job <name> --from=cronjob/<name>`.'));
  const r = withSession(
    values,
    io,
    (s) => createJobVerb(s.sim, namespaceOf(values), name, m[2]),
    (r) => r.ok,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}

function createFromFiles(args: string[], paths: string[], values: Record<string, unknown>, positionals: string[], io: CliIO): number {
  if (positionals.length) throw new UsageError(t('Unexpected argument: {0}. Give files with -f.', positionals[0]));
  const read = readFiles(paths, values.recursive === true, io);
  if (!read.objects.length) {
    io.err(NO_OBJECTS_TO_CREATE);
    return 1;
  }
  const inputs = read.objects.map((o) => ({ obj: o.obj, source: { file: o.file, line: o.line } }));
  const namespace = typeof values.namespace === 'string' ? values.namespace : undefined;
  const create = { changeCause: values.record === true ? changeCause('create', args, OPTIONS) : undefined, saveConfig: values['save-config'] === true };
  const r = withSession(
    values,
    io,
    (s) => applyVerb(s.sim, inputs, { namespace, create }),
    () => true,
  );
  if (typeof r === 'number') return r;
  if (values.record === true) io.err('Flag --record has been deprecated, --record will be removed in the future'); // l10n-exempt: kubectl's own words
  printLines(io, allLines(r));
  return r.ok && !read.problems.length ? 0 : 1;
}
