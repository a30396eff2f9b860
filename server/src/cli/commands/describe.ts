// `kubemate describe <kind> <name>` (or `<kind>/<name>`; without a name: every object of the kind).
import type { CliCommand, CliIO } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { parseTypeArgs } from './get';
import { listSorted } from '../../cluster/snapshot';
import { resourceName } from '../../k8s/resources';
import { describeObject } from '../printers/describe';
import { nextScheduleTime } from '../../cluster/controllers/cronJob';
import { t } from '../../util/l10n';

export const describeCommand: CliCommand = {
  name: 'describe',
  summary: 'Show details and events of objects in the simulated cluster, like kubectl describe.',
  usage: 'kubemate describe <kind> [name] [-n ns] [--state F]',
  run: (args, io) => runDescribe(args, io),
};

async function runDescribe(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, namespace: { type: 'string', short: 'n' } });
  const q = parseTypeArgs(positionals);
  const session = openSession(values, io);
  if (typeof session === 'number') return session;
  const store = session.sim.store;
  const ns = typeof values.namespace === 'string' ? values.namespace : 'default';
  const k = q.kinds[0];
  let objs = listSorted(store, k.kind, (n) => n === undefined || n === ns);
  const name = q.name;
  // kubectl describe also accepts a name prefix when no object has exactly that name.
  if (name) objs = objs.filter((o) => o.metadata.name === name || (!store.get(k.kind, ns, name) && o.metadata.name.startsWith(name)));
  if (!objs.length) {
    io.err(q.name ? `Error from server (NotFound): ${resourceName(k.kind, k.group)} "${q.name}" not found` : `No resources found in ${ns} namespace.`);
    return 1;
  }
  const blocks = objs.map((o) => {
    let text = describeObject(store, o);
    if (o.kind === 'CronJob') {
      const next = nextScheduleTime(o, store.now());
      text += '\n' + t('Next scheduled run (simulated clock, UTC): {0}. KubeMate does not let time run to it; use `kubemate create job <name> --from=cronjob/{1}` to run it now.', next ? new Date(next).toISOString() : '<none>', o.metadata.name);
    }
    return text;
  });
  io.out(blocks.join('\n\n\n'));
  return 0;
}
