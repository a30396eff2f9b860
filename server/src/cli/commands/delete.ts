// `kubemate delete -f <file|dir> [-R]` / `kubemate delete <kind> <name>` (kubectl 1.34+ wording).
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { readFiles } from './readFiles';
import { namespaceOf, parseTypeArgs } from '../typeArgs';
import { resolveResource } from '../../k8s/resources';
import { deleteVerb, DeleteTarget } from '../../kubectl/verbs/delete';
import { printVerb } from '../printVerb';
import { t } from '../../util/l10n';
import type { Store } from '../../cluster/store';
import { resolveCustomResource } from '../../cluster/customResources';

export const deleteCommand: CliCommand = {
  name: 'delete',
  summary: 'Delete objects from the simulated cluster (controllers replace what they own, e.g. a deleted pod).',
  usage: 'kubemate delete (-f <file|dir> [-R] | <kind> <name> | <kind>/<name>) [-n ns] [--state F]',
  run: (args, io) => runDelete(args, io),
};

async function runDelete(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    ...SESSION_OPTIONS,
    filename: { type: 'string', short: 'f', multiple: true },
    recursive: { type: 'boolean', short: 'R' },
    namespace: { type: 'string', short: 'n' },
  });
  const defaultNs = namespaceOf(values);
  const files = (values.filename as string[] | undefined) ?? [];
  const read = files.length ? readFiles(files, values.recursive === true, io) : undefined;
  const readFailed = (read?.problems.length ?? 0) > 0;
  if (!read) {
    const q = parseTypeArgs(positionals, (x) => ({ kind: x, group: '', version: '', plural: x, shortNames: [], namespaced: true }));
    if (!q.name) throw new UsageError(t('Name the object to delete, e.g. `kubemate delete pod web-abc12` or use -f.'));
  }
  // Kinds resolve against the opened cluster: its CustomResourceDefinitions add kinds.
  const targetsIn = (store: Store): DeleteTarget[] => {
    const resolve = (x: string) => resolveResource(x) ?? resolveCustomResource(store, x);
    const targets: DeleteTarget[] = [];
    if (read) {
      for (const o of read.objects) {
        const info = resolve(String(o.obj.kind ?? ''));
        const meta = (o.obj.metadata ?? {}) as Record<string, unknown>;
        if (!info) continue;
        targets.push({
          kind: info.kind,
          group: info.group,
          namespace: info.namespaced ? String(meta.namespace ?? defaultNs) : undefined,
          name: String(meta.name ?? ''),
        });
      }
      return targets;
    }
    const q = parseTypeArgs(positionals, (x) => resolveCustomResource(store, x));
    for (const k of q.kinds) targets.push({ ...k, namespace: resolve(k.kind)?.namespaced === false ? undefined : defaultNs, name: String(q.name) });
    return targets;
  };
  const r = withSession(
    values,
    io,
    (s) => deleteVerb(s.sim, targetsIn(s.sim.store)),
    () => true,
  );
  if (typeof r === 'number') return r;
  const code = printVerb(io, r);
  return readFailed ? 1 : code;
}
