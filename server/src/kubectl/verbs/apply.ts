// `kubectl apply -f` (and `create -f`): kubectl's result lines (warnings, created/configured/unchanged, rejections in
// its single- or multi-failure form), then the state the apply left. upstream: kubectl pkg/cmd/apply.
import type { ApplyInput, CreateMode } from '../../cluster/apply';
import type { ApplyResult, Simulator } from '../../cluster/simulator';
import { stateLines } from '../printers/clusterText';
import { err, out, VerbResult } from '../verbResult';

export interface ApplyVerbResult extends VerbResult {
  /** The engine's outcome, for `-o json` and the editor's summary line. */
  result?: ApplyResult;
}

/** kubectl's words when nothing could be read. */
export const NO_OBJECTS = 'error: no objects passed to apply'; // l10n-exempt: kubectl's own words
export const NO_OBJECTS_TO_CREATE = 'error: no objects passed to create'; // l10n-exempt: kubectl's own words

export interface ApplyVerbOptions {
  namespace?: string;
  /** Print the state the apply left (default). `-o json` prints the snapshot instead: no tables to format. */
  state?: boolean;
  /** `kubectl create -f` instead of apply: objects that exist are refused. */
  create?: CreateMode;
}

export function applyVerb(sim: Simulator, inputs: ApplyInput[], opts: ApplyVerbOptions = {}): ApplyVerbResult {
  if (!inputs.length) return { ok: false, found: true, lines: err(NO_OBJECTS), changed: [], deleted: [] };
  const result = sim.apply(inputs, { namespace: opts.namespace, create: opts.create });
  const lines = [...err(...result.warnings), ...out(...result.applied.filter((a) => a.action !== 'error').map((a) => a.message))];
  if (result.failures.length === 1) lines.push(...err(result.failures[0].message));
  else lines.push(...err(...result.failures.map((f) => f.multiMessage)));
  // Our own explanation when the document order caused a failure (kubectl applies in order).
  lines.push(...err(...result.failures.filter((f) => f.hint).map((f) => f.hint as string)));
  const namespaces = [...new Set(result.applied.filter((a) => a.action !== 'error' && a.namespace).map((a) => a.namespace as string))];
  if (!namespaces.length) namespaces.push(opts.namespace ?? 'default');
  const changed = result.applied
    .filter((a) => a.action === 'created' || a.action === 'configured')
    .map((a) => ({ kind: a.kind, namespace: a.namespace, name: a.name }));
  return {
    ok: result.failures.length === 0,
    found: true,
    lines,
    state: opts.state === false ? undefined : stateLines(sim, namespaces, result),
    changed,
    deleted: [],
    run: result,
    result,
  };
}
