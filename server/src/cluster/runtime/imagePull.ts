// Pulling a container's image, as the kubelet's image manager does: the simulation profile says
// whether the registry has it (`pull: ok | notFound | unauthorized`, or a `fault … unpullable`);
// a failed pull waits in ErrImagePull, then ImagePullBackOff until the back-off (10 s doubling to
// 5 min) lets it try again. An image the registry refuses without credentials pulls once the pod
// names an existing imagePullSecret; a named Secret that does not exist gets the kubelet's warning.
// upstream: pkg/kubelet/images/image_manager.go EnsureImageExists (backOffKey pod.UID_image,
// IsInBackOffSinceUpdate, logIt events), pkg/kubelet/kuberuntime/kuberuntime_container.go
// startContainer ("Error: <reason>"), pkg/kubelet/kubelet_pods.go getPullSecretsForPod.
import type { ControllerContext } from '../controllerContext';
import type { ContainerStatus, Container, Pod } from '../types';
import { presentMessage, pulledMessage, pullingMessage } from '../kubeletMessages';
import { canonicalImageRef, parseImageReference } from '../../k8s/imageReference';
import { BackoffTable, inBackoffSinceUpdate, nextBackoff } from './backoff';
import { behaviourFor, ImageBehaviour, PullResult } from './simulationProfile';

export interface PullInputs {
  profile?: readonly ImageBehaviour[];
  unpullable?: readonly string[];
  backoff: BackoffTable;
}

/** The reference containerd resolves: docker.io/ for a bare name, library/ for an official image, :latest when untagged. */
export function normalizeImageRef(image: string): string {
  const parsed = parseImageReference(image);
  return parsed.ok ? canonicalImageRef(parsed.ref) : image;
}

/** The CRI error containerd returns for a pull the registry refuses. */
export function pullError(image: string, result: Exclude<PullResult, 'ok'>): string {
  const ref = normalizeImageRef(image);
  if (result === 'notFound')
    return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
  return `rpc error: code = Unknown desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

function waiting(c: Container, existing: ContainerStatus | undefined, reason: string, message: string): ContainerStatus {
  const s: ContainerStatus = {
    name: c.name,
    image: c.image,
    ready: false,
    started: false,
    restartCount: existing?.restartCount ?? 0,
    state: { waiting: { reason, message } },
  };
  if (existing?.lastState) s.lastState = existing.lastState;
  return s;
}

/** What the registry answers for this pod's container, its pull secrets taken into account. */
function registryAnswer(ctx: ControllerContext, pod: Pod, c: Container, inputs: PullInputs): PullResult {
  if (inputs.unpullable?.includes(c.image ?? '')) return 'notFound';
  const result = behaviourFor(inputs.profile, c.image)?.pull ?? 'ok';
  if (result !== 'unauthorized') return result;
  const ns = pod.metadata.namespace ?? 'default';
  const secrets = (pod.spec.imagePullSecrets as { name?: string }[] | undefined) ?? [];
  return secrets.some((s) => s.name && ctx.store.get('Secret', ns, s.name)) ? 'ok' : 'unauthorized';
}

/**
 * Makes sure the image is there before the container starts. Undefined: it is (the Pulled events
 * are recorded); otherwise the waiting status to show (ErrImagePull / ImagePullBackOff), already
 * evented — or `existing` itself when nothing changed (still backing off).
 */
export function ensureImage(
  ctx: ControllerContext,
  pod: Pod,
  c: Container,
  existing: ContainerStatus | undefined,
  inputs: PullInputs,
  host: string,
): ContainerStatus | undefined {
  const image = c.image ?? '';
  const answer = registryAnswer(ctx, pod, c, inputs);
  const policy = (c.imagePullPolicy as string | undefined) ?? 'IfNotPresent';
  // An image that pulls is taken as already on the node unless the policy says Always or an
  // earlier pull of it failed (the simulator keeps no image cache).
  if (answer === 'ok') {
    if (policy === 'Always' || existing?.state.waiting?.reason === 'ErrImagePull' || existing?.state.waiting?.reason === 'ImagePullBackOff') {
      ctx.events.event(pod, 'Normal', 'Pulling', pullingMessage(image), 'kubelet', host);
      ctx.events.event(pod, 'Normal', 'Pulled', pulledMessage(image), 'kubelet', host);
    } else ctx.events.event(pod, 'Normal', 'Pulled', presentMessage(image), 'kubelet', host);
    return undefined;
  }
  const key = `${pod.metadata.uid ?? pod.metadata.name}_${image}`;
  const nowMs = ctx.store.now();
  const err = pullError(image, answer);
  if (policy === 'Never') {
    // upstream: an image that is not present with pullPolicy Never is never pulled.
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    if (existing?.state.waiting?.reason === 'ErrImageNeverPull') return existing;
    ctx.events.event(pod, 'Warning', 'ErrImageNeverPull', msg, 'kubelet', host);
    ctx.events.event(pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull', 'kubelet', host);
    return waiting(c, existing, 'ErrImageNeverPull', msg);
  }
  if (inBackoffSinceUpdate(inputs.backoff, key, nowMs)) {
    const entry = inputs.backoff[key];
    ctx.wakeAt(entry.lastUpdateMs + entry.backoffMs, 'runtime');
    if (existing?.state.waiting?.reason === 'ImagePullBackOff') return existing;
    ctx.events.event(pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, 'kubelet', host);
    ctx.events.event(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', 'kubelet', host);
    return waiting(c, existing, 'ImagePullBackOff', `Back-off pulling image "${image}": ErrImagePull: ${err}`);
  }
  const missing = ((pod.spec.imagePullSecrets as { name?: string }[] | undefined) ?? [])
    .map((s) => s.name ?? '')
    .filter((n) => !ctx.store.get('Secret', pod.metadata.namespace ?? 'default', n));
  if (missing.length)
    ctx.events.event(
      pod,
      'Warning',
      'FailedToRetrieveImagePullSecret',
      `Unable to retrieve some image pull secrets (${missing.join(', ')}); attempting to pull the image may not succeed.`,
      'kubelet',
      host,
    );
  ctx.events.event(pod, 'Normal', 'Pulling', pullingMessage(image), 'kubelet', host);
  ctx.events.event(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`, 'kubelet', host);
  ctx.events.event(pod, 'Warning', 'Failed', 'Error: ErrImagePull', 'kubelet', host);
  nextBackoff(inputs.backoff, key, nowMs, nowMs);
  // The next look (a second later) finds it backing off.
  ctx.wakeAt(nowMs + 1000, 'runtime');
  return waiting(c, existing, 'ErrImagePull', err);
}
