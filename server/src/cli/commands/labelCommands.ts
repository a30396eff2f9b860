// `kubemate label|annotate <kind> <name> key=value… key-… [--overwrite]`.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { customKindOf, withSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf, parseTypeArgs } from '../typeArgs';
import { resolveResource } from '../../k8s/resources';
import { labelVerb } from '../../kubectl/verbs/labels';
import { printVerb } from '../printVerb';
import { t } from '../../util/l10n';

async function run(field: 'labels' | 'annotations', args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, overwrite: { type: 'boolean' }, namespace: { type: 'string', short: 'n' } });
  const changes = positionals.filter((a) => a.includes('=') || (a.endsWith('-') && !a.includes('/')));
  const target = positionals.filter((a) => !changes.includes(a));
  // Custom resources too: their CRDs say whether they are namespaced.
  let custom: { namespaced: boolean } | undefined;
  const q = parseTypeArgs(target, (x) => (custom = customKindOf(values, io, x)));
  if (!q.name || !changes.length)
    throw new UsageError(t('Name the object and at least one key=value or key-, e.g. `kubemate label pod web-abc12 tier=front`.'));
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    if (c.includes('=')) set[c.slice(0, c.indexOf('='))] = c.slice(c.indexOf('=') + 1);
    else remove.push(c.slice(0, -1));
  }
  const { kind, group } = q.kinds[0];
  const namespaced = (resolveResource(kind) ?? custom)?.namespaced !== false;
  const r = withSession(
    values,
    io,
    (s) => labelVerb(s.sim, field, kind, namespaced ? namespaceOf(values) : undefined, q.name!, { set, remove, overwrite: values.overwrite === true }, group),
    (r) => r.ok,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}

export const labelCommand: CliCommand = {
  name: 'label',
  summary: 'Add, change (--overwrite) or remove (key-) labels of an object; a pod relabelled out of its selector is replaced.',
  usage: 'kubemate label <kind> <name> key=value... [key-...] [--overwrite] [-n ns] [--state F]',
  run: (args, io) => run('labels', args, io),
};

export const annotateCommand: CliCommand = {
  name: 'annotate',
  summary: 'Add, change (--overwrite) or remove (key-) annotations of an object.',
  usage: 'kubemate annotate <kind> <name> key=value... [key-...] [--overwrite] [-n ns] [--state F]',
  run: (args, io) => run('annotations', args, io),
};
