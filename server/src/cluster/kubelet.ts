// A kubelet for every node: starts bound pods (sandbox IP from the node's pod CIDR, containers
// Running), keeps the Ready condition (readiness probe timing, user-failed readiness), and reports
// why a pod cannot start (§7.2 of KUBERNETES-BEHAVIOUR). What containers do once started — exits,
// restarts and back-offs, OOM kills, probes, image pulls — is runtime/podRuntime.ts.
// upstream: pkg/kubelet/kubelet.go syncPod, status/generate.go, prober.
import type { ControllerContext } from './controllerContext';
import type { ContainerStatus, KObject, Pod } from './types';
import { envProblem, invalidImageCause, invalidImageName, volumeProblem } from './podConfig';
import { deepEqual, sameJsonText } from './controllerUtils';
import { createdMessage, startedMessage } from './kubeletMessages';
import { hostIPList, runningSince } from './sharedStatus';
import { orderPodConditions, podConditionsOrdered, setPodCondition } from './podConditions';
import { rejectAtAdmission } from './scheduler/kubeletAdmission';
import { ensureImage } from './runtime/imagePull';
import { isRuntimeOwned, needsRuntime, RuntimeState, syncPodRuntime } from './runtime/podRuntime';
import { planRunning, readinessAt } from './runtime/containerLifecycle';
import { podInitializingStatus, syncInitContainers } from './runtime/initContainers';
import { syncTerminating } from './runtime/gracefulTermination';

export { JOB_POD_RUN_SECONDS } from './runtime/containerLifecycle';

export interface KubeletState extends RuntimeState {
  /** Last pod IP handed out per node (host-local IPAM continues after it). */
  lastIP: Record<string, number>;
  /** Pods (uid) whose readiness the user made fail. */
  readinessFailures: string[];
  /** Pods (uid) being deleted whose containers were sent SIGTERM. */
  stopping?: string[];
}

export function newKubeletState(): KubeletState {
  return { lastIP: {}, readinessFailures: [] };
}

/** Node CIDRs are few and parsed once per pod start: remember them. */
const cidrs = new Map<string, { base: number; size: number } | undefined>();

function parseCidr(cidr: string | undefined): { base: number; size: number } | undefined {
  const key = cidr ?? '';
  if (cidrs.has(key)) return cidrs.get(key);
  if (cidrs.size >= 1024) cidrs.clear();
  const parsed = parseCidrText(key);
  cidrs.set(key, parsed);
  return parsed;
}

function parseCidrText(cidr: string): { base: number; size: number } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr ?? '');
  if (!m) return undefined;
  const base = ((+m[1] << 24) | (+m[2] << 16) | (+m[3] << 8) | +m[4]) >>> 0;
  const prefix = +m[5];
  if (prefix < 8 || prefix > 30) return undefined;
  const size = 2 ** (32 - prefix);
  return { base: base - (base % size), size };
}

function ipToString(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function nodeInternalIP(node: KObject | undefined): string | undefined {
  return (node?.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address;
}

/** upstream CNI host-local IPAM: next free address after the last one, skipping network, gateway (.1) and broadcast. */
function allocateIP(state: KubeletState, node: KObject, used: Set<string>): string | undefined {
  const cidr = parseCidr(node.spec?.podCIDR);
  if (!cidr) return undefined;
  const name = node.metadata.name;
  // Network, gateway (.1) and broadcast are never handed out.
  if (used.size >= cidr.size - 3) return undefined;
  let offset = state.lastIP[name] ?? 1;
  for (let i = 0; i < cidr.size; i++) {
    offset = offset + 1 >= cidr.size - 1 ? 2 : offset + 1;
    const ip = ipToString(cidr.base + offset);
    if (!used.has(ip)) {
      state.lastIP[name] = offset;
      return ip;
    }
  }
  return undefined;
}

export function syncAllPods(ctx: ControllerContext, state: KubeletState): void {
  const pods = ctx.store.list<Pod>('Pod');
  let used: Map<string, Set<string>> | undefined;
  const failing = new Set(state.readinessFailures);
  // Nodes do not change during the pass; a local map saves a store key per pod.
  const nodes = new Map<string, KObject | undefined>();
  const admission = {};
  // Index loops: these passes run a handful of times over many pods, often before they are optimised.
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    const nodeName = pod.spec.nodeName;
    if (!nodeName) continue;
    if (pod.metadata.deletionTimestamp) {
      if (pod.metadata.deletionGracePeriodSeconds !== undefined) syncTerminating(ctx, state, pod, nodeName);
      continue;
    }
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    let node = nodes.get(nodeName);
    if (node === undefined && !nodes.has(nodeName)) nodes.set(nodeName, (node = ctx.store.get('Node', undefined, nodeName)));
    if (!node) continue;
    // upstream: kubelet admission — a pod bound with nodeName that does not fit is rejected (OutOfcpu…).
    if (!pod.status.startTime && rejectAtAdmission(ctx, pod, node, pods, admission)) continue;
    if (!pod.status.podIP) {
      used ??= usedIPs(pods);
      startPod(ctx, state, pod, node, used);
    } else if (initializing(pod) || pod.status.containerStatuses?.some((c) => c.state.waiting?.reason === 'CreateContainerConfigError')) {
      startPod(ctx, state, pod, node, used ?? (used = usedIPs(pods)));
    }
    if (pod.status.podIP && pod.status.containerStatuses && needsRuntime(pod, state)) syncPodRuntime(ctx, state, pod, nodeName);
    if (pod.status.phase === 'Running') refreshRunning(ctx, state, pod, failing.has(pod.metadata.uid ?? ''));
  }
}

/** Init containers still running, or the app containers not yet started after them. */
function initializing(pod: Pod): boolean {
  if (!pod.spec.initContainers?.length) return false;
  if (pod.status.conditions?.find((c) => c.type === 'Initialized')?.status !== 'True') return true;
  return pod.status.containerStatuses?.some((c) => c.state.waiting?.reason === 'PodInitializing') === true;
}

/**
 * upstream computePodActions: the init containers run first; until the last one completed and a
 * sync has passed, the app containers wait in PodInitializing and the pod is Pending (Failed when
 * an init container failed under restartPolicy Never). True when the app containers may start.
 */
function runInitContainers(ctx: ControllerContext, state: KubeletState, pod: Pod, host: string, now: string, before: string): boolean {
  const status = pod.status;
  const initBefore = JSON.stringify(status.initContainerStatuses ?? null);
  const progress = syncInitContainers(ctx, state, pod, host);
  const changed = JSON.stringify(status.initContainerStatuses) !== initBefore;
  if (progress === 'done' && !changed) return true;
  let conds = setPodCondition(
    status.conditions ?? [],
    'Initialized',
    progress === 'done' ? 'True' : 'False',
    now,
    progress === 'done' ? undefined : 'ContainersNotInitialized',
  );
  const why = progress === 'failed' ? 'PodFailed' : 'ContainersNotReady';
  conds = setPodCondition(conds, 'ContainersReady', 'False', now, why);
  conds = setPodCondition(conds, 'Ready', 'False', now, why);
  if (progress === 'failed') conds = setPodCondition(conds, 'PodReadyToStartContainers', 'False', now);
  status.conditions = orderPodConditions(conds);
  status.containerStatuses = pod.spec.containers.map((c) => podInitializingStatus(c));
  status.phase = progress === 'failed' ? 'Failed' : 'Pending';
  if (before === '' || JSON.stringify(status) !== before) ctx.store.update(pod);
  return false;
}

function usedIPs(pods: Pod[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (let i = 0; i < pods.length; i++) {
    const p = pods[i];
    if (!p.spec.nodeName || !p.status?.podIP) continue;
    let s = m.get(p.spec.nodeName);
    if (!s) m.set(p.spec.nodeName, (s = new Set()));
    s.add(p.status.podIP);
  }
  return m;
}

/**
 * The sandbox cannot start (a volume cannot be mounted, no pod IP is left): not ready, every
 * container waiting in ContainerCreating. True when that changed the status (first try, or a retry
 * that differs), so the caller writes the pod and records the event once.
 */
function holdInContainerCreating(pod: Pod, conds: NonNullable<Pod['status']['conditions']>, now: string, prior: Pod['status'] | undefined): boolean {
  conds = setPodCondition(conds, 'PodReadyToStartContainers', 'False', now);
  conds = setPodCondition(conds, 'Ready', 'False', now, 'ContainersNotReady');
  conds = setPodCondition(conds, 'ContainersReady', 'False', now, 'ContainersNotReady');
  pod.status.conditions = orderPodConditions(conds);
  pod.status.containerStatuses = pod.spec.containers.map((c) => waiting(c.name, c.image, 'ContainerCreating'));
  return !prior || !sameJsonText(pod.status, prior);
}

function startPod(ctx: ControllerContext, state: KubeletState, pod: Pod, node: KObject, used: Map<string, Set<string>>): void {
  const now = ctx.store.timestamp();
  const host = node.metadata.name;
  // A first start always changes the status; only retries (config errors, full CIDR) need a
  // comparison, with the status as it was: its members, since until the comparison (or `before`
  // below) the status only gets members replaced, nothing below them edited in place.
  const status = pod.status;
  const prior = status.containerStatuses ? { ...status } : undefined;
  status.hostIP = nodeInternalIP(node);
  if (status.hostIP) status.hostIPs = hostIPList(status.hostIP);
  status.startTime ??= now;
  let conds = status.conditions ?? [];
  const hasInit = !!pod.spec.initContainers?.length;
  if (!hasInit) conds = setPodCondition(conds, 'Initialized', 'True', now);
  else if (!conds.some((c) => c.type === 'Initialized')) conds = setPodCondition(conds, 'Initialized', 'False', now, 'ContainersNotInitialized');
  const mountProblem = volumeProblem(ctx.store, pod);
  if (mountProblem) {
    // Volumes are set up before the sandbox: no IP yet, every container waits.
    if (holdInContainerCreating(pod, conds, now, prior)) {
      ctx.store.update(pod);
      ctx.events.event(pod, 'Warning', 'FailedMount', mountProblem, 'kubelet', host);
    }
    return;
  }
  if (!status.podIP) {
    let ip: string | undefined;
    if (pod.spec.hostNetwork) ip = status.hostIP;
    else {
      let set = used.get(host);
      if (!set) used.set(host, (set = new Set()));
      ip = allocateIP(state, node, set);
      if (ip) set.add(ip);
    }
    if (!ip) {
      // upstream CNI host-local: the sandbox cannot be created, the pod stays ContainerCreating.
      if (holdInContainerCreating(pod, conds, now, prior)) {
        ctx.store.update(pod);
        ctx.events.event(
          pod,
          'Warning',
          'FailedCreatePodSandBox',
          `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${node.spec?.podCIDR ?? ''}`,
          'kubelet',
          host,
        );
      }
      return;
    }
    status.podIP = ip;
    status.podIPs = [{ ip }];
  }
  // The text of the status before this sync (members replaced above; the rest edits in place).
  const before = prior ? JSON.stringify(prior) : '';
  conds = setPodCondition(conds, 'PodReadyToStartContainers', 'True', now);
  if (hasInit) {
    status.conditions = orderPodConditions(conds);
    if (!runInitContainers(ctx, state, pod, host, now, before)) return;
    conds = setPodCondition(status.conditions, 'Initialized', 'True', now);
  }
  const statuses: ContainerStatus[] = [];
  // `inspect`: the image manager's InspectFailed warning, recorded before the runtime's Failed.
  const problems: { event: string; reason: string; inspect?: string }[] = [];
  for (const c of pod.spec.containers) {
    const existing = status.containerStatuses?.find((s) => s.name === c.name);
    if (existing && (existing.state.running || isRuntimeOwned(existing))) {
      statuses.push(existing);
      continue;
    }
    if (invalidImageName(c.image)) {
      // upstream: image_manager EnsureImageExists → applyDefaultImageTag fails → InspectFailed.
      const message = `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": ${invalidImageCause(c.image ?? '')}`;
      statuses.push(waiting(c.name, c.image, 'InvalidImageName', message));
      problems.push({ event: 'Error: InvalidImageName', reason: 'InvalidImageName', inspect: message });
      continue;
    }
    const envErr = envProblem(ctx.store, pod, c);
    if (envErr) {
      statuses.push(waiting(c.name, c.image, 'CreateContainerConfigError', envErr));
      problems.push({ event: `Error: ${envErr}`, reason: 'CreateContainerConfigError' });
      continue;
    }
    const pullFailed = ensureImage(ctx, pod, c, existing, { profile: state.simulation, unpullable: state.unpullable, backoff: (state.backoff ??= {}) }, host);
    if (pullFailed) {
      statuses.push(pullFailed);
      continue;
    }
    statuses.push({ name: c.name, image: c.image, ready: false, started: true, restartCount: existing?.restartCount ?? 0, state: runningSince(now) });
    ctx.events.event(pod, 'Normal', 'Created', createdMessage(c.name), 'kubelet', host);
    ctx.events.event(pod, 'Normal', 'Started', startedMessage(c.name), 'kubelet', host);
  }
  status.containerStatuses = statuses;
  const allRunning = statuses.every((s) => s.state.running);
  // Phase: Running once every container has started (we never show a partially started pod as Running).
  status.phase = allRunning ? 'Running' : 'Pending';
  conds = setPodCondition(conds, 'ContainersReady', 'False', now, 'ContainersNotReady');
  conds = setPodCondition(conds, 'Ready', 'False', now, 'ContainersNotReady');
  status.conditions = orderPodConditions(conds);
  if (before === '' || JSON.stringify(status) !== before) {
    ctx.store.update(pod);
    for (const p of problems) {
      if (p.inspect) ctx.events.event(pod, 'Warning', 'InspectFailed', p.inspect, 'kubelet', host);
      ctx.events.event(pod, 'Warning', 'Failed', p.event, 'kubelet', host);
    }
  }
}

function waiting(name: string, image: string | undefined, reason: string, message?: string): ContainerStatus {
  const w: { reason: string; message?: string } = { reason };
  if (message) w.message = message;
  return { name, image, ready: false, started: false, restartCount: 0, state: { waiting: w } };
}

/** Readiness of a running pod (its containers' lives are podRuntime's). */
function refreshRunning(ctx: ControllerContext, state: KubeletState, pod: Pod, readinessFailing: boolean): void {
  const nowMs = ctx.store.now();
  const now = ctx.store.timestamp();
  const status = pod.status;
  // Most running pods are already settled: compute readiness without allocating, and only build
  // new arrays when something differs (same result as mapping and comparing every round).
  const current = status.containerStatuses ?? [];
  let newStatuses: ContainerStatus[] | undefined;
  let containersReady = current.length > 0;
  for (let i = 0; i < current.length; i++) {
    const cs = current[i];
    let ready = !!cs.state.running && !readinessFailing;
    const c = ready ? pod.spec.containers.find((x) => x.name === cs.name) : undefined;
    if (c && (c.readinessProbe || c.startupProbe)) {
      const started = Date.parse(cs.state.running?.startedAt ?? now);
      // upstream: readiness probes wait for the startup probe; no readiness probe → ready once started.
      const startedAt = c.startupProbe ? planRunning(pod, c, state.simulation, state.faults ?? [], started).startedAtMs : started;
      const readyAt = c.readinessProbe ? readinessAt(c, c.readinessProbe, state.simulation, started, startedAt) : startedAt;
      if (nowMs < readyAt) {
        ready = false;
        if (Number.isFinite(readyAt)) ctx.wakeAt(readyAt);
      }
    }
    if (!ready) containersReady = false;
    if (cs.ready !== ready) (newStatuses ??= current.slice(0, i)).push({ ...cs, ready });
    else newStatuses?.push(cs);
  }
  const gates = (pod.spec.readinessGates ?? []).every((g) => status.conditions?.find((c) => c.type === g.conditionType)?.status === 'True');
  const before = status.conditions ?? [];
  let conds = setPodCondition(before, 'ContainersReady', containersReady ? 'True' : 'False', now, containersReady ? undefined : 'ContainersNotReady');
  const podReady = containersReady && gates;
  conds = setPodCondition(
    conds,
    'Ready',
    podReady ? 'True' : 'False',
    now,
    podReady ? undefined : containersReady ? 'ReadinessGatesNotReady' : 'ContainersNotReady',
  );
  if (conds === status.conditions && !newStatuses && status.containerStatuses && podConditionsOrdered(conds)) return;
  conds = orderPodConditions(conds);
  const statuses = newStatuses ?? current;
  if (deepEqual(conds, status.conditions) && deepEqual(statuses, status.containerStatuses)) return;
  status.conditions = conds;
  status.containerStatuses = statuses;
  ctx.store.update(pod);
}
