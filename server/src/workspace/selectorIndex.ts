// Label selectors matched in both directions at the cost of the matches, not of every object:
// - PodLabelIndex (labels → workloads): which pod templates of a namespace a selector selects.
//   Candidates are the workloads carrying the selector's rarest matchLabels pair.
// - SelectorIndex (pod labels → selectors): which Services / PodDisruptionBudgets select a pod
//   template. Each selector is filed under one of its matchLabels pairs (the first key in order),
//   or as "unkeyed" when it has none (matchExpressions only, or empty); a query looks up the
//   template's own pairs plus the unkeyed ones, so every selector that can match is a candidate.
// Candidates are then tested with the selector semantics themselves (k8s/labels), so the answers
// are exactly those of a scan over every object (a property test checks it).
import { labelSelectorMatches, mapSelectorMatches } from '../k8s/labels';
import type { IndexedObject, SelectorInfo } from './indexedObject';
import { MultiMap } from './multiMap';

export function selectorMatches(selector: SelectorInfo, labels: Record<string, string>): boolean {
  return selector.type === 'map' ? mapSelectorMatches(selector.selector, labels) : labelSelectorMatches(selector.selector, labels);
}

/** The equality part of a selector (all of a map selector, matchLabels of a label selector). */
function matchLabelsOf(selector: SelectorInfo): Record<string, unknown> {
  return selector.type === 'map' ? selector.selector : (selector.selector.matchLabels ?? {});
}

function labelKey(namespace: string, k: string, v: unknown): string {
  return `${namespace}\0${k}=${String(v)}`;
}

/** Pods and workloads with a pod template, by namespace and by each of their pod labels. */
export class PodLabelIndex {
  private byNamespace = new MultiMap<string, IndexedObject>();
  private byLabel = new MultiMap<string, IndexedObject>();

  add(o: IndexedObject): void {
    this.each(o, (m, k) => m.add(k, o));
  }

  delete(o: IndexedObject): void {
    this.each(o, (m, k) => m.delete(k, o));
  }

  private each(o: IndexedObject, f: (m: MultiMap<string, IndexedObject>, key: string) => void): void {
    if (!o.pod) return;
    f(this.byNamespace, o.namespace);
    for (const [k, v] of Object.entries(o.pod.labels)) f(this.byLabel, labelKey(o.namespace, k, v));
  }

  owners(namespace: string): ReadonlySet<IndexedObject> {
    return this.byNamespace.get(namespace);
  }

  /** Workloads of the namespace carrying this label. */
  withLabel(namespace: string, k: string, v: unknown): ReadonlySet<IndexedObject> {
    return this.byLabel.get(labelKey(namespace, k, v));
  }

  /** The workloads of the namespace whose pod labels the selector selects (unsorted). */
  matching(namespace: string, selector: SelectorInfo): IndexedObject[] {
    let candidates = this.owners(namespace);
    for (const [k, v] of Object.entries(matchLabelsOf(selector))) {
      const c = this.withLabel(namespace, k, v);
      if (c.size < candidates.size) candidates = c;
      if (!c.size) return [];
    }
    const out: IndexedObject[] = [];
    for (const o of candidates) if (selectorMatches(selector, o.pod!.labels)) out.push(o);
    return out;
  }
}

/** Objects with a pod selector (Services, PodDisruptionBudgets), by namespace and by one label pair. */
export class SelectorIndex {
  private byNamespace = new MultiMap<string, IndexedObject>();
  private byLabel = new MultiMap<string, IndexedObject>();
  private unkeyed = new MultiMap<string, IndexedObject>();

  add(o: IndexedObject): void {
    this.each(o, (m, k) => m.add(k, o));
  }

  delete(o: IndexedObject): void {
    this.each(o, (m, k) => m.delete(k, o));
  }

  private each(o: IndexedObject, f: (m: MultiMap<string, IndexedObject>, key: string) => void): void {
    if (!o.selector) return;
    f(this.byNamespace, o.namespace);
    const pairs = Object.entries(matchLabelsOf(o.selector));
    if (!pairs.length) return f(this.unkeyed, o.namespace);
    const [k, v] = pairs.reduce((a, b) => (b[0] < a[0] ? b : a));
    f(this.byLabel, labelKey(o.namespace, k, v));
  }

  inNamespace(namespace: string): ReadonlySet<IndexedObject> {
    return this.byNamespace.get(namespace);
  }

  /** Calls `f` with every selector of the namespace (of `kind`, when given) that selects these labels, until it returns true. */
  private visit(namespace: string, labels: Record<string, string>, kind: string | undefined, f: (o: IndexedObject) => boolean | void): void {
    const test = (o: IndexedObject) => (!kind || o.kind === kind) && selectorMatches(o.selector!, labels) && f(o) === true;
    for (const o of this.unkeyed.get(namespace)) if (test(o)) return;
    for (const [k, v] of Object.entries(labels)) for (const o of this.byLabel.get(labelKey(namespace, k, v))) if (test(o)) return;
  }

  /** The selectors of the namespace that select these pod labels (unsorted). */
  selecting(namespace: string, labels: Record<string, string>, kind?: string): IndexedObject[] {
    const out: IndexedObject[] = [];
    this.visit(namespace, labels, kind, (o) => void out.push(o));
    return out;
  }

  any(namespace: string, labels: Record<string, string>, kind?: string): boolean {
    let found = false;
    this.visit(namespace, labels, kind, () => (found = true));
    return found;
  }
}
