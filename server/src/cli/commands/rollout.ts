// `kubemate rollout history|undo|status deployment/<name> [--to-revision N]`.
// upstream: kubectl pkg/cmd/rollout (history, undo, status) and polymorphichelpers.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { parseTypeArgs } from './get';
import { resourceName } from '../../k8s/resources';
import { rolloutHistory, rolloutUndo } from '../../cluster/controllers/deployment/rollback';
import { rolloutStatusMessage } from '../../cluster/controllers/deployment/deploymentUtil';
import { formatTable } from '../printers/table';
import { podsAndEndpoints, timelineLines, warningLines } from '../printers/clusterText';
import { t } from '../../util/l10n';

export const rolloutCommand: CliCommand = {
  name: 'rollout',
  summary: 'Show the history or status of a Deployment rollout, or undo it to an earlier revision.',
  usage: 'kubemate rollout (history|undo|status) deployment/<name> [--to-revision N] [-n ns] [--state F]',
  run: (args, io) => runRollout(args, io),
};

async function runRollout(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, 'to-revision': { type: 'string' }, revision: { type: 'string' }, namespace: { type: 'string', short: 'n' } });
  const [verb, ...rest] = positionals;
  if (!['history', 'undo', 'status'].includes(verb ?? '')) throw new UsageError(t('Choose one of: history, undo, status.'));
  const q = parseTypeArgs(rest);
  const k = q.kinds[0];
  if (!q.name) throw new UsageError(t('Name the object, e.g. deployment/web.'));
  if (k.kind !== 'Deployment') {
    io.err(t('KubeMate simulates rollouts of Deployments only.'));
    return 1;
  }
  const session = openSession(values, io);
  if (typeof session === 'number') return session;
  const ns = typeof values.namespace === 'string' ? values.namespace : 'default';
  const d = session.sim.get('Deployment', ns, q.name);
  if (!d) {
    io.err(`Error from server (NotFound): ${resourceName(k.kind, k.group)} "${q.name}" not found`);
    return 1;
  }
  if (verb === 'history') {
    const rows = rolloutHistory(session.sim.store, d);
    const want = values.revision !== undefined ? Number(values.revision) : undefined;
    if (want !== undefined) {
      const row = rows.find((r) => r.revision === want);
      if (!row) {
        io.err(`error: unable to find the specified revision`); // l10n-exempt: kubectl's own words
        return 1;
      }
      io.out(`deployment.apps/${q.name} with revision #${want}\n${JSON.stringify(row.template, null, 2)}`); // l10n-exempt: kubectl's own words
      return 0;
    }
    io.out(`deployment.apps/${q.name} \n` + formatTable([['REVISION', 'CHANGE-CAUSE'], ...rows.map((r) => [String(r.revision), r.changeCause])], 2, 0)); // l10n-exempt: kubectl's own words
    return 0;
  }
  if (verb === 'status') {
    const s = rolloutStatusMessage(d);
    io.out(s.message);
    return s.message.startsWith('error:') ? 1 : 0;
  }
  const toRevision = values['to-revision'] !== undefined ? Number(values['to-revision']) : 0;
  if (!Number.isInteger(toRevision) || toRevision < 0) throw new UsageError(t('--to-revision needs a whole number of 0 or more.'));
  let message = '';
  const r = session.sim.mutate((store) => {
    const u = rolloutUndo(store, d, toRevision);
    message = u.message;
    return { ok: u.ok, lines: [u.message] };
  });
  if (!r.ok) {
    io.err(message);
    return 1;
  }
  session.save();
  io.out([message, ...timelineLines(r.timeline, [ns]), ...podsAndEndpoints(session.sim, [ns]), ...warningLines(r.events)].join('\n'));
  return 0;
}
