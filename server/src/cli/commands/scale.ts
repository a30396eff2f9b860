// `kubemate scale <kind>/<name> --replicas N` (deployment, replicaset, statefulset, replicationcontroller).
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { customKindOf, withSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf, parseTypeArgs } from '../typeArgs';
import { scaleVerb, SCALABLE } from '../../kubectl/verbs/scale';
import { printVerb } from '../printVerb';
import { resourceName } from '../../k8s/resources';
import { t } from '../../util/l10n';

export const scaleCommand: CliCommand = {
  name: 'scale',
  summary: 'Change the number of replicas of a Deployment, ReplicaSet or StatefulSet and show the result.',
  usage: 'kubemate scale <kind>/<name> --replicas N [-n ns] [--state F]',
  run: (args, io) => runScale(args, io),
};

async function runScale(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, replicas: { type: 'string' }, namespace: { type: 'string', short: 'n' } });
  const q = parseTypeArgs(positionals, (x) => customKindOf(values, io, x));
  const replicas = Number(values.replicas);
  if (values.replicas === undefined || !Number.isInteger(replicas) || replicas < 0) throw new UsageError(t('--replicas needs a whole number of 0 or more.'));
  const k = q.kinds[0];
  if (!q.name) throw new UsageError(t('Name the object, e.g. deployment/web.'));
  if (!SCALABLE.has(k.kind)) {
    io.err(`error: cannot scale ${resourceName(k.kind, k.group)}`); // l10n-exempt: kubectl's own words
    return 1;
  }
  const r = withSession(
    values,
    io,
    (s) => scaleVerb(s.sim, k.kind, namespaceOf(values), q.name!, replicas),
    (r) => r.found,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}
