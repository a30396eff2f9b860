// `kubemate readiness <pod> fail|recover`: a simulated failing readiness probe — the pod leaves
// its Services' endpoints (it keeps running) — or a passing one again.
import type { Simulator } from '../../cluster/simulator';
import { stateLines } from '../printers/clusterText';
import { notFound, out, VerbResult } from '../verbResult';
import { t } from '../../util/l10n';

export function readinessVerb(sim: Simulator, namespace: string, pod: string, ready: boolean): VerbResult {
  const r = sim.setPodReady(namespace, pod, ready);
  if (!r.found) return notFound('Pod', pod, '');
  const head = ready ? t('Readiness of pod/{0} passes again.', pod) : t('Readiness of pod/{0} now fails.', pod);
  return {
    ok: true,
    found: true,
    lines: out(head),
    state: stateLines(sim, [namespace], r),
    changed: [{ kind: 'Pod', namespace, name: pod }],
    deleted: [],
    run: r,
  };
}
