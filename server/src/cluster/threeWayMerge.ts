// What `kubectl apply` computes: a three-way merge of the live object, the last applied
// configuration and the new manifest. Fields the manifest stopped setting are removed, fields it
// never set (server defaults, allocated clusterIP/nodePort, replicas changed by `scale`) are kept.
// Lists of objects merge by their key (containers by name, ports by port…) like a strategic
// merge patch; other lists are replaced. upstream: kubectl apply → strategicpatch.CreateThreeWayMergePatch.
import { fastClone } from './controllerUtils';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const MERGE_KEYS = ['name', 'containerPort', 'port', 'mountPath', 'devicePath', 'ip', 'type', 'topologyKey'];

function mergeKey(list: unknown[]): string | undefined {
  if (list.length === 0 || !list.every(isObj)) return undefined;
  return MERGE_KEYS.find((k) => list.every((x) => (x as Obj)[k] !== undefined));
}

/** Merges `desired` into `live`, removing what `last` had and `desired` no longer has. */
export function threeWayMerge(live: unknown, last: unknown, desired: unknown): unknown {
  if (isObj(desired) && isObj(live)) {
    const out: Obj = { ...live };
    if (isObj(last)) for (const k of Object.keys(last)) if (!(k in desired)) delete out[k];
    for (const [k, v] of Object.entries(desired)) {
      if (v === null) {
        delete out[k];
        continue;
      }
      out[k] = threeWayMerge(live[k], isObj(last) ? last[k] : undefined, v);
    }
    return out;
  }
  if (Array.isArray(desired) && Array.isArray(live)) {
    const key = mergeKey(desired);
    if (key && mergeKey(live) === key) {
      const lastList = Array.isArray(last) ? last : [];
      return desired.map((d) => {
        const k = (d as Obj)[key];
        const l = live.find((x) => (x as Obj)[key] === k);
        const la = lastList.find((x) => isObj(x) && x[key] === k);
        return l === undefined ? fastClone(d) : threeWayMerge(l, la, d);
      });
    }
  }
  return fastClone(desired);
}
