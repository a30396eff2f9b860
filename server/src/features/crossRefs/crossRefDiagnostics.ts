// Cross-resource diagnostics of one file: every object of the file checked against the
// workspace index. Results are cached per object and re-computed only when a dependency key the
// object reads has changed (see workspace/dependencyKeys.ts), so typing in one document of a
// large file re-checks that document, not the whole file.
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import type { IndexedObject } from '../../workspace/indexedObject';
import type { Finding } from '../../findings/finding';
import { referenceRules } from './referenceRules';
import { selectorRules } from './selectorRules';
import { duplicateRule, namespaceRule } from './identityRules';
import { schedulingRule, SchedulingProbe } from './schedulingRule';
import { language } from '../../util/l10n';

export interface CrossRefOptions {
  /** Verdicts of the simulated cluster's scheduler; without it the `unschedulable` rule is off. */
  scheduling?: SchedulingProbe;
  /** Changes when the scheduling profile changes (invalidates cached verdicts). */
  schedulingGeneration?: number;
}

interface Cached {
  stamp: number;
  lang: string;
  generation: number;
  diagnostics: Finding[];
}

const cache = new WeakMap<IndexedObject, Cached>();

export function crossRefDiagnostics(index: WorkspaceIndex, uri: string, opts: CrossRefOptions = {}): Finding[] {
  const out: Finding[] = [];
  const namespaces = new Set<string>();
  const generation = opts.schedulingGeneration ?? 0;
  for (const o of index.objectsIn(uri)) {
    let hit = cache.get(o);
    const stale = !hit || hit.lang !== language() || hit.generation !== generation || (hit.stamp !== index.stamp && index.changedSince(o.depends, hit.stamp));
    if (stale) {
      hit = { stamp: index.stamp, lang: language(), generation, diagnostics: objectDiagnostics(index, o, opts) };
      cache.set(o, hit);
    } else if (hit!.stamp !== index.stamp) hit!.stamp = index.stamp;
    for (const d of hit!.diagnostics) out.push(d);
    if (o.explicitNamespace) for (const d of namespaceRule(index, o, namespaces)) out.push(d);
  }
  return out;
}

/** Every rule for one object, in a stable order. */
function objectDiagnostics(index: WorkspaceIndex, o: IndexedObject, opts: CrossRefOptions = {}): Finding[] {
  return [...duplicateRule(index, o), ...referenceRules(index, o), ...selectorRules(index, o), ...schedulingRule(o, opts.scheduling)];
}
