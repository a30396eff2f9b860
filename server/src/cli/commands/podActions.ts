// Simulated failures a learner can trigger: `kubemate readiness <pod> fail|recover` makes a pod's
// readiness probe fail (it leaves the Service endpoints) or pass again.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { podsAndEndpoints, warningLines } from '../printers/clusterText';
import { t } from '../../util/l10n';

export const readinessCommand: CliCommand = {
  name: 'readiness',
  summary: 'Make a pod\'s readiness fail (it leaves the Service endpoints) or recover.',
  usage: 'kubemate readiness <pod> fail|recover [-n ns] [--state F]',
  run: (args, io) => runReadiness(args, io),
};

async function runReadiness(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, namespace: { type: 'string', short: 'n' } });
  const [podArg, action] = positionals;
  const pod = podArg?.replace(/^(pod|pods|po)\//, '');
  if (!pod || (action !== 'fail' && action !== 'recover')) throw new UsageError(t('Say which pod and whether its readiness should fail or recover.'));
  const session = openSession(values, io);
  if (typeof session === 'number') return session;
  const ns = typeof values.namespace === 'string' ? values.namespace : 'default';
  const r = session.sim.setPodReady(ns, pod, action === 'recover');
  if (!r.found) {
    io.err(`Error from server (NotFound): pods "${pod}" not found`);
    return 1;
  }
  session.save();
  io.out([action === 'fail' ? t('Readiness of pod/{0} now fails.', pod) : t('Readiness of pod/{0} passes again.', pod), ...podsAndEndpoints(session.sim, [ns]), ...warningLines(r.events)].join('\n'));
  return 0;
}
