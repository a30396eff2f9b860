// Simulated failures a learner can trigger: `kubemate readiness <pod> fail|recover` makes a pod's
// readiness probe fail (it leaves the Service endpoints) or pass again; `kubemate fault <pod>
// crash|oom|liveness|unpullable` crashes a container, OOM-kills it, fails its liveness probe or
// takes its image out of the registry.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { nameOfKind, namespaceOf } from '../typeArgs';
import { readinessVerb } from '../../kubectl/verbs/readiness';
import { faultVerb } from '../../kubectl/verbs/fault';
import { FAULT_ACTIONS, FaultAction } from '../../cluster/runtime/faultTarget';
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
  const pod = nameOfKind(podArg, 'Pod');
  if (!pod || (action !== 'fail' && action !== 'recover')) throw new UsageError(t('Say which pod and whether its readiness should fail or recover.'));
  const r = withSession(
    values,
    io,
    (s) => readinessVerb(s.sim, namespaceOf(values), pod, action === 'recover'),
    (r) => r.found,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}

export const faultCommand: CliCommand = {
  name: 'fault',
  summary: "Crash a pod's container, OOM-kill it, fail its liveness probe or make its image unpullable.",
  usage: 'kubemate fault <pod> crash|oom|liveness|unpullable [-c container] [-n ns] [--state F]',
  run: (args, io) => runFault(args, io),
};

async function runFault(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, namespace: { type: 'string', short: 'n' }, container: { type: 'string', short: 'c' } });
  const [podArg, action] = positionals;
  const pod = nameOfKind(podArg, 'Pod');
  if (!pod || !FAULT_ACTIONS.includes(action as FaultAction)) throw new UsageError(t('Say which pod and which fault: {0}.', FAULT_ACTIONS.join('|')));
  const container = typeof values.container === 'string' ? values.container : undefined;
  const r = withSession(
    values,
    io,
    (s) => faultVerb(s.sim, namespaceOf(values), pod, action as FaultAction, container),
    (r) => r.found,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}
