// `kubemate describe <kind> [name]` (or `<kind>/<name>`; without a name: every object of the kind).
import type { CliCommand, CliIO } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf, parseTypeArgs } from '../typeArgs';
import { describeVerb } from '../../kubectl/verbs/describe';
import { printVerb } from '../printVerb';
import { resolveCustomResource } from '../../cluster/customResources';

export const describeCommand: CliCommand = {
  name: 'describe',
  summary: 'Show details and events of objects in the simulated cluster, like kubectl describe.',
  usage: 'kubemate describe <kind> [name] [-n ns] [--state F]',
  run: (args, io) => runDescribe(args, io),
};

async function runDescribe(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, namespace: { type: 'string', short: 'n' } });
  if (!positionals.length) parseTypeArgs(positionals);
  const session = openSession(values, io);
  if (typeof session === 'number') return session;
  const q = parseTypeArgs(positionals, (x) => resolveCustomResource(session.sim.store, x));
  const k = q.kinds[0];
  return printVerb(io, describeVerb(session.sim, k.kind, k.group, namespaceOf(values), q.name));
}
