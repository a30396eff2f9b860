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

/**
 * The objects of one file and their findings at the last call, for the next call on the same
 * file and index (the language server keeps one per open document): while the index's stamp,
 * the language and the scheduling generation are the same, an object seen last time has the
 * same findings, found without a lookup per object.
 */
export class CrossRefMemo {
  key = '';
  objects: readonly IndexedObject[] = [];
  found: (readonly Finding[])[] = [];
}

export function crossRefDiagnostics(index: WorkspaceIndex, uri: string, opts: CrossRefOptions = {}, memo?: CrossRefMemo): Finding[] {
  const out: Finding[] = [];
  const namespaces = new Set<string>();
  const generation = opts.schedulingGeneration ?? 0;
  const lang = language();
  const objects = index.objectsIn(uri);
  const key = `${index.stamp}|${lang}|${generation}`;
  const prev = memo?.key === key ? memo.objects : [];
  // Objects after an inserted or removed one are found at the same distance from the end.
  const shift = prev.length - objects.length;
  const found: (readonly Finding[])[] = new Array(objects.length);
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i];
    let diagnostics: readonly Finding[];
    if (prev[i] === o) diagnostics = memo!.found[i];
    else if (shift !== 0 && prev[i + shift] === o) diagnostics = memo!.found[i + shift];
    else {
      let hit = cache.get(o);
      const stale = !hit || hit.lang !== lang || hit.generation !== generation || (hit.stamp !== index.stamp && index.changedSince(o.depends, hit.stamp));
      if (stale) {
        hit = { stamp: index.stamp, lang, generation, diagnostics: objectDiagnostics(index, o, opts) };
        cache.set(o, hit);
      } else if (hit!.stamp !== index.stamp) hit!.stamp = index.stamp;
      diagnostics = hit!.diagnostics;
    }
    found[i] = diagnostics;
    for (const d of diagnostics) out.push(d);
    if (o.explicitNamespace) for (const d of namespaceRule(index, o, namespaces)) out.push(d);
  }
  if (memo) {
    memo.key = key;
    memo.objects = objects;
    memo.found = found;
  }
  return out;
}

/** Every rule for one object, in a stable order. */
function objectDiagnostics(index: WorkspaceIndex, o: IndexedObject, opts: CrossRefOptions = {}): Finding[] {
  return [...duplicateRule(index, o), ...referenceRules(index, o), ...selectorRules(index, o), ...schedulingRule(o, opts.scheduling)];
}
