// The last hop: a connection reaches a pod's IP and port. It is answered when a running container
// listens there (podListens), refused by the pod's kernel otherwise.
import type { Pod } from '../types';
import { podListens } from './podListens';
import { listensOn } from '../runtime/listensOn';
import { fail, hop, Outcome, podKey, RouteContext } from './routeContext';
import { t } from '../../util/l10n';

export function connectToPod(ctx: RouteContext, pod: Pod, port: number, refusedCode = 'ConnectionRefused'): Outcome {
  const ip = pod.status?.podIP ?? '';
  const node = pod.spec.nodeName ?? null;
  const name = podKey(pod);
  const listens = podListens(pod, ctx.profile);
  const l = listens.find((x) => x.port === port);
  const where = node ? t('pod on {0}, IP {1}', node, ip) : t('pod IP {0}', ip);
  if (!l) {
    const declared = listens.length ? listens.map((x) => String(x.port)).join(', ') : t('none');
    hop(ctx, 'Pod', name, where, t('nothing listens on port {0} (its containers listen on: {1}) → connection refused', port, declared));
    return fail(
      refusedCode,
      t(
        'Pod {0} has no process listening on port {1}, so its kernel refuses the connection. It listens on: {2}. Make the Service targetPort (or the port you call) match a containerPort the program really serves.',
        name,
        port,
        declared,
      ),
    );
  }
  const status = (pod.status?.containerStatuses ?? []).find((s) => s.name === l.container);
  if (!status?.state?.running) {
    const why = status?.state?.waiting?.reason ?? status?.state?.terminated?.reason ?? pod.status?.phase ?? 'Pending';
    hop(ctx, 'Pod', name, where, t('container {0} is not running ({1}) → connection refused', l.container, why));
    return fail(refusedCode, t('Container {0} of pod {1} is not running ({2}), so nothing accepts the connection on port {3}.', l.container, name, why, port));
  }
  if (!listensOn(pod, l.container, ctx.profile, ctx.store.nowMs).includes(port)) {
    // The profile's readyAfterSeconds: the process has started but does not accept connections yet.
    hop(ctx, 'Pod', name, where, t('container {0} is still starting: nothing listens on port {1} yet → connection refused', l.container, port));
    return fail(
      refusedCode,
      t(
        'Container {0} of pod {1} has started but its program does not listen on port {2} yet (readyAfterSeconds in the simulation profile), so the connection is refused. Wait, or add a readiness probe so the Service only sends traffic once it is ready.',
        l.container,
        name,
        port,
      ),
    );
  }
  hop(ctx, 'Pod', name, where, t('container {0} listens on port {1} → answered', l.container, port));
  return { answer: { pod: name, node, ip, port } };
}
