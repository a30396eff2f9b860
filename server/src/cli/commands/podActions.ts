// Simulated failures a learner can trigger: `kubemate readiness <pod> fail|recover` makes a pod's
// readiness probe fail (it leaves the Service endpoints) or pass again.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf } from '../typeArgs';
import { readinessVerb } from '../../kubectl/verbs/readiness';
import { printVerb } from '../printVerb';
import { t } from '../../util/l10n';

export const readinessCommand: CliCommand = {
  name: 'readiness',
  summary: "Make a pod's readiness fail (it leaves the Service endpoints) or recover.",
  usage: 'kubemate readiness <pod> fail|recover [-n ns] [--state F]',
  run: (args, io) => runReadiness(args, io),
};

async function runReadiness(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, namespace: { type: 'string', short: 'n' } });
  const [podArg, action] = positionals;
  const pod = podArg?.replace(/^(pod|pods|po)\//, '');
  if (!pod || (action !== 'fail' && action !== 'recover')) throw new UsageError(t('Say which pod and whether its readiness should fail or recover.'));
  const r = withSession(
    values,
    io,
    (s) => readinessVerb(s.sim, namespaceOf(values), pod, action === 'recover'),
    (r) => r.found,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}
