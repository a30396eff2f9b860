// How a status looks in the tree: a codicon and a theme colour, and — for a pod that is not
// running — a sentence in the display language saying why, followed by Kubernetes' own message.
// Pure (no `vscode` import) so it is unit-tested; `t` is the client's t (client/src/l10n.ts) in the extension.
import type { PodView, WorkloadView } from '../../../server/src/protocol/clusterView';

export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

export interface Look {
  /** Codicon id (ThemeIcon). */
  icon: string;
  /** Theme colour id (ThemeColor), none for the default foreground. */
  color?: string;
}

export const GREEN = 'charts.green';
export const YELLOW = 'charts.yellow';
export const RED = 'charts.red';
export const GREY = 'disabledForeground';

const ERROR_STATUSES = /Error|BackOff|Err|Failed|Invalid|OOMKilled|Evicted|Unknown|DeadlineExceeded/;

export function podLook(p: Pick<PodView, 'status' | 'ready' | 'phase'>): Look {
  const [ready, total] = p.ready.split('/').map(Number);
  if (p.status === 'Running') return ready === total ? { icon: 'pass-filled', color: GREEN } : { icon: 'circle-large-outline', color: YELLOW };
  if (p.status === 'Completed' || p.phase === 'Succeeded') return { icon: 'check', color: GREY };
  if (p.status === 'Terminating') return { icon: 'trash', color: GREY };
  if (ERROR_STATUSES.test(p.status)) return { icon: 'error', color: RED };
  return { icon: 'clock', color: YELLOW };
}

/** The pod's status for the description: `Running`, `Pending`, `Running (0/1 ready)`. */
export function podDescription(p: Pick<PodView, 'status' | 'ready'>, t: Translate): string {
  const [ready, total] = p.ready.split('/').map(Number);
  return p.status === 'Running' && ready < total ? t('{0} ({1} ready)', p.status, p.ready) : p.status;
}

/** Why a pod is not (yet) running and ready, in the display language; null when all is well. */
function explainPod(p: Pick<PodView, 'status' | 'reason' | 'message' | 'ready' | 'readinessFailing'>, t: Translate): string | null {
  const [ready, total] = p.ready.split('/').map(Number);
  if (p.status === 'Running' && ready === total) return null;
  const reason = p.reason ?? p.status;
  if (p.readinessFailing)
    return t(
      'You made this pod\'s readiness probe fail: it keeps running but is not ready, so its Services send it no traffic. Use "Recover readiness" to bring it back.',
    );
  if (reason === 'Unschedulable' || reason === 'FailedScheduling' || (p.message ?? '').includes('nodes are available'))
    return t('The scheduler found no node for this pod, so it stays Pending. Kubernetes says why:');
  if (reason === 'SchedulingGated') return t('The pod has scheduling gates; it is not scheduled until they are removed.');
  if (reason === 'CreateContainerConfigError')
    return t(
      'The container cannot be created: it reads a ConfigMap, Secret or key that does not exist. Create it (or fix the name) and the pod starts by itself.',
    );
  if (p.status === 'ContainerCreating' && (p.message ?? '').startsWith('MountVolume'))
    return t('A volume cannot be mounted, so the containers are not started yet:');
  if (/ImagePull|ErrImage/.test(reason)) return t('The image cannot be pulled: check the image name and tag.');
  if (reason === 'CrashLoopBackOff') return t('The container keeps exiting; Kubernetes restarts it with a growing delay.');
  if (p.status === 'Running') return t("The containers run but are not ready yet (readiness probe), so the pod is not in its Services' endpoints.");
  if (p.status === 'Terminating') return t('The pod is shutting down.');
  if (p.status === 'Completed') return null;
  if (p.status === 'Pending' || p.status === 'ContainerCreating') return t('The pod is being scheduled or started.');
  return p.message ? t('The pod is not running:') : null;
}

/** Tooltip text of a pod: where it runs, then the explanation and Kubernetes' message. */
export function podTooltip(p: PodView, t: Translate): string {
  const lines = [`${p.namespace}/${p.name}`, t('Status: {0}  Ready: {1}  Restarts: {2}', p.status, p.ready, p.restarts)];
  lines.push(t('Node: {0}  IP: {1}', p.node ?? '<none>', p.ip ?? '<none>'));
  if (p.owner) lines.push(t('Controlled by: {0}/{1}', p.owner.kind, p.owner.name));
  if (p.configMaps.length || p.secrets.length)
    lines.push(t('Reads: {0}', [...p.configMaps.map((c) => `configmap/${c}`), ...p.secrets.map((s) => `secret/${s}`)].join(', ')));
  const why = explainPod(p, t);
  if (why) lines.push('', why);
  if (p.message && why) lines.push(p.message);
  return lines.join('\n');
}

export function workloadLook(w: WorkloadView): Look {
  const icons: Record<string, string> = {
    Deployment: 'layers',
    ReplicaSet: 'copy',
    StatefulSet: 'database',
    DaemonSet: 'server-process',
    Job: 'run-all',
    CronJob: 'watch',
    ReplicationController: 'copy',
  };
  const icon = icons[w.kind] ?? 'symbol-misc';
  if (w.kind === 'Job') return { icon, color: w.state === 'Failed' ? RED : w.state === 'Complete' ? GREEN : YELLOW };
  if (w.kind === 'CronJob') return { icon, color: w.state === 'Suspended' ? GREY : undefined };
  if (w.kind === 'ReplicaSet' && w.desired === 0) return { icon, color: GREY };
  if ((w.state ?? '').startsWith('error:')) return { icon, color: RED };
  return { icon, color: w.healthy ? GREEN : YELLOW };
}
