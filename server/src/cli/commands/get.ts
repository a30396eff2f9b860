// `kubemate get <type>[,<type>…] [name] [-n ns | -A] [-o wide|json]` on the simulated cluster.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { outputFormat, parseArgs } from '../parseArgs';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { resolveResource, kubectlName, resourceName } from '../../k8s/resources';
import { listSorted, podSummary, replicaSetSummary, serviceSummary, endpointsSummary, eventSummary } from '../../cluster/snapshot';
import type { KObject, Pod } from '../../cluster/types';
import type { KEvent } from '../../cluster/events';
import { formatTable } from '../printers/table';
import { tableRows } from '../printers/getTables';
import { t } from '../../util/l10n';

/** What `kubectl get all` lists. */
const ALL_KINDS = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController'];

export const getCommand: CliCommand = {
  name: 'get',
  summary: 'List objects of the simulated cluster in kubectl\'s table layout.',
  usage: 'kubemate get <pods|deployments|replicasets|statefulsets|daemonsets|jobs|cronjobs|services|endpoints|ingresses|nodes|events|all|…> [name] [-n ns | -A] [-o wide|json] [--state F]',
  run: (args, io) => runGet(args, io),
};

interface Query {
  kinds: { kind: string; group: string }[];
  name?: string;
  all: boolean;
}

export function parseTypeArgs(positionals: string[]): Query {
  if (!positionals.length) throw new UsageError(t('Say what to list, e.g. `kubemate get pods`.'));
  let [types, name] = positionals;
  if (types.includes('/') && name === undefined) [types, name] = [types.slice(0, types.indexOf('/')), types.slice(types.indexOf('/') + 1)];
  if (types === 'all') return { kinds: ALL_KINDS.map((k) => ({ kind: k, group: resolveResource(k)?.group ?? '' })), name, all: true };
  const kinds = types.split(',').map((x) => {
    const info = resolveResource(x);
    if (!info) throw new UsageError(`error: the server doesn't have a resource type "${x}"`);
    return { kind: info.kind, group: info.group };
  });
  return { kinds, name, all: kinds.length > 1 };
}

async function runGet(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    ...SESSION_OPTIONS,
    namespace: { type: 'string', short: 'n' },
    'all-namespaces': { type: 'boolean', short: 'A' },
    output: { type: 'string', short: 'o' },
  });
  const format = outputFormat(values.output, ['text', 'wide', 'json'] as const, 'text');
  const q = parseTypeArgs(positionals);
  const session = openSession(values, io);
  if (typeof session === 'number') return session;
  const { sim } = session;
  const allNs = values['all-namespaces'] === true;
  const ns = typeof values.namespace === 'string' ? values.namespace : 'default';
  const filter = (n: string | undefined) => allNs || n === undefined || n === ns;
  const found: { kind: string; group: string; objects: KObject[] }[] = [];
  for (const k of q.kinds) {
    let objects = listSorted(sim.store, k.kind, filter);
    if (q.name) objects = objects.filter((o) => o.metadata.name === q.name);
    found.push({ ...k, objects });
  }
  if (q.name && found.every((f) => f.objects.length === 0)) {
    const k = found[0];
    io.err(`Error from server (NotFound): ${resourceName(k.kind, k.group)} "${q.name}" not found`);
    return 1;
  }
  if (format === 'json') {
    io.out(JSON.stringify(jsonFor(found), null, 2));
    return 0;
  }
  const blocks: string[] = [];
  for (const f of found) {
    if (!f.objects.length) continue;
    blocks.push(formatTable(tableRows(f.kind, f.objects, sim.store, { wide: format === 'wide', namespaceColumn: allNs, prefix: q.all ? kubectlName(f.kind, f.group) : undefined })));
  }
  if (!blocks.length) {
    io.err(allNs ? 'No resources found' : `No resources found in ${ns} namespace.`);
    return 0;
  }
  io.out(blocks.join('\n\n'));
  return 0;
}

/** The apply JSON lists for the kinds of the contract; a kubectl-style List for the others. */
function jsonFor(found: { kind: string; objects: KObject[] }[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const raw: KObject[] = [];
  for (const f of found) {
    if (f.kind === 'Pod') out.pods = f.objects.map((o) => podSummary(o as Pod));
    else if (f.kind === 'ReplicaSet') out.replicaSets = f.objects.map(replicaSetSummary);
    else if (f.kind === 'Service') out.services = f.objects.map(serviceSummary);
    else if (f.kind === 'Endpoints') out.endpoints = f.objects.map(endpointsSummary);
    else if (f.kind === 'Event') out.events = f.objects.map((o) => eventSummary(o as KEvent));
    else raw.push(...f.objects);
  }
  if (raw.length || Object.keys(out).length === 0) {
    out.apiVersion = 'v1';
    out.kind = 'List';
    out.items = raw;
  }
  return out;
}
