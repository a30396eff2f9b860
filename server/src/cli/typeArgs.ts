// `<type>[,<type>…] [name]` or `<type>/<name>` on the command line → kinds and a name, as kubectl
// reads them; an unknown type is kubectl's own error.
import { KubectlError, UsageError } from './cliCommand';
import { ResourceInfo, resolveResource, resourcePlurals } from '../k8s/resources';
import { didYouMean } from '../util/didYouMean';
import { t } from '../util/l10n';

/** What `kubectl get all` lists. */
const ALL_KINDS = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController'];

export interface TypeArgs {
  kinds: { kind: string; group: string }[];
  name?: string;
  all: boolean;
}

/** kubectl's error for a type the cluster does not serve, with a localised hint (and a near name, if any). */
export function unknownResourceType(name: string, candidates: Iterable<string> = resourcePlurals()): KubectlError {
  const near = didYouMean(name, candidates);
  const hint = near
    ? t('"{0}" is not a resource type of this cluster (built-in kinds and those its CustomResourceDefinitions add). Did you mean "{1}"?', name, near)
    : t('"{0}" is not a resource type of this cluster (built-in kinds and those its CustomResourceDefinitions add).', name);
  return new KubectlError(`error: the server doesn't have a resource type "${name}"`, hint);
}

/** `custom` resolves the kinds the cluster's CustomResourceDefinitions add. */
export function parseTypeArgs(positionals: string[], custom?: (name: string) => ResourceInfo | undefined): TypeArgs {
  if (!positionals.length) throw new UsageError(t('Say what to list, e.g. `kubemate get pods`.'));
  let [types, name] = positionals;
  if (types.includes('/') && name === undefined) [types, name] = [types.slice(0, types.indexOf('/')), types.slice(types.indexOf('/') + 1)];
  if (types === 'all') return { kinds: ALL_KINDS.map((k) => ({ kind: k, group: resolveResource(k)?.group ?? '' })), name, all: true };
  const kinds = types.split(',').map((x) => {
    const info = resolveResource(x) ?? custom?.(x);
    if (!info) throw unknownResourceType(x);
    return { kind: info.kind, group: info.group };
  });
  return { kinds, name, all: kinds.length > 1 };
}

/**
 * The name in `<name>` or `<type>/<name>` for a verb that works on one kind (logs and exec on pods,
 * cordon and drain on nodes): an unknown type is kubectl's error; another known type is left as written.
 */
export function nameOfKind(arg: string | undefined, kind: string): string | undefined {
  const slash = arg?.indexOf('/') ?? -1;
  if (!arg || slash === -1) return arg;
  const info = resolveResource(arg.slice(0, slash));
  if (!info) throw unknownResourceType(arg.slice(0, slash));
  return info.kind === kind ? arg.slice(slash + 1) : arg;
}

/** `-n` or the default namespace. */
export function namespaceOf(values: Record<string, unknown>): string {
  return typeof values.namespace === 'string' ? values.namespace : 'default';
}
