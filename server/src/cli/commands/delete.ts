// `kubemate delete -f <file|dir>` / `kubemate delete <kind> <name>` (kubectl 1.34+ wording).
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { collectFiles } from '../collectFiles';
import { readManifests } from '../readManifests';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { parseTypeArgs } from './get';
import { kubectlName, resolveResource, resourceName } from '../../k8s/resources';
import { podsAndEndpoints, warningLines } from '../printers/clusterText';
import type { EventSummary } from '../../protocol/clusterSnapshot';
import { t } from '../../util/l10n';

export const deleteCommand: CliCommand = {
  name: 'delete',
  summary: 'Delete objects from the simulated cluster (controllers replace what they own, e.g. a deleted pod).',
  usage: 'kubemate delete (-f <file|dir> | <kind> <name> | <kind>/<name>) [-n ns] [--state F]',
  run: (args, io) => runDelete(args, io),
};

async function runDelete(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, filename: { type: 'string', short: 'f', multiple: true }, namespace: { type: 'string', short: 'n' } });
  const defaultNs = typeof values.namespace === 'string' ? values.namespace : 'default';
  const targets: { kind: string; group: string; namespace: string | undefined; name: string }[] = [];
  let code = 0;
  const files = (values.filename as string[] | undefined) ?? [];
  if (files.length) {
    const collected = collectFiles(files, io.cwd);
    const read = readManifests(collected.files, io.cwd);
    for (const p of [...collected.problems, ...read.problems]) io.err(p);
    if (collected.problems.length || read.problems.length) code = 1;
    for (const o of read.objects) {
      const info = resolveResource(String(o.obj.kind ?? ''));
      const meta = (o.obj.metadata ?? {}) as Record<string, unknown>;
      if (!info) continue;
      targets.push({ kind: info.kind, group: info.group, namespace: info.namespaced ? String(meta.namespace ?? defaultNs) : undefined, name: String(meta.name ?? '') });
    }
  } else {
    const q = parseTypeArgs(positionals);
    if (!q.name) throw new UsageError(t('Name the object to delete, e.g. `kubemate delete pod web-abc12` or use -f.'));
    for (const k of q.kinds) targets.push({ ...k, namespace: resolveResource(k.kind)?.namespaced === false ? undefined : defaultNs, name: q.name });
  }
  const session = openSession(values, io);
  if (typeof session === 'number') return session;
  const events: EventSummary[] = [];
  const namespaces = new Set<string>();
  for (const tg of targets) {
    const r = session.sim.delete(tg.kind, tg.namespace, tg.name);
    events.push(...r.events);
    if (!r.found) {
      io.err(`Error from server (NotFound): ${resourceName(tg.kind, tg.group)} "${tg.name}" not found`);
      code = 1;
      continue;
    }
    if (tg.namespace) namespaces.add(tg.namespace);
    io.out(tg.namespace ? `${kubectlName(tg.kind, tg.group)} "${tg.name}" deleted from ${tg.namespace} namespace` : `${kubectlName(tg.kind, tg.group)} "${tg.name}" deleted`);
  }
  session.save();
  if (namespaces.size) io.out([...podsAndEndpoints(session.sim, [...namespaces]), ...warningLines(events)].join('\n'));
  return code;
}
