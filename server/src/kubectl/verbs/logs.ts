// `kubectl logs <pod> [-c container] [-p]` and `kubectl exec`. No program runs in the simulated
// cluster, so `logs` prints a simulated log — clearly marked — of the container's lifecycle as the
// kubelet recorded it (pull, create, start, back-off, exit); `exec` says it is not simulated.
// upstream wording: kubectl pkg/cmd/logs (the "Defaulted container" note, "is waiting to start"),
// pkg/polymorphichelpers/logsforobject.go.
import type { Simulator } from '../../cluster/simulator';
import type { ContainerStatus, Pod } from '../../cluster/types';
import type { KEvent } from '../../cluster/events';
import { err, failed, notFound, out, VerbResult } from '../verbResult';
import { t } from '../../util/l10n';

/** `previous`: the container's last terminated instance (`--previous`), up to its exit. */
export function logsVerb(sim: Simulator, namespace: string, podName: string, container?: string, previous = false): VerbResult {
  const pod = sim.get('Pod', namespace, podName) as Pod | undefined;
  if (!pod) return notFound('Pod', podName, '');
  const names = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name);
  const lines = [];
  let name = container;
  if (!name) {
    name = pod.spec.containers[0]?.name;
    if (pod.spec.containers.length > 1) lines.push(...err(`Defaulted container "${name}" out of: ${names.join(', ')}`));
  }
  if (!name || !names.includes(name)) return failed(`error: container ${name} is not valid for pod ${podName}`);
  const statuses: ContainerStatus[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const st = statuses.find((s) => s.name === name);
  const last = st?.lastState?.terminated;
  if (previous && !last) return failed(`Error from server (BadRequest): previous terminated container "${name}" in pod "${podName}" not found`);
  if (!st || (st.state?.waiting && !st.lastState?.terminated && !st.restartCount)) {
    const reason = st?.state?.waiting?.reason ?? 'ContainerCreating';
    return {
      ...failed(`Error from server (BadRequest): container "${name}" in pod "${podName}" is waiting to start: ${reason}`),
      lines: [...lines, ...err(`Error from server (BadRequest): container "${name}" in pod "${podName}" is waiting to start: ${reason}`)],
    };
  }
  // The kubelet's events name the container in their fieldPath (spec.containers{name}) or message.
  // --previous: what the kubelet recorded up to the previous instance's exit (events repeated
  // across restarts are one line with a count, so a repeated event shows its first time).
  const until = previous ? (last?.finishedAt ?? '') : undefined;
  const events = sim.store
    .list<KEvent>('Event', namespace)
    .filter((e) => e.involvedObject.uid === pod.metadata.uid && e.source.component === 'kubelet')
    .filter((e) => until === undefined || e.firstTimestamp <= until)
    .filter((e) => !e.involvedObject.fieldPath || e.involvedObject.fieldPath.includes(`{${name}}`))
    .filter((e) => names.length === 1 || e.message.includes(name!))
    .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : 0));
  lines.push(
    ...out(
      t(
        '# KubeMate: simulated log of container "{0}" — no program runs in the simulated cluster, so these are the lifecycle events the kubelet recorded, not the program\'s own output.',
        name,
      ),
    ),
  );
  for (const e of events)
    lines.push(...out(`${e.firstTimestamp} ${e.type === 'Warning' ? 'WARN ' : 'INFO '} ${e.reason}: ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`));
  // The current instance ends with its state; a previous one with its exit.
  if (!previous && st.state?.running)
    lines.push(
      ...out(`${st.state.running.startedAt} INFO  ${t('running (started {0}; restarts: {1})', st.state.running.startedAt ?? '', st.restartCount ?? 0)}`),
    );
  const term = previous ? last : (st.state?.terminated ?? st.lastState?.terminated);
  if (term)
    lines.push(
      ...out(`${term.finishedAt ?? ''} ${term.exitCode ? 'WARN ' : 'INFO '} ${t('exited with code {0} ({1})', term.exitCode ?? 0, term.reason ?? '')}`),
    );
  return { ok: true, found: true, lines, changed: [], deleted: [] };
}

export function execVerb(sim: Simulator, namespace: string, podName: string): VerbResult {
  if (!sim.get('Pod', namespace, podName)) return notFound('Pod', podName, '');
  return failed(
    t(
      'kubemate exec is not simulated: no container really runs in the simulated cluster, so there is no shell to open or command to run. Use `kubemate logs {0}` for its simulated log and `kubemate describe pod {0}` for its state.',
      podName,
    ),
  );
}
