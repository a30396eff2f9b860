// `kubectl describe <kind> [name]`: kubectl's describer text of each object (without a name: every
// object of the kind; a name that matches nothing exactly is taken as a prefix, as kubectl does).
// upstream: kubectl pkg/cmd/describe, pkg/describe/describe.go.
import type { Simulator } from '../../cluster/simulator';
import type { KObject } from '../../cluster/types';
import { listSorted } from '../../cluster/snapshot';
import { nextScheduleTime } from '../../cluster/controllers/cronJob';
import { describeObject } from '../describe/describeObject';
import { err, notFound, out, VerbResult } from '../verbResult';
import { describeWhyLines } from '../printers/whyText';
import { t } from '../../util/l10n';

/** One object's text, with KubeMate's note on a CronJob's next run (time does not run by itself). */
export function describeText(sim: Simulator, o: KObject): string {
  let text = describeObject(sim.store, o);
  if (o.kind === 'CronJob') {
    const next = nextScheduleTime(o, sim.store.now());
    text +=
      '\n' +
      t(
        'Next scheduled run (simulated clock, UTC): {0}. KubeMate does not let time run to it; use `kubemate create job <name> --from=cronjob/{1}` to run it now.',
        next ? new Date(next).toISOString() : '<none>',
        o.metadata.name,
      );
  }
  const why = describeWhyLines(sim, o);
  if (why.length) text += '\n' + why.join('\n');
  return text;
}

export function describeVerb(sim: Simulator, kind: string, group: string, namespace: string, name?: string): VerbResult {
  const store = sim.store;
  let objs = listSorted(store, kind, (n) => n === undefined || n === namespace);
  if (name) objs = objs.filter((o) => o.metadata.name === name || (!store.get(kind, namespace, name) && o.metadata.name.startsWith(name)));
  if (!objs.length)
    return name
      ? notFound(kind, name, group)
      : { ok: false, found: false, lines: err(`No resources found in ${namespace} namespace.`), changed: [], deleted: [] };
  return { ok: true, found: true, lines: out(objs.map((o) => describeText(sim, o)).join('\n\n\n')), changed: [], deleted: [] };
}
