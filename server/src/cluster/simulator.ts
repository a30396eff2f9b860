// The simulated cluster: one store, the API server's write path, and the controllers run in
// rounds until nothing changes (bounded). Each round is one second of simulated time; when a
// round is quiet but a timer is pending (readiness probe delay, minReadySeconds, a Job pod
// finishing) the clock jumps to it. A timeline records every change of a Deployment's
// ReplicaSets so a rolling update can be shown step by step.
//
// Designed to be held in memory by the language server (apply per request, snapshot(), actions)
// as well as rebuilt by each CLI invocation from a state file (serialize / fromState).
import type { Clock } from '../util/clock';
import { ManualClock } from '../util/clock';
import { SeededIds } from '../util/seededIds';
import type { ClusterSnapshot, EventSummary, TimelineStep } from '../protocol/clusterSnapshot';
import { Store, StoreState } from './store';
import { EventRecorder } from './events';
import { recordFilterNamespace, recordResourceVersion, recordSummary } from './eventRecord';
import { ApiServer } from './apiServer';
import type { ControllerContext } from './controllerContext';
import type { KObject, Pod } from './types';
import { applyDocuments, ApplyInput, ApplyOutcome, CreateMode } from './apply';
import { defaultNodes, defaultSystemObjects } from './defaultCluster';
import { KubeletState, newKubeletState, syncAllPods } from './kubelet';
import { nodeInternalIP } from './kubelet';
import { PodLabelIndex } from './controllerUtils';
import { syncAllDeployments } from './controllers/deployment/deploymentController';
import { syncAllReplicaSets, syncAllReplicationControllers } from './controllers/replicaSet';
import { syncAllStatefulSets } from './controllers/statefulSet';
import { syncAllDaemonSets } from './controllers/daemonSet';
import { syncAllJobs } from './controllers/job';
import { nextCronWakeup, syncAllCronJobs } from './controllers/cronJob';
import { syncAllEndpoints, deleteOrphanEndpoints } from './controllers/endpoints';
import { syncAllEndpointSlices } from './controllers/endpointSlice';
import { syncAllClaims } from './controllers/persistentVolumeClaim';
import { syncAllAutoscalers } from './controllers/hpa';
import { syncAllNamespaces } from './controllers/namespace';
import { syncAllGateways } from './controllers/gateway';
import { collectGarbage } from './controllers/garbageCollector';
import { scheduleAll } from './scheduler/schedule';
import { endpointsSummary, listSorted, NamespaceFilter, podSummary, replicaSetSummary, serviceSummary, userNamespaces } from './snapshot';
import { RolloutTimeline } from './rolloutTimeline';
import { syncAllDisruptionBudgets } from './controllers/disruption';
import { syncTaintEviction } from './controllers/taintEviction';
import { DrainHost, drainNode, DrainOptions } from './drain';
import type { ImageBehaviour } from './runtime/simulationProfile';
import { terminationHoldSeconds } from './runtime/gracefulTermination';
import { FaultAction, FaultProblem, pickFaultTarget } from './runtime/faultTarget';

export const STATE_FORMAT = 'kubemate-cluster-state';
/** The state file version this build writes (and the newest it reads): 2 = repeated sub-objects written once, 3 = recorded events as table rows. */
export const STATE_VERSION = 3;
export const ROUND_MS = 1000;
/** A quiet cluster may jump ahead to a pending timer at most this far (10 minutes). */
const TIMER_HORIZON_MS = 10 * 60 * 1000;
/**
 * An action follows containers' own lives (exits, back-offs, failing probes) for its first minute
 * only — what `kubectl get pods` shows a minute after `kubectl apply`; `advance` lets more pass.
 */
export const RUNTIME_HORIZON_MS = 60 * 1000;

export interface SimulatorOptions {
  /** Start time of a fresh cluster (simulated time then moves on its own). Default 2026-01-01T00:00:00Z. */
  clock?: Clock;
  /** Seed of the id source (names, uids, ClusterIPs). Default 1. */
  seed?: number;
  /** Nodes from a cluster profile; default: control-plane, worker-1, worker-2. */
  nodes?: KObject[];
  /** Upper bound of controller rounds per action. Default 300. */
  maxRounds?: number;
  /** What images do (the cluster profile's SimulationProfile entries); default: every image pulls, starts and serves. */
  simulation?: ImageBehaviour[];
}

export interface SimulatorState {
  format: typeof STATE_FORMAT;
  version: number;
  store: StoreState;
  kubelet: KubeletState;
}

export interface RunResult {
  rounds: number;
  /** False when maxRounds was reached before the cluster settled. */
  stable: boolean;
  /** Events recorded (or repeated) during this action, oldest first. */
  events: EventSummary[];
  timeline: TimelineStep[];
}

export interface ApplyResult extends RunResult, ApplyOutcome {}

export interface ActionResult extends RunResult {
  ok: boolean;
  /** kubectl-style output lines (upstream wording). */
  lines: string[];
}

export class Simulator {
  readonly store: Store;
  readonly events: EventRecorder;
  private api: ApiServer;
  private kubelet: KubeletState;
  private wakeups: number[] = [];
  private runtimeWakeups: number[] = [];
  private deletionWakeups: number[] = [];
  /** delete and drain wait for terminating pods to be gone (kubectl delete --wait, drain). */
  private waitForDeletions = false;
  private endpointInputs = '';
  private readonly timeline: RolloutTimeline;
  private readonly maxRounds: number;
  private readonly ctx: ControllerContext;

  private constructor(store: Store, kubelet: KubeletState, maxRounds = 300) {
    this.store = store;
    this.events = new EventRecorder(store);
    this.timeline = new RolloutTimeline(store);
    this.api = new ApiServer(store, (pod, grace) => terminationHoldSeconds(pod, this.kubelet.simulation, grace));
    this.kubelet = kubelet;
    this.maxRounds = maxRounds;
    this.ctx = {
      store,
      events: this.events,
      create: (o) => this.api.create(o),
      remove: (o) => void this.api.remove(o),
      wakeAt: (ms, kind) => void (kind === 'runtime' ? this.runtimeWakeups : kind === 'deletion' ? this.deletionWakeups : this.wakeups).push(ms),
    };
  }

  /** A fresh default (or profile) cluster, already settled: CoreDNS running, endpoints filled. */
  static create(opts: SimulatorOptions = {}): Simulator {
    const clock = opts.clock ?? new ManualClock();
    const store = new Store(new SeededIds(opts.seed ?? 1), clock.now());
    const kubelet = newKubeletState();
    if (opts.simulation?.length) kubelet.simulation = opts.simulation;
    const sim = new Simulator(store, kubelet, opts.maxRounds);
    const nodes = opts.nodes ?? defaultNodes();
    for (const n of nodes) sim.api.create(n);
    const cp = nodes.find((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {})) ?? nodes[0];
    for (const o of defaultSystemObjects(nodeInternalIP(cp) ?? '172.18.0.2')) {
      if (o.kind === 'Service') o.metadata.annotations = { ...(o.metadata.annotations ?? {}) };
      sim.api.create(o);
    }
    sim.runUntilStable();
    return sim;
  }

  static fromState(state: SimulatorState, opts: Pick<SimulatorOptions, 'maxRounds'> = {}): Simulator {
    return new Simulator(Store.deserialize(state.store), state.kubelet ?? newKubeletState(), opts.maxRounds);
  }

  serialize(): SimulatorState {
    return { format: STATE_FORMAT, version: STATE_VERSION, store: this.store.serialize(), kubelet: this.kubelet };
  }

  now(): number {
    return this.store.now();
  }

  // ---- the loop -------------------------------------------------------------------------------

  /**
   * One round. The Deployment controller only syncs once everything else has settled (the rest of
   * the round wrote nothing), so each of its syncs sees the pods of its previous step created,
   * running and counted as available — the reading of the upstream traces in KUBERNETES-BEHAVIOUR §1.5.
   */
  private round(): void {
    const ctx = this.ctx;
    const before = this.store.revision;
    syncAllNamespaces(ctx);
    collectGarbage(ctx);
    syncAllReplicaSets(ctx);
    syncAllReplicationControllers(ctx);
    syncAllStatefulSets(ctx);
    syncAllDaemonSets(ctx);
    syncAllCronJobs(ctx);
    syncAllJobs(ctx);
    syncAllClaims(ctx);
    syncTaintEviction(ctx);
    scheduleAll(ctx);
    syncAllPods(ctx, this.kubelet);
    // Endpoints depend only on Pods and Services: skip the pass when neither moved since the last one.
    const inputs = `${this.store.kindVersion('Pod')}/${this.store.kindVersion('Service')}/${this.store.kindVersion('Endpoints')}/${this.store.kindVersion('EndpointSlice')}`;
    if (inputs !== this.endpointInputs) {
      const index = new PodLabelIndex(this.store.list<Pod>('Pod'));
      syncAllEndpoints(ctx, index);
      deleteOrphanEndpoints(ctx);
      syncAllEndpointSlices(ctx, index);
      this.endpointInputs = `${this.store.kindVersion('Pod')}/${this.store.kindVersion('Service')}/${this.store.kindVersion('Endpoints')}/${this.store.kindVersion('EndpointSlice')}`;
    }
    syncAllGateways(ctx);
    syncAllAutoscalers(ctx);
    syncAllDisruptionBudgets(ctx);
    if (this.store.revision === before) syncAllDeployments(ctx);
  }

  /**
   * Runs controller rounds until a round changes nothing and no timer is due; `jumpTimers` false
   * settles without jumping ahead to pending timers (letting time pass already went to its end).
   */
  runUntilStable(startRevision?: number, jumpTimers = true): RunResult {
    const rvBefore = startRevision ?? this.currentResourceVersion();
    const startMs = this.store.now();
    const track = this.timeline.begin();
    let rounds = 0;
    let stable = false;
    for (; rounds < this.maxRounds; rounds++) {
      const before = this.store.revision;
      this.wakeups = [];
      this.runtimeWakeups = [];
      this.deletionWakeups = [];
      this.round();
      this.timeline.record(track, rounds);
      if (this.store.revision === before) {
        const now = this.store.now();
        let due: number | undefined;
        for (const w of this.wakeups) if (w > now && w - startMs <= TIMER_HORIZON_MS && (due === undefined || w < due)) due = w;
        for (const w of this.runtimeWakeups) if (w > now && w - startMs <= RUNTIME_HORIZON_MS && (due === undefined || w < due)) due = w;
        if (this.waitForDeletions) for (const w of this.deletionWakeups) if (w > now && (due === undefined || w < due)) due = w;
        if (jumpTimers && due !== undefined) {
          this.store.nowMs = due;
          continue;
        }
        stable = true;
        break;
      }
      this.store.nowMs += ROUND_MS;
    }
    return { rounds, stable, events: this.eventsSince(rvBefore), timeline: track.steps };
  }

  private currentResourceVersion(): number {
    return this.store.resourceVersionNow();
  }

  private eventsSince(rv: number): EventSummary[] {
    // Straight from the event log: summaries need no Event objects. Records are mostly in
    // resourceVersion order already (only repeats move): sort only when they are not.
    const records = this.store.eventLog.since(rv);
    let sorted = true;
    for (let i = 1; i < records.length && sorted; i++) sorted = recordResourceVersion(records[i - 1]) <= recordResourceVersion(records[i]);
    if (!sorted) records.sort((a, b) => recordResourceVersion(a) - recordResourceVersion(b));
    return records.map(recordSummary);
  }

  /** Starts an action: one more simulated second, so its events sort after earlier ones. */
  private begin(): number {
    this.store.nowMs += ROUND_MS;
    return this.currentResourceVersion();
  }

  // ---- actions --------------------------------------------------------------------------------

  apply(inputs: ApplyInput[], opts: { namespace?: string; create?: CreateMode } = {}): ApplyResult {
    const rv = this.begin();
    const outcome = applyDocuments(this.store, this.api, inputs, opts.namespace ?? 'default', opts.create);
    return { ...outcome, ...this.runUntilStable(rv) };
  }

  /**
   * Removes an object and what it owns; the controllers then react (e.g. a ReplicaSet replaces a
   * deleted pod). `gracePeriodSeconds` is kubectl's `--grace-period` (0 with `--force`).
   */
  delete(kind: string, namespace: string | undefined, name: string, opts: { gracePeriodSeconds?: number } = {}): ActionResult & { found: boolean } {
    const rv = this.begin();
    const obj = this.store.get(kind, namespace, name);
    if (obj) this.api.remove(obj, opts);
    // A force-deleted pod the kubelet was stopping: nothing is left to stop.
    if (opts.gracePeriodSeconds === 0 && this.kubelet.stopping) this.kubelet.stopping = this.kubelet.stopping.filter((uid) => this.store.getByUid(uid));
    return { ok: !!obj, found: !!obj, lines: [], ...this.settleDeletions(rv) };
  }

  get(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.store.get(kind, namespace, name);
  }

  /** Sets spec.replicas of a Deployment, ReplicaSet, StatefulSet or ReplicationController. */
  scale(kind: string, namespace: string, name: string, replicas: number): ActionResult & { found: boolean } {
    const rv = this.begin();
    const obj = this.store.get(kind, namespace, name);
    if (!obj) return { ok: false, found: false, lines: [], ...this.runUntilStable(rv) };
    if (obj.spec.replicas !== replicas) {
      obj.spec.replicas = replicas;
      this.store.updateSpec(obj);
    }
    return { ok: true, found: true, lines: [], ...this.runUntilStable(rv) };
  }

  /** Marks a running pod's readiness as failing (it leaves the endpoints) or passing again. */
  setPodReady(namespace: string, name: string, ready: boolean): ActionResult & { found: boolean } {
    const rv = this.begin();
    const pod = this.store.get('Pod', namespace, name);
    const uid = pod?.metadata.uid ?? '';
    const set = new Set(this.kubelet.readinessFailures);
    if (pod) {
      if (ready) set.delete(uid);
      else set.add(uid);
    }
    this.kubelet.readinessFailures = [...set].filter((u) => this.store.getByUid(u));
    return { ok: !!pod, found: !!pod, lines: [], ...this.runUntilStable(rv) };
  }

  /** The simulation profile's image entries this cluster was created with. */
  simulationProfile(): readonly ImageBehaviour[] {
    return this.kubelet.simulation ?? [];
  }

  /**
   * A learning action on a pod's container: `crash` (its process exits with 1), `oom` (it is
   * OOMKilled), `liveness` (its liveness probe fails until the container restarts), `unpullable`
   * (the registry loses its image: the next pull of it fails). `problem` says why nothing was done.
   */
  fault(
    namespace: string,
    name: string,
    container: string | undefined,
    kind: FaultAction,
  ): ActionResult & { found: boolean; problem?: FaultProblem; container?: string } {
    const rv = this.begin();
    const pod = this.store.get<Pod>('Pod', namespace, name);
    if (!pod) return { ok: false, found: false, lines: [], ...this.runUntilStable(rv) };
    const picked = pickFaultTarget(pod, container, kind);
    if ('problem' in picked) return { ok: false, found: true, problem: picked.problem, lines: [], ...this.runUntilStable(rv) };
    if (kind === 'unpullable') {
      this.kubelet.unpullable = [...new Set([...(this.kubelet.unpullable ?? []), picked.container.image ?? ''])].sort();
    } else {
      this.kubelet.faults = [
        ...(this.kubelet.faults ?? []).filter((f) => this.store.getByUid(f.uid)),
        { uid: pod.metadata.uid ?? '', container: picked.container.name, kind, atMs: this.store.now() },
      ];
    }
    return { ok: true, found: true, container: picked.container.name, lines: [], ...this.runUntilStable(rv) };
  }

  /** kubectl cordon / uncordon: spec.unschedulable and the node.kubernetes.io/unschedulable taint. */
  cordon(nodeName: string, unschedulable = true): ActionResult & { found: boolean } {
    const rv = this.begin();
    const node = this.store.get('Node', undefined, nodeName);
    if (!node) return { ok: false, found: false, lines: [], ...this.runUntilStable(rv) };
    const already = !!node.spec?.unschedulable === unschedulable;
    if (!already) this.setUnschedulable(node, unschedulable);
    const verb = unschedulable ? 'cordoned' : 'uncordoned';
    return { ok: true, found: true, lines: [already ? `node/${nodeName} already ${verb}` : `node/${nodeName} ${verb}`], ...this.runUntilStable(rv) };
  }

  private setUnschedulable(node: KObject, on: boolean): void {
    node.spec ??= {};
    const taints = ((node.spec.taints ?? []) as { key: string }[]).filter((t) => t.key !== 'node.kubernetes.io/unschedulable');
    if (on) {
      node.spec.unschedulable = true;
      taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: this.store.timestamp() } as never);
    } else delete node.spec.unschedulable;
    if (taints.length) node.spec.taints = taints;
    else delete node.spec.taints;
    this.store.update(node);
    this.events.event(
      node,
      'Normal',
      on ? 'NodeNotSchedulable' : 'NodeSchedulable',
      `Node ${node.metadata.name} status is now: ${on ? 'NodeNotSchedulable' : 'NodeSchedulable'}`,
      'kubelet',
      node.metadata.name,
    );
  }

  /** kubectl drain: cordon, then evict through the Eviction API (PodDisruptionBudgets honoured, 5 s retries). */
  drain(nodeName: string, opts: DrainOptions = {}): ActionResult & { found: boolean } {
    const rv = this.begin();
    const node = this.store.get('Node', undefined, nodeName);
    if (!node) return { ok: false, found: false, lines: [], ...this.runUntilStable(rv) };
    const host: DrainHost = {
      store: this.store,
      api: this.api,
      setUnschedulable: (n, on) => this.setUnschedulable(n, on),
      advance: (ms) => void this.runFor(ms),
    };
    const r = drainNode(host, node, opts);
    return { ...r, found: true, ...this.settleDeletions(rv) };
  }

  /**
   * Lets simulated time pass: controller rounds run while the clock moves `ms` forward, jumping
   * over quiet stretches to the next timer (a CronJob's schedule, a probe, a finishing Job).
   */
  advance(ms: number): RunResult {
    const rv = this.begin();
    this.runFor(Math.max(0, ms - ROUND_MS));
    return this.runUntilStable(rv, false);
  }

  /** Settles, running on until the pods being deleted are gone (what kubectl delete and drain wait for). */
  private settleDeletions(rv: number): RunResult {
    this.waitForDeletions = true;
    try {
      return this.runUntilStable(rv);
    } finally {
      this.waitForDeletions = false;
    }
  }

  private runFor(ms: number): void {
    const target = this.store.now() + ms;
    for (let rounds = 0; rounds < this.maxRounds * 20 && this.store.now() < target; rounds++) {
      const before = this.store.revision;
      this.wakeups = [];
      this.runtimeWakeups = [];
      this.deletionWakeups = [];
      this.round();
      if (this.store.revision === before) {
        // Letting time pass also stops at each CronJob schedule (runUntilStable does not jump to those).
        const cron = nextCronWakeup(this.store, this.store.now());
        const due = [...this.wakeups, ...this.runtimeWakeups, ...this.deletionWakeups, ...(cron === undefined ? [] : [cron])]
          .filter((w) => w > this.store.now())
          .sort((a, b) => a - b)[0];
        this.store.nowMs = due !== undefined && due < target ? due : target;
      } else this.store.nowMs = Math.min(target, this.store.nowMs + ROUND_MS);
    }
  }

  /** Applies a change made outside apply (rollout undo, create job): records it, then settles. */
  mutate(fn: (store: Store, api: ApiServer) => ActionResult | { ok: boolean; lines: string[] }): ActionResult {
    const rv = this.begin();
    const r = fn(this.store, this.api);
    return { ...this.runUntilStable(rv), ok: r.ok, lines: r.lines };
  }

  // ---- views ----------------------------------------------------------------------------------

  /** `withEvents` false leaves `events` empty, for a caller that reports an action's own events. */
  snapshot(filter: NamespaceFilter = userNamespaces, withEvents = true): ClusterSnapshot {
    return {
      pods: listSorted<Pod>(this.store, 'Pod', filter).map(podSummary),
      replicaSets: listSorted(this.store, 'ReplicaSet', filter).map(replicaSetSummary),
      services: listSorted(this.store, 'Service', filter).map(serviceSummary),
      endpoints: listSorted(this.store, 'Endpoints', filter).map(endpointsSummary),
      events: withEvents
        ? this.store.eventLog
            .records()
            .filter((e) => filter(recordFilterNamespace(e)))
            .map(recordSummary)
        : [],
    };
  }
}
