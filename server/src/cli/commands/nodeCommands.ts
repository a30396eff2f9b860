// `kubemate cordon|uncordon|drain <node>`. upstream: kubectl pkg/cmd/drain.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { parseDuration } from '../../kubectl/verbs/advance';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { cordonVerb, drainVerb } from '../../kubectl/verbs/nodes';
import { taintVerb } from '../../kubectl/verbs/taint';
import { printVerb } from '../printVerb';
import { nameOfKind } from '../typeArgs';
import { t } from '../../util/l10n';

function nodeArg(positionals: string[]): string {
  const n = nameOfKind(positionals[0], 'Node');
  if (!n) throw new UsageError(t('Name the node, e.g. worker-1.'));
  return n;
}

async function run(kind: 'cordon' | 'uncordon' | 'drain', args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    ...SESSION_OPTIONS,
    force: { type: 'boolean' },
    'ignore-daemonsets': { type: 'boolean' },
    'delete-emptydir-data': { type: 'boolean' },
    timeout: { type: 'string' },
  });
  const name = nodeArg(positionals);
  const timeout = typeof values.timeout === 'string' ? parseDuration(values.timeout) : 0;
  if (timeout === undefined) throw new UsageError(t('Give how long to let pass, from 1s to 168h: for example 90s, 10m or 1h30m.'));
  const r = withSession(
    values,
    io,
    (s) =>
      kind === 'drain'
        ? drainVerb(s.sim, name, {
            force: values.force === true,
            ignoreDaemonSets: values['ignore-daemonsets'] === true,
            timeoutSeconds: Math.floor(timeout / 1000),
          })
        : cordonVerb(s.sim, name, kind === 'cordon'),
    (r) => r.found,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
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
  usage: 'kubemate drain <node> [--ignore-daemonsets] [--force] [--timeout 60s] [--state F]',
  run: (args, io) => run('drain', args, io),
};

export const taintCommand: CliCommand = {
  name: 'taint',
  summary: 'Add or remove node taints (key=value:Effect, key-); NoExecute evicts the pods that do not tolerate it.',
  usage: 'kubemate taint node <node> <key>[=<value>]:<NoSchedule|PreferNoSchedule|NoExecute>… [<key>[:<effect>]-…] [--overwrite] [--state F]',
  run: (args, io) => runTaint(args, io),
};

async function runTaint(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, overwrite: { type: 'boolean' } });
  // `taint node worker-1 …`, `taint nodes worker-1 …` or `taint node/worker-1 …`.
  const [first, ...rest] = positionals;
  const slash = first?.includes('/');
  const name = slash ? nameOfKind(first, 'Node') : ['node', 'nodes', 'no'].includes(first ?? '') ? rest.shift() : undefined;
  if (!name) throw new UsageError(t('Name the node, e.g. `kubemate taint node worker-1 dedicated=gpu:NoSchedule`.'));
  const r = withSession(
    values,
    io,
    (s) => taintVerb(s.sim, name, rest, values.overwrite === true),
    (r) => r.ok,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}
