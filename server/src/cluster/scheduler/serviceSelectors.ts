// The Services of a cluster with their selectors prepared, indexed so that "which Services select
// this pod" reads a few buckets instead of matching every Service of the namespace (upstream:
// helper.DefaultSelector lists the Services and tests each; the answer, in list order, is the same).
import type { KObject } from '../types';
import { mapSelectorMatcher } from '../controllerUtils';

type LabelsMatcher = (labels: Record<string, string> | undefined) => boolean;

export interface PreparedService {
  service: KObject;
  matches: LabelsMatcher;
  /** The selector's pairs, values as strings. */
  pairs: [string, string][];
}

interface Entry extends PreparedService {
  /** Position in the namespace's Service list. */
  order: number;
}

/** Bucket key of one label pair: a Service sits in the bucket of its selector's first pair. */
function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

export class ServiceSelectors {
  /** namespace → first selector pair → the Services whose selector starts with it. */
  private byNs = new Map<string, Map<string, Entry[]>>();

  /** `services` in store order; Services without a selector (or an empty one) select nothing and are left out. */
  constructor(services: KObject[]) {
    const counts = new Map<string, number>();
    for (const svc of services) {
      const sel = svc.spec?.selector as Record<string, unknown> | undefined;
      if (!sel) continue;
      const pairs: [string, string][] = [];
      for (const k in sel) pairs.push([k, String(sel[k])]);
      if (pairs.length === 0) continue;
      const ns = svc.metadata.namespace ?? 'default';
      const order = counts.get(ns) ?? 0;
      counts.set(ns, order + 1);
      let buckets = this.byNs.get(ns);
      if (!buckets) this.byNs.set(ns, (buckets = new Map()));
      const key = pairKey(pairs[0][0], pairs[0][1]);
      const entry: Entry = { service: svc, matches: mapSelectorMatcher(sel as Record<string, string>), pairs, order };
      const bucket = buckets.get(key);
      if (bucket) bucket.push(entry);
      else buckets.set(key, [entry]);
    }
  }

  /** The Services of `namespace` whose selector matches `labels`, in store order. */
  selecting(namespace: string, labels: Record<string, string> | undefined): PreparedService[] {
    const buckets = this.byNs.get(namespace);
    if (!buckets || !labels) return [];
    const out: Entry[] = [];
    // A matching Service's first pair is one of the pod's labels: its bucket is among these.
    for (const k in labels) {
      const bucket = buckets.get(pairKey(k, String(labels[k])));
      if (bucket) for (const e of bucket) if (e.matches(labels)) out.push(e);
    }
    if (out.length > 1) out.sort((a, b) => a.order - b.order);
    return out;
  }
}
