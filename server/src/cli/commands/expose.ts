// `kubemate expose <kind> <name> [--port P] [--target-port T] [--type T] [--name N]`.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf, parseTypeArgs } from '../typeArgs';
import { exposeVerb } from '../../kubectl/verbs/expose';
import { printVerb } from '../printVerb';
import { t } from '../../util/l10n';

export const exposeCommand: CliCommand = {
  name: 'expose',
  summary: 'Create a Service that selects the pods of a Deployment, ReplicaSet, pod or Service.',
  usage: 'kubemate expose <kind> <name> [--port P] [--target-port T] [--type ClusterIP|NodePort|LoadBalancer] [--name N] [-n ns] [--state F]',
  run: (args, io) => runExpose(args, io),
};

async function runExpose(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    ...SESSION_OPTIONS,
    port: { type: 'string' },
    'target-port': { type: 'string' },
    type: { type: 'string' },
    name: { type: 'string' },
    protocol: { type: 'string' },
    namespace: { type: 'string', short: 'n' },
  });
  const q = parseTypeArgs(positionals);
  if (!q.name) throw new UsageError(t('Name the object to expose, e.g. `kubemate expose deployment web --port 80`.'));
  const port = values.port !== undefined ? Number(values.port) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new UsageError(t('--port needs a port number between 1 and 65535.'));
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const options = { port, targetPort: str(values['target-port']), type: str(values.type), name: str(values.name), protocol: str(values.protocol) };
  const r = withSession(
    values,
    io,
    (s) => exposeVerb(s.sim, q.kinds[0].kind, namespaceOf(values), q.name!, options),
    (r) => r.ok,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}
