// `kubemate delete -f <file|dir> [-R]` / `kubemate delete <kind> <name>…` / `-l selector` / `--all`
// (kubectl 1.34+ wording), with `--grace-period`, `--now`, `--force`, `--ignore-not-found`, `-o name`.
import type { CliCommand, CliIO } from '../cliCommand';
import { KubectlError, UsageError } from '../cliCommand';
import { parseSelectorString } from '../../k8s/selectorString';
import { labelSelectorMatches } from '../../k8s/labels';
import { parseArgs } from '../parseArgs';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { readFiles } from './readFiles';
import { namespaceOf, parseTypeArgs } from '../typeArgs';
import { resolveResource } from '../../k8s/resources';
import { DeleteOptions, deleteVerb, DeleteTarget } from '../../kubectl/verbs/delete';
import { printVerb } from '../printVerb';
import { t } from '../../util/l10n';
import type { Store } from '../../cluster/store';
import { resolveCustomResource } from '../../cluster/customResources';

export const deleteCommand: CliCommand = {
  name: 'delete',
  summary: 'Delete objects from the simulated cluster (controllers replace what they own, e.g. a deleted pod).',
  usage:
    'kubemate delete (-f <file|dir> [-R] | <kind> <name>… | <kind>/<name>… | <kind> (-l selector | --all) [-A]) [-n ns] [--grace-period N | --now] [--force] [--ignore-not-found] [-o name] [--state F]',
  run: (args, io) => runDelete(args, io),
};

async function runDelete(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    ...SESSION_OPTIONS,
    filename: { type: 'string', short: 'f', multiple: true },
    recursive: { type: 'boolean', short: 'R' },
    namespace: { type: 'string', short: 'n' },
    selector: { type: 'string', short: 'l' },
    all: { type: 'boolean' },
    'all-namespaces': { type: 'boolean', short: 'A' },
    'grace-period': { type: 'string' },
    now: { type: 'boolean' },
    force: { type: 'boolean' },
    'ignore-not-found': { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  });
  const defaultNs = namespaceOf(values);
  const files = (values.filename as string[] | undefined) ?? [];
  const read = files.length ? readFiles(files, values.recursive === true, io) : undefined;
  const readFailed = (read?.problems.length ?? 0) > 0;
  const opts = deleteOptions(values);
  const selector = typeof values.selector === 'string' ? parseSelectorString(values.selector) : undefined;
  if (selector && !selector.ok) throw new KubectlError(`error: ${selector.error}`);
  const listing = !!selector || values.all === true;
  // kubectl: with --all or -l, a missing object is not an error unless --ignore-not-found=false.
  const ignoreNotFound = values['ignore-not-found'] === true || listing;
  const names = read ? [] : namesOf(positionals);
  if (!read) {
    if (!positionals.length) throw new UsageError(t('Name the object to delete, e.g. `kubemate delete pod web-abc12`, or use -l, --all or -f.'));
    parseTypeArgs(positionals.slice(0, 1), (x) => ({ kind: x, group: '', version: '', plural: x, shortNames: [], namespaced: true }));
    if (listing && names.length) throw new KubectlError('error: name cannot be provided when a selector is specified');
    if (!listing && !names.length) throw new UsageError(t('Name the object to delete, e.g. `kubemate delete pod web-abc12`, or use -l, --all or -f.'));
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
    for (const { types, name } of names.length ? names : [{ types: positionals[0], name: '' }]) {
      const q = parseTypeArgs([types], (x) => resolveCustomResource(store, x));
      for (const k of q.kinds) {
        const clusterScoped = resolve(k.kind)?.namespaced === false;
        if (!listing) {
          targets.push({ ...k, namespace: clusterScoped ? undefined : defaultNs, name });
          continue;
        }
        const ns = clusterScoped || values['all-namespaces'] === true ? undefined : defaultNs;
        const chosen = store
          .list(k.kind, ns)
          .filter((o) => !selector?.ok || labelSelectorMatches(selector.selector, o.metadata.labels))
          .sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
        for (const o of chosen) targets.push({ ...k, namespace: clusterScoped ? undefined : o.metadata.namespace, name: o.metadata.name });
      }
    }
    return targets;
  };
  const r = withSession(
    values,
    io,
    (s) => {
      let targets = targetsIn(s.sim.store);
      if (ignoreNotFound) targets = targets.filter((tg) => s.sim.store.get(tg.kind, tg.namespace, tg.name));
      const result = deleteVerb(s.sim, targets, opts);
      // kubectl: nothing matched (or all were missing and ignored) → this line, exit 0.
      if (!targets.length && ignoreNotFound) result.lines.push({ stream: 'out', text: 'No resources found' });
      return result;
    },
    () => true,
  );
  if (typeof r === 'number') return r;
  const code = printVerb(io, r);
  return readFailed ? 1 : code;
}

/** `<type> <name>…` or `<type>/<name>…` → (type, name) pairs; a bare `<type>` gives none. */
function namesOf(positionals: string[]): { types: string; name: string }[] {
  if (!positionals.length) return [];
  const slashed = positionals.filter((p) => p.includes('/')).length;
  if (slashed === positionals.length) return positionals.map((p) => ({ types: p.slice(0, p.indexOf('/')), name: p.slice(p.indexOf('/') + 1) }));
  if (slashed) {
    throw new KubectlError(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  return positionals.slice(1).map((name) => ({ types: positionals[0], name }));
}

/**
 * kubectl's delete flags → the grace period it sends, and its checks, in its order and words
 * (upstream: kubectl pkg/cmd/delete/delete.go Complete and Validate).
 */
export function deleteOptions(values: Record<string, unknown>): DeleteOptions {
  const raw = values['grace-period'];
  let grace = -1;
  if (typeof raw === 'string') {
    if (!/^-?\d+$/.test(raw.trim()))
      throw new KubectlError(`error: invalid argument "${raw}" for "--grace-period" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
    grace = Number.parseInt(raw, 10);
  }
  const force = values.force === true;
  if (values.now === true) {
    if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together');
    grace = 1;
  }
  // kubectl turns --grace-period=0 into 1 unless --force says it means it.
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const output = values.output;
  if (output !== undefined && output !== 'name') throw new KubectlError(`error: unexpected -o output mode: ${String(output)}. We only support '-o name'`);
  if (values.all === true && typeof values.selector === 'string') throw new KubectlError('error: cannot set --all and --selector at the same time');
  if (force && grace > 0) throw new KubectlError('error: --force and --grace-period greater than 0 cannot be specified together');
  return { gracePeriodSeconds: grace >= 0 ? grace : undefined, names: output === 'name' };
}
