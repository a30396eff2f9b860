// `kubectl taint node <name> key[=value]:Effect … key[:Effect]-`: adds, overwrites (--overwrite)
// and removes node taints; the scheduler then avoids the node, and a NoExecute taint makes the
// taint eviction controller delete the pods that do not tolerate it.
// upstream: kubectl pkg/cmd/taint (taint.go, utils.go parseTaints/reorganizeTaints).
import type { Simulator } from '../../cluster/simulator';
import type { Taint } from '../../cluster/types';
import { isQualifiedName, isValidLabelValue } from '../../k8s/nameFormats';
import { stateLines, userPodNamespaces } from '../printers/clusterText';
import { failed, notFound, out, VerbResult } from '../verbResult';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

type Parsed = { add: Taint[]; remove: { key: string; effect?: string }[] } | { error: string };

/** kubectl's parseTaints: `key=value:Effect` and `key:Effect` add, `key-` and `key:Effect-` remove. */
export function parseTaintSpecs(specs: string[]): Parsed {
  const add: Taint[] = [];
  const remove: { key: string; effect?: string }[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const [key, effect] = spec.slice(0, -1).split(':');
      if (isQualifiedName(key).length) return { error: `error: invalid taint spec: ${spec}` };
      if (effect !== undefined && !EFFECTS.includes(effect)) return { error: `error: invalid taint effect: ${effect}, unsupported taint effect` };
      remove.push({ key, effect });
      continue;
    }
    const colon = spec.lastIndexOf(':');
    if (colon < 0) return { error: `error: invalid taint spec: ${spec}` };
    const effect = spec.slice(colon + 1);
    const [key, value, ...more] = spec.slice(0, colon).split('=');
    if (!EFFECTS.includes(effect)) return { error: `error: invalid taint effect: ${effect}, unsupported taint effect` };
    if (isQualifiedName(key).length || more.length || (value !== undefined && isValidLabelValue(value).length))
      return { error: `error: invalid taint spec: ${spec}` };
    add.push(value === undefined ? { key, effect } : { key, value, effect });
  }
  return { add, remove };
}

export function taintVerb(sim: Simulator, nodeName: string, specs: string[], overwrite: boolean): VerbResult {
  const parsed = parseTaintSpecs(specs);
  if ('error' in parsed) return failed(parsed.error);
  if (!parsed.add.length && !parsed.remove.length) return failed('error: at least one taint update is required');
  const node = sim.get('Node', undefined, nodeName);
  if (!node) return notFound('Node', nodeName, '');
  const current = (node.spec?.taints ?? []) as Taint[];
  for (const r of parsed.remove) {
    if (!current.some((t) => t.key === r.key && (!r.effect || t.effect === r.effect)))
      return failed(`error: taint "${r.effect ? `${r.key}:${r.effect}` : r.key}" not found`);
  }
  const clashing = parsed.add.filter((a) => current.some((t) => t.key === a.key && t.effect === a.effect));
  if (clashing.length && !overwrite)
    return failed(`error: node ${nodeName} already has ${clashing.map((t) => t.key).join(',')} taint(s) with same effect(s) and --overwrite is false`);
  const r = sim.mutate((store) => {
    let next = current.filter((t) => !parsed.remove.some((x) => x.key === t.key && (!x.effect || x.effect === t.effect)));
    for (const a of parsed.add) {
      const taint: Taint = a.effect === 'NoExecute' ? { ...a, timeAdded: store.timestamp() } : { ...a };
      const at = next.findIndex((t) => t.key === a.key && t.effect === a.effect);
      next = at >= 0 ? next.map((t, i) => (i === at ? taint : t)) : [...next, taint];
    }
    node.spec ??= {};
    if (next.length) node.spec.taints = next;
    else delete node.spec.taints;
    store.update(node);
    return { ok: true, lines: [] };
  });
  const operation = parsed.remove.length && parsed.add.length ? 'modified' : parsed.remove.length ? 'untainted' : 'tainted';
  return {
    ok: true,
    found: true,
    lines: out(`node/${nodeName} ${operation}`),
    state: stateLines(sim, userPodNamespaces(sim), r),
    changed: [{ kind: 'Node', namespace: null, name: nodeName }],
    deleted: [],
    run: r,
  };
}
