// `<type>[,<type>…] [name]` or `<type>/<name>` on the command line → kinds and a name, as kubectl
// reads them; an unknown type is kubectl's own error.
import { UsageError } from './cliCommand';
import { ResourceInfo, resolveResource } from '../k8s/resources';
import { t } from '../util/l10n';

/** What `kubectl get all` lists. */
const ALL_KINDS = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController'];

export interface TypeArgs {
  kinds: { kind: string; group: string }[];
  name?: string;
  all: boolean;
}

/** `custom` resolves the kinds the cluster's CustomResourceDefinitions add. */
export function parseTypeArgs(positionals: string[], custom?: (name: string) => ResourceInfo | undefined): TypeArgs {
  if (!positionals.length) throw new UsageError(t('Say what to list, e.g. `kubemate get pods`.'));
  let [types, name] = positionals;
  if (types.includes('/') && name === undefined) [types, name] = [types.slice(0, types.indexOf('/')), types.slice(types.indexOf('/') + 1)];
  if (types === 'all') return { kinds: ALL_KINDS.map((k) => ({ kind: k, group: resolveResource(k)?.group ?? '' })), name, all: true };
  const kinds = types.split(',').map((x) => {
    const info = resolveResource(x) ?? custom?.(x);
    if (!info) throw new UsageError(`error: the server doesn't have a resource type "${x}"`);
    return { kind: info.kind, group: info.group };
  });
  return { kinds, name, all: kinds.length > 1 };
}

/** `-n` or the default namespace. */
export function namespaceOf(values: Record<string, unknown>): string {
  return typeof values.namespace === 'string' ? values.namespace : 'default';
}
