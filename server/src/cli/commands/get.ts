// `kubemate get <type>[,<type>…] [name] [-n ns | -A] [-l selector] [--show-labels] [-L key,…] [-o wide|json|yaml|name]` on the simulated cluster.
import { KubectlError, type CliCommand, type CliIO } from '../cliCommand';
import { parseSelectorString } from '../../k8s/selectorString';
import { outputFormat, parseArgs } from '../parseArgs';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf, parseTypeArgs } from '../typeArgs';
import { getVerb } from '../../kubectl/verbs/get';
import { printLines } from '../printVerb';
import { resolveCustomResource } from '../../cluster/customResources';

export const getCommand: CliCommand = {
  name: 'get',
  summary: "List objects of the simulated cluster in kubectl's table layout.",
  usage:
    'kubemate get <pods|deployments|replicasets|statefulsets|daemonsets|jobs|cronjobs|services|endpoints|ingresses|nodes|events|all|…> [name] [-n ns | -A] [-l selector] [--show-labels] [-L key,…] [-o wide|json|yaml|name] [--state F]',
  run: (args, io) => runGet(args, io),
};

async function runGet(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    ...SESSION_OPTIONS,
    namespace: { type: 'string', short: 'n' },
    'all-namespaces': { type: 'boolean', short: 'A' },
    output: { type: 'string', short: 'o' },
    selector: { type: 'string', short: 'l' },
    'show-labels': { type: 'boolean' },
    'label-columns': { type: 'string', short: 'L', multiple: true },
  });
  const format = outputFormat(values.output, ['text', 'wide', 'json', 'yaml', 'name'] as const, 'text');
  if (!positionals.length) parseTypeArgs(positionals);
  const selector = typeof values.selector === 'string' ? parseSelectorString(values.selector) : undefined;
  if (selector && !selector.ok) throw new KubectlError(`error: ${selector.error}`);
  const session = openSession(values, io);
  if (typeof session === 'number') return session;
  const q = parseTypeArgs(positionals, (x) => resolveCustomResource(session.sim.store, x));
  if (selector && q.name) throw new KubectlError('error: name cannot be provided when a selector is specified');
  const r = getVerb(session.sim, {
    kinds: q.kinds,
    name: q.name,
    prefixed: q.all,
    namespace: namespaceOf(values),
    allNamespaces: values['all-namespaces'] === true,
    selector: selector?.ok ? selector.selector : undefined,
    labelColumns: ((values['label-columns'] as string[] | undefined) ?? []).flatMap((v) => v.split(',')).filter(Boolean),
    showLabels: values['show-labels'] === true,
    format,
  });
  printLines(io, r.lines);
  // kubectl exits 0 on "No resources found", 1 on NotFound.
  return r.found ? 0 : 1;
}
