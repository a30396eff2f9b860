// `kubemate advance <duration>`: let simulated time pass (the verb lives in kubectl/verbs/advance).
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { advanceVerb, MAX_ADVANCE_MS, parseDuration } from '../../kubectl/verbs/advance';
import { printVerb } from '../printVerb';
import { t } from '../../util/l10n';

export const advanceCommand: CliCommand = {
  name: 'advance',
  summary: 'Let simulated time pass (e.g. 10m): CronJobs run on their schedule, Jobs finish.',
  usage: 'kubemate advance <duration, e.g. 90s, 10m, 1h30m> [--state F]',
  run: (args, io) => runAdvance(args, io),
};

async function runAdvance(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS });
  const ms = parseDuration(positionals[0] ?? '');
  if (ms === undefined || ms <= 0 || ms > MAX_ADVANCE_MS) throw new UsageError(t('Give how long to let pass, from 1s to 168h: for example 90s, 10m or 1h30m.'));
  const r = withSession(
    values,
    io,
    (s) => advanceVerb(s.sim, ms),
    () => true,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}
