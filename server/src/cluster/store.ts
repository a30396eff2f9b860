// The simulated API server's storage: objects by kind / namespace / name, a resourceVersion
// counter, uids and generated names from a seeded source, and the simulated time.
// Every write bumps `revision`; the simulator runs controllers until a round writes nothing.
import { SeededIds } from '../util/seededIds';
import { KObject, OwnerReference, objectKey, isClusterScoped, controllerOf } from './types';
import { randomSuffix, generatedName } from './naming';

export interface StoreState {
  objects: KObject[];
  resourceVersion: number;
  nowMs: number;
  seed: number;
}

export class Store {
  private byKind = new Map<string, Map<string, KObject>>();
  /** controller-owner uid → keys of the objects it controls (pods of a ReplicaSet, RSs of a Deployment…). */
  private byOwner = new Map<string, Set<string>>();
  private byUid = new Map<string, KObject>();
  private rv = 0;
  /** Bumped on every write; the simulator compares it before and after a round. */
  revision = 0;
  /** Bumped per kind on every write, so a controller can skip work when its inputs did not move. */
  private kindRevision = new Map<string, number>();

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
    return this.kindRevision.get(kind) ?? 0;
  }

  get<T extends KObject = KObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.byKind.get(kind)?.get(objectKey(kind, isClusterScoped(kind) ? undefined : namespace, name)) as T | undefined;
  }

  getByUid(uid: string): KObject | undefined {
    return this.byUid.get(uid);
  }

  /** Objects of a kind (optionally in one namespace) in creation order — deterministic. */
  list<T extends KObject = KObject>(kind: string, namespace?: string): T[] {
    const m = this.byKind.get(kind);
    if (!m) return [];
    const out: T[] = [];
    for (const o of m.values()) if (namespace === undefined || o.metadata.namespace === namespace) out.push(o as T);
    return out;
  }

  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /** Objects whose controller reference points at `ownerUid`, optionally of one kind. */
  ownedBy<T extends KObject = KObject>(ownerUid: string, kind?: string): T[] {
    const keys = this.byOwner.get(ownerUid);
    if (!keys) return [];
    const out: T[] = [];
    for (const key of keys) {
      const k = key.slice(0, key.indexOf('/'));
      if (kind && k !== kind) continue;
      const o = this.byKind.get(k)?.get(key);
      if (o) out.push(o as T);
    }
    return out;
  }

  /** A UUID-shaped uid from four 32-bit draws of the seeded source (version nibble 4, variant 8–b). */
  newUid(): string {
    const w = () => Math.floor(this.ids.next() * 4294967296).toString(16).padStart(8, '0');
    const a = w();
    const b = w();
    const c = w();
    const d = w();
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[parseInt(c[0], 16) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  /**
   * Stores a new object: fills uid, resourceVersion, creationTimestamp, generation and — for
   * `metadata.generateName` — a name with a 5-character suffix, retrying on collisions as the
   * API server does (upstream: apiserver pkg/storage/names/generate.go, registry store.go).
   */
  create<T extends KObject>(obj: T): T {
    const meta = obj.metadata;
    if (!meta.name && meta.generateName) {
      for (let attempt = 0; attempt < 8; attempt++) {
        const candidate = generatedName(meta.generateName, randomSuffix(this.ids));
        if (!this.get(obj.kind, meta.namespace, candidate)) {
          meta.name = candidate;
          break;
        }
      }
      if (!meta.name) throw new Error(`${obj.kind} "${meta.generateName}" already exists`);
    }
    if (isClusterScoped(obj.kind)) delete meta.namespace;
    // Events are many and never owners: they get no uid (saves most of the id draws).
    if (obj.kind !== 'Event') meta.uid ??= this.newUid();
    meta.creationTimestamp ??= this.timestamp();
    meta.generation ??= 1;
    meta.resourceVersion = String(++this.rv);
    let m = this.byKind.get(obj.kind);
    if (!m) this.byKind.set(obj.kind, (m = new Map()));
    const key = objectKey(obj.kind, meta.namespace, meta.name);
    m.set(key, obj);
    if (meta.uid) this.byUid.set(meta.uid, obj);
    this.indexOwner(obj, key);
    this.touch(obj.kind);
    return obj;
  }

  /** Records an in-place change of a stored object. */
  update<T extends KObject>(obj: T): T {
    obj.metadata.resourceVersion = String(++this.rv);
    this.touch(obj.kind);
    return obj;
  }

  /** Records a spec change: generation +1 as the registry strategies do, then a normal update. */
  updateSpec<T extends KObject>(obj: T): T {
    obj.metadata.generation = (obj.metadata.generation ?? 1) + 1;
    return this.update(obj);
  }

  /** Replaces a stored object with a new version (same key), keeping indexes right. */
  replace<T extends KObject>(obj: T): T {
    const key = objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
    const m = this.byKind.get(obj.kind);
    const old = m?.get(key);
    if (old) this.unindexOwner(old, key);
    m?.set(key, obj);
    if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, obj);
    this.indexOwner(obj, key);
    return this.update(obj);
  }

  /** Changes the controller reference (adoption / orphaning) and the owner index with it. */
  setOwner(obj: KObject, ref: OwnerReference | undefined): void {
    const key = objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
    this.unindexOwner(obj, key);
    const others = (obj.metadata.ownerReferences ?? []).filter((r) => !r.controller);
    obj.metadata.ownerReferences = ref ? [...others, ref] : others;
    if (obj.metadata.ownerReferences.length === 0) delete obj.metadata.ownerReferences;
    this.indexOwner(obj, key);
    this.update(obj);
  }

  delete(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    const m = this.byKind.get(kind);
    const key = objectKey(kind, isClusterScoped(kind) ? undefined : namespace, name);
    const obj = m?.get(key);
    if (!obj || !m) return undefined;
    m.delete(key);
    if (obj.metadata.uid) this.byUid.delete(obj.metadata.uid);
    this.unindexOwner(obj, key);
    this.byOwner.delete(obj.metadata.uid ?? '');
    ++this.rv;
    this.touch(kind);
    return obj;
  }

  private touch(kind: string): void {
    this.revision++;
    this.kindRevision.set(kind, (this.kindRevision.get(kind) ?? 0) + 1);
  }

  private indexOwner(obj: KObject, key: string): void {
    const ref = controllerOf(obj);
    if (!ref) return;
    let s = this.byOwner.get(ref.uid);
    if (!s) this.byOwner.set(ref.uid, (s = new Set()));
    s.add(key);
  }

  private unindexOwner(obj: KObject, key: string): void {
    const ref = controllerOf(obj);
    if (ref) this.byOwner.get(ref.uid)?.delete(key);
  }

  serialize(): StoreState {
    const objects: KObject[] = [];
    for (const m of this.byKind.values()) for (const o of m.values()) objects.push(o);
    return { objects, resourceVersion: this.rv, nowMs: this.nowMs, seed: this.ids.snapshot() };
  }

  static deserialize(state: StoreState): Store {
    const store = new Store(new SeededIds(state.seed), state.nowMs);
    for (const o of state.objects) {
      let m = store.byKind.get(o.kind);
      if (!m) store.byKind.set(o.kind, (m = new Map()));
      const key = objectKey(o.kind, o.metadata.namespace, o.metadata.name);
      m.set(key, o);
      if (o.metadata.uid) store.byUid.set(o.metadata.uid, o);
      store.indexOwner(o, key);
    }
    store.rv = state.resourceVersion;
    return store;
  }
}
