// `kubemate logs <pod> [-c container]` (a simulated log, clearly marked) and `kubemate exec`
// (not simulated: a clear message, exit 1).
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { nameOfKind, namespaceOf } from '../typeArgs';
import { execVerb, logsVerb } from '../../kubectl/verbs/logs';
import { printVerb } from '../printVerb';
import { t } from '../../util/l10n';

const podArg = (a: string | undefined) => nameOfKind(a, 'Pod');

export const logsCommand: CliCommand = {
  name: 'logs',
  summary: 'Show a simulated log of a container: the lifecycle events the kubelet recorded (no program runs here).',
  usage: 'kubemate logs <pod> [-c container] [-p|--previous] [-f] [-n ns] [--state F]',
  run: async (args: string[], io: CliIO) => {
    const { values, positionals } = parseArgs(args, {
      ...SESSION_OPTIONS,
      container: { type: 'string', short: 'c' },
      namespace: { type: 'string', short: 'n' },
      follow: { type: 'boolean', short: 'f' },
      previous: { type: 'boolean', short: 'p' },
    });
    const pod = podArg(positionals[0]);
    if (!pod) throw new UsageError(t('Name the pod, e.g. `kubemate logs web-abc12`.'));
    const session = openSession(values, io);
    if (typeof session === 'number') return session;
    const container = typeof values.container === 'string' ? values.container : undefined;
    const code = printVerb(io, logsVerb(session.sim, namespaceOf(values), pod, container, values.previous === true));
    // kubectl logs -f waits for more; simulated time only moves on `advance`, so the log ends here.
    if (values.follow === true && code === 0)
      io.err(
        t(
          '(-f: simulated time stands still between commands, so this is the whole log so far. Let time pass with `kubemate advance 1m`, then run logs again.)',
        ),
      );
    return code;
  },
};

export const execCommand: CliCommand = {
  name: 'exec',
  summary: 'Not simulated: explains why, and what to use instead.',
  usage: 'kubemate exec <pod> [-c container] -- <command>...',
  run: async (args: string[], io: CliIO) => {
    const dash = args.indexOf('--');
    const { values, positionals } = parseArgs(dash >= 0 ? args.slice(0, dash) : args, {
      ...SESSION_OPTIONS,
      container: { type: 'string', short: 'c' },
      namespace: { type: 'string', short: 'n' },
      stdin: { type: 'boolean', short: 'i' },
      tty: { type: 'boolean', short: 't' },
    });
    const pod = podArg(positionals[0]);
    if (!pod) throw new UsageError(t('Name the pod, e.g. `kubemate exec web-abc12 -- sh`.'));
    const session = openSession(values, io);
    if (typeof session === 'number') return session;
    return printVerb(io, execVerb(session.sim, namespaceOf(values), pod));
  },
};
