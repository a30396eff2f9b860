// The one simulated cluster of a workspace, held by the language server: loaded from and saved
// to the extension's workspace storage through the kubectl layer's state session (atomic
// writes, .bak-<n> recovery — the same session as the CLI's --state), built from
// the workspace's cluster profile when new, and remembering where each applied object came from.
// A state file that cannot be read is moved aside (inside the storage folder — never the user's
// files), reported, and replaced by a new cluster. In an untrusted workspace nothing is written
// and no profile is read: the cluster lives in memory only.
// Other processes may write the same file (a second window, `kubemate --state` on it): every
// change runs through transact(), which first reads what they saved, then runs the change and
// writes it only on top of the latest generation — on a conflict it reads again and re-runs.
import { existsSync, mkdirSync, renameSync, unlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Simulator } from '../../cluster/simulator';
import { ClusterSession, openClusterSession, retryOnConflict, StateWriteError, WRITTEN } from '../../kubectl/clusterSession';
import type { CommitResult } from '../../kubectl/clusterSession';
import { fileGeneration } from '../../cluster/persistence/stateFile';
import { stateErrorText } from '../../kubectl/stateErrorText';
import { readClusterProfile } from '../../kubectl/readClusterProfile';
import type { ImageBehaviour } from '../../cluster/runtime/simulationProfile';
import type { KObject } from '../../cluster/types';
import { controllerOf } from '../../cluster/types';
import { LAST_APPLIED_ANNOTATION } from '../../cluster/controllers/deployment/deploymentUtil';
import { buildClusterView } from '../../cluster/view/buildClusterView';
import { reasonHelpMap } from '../../schema/reasons';
import { whyViews } from './whyViews';
import type { InitializationOptions } from '../../protocol/clusterProtocol';
import { objectId } from '../../protocol/clusterProtocol';
import type { ClusterView, ObjectRef, SourceLocation } from '../../protocol/clusterView';
import { t } from '../../util/l10n';

export const STATE_FILE = 'cluster-state.json';
const FIRST_KINDS = ['Namespace', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'ServiceAccount', 'Service'];
const rank = (kind: string) => (FIRST_KINDS.includes(kind) ? FIRST_KINDS.indexOf(kind) : FIRST_KINDS.length);
const SOURCES_FILE = 'cluster-sources.json';

function writeJsonAtomic(path: string, data: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, JSON.stringify(data) + '\n', 'utf8');
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
}

export class WorkspaceCluster {
  private session: ClusterSession | undefined;
  private sources = new Map<string, SourceLocation>();
  private storagePath: string | undefined;
  trusted = true;
  private profile: { uri: string; text: string } | null = null;

  /** Created on first use, so starting the server does not pay for a cluster nobody asked for. */
  get sim(): Simulator {
    this.session ??= new ClusterSession(Simulator.create(), this.writablePath());
    return this.session.sim;
  }

  /** A new cluster replaces the session's; its write still follows the file's generation. */
  private set sim(sim: Simulator) {
    this.session = new ClusterSession(sim, this.writablePath(), this.session?.generation ?? 0);
  }

  /** Messages about saving (a full disk, a busy file) for the surface to show; drained by the caller. */
  notices: string[] = [];

  /** Where the session may write: nowhere in an untrusted workspace or without storage. */
  private writablePath(): string | undefined {
    return this.persisted ? this.path(STATE_FILE) : undefined;
  }

  configure(opts: InitializationOptions): void {
    this.storagePath = opts.storagePath || undefined;
    this.trusted = opts.trusted !== false;
    this.profile = this.trusted ? (opts.clusterProfile ?? null) : null;
  }

  get persisted(): boolean {
    return this.trusted && !!this.storagePath;
  }

  private path(file: string): string | undefined {
    return this.storagePath ? join(this.storagePath, file) : undefined;
  }

  /** Loads the saved cluster (or makes a new one). Returns messages the user should see. */
  start(): string[] {
    const messages: string[] = [];
    // In an untrusted workspace a damaged file stays where it is; it is only ignored.
    const opened = openClusterSession({ path: this.path(STATE_FILE), onDamaged: this.persisted ? 'setAside' : 'ignore', fresh: () => this.freshSim(messages) });
    this.session = new ClusterSession(
      opened.kind === 'refused' ? this.freshSim(messages) : opened.session.sim,
      this.writablePath(),
      opened.kind === 'refused' ? 0 : opened.session.generation,
    );
    if (opened.kind === 'loaded') {
      this.sources = this.readSources();
      return messages;
    }
    if (opened.kind === 'new' && opened.damaged) {
      const { reason, keptAs } = opened.damaged;
      messages.unshift(
        keptAs
          ? t(
              'The saved simulated cluster could not be read ({0}). It was kept as {1} and a new cluster was started; your manifests were not touched.',
              reason,
              keptAs,
            )
          : t('The saved simulated cluster could not be read ({0}); a new cluster is used in memory.', reason),
      );
    }
    this.sources.clear();
    this.save();
    return [...messages, ...this.takeNotices()];
  }

  /** A new cluster with the profile's nodes (or the default three) and simulation entries; a bad profile is reported. */
  private freshSim(messages: string[]): Simulator {
    let nodes: KObject[] | undefined;
    let simulation: ImageBehaviour[] | undefined;
    if (this.profile) {
      const read = readClusterProfile(this.profile.uri, this.profile.text);
      if (read.ok) ({ nodes, simulation } = read.ok);
      else messages.push(t('The cluster profile cannot be used, so the default nodes are used: {0}', read.problems.join('; ')));
    }
    return Simulator.create({ nodes, simulation });
  }

  /** Starts over: a new cluster (profile nodes), no sources. Returns messages the user should see. */
  private fresh(): string[] {
    const messages: string[] = [];
    this.sim = this.freshSim(messages);
    this.sources.clear();
    return messages;
  }

  reset(): string[] {
    return this.fresh();
  }

  /**
   * Rebuilds the cluster on the profile's nodes and applies again every object the user applied
   * (from its last-applied configuration, oldest first). Pod names and rollout history start over.
   */
  loadProfile(uri: string, text: string): { ok: boolean; problems: string[]; reapplied: number; nodes: number; lines: string[] } {
    if (!this.trusted)
      return {
        ok: false,
        problems: [t('The workspace is not trusted: KubeMate does not read the cluster profile from it.')],
        reapplied: 0,
        nodes: 0,
        lines: [],
      };
    const read = readClusterProfile(uri, text);
    if (!read.ok) return { ok: false, problems: read.problems, reapplied: 0, nodes: 0, lines: [] };
    const previous = this.sim.store
      .kinds()
      .flatMap((k) => this.sim.store.list(k))
      .filter((o) => !controllerOf(o) && o.metadata.annotations?.[LAST_APPLIED_ANNOTATION])
      // Oldest first; within a second, what others refer to (config, storage, Services) before workloads.
      .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || rank(a.kind) - rank(b.kind));
    const inputs = previous.map((o) => {
      const src = this.sources.get(objectId({ kind: o.kind, namespace: o.metadata.namespace ?? null, name: o.metadata.name }));
      return {
        obj: JSON.parse(o.metadata.annotations![LAST_APPLIED_ANNOTATION]) as Record<string, unknown>,
        source: src ? { file: src.uri, line: src.line } : undefined,
      };
    });
    const sources = new Map(this.sources);
    this.profile = { uri, text };
    this.sim = Simulator.create({ nodes: read.ok.nodes, simulation: read.ok.simulation });
    const result = inputs.length ? this.sim.apply(inputs) : undefined;
    this.sources = sources;
    this.pruneSources();
    return {
      ok: true,
      problems: [],
      reapplied: inputs.length,
      nodes: this.sim.store.list('Node').length,
      lines: (result?.applied ?? []).map((a) => a.message),
    };
  }

  // ---- sources --------------------------------------------------------------------------------

  recordSource(ref: ObjectRef, loc: SourceLocation): void {
    this.sources.set(objectId(ref), loc);
  }

  sourceOf = (kind: string, namespace: string | null, name: string): SourceLocation | null => this.sources.get(objectId({ kind, namespace, name })) ?? null;

  /** The source of the object, or of the nearest controller above it that has one (pod → RS → Deployment). */
  findSource(ref: ObjectRef): SourceLocation | null {
    let obj: KObject | undefined = this.sim.get(ref.kind, ref.namespace ?? undefined, ref.name);
    if (!obj && ref.kind === 'Endpoints') obj = this.sim.get('Service', ref.namespace ?? undefined, ref.name);
    for (let depth = 0; obj && depth < 5; depth++) {
      const own = this.sources.get(objectId({ kind: obj.kind, namespace: obj.metadata.namespace ?? null, name: obj.metadata.name }));
      if (own) return own;
      if (obj.kind === 'Endpoints') obj = this.sim.get('Service', obj.metadata.namespace, obj.metadata.name);
      else {
        const owner = controllerOf(obj);
        obj = owner ? this.sim.store.getByUid(owner.uid) : undefined;
      }
    }
    return null;
  }

  private pruneSources(): void {
    for (const key of [...this.sources.keys()]) {
      const [kind, ns, ...rest] = key.split('/');
      if (!this.sim.get(kind, ns || undefined, rest.join('/'))) this.sources.delete(key);
    }
  }

  private readSources(): Map<string, SourceLocation> {
    const p = this.path(SOURCES_FILE);
    try {
      if (p && existsSync(p)) {
        const data = JSON.parse(readFileSync(p, 'utf8')) as Record<string, SourceLocation>;
        return new Map(Object.entries(data).filter(([, v]) => v && typeof v.uri === 'string' && typeof v.line === 'number'));
      }
    } catch {
      // Sources only help "reveal source"; a damaged file is simply forgotten.
    }
    return new Map();
  }

  // ---- persistence and views ------------------------------------------------------------------

  /**
   * Reads what another process saved since this cluster was read or written (nothing when the
   * file still holds our generation). A damaged file is moved aside and our cluster kept.
   */
  refresh(): void {
    const path = this.writablePath();
    if (!path || !this.session || fileGeneration(path) === this.session.generation) return;
    let opened;
    try {
      opened = openClusterSession({ path, onDamaged: 'setAside', fresh: () => this.sim });
    } catch (e) {
      if (!(e instanceof StateWriteError)) throw e;
      this.notices.push(stateErrorText(e));
      return;
    }
    if (opened.kind === 'loaded') {
      this.session = opened.session;
      this.sources = this.readSources();
      return;
    }
    // Gone, damaged (now kept aside) or a folder: keep the cluster in memory; the next write says why it fails.
    this.session.generation = 0;
    if (opened.kind === 'new' && opened.damaged)
      this.notices.push(
        t(
          'The saved simulated cluster could not be read ({0}). It was kept as {1}; the cluster shown is kept and saved again.',
          opened.damaged.reason,
          opened.damaged.keptAs ?? '-',
        ),
      );
  }

  /**
   * Runs a change of the cluster on the latest saved state and saves it; when another process
   * saved in between, reads that and runs the change again. A failed save is kept in `notices`.
   */
  transact<R>(change: () => R): R {
    let last: { result: R } | undefined;
    try {
      return retryOnConflict(this.writablePath(), () => {
        this.refresh();
        last = { result: change() };
        return { result: last.result, commit: () => this.commit() };
      });
    } catch (e) {
      if (!(e instanceof StateWriteError) || !last) throw e;
      // The change stays in memory (run on the latest state that could be read); the next one saves again.
      this.notices.push(stateErrorText(e));
      return last.result;
    }
  }

  private commit(): CommitResult {
    if (!this.persisted) return WRITTEN;
    const session = (this.session ??= new ClusterSession(this.sim, this.writablePath()));
    session.path = this.writablePath(); // a session opened before the workspace was trusted
    mkdirSync(this.storagePath!, { recursive: true });
    const r = session.commit();
    if (r.kind === 'written') {
      this.pruneSources();
      writeJsonAtomic(this.path(SOURCES_FILE)!, Object.fromEntries(this.sources));
    }
    return r;
  }

  /** Saves the cluster as it is in memory, on top of whatever the file holds (start, trust). */
  save(): void {
    if (!this.persisted) return;
    void this.sim; // creates the session when nothing was read yet
    const path = this.path(STATE_FILE)!;
    try {
      retryOnConflict(path, () => {
        this.session!.generation = fileGeneration(path) ?? 0;
        return { result: undefined, commit: () => this.commit() };
      });
    } catch (e) {
      if (!(e instanceof StateWriteError)) throw e;
      this.notices.push(stateErrorText(e));
    }
  }

  takeNotices(): string[] {
    return this.notices.splice(0);
  }

  /** The user trusted the workspace: start saving. */
  trust(): void {
    if (this.trusted) return;
    this.trusted = true;
    this.save();
  }

  /** The text of an applied manifest (the editor's, unsaved changes included); the file on disk when unset. */
  textOf?: (uri: string) => string | undefined;

  view(): ClusterView {
    const view = buildClusterView({
      store: this.sim.store,
      readinessFailures: this.sim.serialize().kubelet.readinessFailures ?? [],
      sourceOf: this.sourceOf,
      persisted: this.persisted,
    });
    // The tree's tooltips explain every status and event reason shown (schema/reasons.ts).
    view.reasons = reasonHelpMap([...view.pods.flatMap((p) => [p.status, p.reason]), ...view.events.map((e) => e.reason)]);
    view.why = whyViews(this.sim.store, this.sourceOf, this.textOf);
    return view;
  }
}
