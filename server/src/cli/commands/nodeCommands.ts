// `kubemate cordon|uncordon|drain <node>`. upstream: kubectl pkg/cmd/drain.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { podsAndEndpoints, warningLines } from '../printers/clusterText';
import { t } from '../../util/l10n';

function nodeArg(positionals: string[]): string {
  const n = positionals[0]?.replace(/^(node|nodes|no)\//, '');
  if (!n) throw new UsageError(t('Name the node, e.g. worker-1.'));
  return n;
}

async function run(kind: 'cordon' | 'uncordon' | 'drain', args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, force: { type: 'boolean' }, 'ignore-daemonsets': { type: 'boolean' }, 'delete-emptydir-data': { type: 'boolean' } });
  const name = nodeArg(positionals);
  const session = openSession(values, io);
  if (typeof session === 'number') return session;
  const sim = session.sim;
  const r = kind === 'drain' ? sim.drain(name, { force: values.force === true, ignoreDaemonSets: values['ignore-daemonsets'] === true }) : sim.cordon(name, kind === 'cordon');
  if (!r.found) {
    io.err(`Error from server (NotFound): nodes "${name}" not found`);
    return 1;
  }
  session.save();
  for (const l of r.lines) (l.startsWith('error:') || l.startsWith('Warning:') ? io.err : io.out)(l);
  const namespaces = [...new Set(sim.store.list('Namespace').map((n) => n.metadata.name))].filter((n) => sim.store.list('Pod', n).length);
  if (kind === 'drain') io.out([...podsAndEndpoints(sim, namespaces.length ? namespaces : ['default']), ...warningLines(r.events)].join('\n'));
  return r.ok ? 0 : 1;
}

export const cordonCommand: CliCommand = {
  name: 'cordon',
  summary: 'Mark a node unschedulable (existing pods stay).',
  usage: 'kubemate cordon <node> [--state F]',
  run: (args, io) => run('cordon', args, io),
};

export const uncordonCommand: CliCommand = {
  name: 'uncordon',
  summary: 'Mark a node schedulable again.',
  usage: 'kubemate uncordon <node> [--state F]',
  run: (args, io) => run('uncordon', args, io),
};

export const drainCommand: CliCommand = {
  name: 'drain',
  summary: 'Cordon a node and evict its pods; their controllers recreate them elsewhere.',
  usage: 'kubemate drain <node> [--ignore-daemonsets] [--force] [--state F]',
  run: (args, io) => run('drain', args, io),
};
