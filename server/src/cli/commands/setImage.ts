// `kubemate set image <kind>/<name> <container>=<image>… [--record] [-n ns] [--state F]`.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs, type OptionSpec } from '../parseArgs';
import { changeCause } from '../changeCause';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf, parseTypeArgs } from '../typeArgs';
import { setImageVerb } from '../../kubectl/verbs/setImage';
import { printVerb } from '../printVerb';
import { t } from '../../util/l10n';

export const setCommand: CliCommand = {
  name: 'set',
  summary: 'Set the image of containers in a Deployment (or another workload); a new image starts a rollout.',
  usage: 'kubemate set image <kind>/<name> <container>=<image>... [--record] [-n ns] [--state F]',
  run: (args, io) => runSet(args, io),
};

async function runSet(args: string[], io: CliIO): Promise<number> {
  const options: OptionSpec = { ...SESSION_OPTIONS, record: { type: 'boolean' }, namespace: { type: 'string', short: 'n' } };
  const { values, positionals, tokens } = parseArgs(args, options);
  const [what, ...rest] = positionals;
  if (what !== 'image') throw new UsageError(t('Only `set image <kind>/<name> <container>=<image>` is supported.'));
  const target = rest.filter((a) => !a.includes('='));
  const pairs = rest.filter((a) => a.includes('='));
  const q = parseTypeArgs(target);
  if (!q.name || !pairs.length)
    throw new UsageError(t('Name the object and at least one container=image, e.g. `kubemate set image deployment/web web=nginx:1.27`.'));
  const images: Record<string, string> = {};
  for (const p of pairs) {
    const [c, image] = [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)];
    if (!c || !image) throw new UsageError(t('Name the object and at least one container=image, e.g. `kubemate set image deployment/web web=nginx:1.27`.'));
    images[c] = image;
  }
  const record = values.record === true ? changeCause('set', tokens) : undefined;
  const r = withSession(
    values,
    io,
    (s) => setImageVerb(s.sim, q.kinds[0].kind, namespaceOf(values), q.name!, images, record),
    (r) => r.ok,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}
