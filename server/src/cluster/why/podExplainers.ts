// "Why?" for a pod that is not Running and Ready: one explainer per condition, each computed from
// the pod's upstream status fields (state.waiting.reason, lastState.terminated.reason and
// exitCode, the PodScheduled condition, restartCount) and its spec. The key is the upstream reason.
import type { Store } from '../store';
import type { Container, ContainerStatus, Pod } from '../types';
import { containerIndex } from './manifestField';
import { t } from '../../util/l10n';

export interface PodWhyContext {
  store: Store;
  pod: Pod;
  /** The container the condition is about (spec and status), when it is a container's. */
  spec?: Container;
  status?: ContainerStatus & { lastState?: { terminated?: { exitCode: number; reason?: string; message?: string } } };
  /** The pod's latest Warning event as `Warning <Reason>: <message>`, if any. */
  warning: string | null;
}

export interface PodWhy {
  /** The pod spec field (relative: `containers[0].image`) that decides it. */
  field: string | null;
  cause: string;
  event: string;
  fix: string;
}

type PodExplainer = (c: PodWhyContext) => PodWhy;

/** The field that decides what the container runs: its command, else its args, else the image's own entrypoint. */
function programField(spec: object | undefined): string {
  const c = spec as { command?: unknown; args?: unknown } | undefined;
  return c?.command ? 'command' : c?.args ? 'args' : 'image';
}

const podRef = (p: Pod) => `${p.metadata.name}_${p.metadata.namespace ?? 'default'}(${p.metadata.uid ?? ''})`;

function image(c: PodWhyContext): string {
  return c.spec?.image ?? c.status?.image ?? '';
}

function exitText(code: number): string {
  if (code === 137) return t('137 = killed by SIGKILL (128 + 9)');
  if (code === 143) return t('143 = stopped by SIGTERM (128 + 15)');
  if (code === 1) return t('1 = the program reported an error');
  return String(code);
}

function schedulingField(message: string): string | null {
  if (/node affinity|node selector/i.test(message)) return 'nodeSelector';
  if (/Insufficient (cpu|memory)/.test(message)) return 'containers[0].resources.requests';
  if (/untolerated taint/.test(message)) return 'tolerations';
  if (/anti-affinity|affinity rules/.test(message)) return 'affinity';
  if (/topology spread/.test(message)) return 'topologySpreadConstraints';
  if (/PersistentVolumeClaim/.test(message)) return 'volumes';
  return null;
}

function configField(c: PodWhyContext, message: string): string {
  const ci = containerIndex(c.pod, c.spec?.name ?? '');
  const m = /^(configmap|secret) "([^"]+)" not found$/.exec(message) ?? /couldn't find key (\S+) in (ConfigMap|Secret) [^/]+\/(\S+)/.exec(message);
  const name = m ? (m[1] === 'configmap' || m[1] === 'secret' ? m[2] : m[3]) : '';
  const env = c.spec?.env ?? [];
  const i = env.findIndex((e) => e.valueFrom?.configMapKeyRef?.name === name || e.valueFrom?.secretKeyRef?.name === name);
  if (i >= 0) return `${ci}.env[${i}].valueFrom.${env[i].valueFrom?.configMapKeyRef ? 'configMapKeyRef' : 'secretKeyRef'}`;
  const j = (c.spec?.envFrom ?? []).findIndex((e) => e.configMapRef?.name === name || e.secretRef?.name === name);
  return j >= 0 ? `${ci}.envFrom[${j}]` : `${ci}.env`;
}

export const POD_EXPLAINERS: Record<string, PodExplainer> = {
  FailedScheduling: (c) => {
    const cond = (c.pod.status.conditions ?? []).find((x) => x.type === 'PodScheduled');
    const message = cond?.message ?? '';
    const field = schedulingField(message);
    const sel = Object.entries(c.pod.spec.nodeSelector ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    const plain =
      field === 'nodeSelector'
        ? sel
          ? t('no node has the labels {0} that its nodeSelector asks for', sel)
          : t('no node matches its node affinity')
        : field === 'containers[0].resources.requests'
          ? t('no node has enough free CPU or memory for its resources.requests')
          : field === 'tolerations'
            ? t('the nodes have taints the pod does not tolerate')
            : field === 'volumes'
              ? t('a PersistentVolumeClaim it mounts is not bound to a volume')
              : t("every node fails one of the scheduler's checks");
    return {
      field,
      cause: t('No node can take pod {0}: {1}. It stays Pending and the scheduler retries when the cluster changes.', c.pod.metadata.name, plain),
      event: c.warning ?? `Warning FailedScheduling: ${message}`,
      fix:
        field === 'containers[0].resources.requests'
          ? t('Lower the resources.requests of the containers, or add nodes with more capacity (--cluster profile).')
          : field === 'tolerations'
            ? t('Add a toleration for the taint, or let the pod run on nodes without it.')
            : field === 'nodeSelector'
              ? t('Make nodeSelector / node affinity name labels some node has (`kubemate describe node <name>` lists them), or label a node.')
              : field === 'volumes'
                ? t('Create a PersistentVolume that matches the claim, or give the claim a storageClassName that provisions one.')
                : t('Change what the message names so at least one node fits.'),
    };
  },
  CreateContainerConfigError: (c) => {
    const message = c.status?.state.waiting?.message ?? '';
    return {
      field: configField(c, message),
      cause: t('Container {0} cannot be created: {1}. The kubelet builds its environment before it starts and keeps retrying.', c.spec?.name ?? '', message),
      event: c.warning ?? `Warning Failed: Error: ${message}`,
      fix: /couldn't find key/.test(message)
        ? t('Add the key to the ConfigMap/Secret, or fix the key name in the reference (or set optional: true).')
        : t(
            'Create the ConfigMap/Secret it names (in the same namespace), or fix the name in the reference (or set optional: true). The pod starts as soon as it exists.',
          ),
    };
  },
  ContainerCreating: (c) => ({
    field: 'volumes',
    cause: t('Pod {0} waits in ContainerCreating: {1}', c.pod.metadata.name, c.warning ?? t('the sandbox or its volumes are not ready yet')),
    event: c.warning ?? 'ContainerCreating',
    fix: t('Create what the volume refers to (ConfigMap, Secret, PersistentVolumeClaim) or fix its name in spec.volumes.'),
  }),
  InvalidImageName: (c) => ({
    field: `${containerIndex(c.pod, c.spec?.name ?? '')}.image`,
    cause: t('The image reference "{0}" of container {1} is not a valid image name, so the kubelet cannot even try to pull it.', image(c), c.spec?.name ?? ''),
    // The InspectFailed warning carries distribution/reference's reason; the later Failed only the word.
    event: c.status?.state.waiting?.message
      ? `Warning InspectFailed: ${c.status.state.waiting.message}`
      : (c.warning ?? 'Warning InspectFailed / Failed: Error: InvalidImageName'),
    fix: t('Write the image as [registry/]name[:tag][@digest] in lower case, e.g. nginx:1.27.'),
  }),
  ErrImagePull: (c) => ({
    field: `${containerIndex(c.pod, c.spec?.name ?? '')}.image`,
    cause: t(
      'The image "{0}" of container {1} could not be pulled: {2}',
      image(c),
      c.spec?.name ?? '',
      c.status?.state.waiting?.message ?? t('the registry refused it or the tag does not exist'),
    ),
    event: c.warning ?? `Warning Failed: Failed to pull image "${image(c)}"`,
    fix: t(
      'Check the repository and tag exist (a typo in the tag is the usual cause); for a private registry add imagePullSecrets. In a rollout, `kubemate rollout undo` goes back to the image that worked.',
    ),
  }),
  ImagePullBackOff: (c) => ({
    ...POD_EXPLAINERS.ErrImagePull(c),
    cause: t(
      'Pulling the image "{0}" of container {1} failed, and the kubelet now waits before trying again (back-off 10s, doubling up to 5 min).',
      image(c),
      c.spec?.name ?? '',
    ),
    event: c.warning ?? `Normal BackOff: Back-off pulling image "${image(c)}"`,
  }),
  CrashLoopBackOff: (c) => {
    const last = c.status?.lastState?.terminated;
    const oom = last?.reason === 'OOMKilled';
    const limit = c.spec?.resources?.limits?.memory;
    return {
      field: `${containerIndex(c.pod, c.spec?.name ?? '')}.${oom ? 'resources.limits.memory' : programField(c.spec)}`,
      cause: oom
        ? t(
            'Container {0} used more memory than its limit ({1}), was OOMKilled, and keeps being restarted (restarts: {2}); the kubelet waits longer before each restart.',
            c.spec?.name ?? '',
            limit ?? t('none'),
            c.status?.restartCount ?? 0,
          )
        : t(
            'Container {0} keeps exiting (last exit code {1}, {2}) and the kubelet keeps restarting it (restarts: {3}), waiting longer each time: 10s, 20s, 40s … up to 5 min.',
            c.spec?.name ?? '',
            last?.exitCode ?? '?',
            last?.reason ?? 'Error',
            c.status?.restartCount ?? 0,
          ),
      event: c.warning ?? `Warning BackOff: Back-off restarting failed container ${c.spec?.name ?? ''} in pod ${podRef(c.pod)}`,
      fix: oom
        ? t('Raise resources.limits.memory above what the program really uses, or make it use less.')
        : t(
            'Read why the program exits (`kubectl logs {0} --previous`; in the simulated cluster `kubemate logs {0} -p` shows the last run up to its exit); fix its command, arguments or configuration. A liveness probe that fails too early also restarts a healthy-but-slow program.',
            c.pod.metadata.name,
          ),
    };
  },
  OOMKilled: (c) => ({
    field: `${containerIndex(c.pod, c.spec?.name ?? '')}.resources.limits.memory`,
    cause: t(
      'Container {0} went over its memory limit ({1}) and the kernel killed it (exit code {2}).',
      c.spec?.name ?? '',
      c.spec?.resources?.limits?.memory ?? t('none'),
      exitText(137),
    ),
    event: c.warning ?? `lastState.terminated.reason: OOMKilled, exitCode: 137`,
    fix: t('Raise resources.limits.memory above what the program really uses, or make it use less.'),
  }),
  Error: (c) => {
    const term = c.status?.state.terminated ?? c.status?.lastState?.terminated;
    return {
      field: `${containerIndex(c.pod, c.spec?.name ?? '')}.${programField(c.spec)}`,
      cause: t(
        'Container {0} exited with code {1}; restartPolicy {2} decides whether it runs again.',
        c.spec?.name ?? '',
        exitText(term?.exitCode ?? 1),
        c.pod.spec.restartPolicy ?? 'Always',
      ),
      event: c.warning ?? `state.terminated.reason: ${term?.reason ?? 'Error'}, exitCode: ${term?.exitCode ?? 1}`,
      fix: t('Find out why the program fails (its logs on a real cluster) and fix its command, arguments or configuration.'),
    };
  },
  ReadinessFailing: (c) => {
    const probe = c.spec?.readinessProbe;
    const at = `${containerIndex(c.pod, c.spec?.name ?? '')}.readinessProbe`;
    const failed = c.warning?.startsWith('Warning Unhealthy: Readiness probe failed: ') ? c.warning : undefined;
    const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port ?? probe?.grpc?.port;
    const served = (c.spec?.ports ?? []).map((p) => p.containerPort).join(', ');
    if (probe && failed && /statuscode: 404$/.test(failed))
      return {
        field: `${at}.httpGet.path`,
        cause: t(
          'Pod {0} runs but is not Ready: its readiness probe asks for {1} and the program answers 404 (it does not serve that path), so the pod is kept out of the Service endpoints. It is not restarted.',
          c.pod.metadata.name,
          probe.httpGet?.path ?? '/',
        ),
        event: failed,
        fix: t('Point the readiness probe at a path the program serves, e.g. its health endpoint or /.'),
      };
    if (probe && failed && /connection refused$/.test(failed) && port !== undefined)
      return {
        field: `${at}.${probe.httpGet ? 'httpGet' : probe.tcpSocket ? 'tcpSocket' : 'grpc'}.port`,
        cause: t(
          'Pod {0} runs but is not Ready: its readiness probe gets no answer on port {1} (nothing listens there yet, or ever), so the pod is kept out of the Service endpoints. It is not restarted.',
          c.pod.metadata.name,
          String(port),
        ),
        event: failed,
        fix: served
          ? t(
              'Point the readiness probe at the port the program listens on (the container declares {0}); if the program only starts slowly, give the probe initialDelaySeconds.',
              served,
            )
          : t('Point the readiness probe at the port the program listens on; if the program only starts slowly, give the probe initialDelaySeconds.'),
      };
    return {
      field: probe ? at : null,
      cause: t(
        'Pod {0} runs but is not Ready: its readiness probe fails, so it is kept out of the Service endpoints (it is not restarted).',
        c.pod.metadata.name,
      ),
      event: c.warning ?? 'Warning Unhealthy: Readiness probe failed',
      fix: t(
        'Make the probe check a path and port the program really serves once it is up (and give it initialDelaySeconds if it starts slowly). In the simulator: Recover readiness / `kubemate readiness {0} recover`.',
        c.pod.metadata.name,
      ),
    };
  },
  Evicted: (c) => ({
    field: 'containers[0].resources',
    cause: t('Pod {0} was evicted: {1}', c.pod.metadata.name, c.pod.status.message ?? ''),
    event: c.warning ?? `status.reason: Evicted`,
    fix: t('Its controller creates a replacement; set requests close to real use so the node is not overcommitted.'),
  }),
};
