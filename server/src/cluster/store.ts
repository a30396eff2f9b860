// The simulated API server's storage: objects by kind / namespace / name, a resourceVersion
// counter, uids and generated names from a seeded source, and the simulated time.
// Every write bumps `revision`; the simulator runs controllers until a round writes nothing.
import { SeededIds } from '../util/seededIds';
import { KObject, OwnerReference, objectKey, isClusterScoped, controllerOf } from './types';
import { randomSuffix, generatedName, uidFrom } from './naming';
import { EventLog } from './eventLog';
import { tracksGeneration } from '../k8s/generation';
import { EventFields, EventRecord, eventFields, newEventRecord, recordFromEvent, recordFromFields } from './eventRecord';
import type { KEvent } from './events';

export interface StoreState {
  /** Every object but Events (state files before version 3: Events too, in full). */
  objects: KObject[];
  /** The event log in creation order: a recorded event as its fields, any other Event in full. */
  events?: (EventFields | KEvent)[];
  /** The kinds in the order they were first stored (kinds()); without it, the order of `objects`. */
  kinds?: string[];
  resourceVersion: number;
  nowMs: number;
  seed: number;
}

export class Store {
  /** Objects by kind, then by key. Events live in `eventLog`; their entry here stays empty and only keeps the kind's place in kinds(). */
  private byKind = new Map<string, Map<string, KObject>>();
  readonly eventLog = new EventLog();
  /** controller-owner uid → the objects it controls (pods of a ReplicaSet, RSs of a Deployment…), in indexing order. */
  private byOwner = new Map<string, Set<KObject>>();
  private byUid = new Map<string, KObject>();
  private rv = 0;
  /** Bumped on every write; the simulator compares it before and after a round. */
  revision = 0;
  /**
   * Bumped when an object is deleted, or an object with owner references is stored or re-owned:
   * the only changes that can leave an object without any of its owners (garbage collector input).
   */
  ownershipRevision = 0;
  /** Bumped per kind on every write, so a controller can skip work when its inputs did not move. */
  private kindRevision = new Map<string, { n: number }>();

  constructor(
    public ids: SeededIds,
    public nowMs: number,
  ) {}

  now(): number {
    return this.nowMs;
  }

  /** RFC 3339 timestamp of the simulated now, seconds precision as the API server stores it. */
  timestamp(ms: number = this.nowMs): string {
    const sec = Math.floor(ms / 1000);
    if (sec !== this.tsSecond) {
      this.tsSecond = sec;
      this.tsText = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
    }
    return this.tsText;
  }
  private tsSecond = NaN;
  private tsText = '';

  /** The last resourceVersion handed out. */
  resourceVersionNow(): number {
    return this.rv;
  }

  kindVersion(kind: string): number {
    return this.kindRevision.get(kind)?.n ?? 0;
  }

  get<T extends KObject = KObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    if (kind === 'Event') return this.eventLog.get(namespace, name) as T | undefined;
    return this.byKind.get(kind)?.get(objectKey(kind, isClusterScoped(kind) ? undefined : namespace, name)) as T | undefined;
  }

  getByUid(uid: string): KObject | undefined {
    return this.byUid.get(uid);
  }

  /** Objects of a kind (optionally in one namespace) in creation order — deterministic. */
  list<T extends KObject = KObject>(kind: string, namespace?: string): T[] {
    if (kind === 'Event') return this.eventLog.list(namespace) as KObject[] as T[];
    const m = this.byKind.get(kind);
    if (!m) return [];
    const out: T[] = [];
    for (const o of m.values()) if (namespace === undefined || o.metadata.namespace === namespace) out.push(o as T);
    return out;
  }

  /** Objects of a kind that have owner references, in creation order (recorded events never do). */
  listWithOwners(kind: string): KObject[] {
    if (kind === 'Event') return this.eventLog.select((r) => !!r.full?.metadata.ownerReferences?.length);
    const out: KObject[] = [];
    for (const o of this.byKind.get(kind)?.values() ?? []) if (o.metadata.ownerReferences?.length) out.push(o);
    return out;
  }

  count(kind: string): number {
    if (kind === 'Event') return this.eventLog.size;
    return this.byKind.get(kind)?.size ?? 0;
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /** Objects whose controller reference points at `ownerUid`, optionally of one kind. */
  ownedBy<T extends KObject = KObject>(ownerUid: string, kind?: string): T[] {
    const owned = this.byOwner.get(ownerUid);
    if (!owned) return [];
    const out: T[] = [];
    for (const o of owned) if (!kind || o.kind === kind) out.push(o as T);
    return out;
  }

  /** A UUID-shaped uid from the seeded source (see naming.ts uidFrom). */
  newUid(): string {
    return uidFrom(this.ids);
  }

  /**
   * Stores a new object: fills uid, resourceVersion, creationTimestamp, generation (for the kinds
   * that keep one, k8s/generation.ts) and — for
   * `metadata.generateName` — a name with a 5-character suffix, retrying on collisions as the
   * API server does (upstream: apiserver pkg/storage/names/generate.go, registry store.go).
   */
  create<T extends KObject>(obj: T): T {
    const meta = obj.metadata;
    const clusterScoped = isClusterScoped(obj.kind);
    // The key a generated name was checked under is the key it is stored under: built once.
    let key: string | undefined;
    if (!meta.name && meta.generateName) {
      for (let attempt = 0; attempt < 8; attempt++) {
        const candidate = generatedName(meta.generateName, randomSuffix(this.ids));
        if (obj.kind === 'Event') {
          if (this.get(obj.kind, meta.namespace, candidate)) continue;
        } else {
          const k = objectKey(obj.kind, clusterScoped ? undefined : meta.namespace, candidate);
          if (this.byKind.get(obj.kind)?.has(k)) continue;
          key = k;
        }
        meta.name = candidate;
        break;
      }
      if (!meta.name) throw new Error(`${obj.kind} "${meta.generateName}" already exists`);
    }
    if (clusterScoped) delete meta.namespace;
    // Events are many and never owners: they get no uid (saves most of the id draws).
    if (obj.kind !== 'Event') meta.uid ??= this.newUid();
    meta.creationTimestamp ??= this.timestamp();
    if (tracksGeneration(obj.kind)) meta.generation ??= 1;
    meta.resourceVersion = String(++this.rv);
    let m = this.byKind.get(obj.kind);
    if (!m) this.byKind.set(obj.kind, (m = new Map()));
    if (obj.kind === 'Event') this.eventLog.addFull(obj as KObject as KEvent);
    else m.set(key ?? objectKey(obj.kind, meta.namespace, meta.name), obj);
    if (meta.uid) this.byUid.set(meta.uid, obj);
    this.indexOwner(obj);
    if (meta.ownerReferences?.length) this.ownershipRevision++;
    this.touch(obj.kind);
    return obj;
  }

  /**
   * What `create` of the Event EventRecorder used to build would do, kept as a flat record
   * (see eventLog.ts): the next resourceVersion, no uid, creation time = first timestamp.
   */
  recordEvent(
    obj: KObject,
    seq: number,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    host: string | undefined,
    now: string,
  ): EventRecord {
    if (!this.byKind.has('Event')) this.byKind.set('Event', new Map());
    const meta = obj.metadata;
    const r = newEventRecord(++this.rv, seq, obj.kind, meta.namespace, meta.name, meta.uid, obj.apiVersion, type, reason, message, component, host, now);
    this.eventLog.add(r);
    this.touch('Event');
    return r;
  }

  /** A repeat of a recorded event: count + 1, lastTimestamp, a new resourceVersion (an update). */
  repeatEvent(r: EventRecord, now: string): void {
    if (r.full) {
      r.full.count++;
      r.full.lastTimestamp = now;
      this.update(r.full);
      return;
    }
    r.count++;
    r.last = now;
    r.rv = ++this.rv;
    this.touch('Event');
  }

  /** Records an in-place change of a stored object. */
  update<T extends KObject>(obj: T): T {
    obj.metadata.resourceVersion = String(++this.rv);
    this.touch(obj.kind);
    return obj;
  }

  /** Records a spec change: generation +1 as the registry strategies do (kinds that keep one), then a normal update. */
  updateSpec<T extends KObject>(obj: T): T {
    if (tracksGeneration(obj.kind)) obj.metadata.generation = (obj.metadata.generation ?? 1) + 1;
    return this.update(obj);
  }

  /** Replaces a stored object with a new version (same key), keeping indexes right. */
  replace<T extends KObject>(obj: T): T {
    const key = objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
    const m = this.byKind.get(obj.kind);
    const old = obj.kind === 'Event' ? this.eventLog.get(obj.metadata.namespace, obj.metadata.name) : m?.get(key);
    if (old) this.unindexOwner(old);
    if (old?.metadata.ownerReferences?.length || obj.metadata.ownerReferences?.length) this.ownershipRevision++;
    if (obj.kind === 'Event') {
      if (m) this.eventLog.addFull(obj as KObject as KEvent);
    } else m?.set(key, obj);
    if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, obj);
    this.indexOwner(obj);
    return this.update(obj);
  }

  /** Changes the controller reference (adoption / orphaning) and the owner index with it. */
  setOwner(obj: KObject, ref: OwnerReference | undefined): void {
    this.unindexOwner(obj);
    this.ownershipRevision++;
    const others = (obj.metadata.ownerReferences ?? []).filter((r) => !r.controller);
    obj.metadata.ownerReferences = ref ? [...others, ref] : others;
    if (obj.metadata.ownerReferences.length === 0) delete obj.metadata.ownerReferences;
    this.indexOwner(obj);
    this.update(obj);
  }

  delete(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    const m = this.byKind.get(kind);
    let obj: KObject | undefined;
    if (kind === 'Event') {
      if (!(obj = this.eventLog.delete(namespace, name))) return undefined;
    } else {
      const key = objectKey(kind, isClusterScoped(kind) ? undefined : namespace, name);
      obj = m?.get(key);
      if (!obj || !m) return undefined;
      m.delete(key);
    }
    if (obj.metadata.uid) this.byUid.delete(obj.metadata.uid);
    this.unindexOwner(obj);
    this.byOwner.delete(obj.metadata.uid ?? '');
    this.ownershipRevision++;
    ++this.rv;
    this.touch(kind);
    return obj;
  }

  private touch(kind: string): void {
    this.revision++;
    // A counter object per kind: one map lookup per write instead of a get and a set.
    const c = this.kindRevision.get(kind);
    if (c) c.n++;
    else this.kindRevision.set(kind, { n: 1 });
  }

  private indexOwner(obj: KObject): void {
    const ref = controllerOf(obj);
    if (!ref) return;
    let s = this.byOwner.get(ref.uid);
    if (!s) this.byOwner.set(ref.uid, (s = new Set()));
    s.add(obj);
  }

  private unindexOwner(obj: KObject): void {
    const ref = controllerOf(obj);
    if (ref) this.byOwner.get(ref.uid)?.delete(obj);
  }

  /** Recorded events stay records (never materialised for saving): most of a busy cluster's objects are events. */
  serialize(): StoreState {
    const objects: KObject[] = [];
    for (const [kind, m] of this.byKind) if (kind !== 'Event') for (const o of m.values()) objects.push(o);
    const events = this.eventLog.records().map((r) => r.full ?? eventFields(r));
    return { objects, events, kinds: [...this.byKind.keys()], resourceVersion: this.rv, nowMs: this.nowMs, seed: this.ids.snapshot() };
  }

  static deserialize(state: StoreState): Store {
    const store = new Store(new SeededIds(state.seed), state.nowMs);
    for (const kind of state.kinds ?? []) store.byKind.set(kind, new Map());
    const addEvent = (e: KEvent) => {
      // An event an older file kept in full becomes a record again when it is one.
      const r = recordFromEvent(e);
      if (r) store.eventLog.add(r);
      else {
        store.eventLog.addFull(e);
        if (e.metadata.uid) store.byUid.set(e.metadata.uid, e);
        store.indexOwner(e);
      }
    };
    for (const o of state.objects) {
      let m = store.byKind.get(o.kind);
      if (!m) store.byKind.set(o.kind, (m = new Map()));
      if (o.kind === 'Event') {
        addEvent(o as KEvent);
        continue;
      }
      m.set(objectKey(o.kind, o.metadata.namespace, o.metadata.name), o);
      if (o.metadata.uid) store.byUid.set(o.metadata.uid, o);
      store.indexOwner(o);
    }
    if (state.events?.length && !store.byKind.has('Event')) store.byKind.set('Event', new Map());
    for (const e of state.events ?? []) {
      if ('metadata' in e) addEvent(e);
      else store.eventLog.add(recordFromFields(e));
    }
    store.rv = state.resourceVersion;
    return store;
  }
}
