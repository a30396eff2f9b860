// `kubemate rollout history|undo|status|pause|resume|restart deployment/<name> [--to-revision N] [--revision N]`.
// upstream: kubectl pkg/cmd/rollout (history, undo, status) and polymorphichelpers.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { customKindOf, openSession, withSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf, parseTypeArgs } from '../typeArgs';
import { rolloutHistoryVerb, rolloutStatusVerb, rolloutUndoVerb } from '../../kubectl/verbs/rollout';
import { rolloutPauseVerb, rolloutRestartVerb } from '../../kubectl/verbs/rolloutControl';
import { printVerb } from '../printVerb';
import { t } from '../../util/l10n';

export const rolloutCommand: CliCommand = {
  name: 'rollout',
  summary: 'Show the history or status of a Deployment rollout, undo it, pause, resume or restart it.',
  usage: 'kubemate rollout (history|undo|status|pause|resume|restart) deployment/<name> [--to-revision N] [--revision N] [-n ns] [--state F]',
  run: (args, io) => runRollout(args, io),
};

async function runRollout(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    ...SESSION_OPTIONS,
    'to-revision': { type: 'string' },
    revision: { type: 'string' },
    namespace: { type: 'string', short: 'n' },
  });
  const [verb, ...rest] = positionals;
  if (!['history', 'undo', 'status', 'pause', 'resume', 'restart'].includes(verb ?? ''))
    throw new UsageError(t('Choose one of: history, undo, status, pause, resume, restart.'));
  const q = parseTypeArgs(rest, (x) => customKindOf(values, io, x));
  const k = q.kinds[0];
  if (!q.name) throw new UsageError(t('Name the object, e.g. deployment/web.'));
  if (k.kind !== 'Deployment') {
    io.err(t('KubeMate simulates rollouts of Deployments only.'));
    return 1;
  }
  const toRevision = values['to-revision'] !== undefined ? Number(values['to-revision']) : 0;
  if (verb === 'undo' && (!Number.isInteger(toRevision) || toRevision < 0)) throw new UsageError(t('--to-revision needs a whole number of 0 or more.'));
  const ns = namespaceOf(values);
  if (verb === 'history' || verb === 'status') {
    const session = openSession(values, io);
    if (typeof session === 'number') return session;
    return printVerb(
      io,
      verb === 'history'
        ? rolloutHistoryVerb(session.sim, ns, q.name, values.revision !== undefined ? Number(values.revision) : undefined)
        : rolloutStatusVerb(session.sim, ns, q.name),
    );
  }
  const r = withSession(
    values,
    io,
    (s) =>
      verb === 'pause' || verb === 'resume'
        ? rolloutPauseVerb(s.sim, ns, q.name!, verb === 'pause')
        : verb === 'restart'
          ? rolloutRestartVerb(s.sim, ns, q.name!)
          : rolloutUndoVerb(s.sim, ns, q.name!, toRevision),
    (r) => r.ok,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}
