// `kubectl get <type>[,<type>…] [name] [-n ns | -A] [-l selector] [-o wide|json|yaml|name]` on the simulated cluster.
// upstream: kubectl pkg/cmd/get (and the server-side table printers of pkg/printers/internalversion).
import type { Simulator } from '../../cluster/simulator';
import type { KObject, Pod } from '../../cluster/types';
import type { KEvent } from '../../cluster/events';
import { listSorted, podSummary, replicaSetSummary, serviceSummary, endpointsSummary, eventSummary } from '../../cluster/snapshot';
import { kubectlName } from '../../k8s/resources';
import { labelSelectorMatches, type LabelSelector } from '../../k8s/labels';
import { formatTable } from '../printers/table';
import { objectsYaml } from '../printers/objectsYaml';
import { tableRows } from '../printers/getTables';
import { err, notFound, out, VerbResult } from '../verbResult';

export interface GetQuery {
  kinds: { kind: string; group: string }[];
  name?: string;
  /** Several kinds (or `all`): each table's names carry their `kind/` prefix. */
  prefixed: boolean;
  namespace: string;
  allNamespaces: boolean;
  /** `-l`: only objects whose labels it selects. */
  selector?: LabelSelector;
  /** `-L`: label keys shown as columns. */
  labelColumns?: string[];
  showLabels?: boolean;
  format: 'text' | 'wide' | 'json' | 'yaml' | 'name';
}

export function getVerb(sim: Simulator, q: GetQuery): VerbResult {
  const filter = (n: string | undefined) => q.allNamespaces || n === undefined || n === q.namespace;
  const found: { kind: string; group: string; objects: KObject[] }[] = [];
  for (const k of q.kinds) {
    let objects = listSorted(sim.store, k.kind, filter);
    if (q.name) objects = objects.filter((o) => o.metadata.name === q.name);
    if (q.selector) objects = objects.filter((o) => labelSelectorMatches(q.selector, o.metadata.labels));
    found.push({ ...k, objects });
  }
  if (q.name && found.every((f) => f.objects.length === 0)) return notFound(found[0].kind, q.name, found[0].group);
  const base = { ok: true, found: true, changed: [], deleted: [] };
  if (q.format === 'json') return { ...base, lines: out(JSON.stringify(jsonFor(found), null, 2)) };
  if (q.format === 'yaml')
    return {
      ...base,
      lines: out(
        objectsYaml(
          found.flatMap((f) => f.objects),
          !!q.name && found.length === 1,
        ),
      ),
    };
  if (q.format === 'name') {
    const names = found.flatMap((f) => f.objects.map((o) => `${kubectlName(f.kind, f.group)}/${o.metadata.name}`));
    return { ...base, lines: names.length ? out(names.join('\n')) : [] };
  }
  const blocks: string[] = [];
  for (const f of found) {
    if (!f.objects.length) continue;
    blocks.push(
      formatTable(
        tableRows(f.kind, f.objects, sim.store, {
          wide: q.format === 'wide',
          namespaceColumn: q.allNamespaces,
          prefix: q.prefixed ? kubectlName(f.kind, f.group) : undefined,
          labelColumns: q.labelColumns,
          showLabels: q.showLabels,
        }),
      ),
    );
  }
  if (!blocks.length) return { ...base, lines: err(q.allNamespaces ? 'No resources found' : `No resources found in ${q.namespace} namespace.`) };
  return { ...base, lines: out(blocks.join('\n\n')) };
}

/** The apply JSON lists for the kinds of the contract; a kubectl-style List for the others. */
function jsonFor(found: { kind: string; objects: KObject[] }[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const raw: KObject[] = [];
  for (const f of found) {
    if (f.kind === 'Pod') result.pods = f.objects.map((o) => podSummary(o as Pod));
    else if (f.kind === 'ReplicaSet') result.replicaSets = f.objects.map(replicaSetSummary);
    else if (f.kind === 'Service') result.services = f.objects.map(serviceSummary);
    else if (f.kind === 'Endpoints') result.endpoints = f.objects.map(endpointsSummary);
    else if (f.kind === 'Event') result.events = f.objects.map((o) => eventSummary(o as KEvent));
    else raw.push(...f.objects);
  }
  if (raw.length || Object.keys(result).length === 0) {
    result.apiVersion = 'v1';
    result.kind = 'List';
    result.items = raw;
  }
  return result;
}
