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
  const targets: DeleteTarget[] = [];
  let readFailed = false;
  const files = (values.filename as string[] | undefined) ?? [];
  if (files.length) {
    const read = readFiles(files, values.recursive === true, io);
    readFailed = read.problems.length > 0;
    for (const o of read.objects) {
      const info = resolveResource(String(o.obj.kind ?? ''));
      const meta = (o.obj.metadata ?? {}) as Record<string, unknown>;
      if (!info) continue;
      targets.push({
        kind: info.kind,
        group: info.group,
        namespace: info.namespaced ? String(meta.namespace ?? defaultNs) : undefined,
        name: String(meta.name ?? ''),
      });
    }
  } else {
    const q = parseTypeArgs(positionals);
    if (!q.name) throw new UsageError(t('Name the object to delete, e.g. `kubemate delete pod web-abc12` or use -f.'));
    for (const k of q.kinds) targets.push({ ...k, namespace: resolveResource(k.kind)?.namespaced === false ? undefined : defaultNs, name: q.name });
  }
  const r = withSession(
    values,
    io,
    (s) => deleteVerb(s.sim, targets),
    () => true,
  );
  if (typeof r === 'number') return r;
  const code = printVerb(io, r);
  return readFailed ? 1 : code;
}
