// The STATUS, READY and RESTARTS columns of `kubectl get pods`.
// upstream: pkg/printers/internalversion/printers.go printPod.
import type { Pod } from './types';

export interface PodColumns {
  status: string;
  ready: string;
  restarts: number;
  /** The latest lastState.terminated.finishedAt of its containers (RESTARTS shows "3 (42s ago)"). */
  lastRestartAt: string | null;
  /** Why the pod is not Running/Ready, and the message that goes with it (for the JSON contract). */
  reason: string | null;
  message: string | null;
}

export function podColumns(pod: Pod): PodColumns {
  const st = pod.status ?? { phase: 'Pending' };
  let reason = st.reason || st.phase || 'Pending';
  let message: string | null = st.message ?? null;
  const scheduled = st.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.reason === 'SchedulingGated') reason = 'SchedulingGated';
  const containers = pod.spec.containers ?? [];
  const sidecars = (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  const total = containers.length + sidecars.length;
  let readyCount = 0;
  let restarts = 0;
  let lastRestartAt: string | null = null;
  const noteRestart = (c: { lastState?: { terminated?: { finishedAt?: string } } }) => {
    const at = c.lastState?.terminated?.finishedAt;
    if (at && (lastRestartAt === null || at > lastRestartAt)) lastRestartAt = at;
  };
  let initializing = false;
  const inits = st.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    restarts += c.restartCount ?? 0;
    noteRestart(c);
    const t = c.state.terminated;
    if (t && t.exitCode === 0) continue;
    const isSidecar = sidecars.some((s) => s.name === c.name);
    if (isSidecar && c.started) {
      if (c.ready) readyCount++;
      continue;
    }
    if (t) reason = t.reason ? `Init:${t.reason}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${(pod.spec.initContainers ?? []).length}`;
    initializing = true;
    break;
  }
  if (!initializing) {
    let hasRunning = false;
    const statuses = st.containerStatuses ?? [];
    // Walk from last to first so the first container in spec order wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      noteRestart(c);
      if (c.state.waiting?.reason) {
        reason = c.state.waiting.reason;
        message = c.state.waiting.message ?? message;
      } else if (c.state.terminated?.reason) {
        reason = c.state.terminated.reason;
      } else if (c.state.terminated) {
        reason = `ExitCode:${c.state.terminated.exitCode}`;
      } else if (c.ready && c.state.running) {
        hasRunning = true;
        readyCount++;
      } else if (c.state.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp && st.phase !== 'Succeeded' && st.phase !== 'Failed') reason = st.reason === 'NodeLost' ? 'Unknown' : 'Terminating';

  let why: string | null = null;
  if (reason !== 'Running' || readyCount < total) {
    if (scheduled?.status === 'False') {
      why = scheduled.reason ?? 'Unschedulable';
      message = scheduled.message ?? message;
    } else if (reason !== 'Running' && reason !== st.phase) why = reason;
    else if (reason === 'Running') {
      const readyCond = st.conditions?.find((c) => c.type === 'Ready');
      why = readyCond?.reason ?? 'ContainersNotReady';
      message = message ?? (readyCond?.message || null);
    }
  }
  if (reason === 'Completed' || st.phase === 'Succeeded') why = null;
  return { status: reason, ready: `${readyCount}/${total}`, restarts, lastRestartAt, reason: why, message: why ? message : null };
}
