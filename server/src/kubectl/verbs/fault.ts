// `kubemate fault <pod> crash|oom|liveness|unpullable [-c container]`: a learning action on a
// pod's container — its process exits with 1, it is OOMKilled (137), its liveness probe fails
// until the kubelet restarts it, or the registry loses its image (the next pull fails) — then
// the cluster reacts as the kubelet would (restart, back-off, ErrImagePull…).
import type { Simulator } from '../../cluster/simulator';
import type { FaultAction, FaultProblem } from '../../cluster/runtime/faultTarget';
import { stateLines } from '../printers/clusterText';
import { failed, notFound, out, VerbResult } from '../verbResult';
import { t } from '../../util/l10n';

function problemText(p: FaultProblem, pod: string, container: string | undefined): string {
  if (p === 'noSuchContainer') return t('error: pod {0} has no container named {1}.', pod, container ?? '');
  if (p === 'notRunning') return t('error: container {0} of pod {1} is not running: there is no process to act on.', container ?? '', pod);
  return t('error: container {0} of pod {1} has no livenessProbe: nothing would notice that it hangs, so nothing would restart it.', container ?? '', pod);
}

function headline(kind: FaultAction, pod: string, container: string, image: string): string {
  if (kind === 'crash') return t('The process of container {0} in pod/{1} exited with code 1.', container, pod);
  if (kind === 'oom') return t('Container {0} in pod/{1} went over its memory limit and was OOMKilled (exit code 137).', container, pod);
  if (kind === 'liveness')
    return t('The liveness probe of container {0} in pod/{1} now fails; after failureThreshold failures the kubelet restarts it.', container, pod);
  return t(
    'The registry no longer has image {0}: the next pod that pulls it gets ErrImagePull (pod/{1} keeps running: its image is already on the node).',
    image,
    pod,
  );
}

export function faultVerb(sim: Simulator, namespace: string, pod: string, kind: FaultAction, container?: string): VerbResult {
  const r = sim.fault(namespace, pod, container, kind);
  if (!r.found) return notFound('Pod', pod, '');
  const name = r.container ?? container ?? sim.get('Pod', namespace, pod)?.spec?.containers?.[0]?.name;
  if (r.problem) return failed(problemText(r.problem, pod, name));
  const image = sim.get('Pod', namespace, pod)?.spec?.containers?.find((c: { name: string }) => c.name === name)?.image ?? '';
  return {
    ok: true,
    found: true,
    lines: out(headline(kind, pod, name ?? '', image)),
    state: stateLines(sim, [namespace], r),
    changed: [{ kind: 'Pod', namespace, name: pod }],
    deleted: [],
    run: r,
  };
}
