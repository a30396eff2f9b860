// `kubectl label|annotate <kind> <name> key=value… key-… [--overwrite]`: an existing key keeps its
// value unless --overwrite; `key-` removes it. Changing a pod's labels can take it out of its
// ReplicaSet's selector (the ReplicaSet then creates a replacement).
// upstream: kubectl pkg/cmd/label/label.go (validateNoOverwrites, labelFunc), pkg/cmd/annotate.
import type { Simulator } from '../../cluster/simulator';
import { kubectlName } from '../../k8s/resources';
import { stateLines } from '../printers/clusterText';
import { failed, groupOf, notFound, out, VerbResult } from '../verbResult';

export interface MetadataChange {
  set: Record<string, string>;
  remove: string[];
  overwrite: boolean;
}

export function labelVerb(
  sim: Simulator,
  field: 'labels' | 'annotations',
  kind: string,
  namespace: string | undefined,
  name: string,
  change: MetadataChange,
  group = groupOf(kind),
): VerbResult {
  const obj = sim.get(kind, namespace, name);
  if (!obj) return notFound(kind, name, group);
  const current = { ...((obj.metadata[field] as Record<string, string> | undefined) ?? {}) };
  if (!change.overwrite) {
    const clashes = Object.entries(change.set).filter(([k, v]) => k in current && current[k] !== v);
    if (clashes.length && field === 'labels')
      return failed(`error: '${clashes[0][0]}' already has a value (${current[clashes[0][0]]}), and --overwrite is false`);
    if (clashes.length)
      return failed(
        `error: --overwrite is false but found the following declared annotation(s): ${clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')}`,
      );
  }
  const warnings: string[] = [];
  for (const k of change.remove) {
    if (k in current) delete current[k];
    else warnings.push(`${field === 'labels' ? 'label' : 'annotation'} "${k}" not found.`);
  }
  Object.assign(current, change.set);
  const before = JSON.stringify((obj.metadata[field] as Record<string, string> | undefined) ?? {});
  const verb = field === 'labels' ? 'labeled' : 'annotated';
  const ref = `${kubectlName(kind, group)}/${name}`;
  if (JSON.stringify(current) === before) return { ok: true, found: true, lines: out(...warnings, `${ref} not ${verb}`), changed: [], deleted: [] };
  const r = sim.mutate((store) => {
    if (Object.keys(current).length) obj.metadata[field] = current;
    else delete obj.metadata[field];
    store.update(obj);
    return { ok: true, lines: [] };
  });
  const ns = namespace ? [namespace] : [];
  return {
    ok: true,
    found: true,
    lines: out(...warnings, `${ref} ${verb}`),
    state: ns.length && kind === 'Pod' ? stateLines(sim, ns, r) : [],
    changed: [{ kind, namespace: namespace ?? null, name }],
    deleted: [],
    run: r,
  };
}
