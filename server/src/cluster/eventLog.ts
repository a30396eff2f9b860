// Where the store keeps Events. A busy apply records five events per pod (SuccessfulCreate,
// Scheduled, Pulled, Created, Started), so recorded events are kept as one flat EventRecord each
// and only turned into a core/v1 Event object (KEvent) when someone reads it through the store.
// The materialised object is the one a KEvent built up front would have been: same fields, same
// key order, same name — so `get -o json`, state files and snapshots do not change.
//
// The log mirrors a Map keyed by namespace/name: creation order, an existing name keeps its
// position when replaced. Generated names are unique (a fresh sequence number each), so the
// name index is only built once something asks for an event by name or stores a foreign Event
// (applied by a user, loaded from a state file) whose name could collide.
import type { EventSummary } from '../protocol/clusterSnapshot';
import type { KEvent } from './events';

export class EventRecord {
  /** The Event object, once materialised (or from the start for foreign events). */
  full: KEvent | undefined;
  /** EventRecorder's chain of the events about the same object (an intrusive list: no array per pod). */
  nextAboutSame: EventRecord | undefined;
  private eventName: string | undefined;
  constructor(
    public slot: number,
    public rv: number,
    readonly seq: number,
    readonly kind: string,
    readonly ns: string | undefined,
    readonly name: string,
    readonly uid: string | undefined,
    readonly apiVersion: string,
    readonly type: 'Normal' | 'Warning',
    readonly reason: string,
    readonly message: string,
    readonly component: string,
    readonly host: string | undefined,
    readonly first: string,
    public last: string,
    public count: number,
  ) {}

  /** upstream names events `<object>.<hex of the time in ns>`; the sequence number keeps ours deterministic. */
  metaName(): string {
    if (this.full) return this.full.metadata.name;
    return (this.eventName ??= `${this.name}.${this.seq.toString(16).padStart(16, '0')}`);
  }

  metaNamespace(): string | undefined {
    return this.full ? this.full.metadata.namespace : this.ns ?? 'default';
  }

  resourceVersion(): number {
    return this.full ? Number(this.full.metadata.resourceVersion) : this.rv;
  }

  /** The recorder's correlation key parts: involved object (uid, else name), type, reason, message. */
  involvedId(): string {
    const f = this.full;
    return f ? f.involvedObject.uid ?? f.involvedObject.name : this.uid ?? this.name;
  }

  sameAs(type: string, reason: string, message: string): boolean {
    const f = this.full;
    return f ? f.type === type && f.reason === reason && f.message === message : this.type === type && this.reason === reason && this.message === message;
  }

  /** The Event exactly as EventRecorder used to build it and Store.create to complete it. */
  materialise(): KEvent {
    if (this.full) return this.full;
    const e: KEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: this.metaName(), namespace: this.ns ?? 'default', creationTimestamp: this.first, generation: 1, resourceVersion: String(this.rv) },
      involvedObject: { kind: this.kind, namespace: this.ns, name: this.name, uid: this.uid, apiVersion: this.apiVersion },
      reason: this.reason,
      message: this.message,
      type: this.type,
      count: this.count,
      firstTimestamp: this.first,
      lastTimestamp: this.last,
      source: this.host ? { component: this.component, host: this.host } : { component: this.component },
    };
    this.full = e;
    return e;
  }

  /** upstream eventSummary, without materialising. */
  summary(): EventSummary {
    const f = this.full;
    const s: EventSummary = f
      ? { type: f.type, reason: f.reason, object: `${f.involvedObject.kind}/${f.involvedObject.name}`, namespace: f.involvedObject.namespace ?? null, message: f.message }
      : { type: this.type, reason: this.reason, object: `${this.kind}/${this.name}`, namespace: this.ns ?? null, message: this.message };
    const count = f ? f.count : this.count;
    if (count > 1) s.count = count;
    return s;
  }

  /** The namespace a snapshot filters events by (involved object's, else the event's). */
  filterNamespace(): string | undefined {
    const f = this.full;
    return f ? f.involvedObject.namespace ?? f.metadata.namespace : this.ns ?? 'default';
  }
}

function nameKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export class EventLog {
  /** Records by position; a deleted event leaves a hole (compacted when holes dominate). */
  private slots: (EventRecord | undefined)[] = [];
  private live = 0;
  /** namespace/name → record; built on first need, then kept up to date. */
  private names: Map<string, EventRecord> | undefined;

  get size(): number {
    return this.live;
  }

  /** Appends a recorded event (Store.recordEvent). A name clash replaces in place, as Map.set would. */
  add(r: EventRecord): EventRecord {
    if (!this.names) {
      r.slot = this.slots.length;
      this.slots.push(r);
      this.live++;
      return r;
    }
    return this.put(r, nameKey(r.metaNamespace(), r.metaName()));
  }

  /** Stores a complete Event object (applied, loaded, replaced), keeping an existing name's position. */
  addFull(e: KEvent): void {
    const r = new EventRecord(0, 0, 0, '', undefined, '', undefined, '', 'Normal', '', '', '', undefined, '', '', 0);
    r.full = e;
    this.put(r, nameKey(e.metadata.namespace, e.metadata.name));
  }

  private put(r: EventRecord, key: string): EventRecord {
    const names = this.nameIndex();
    const old = names.get(key);
    if (old) {
      r.slot = old.slot;
      this.slots[old.slot] = r;
    } else {
      r.slot = this.slots.length;
      this.slots.push(r);
      this.live++;
    }
    names.set(key, r);
    return r;
  }

  /** Whether the store still holds an event under this record's name (what `store.get` answered). */
  isStored(r: EventRecord): boolean {
    if (!this.names) return this.slots[r.slot] === r;
    return this.names.has(nameKey(r.metaNamespace(), r.metaName()));
  }

  get(namespace: string | undefined, name: string): KEvent | undefined {
    return this.nameIndex().get(nameKey(namespace, name))?.materialise();
  }

  delete(namespace: string | undefined, name: string): KEvent | undefined {
    const names = this.nameIndex();
    const key = nameKey(namespace, name);
    const r = names.get(key);
    if (!r) return undefined;
    names.delete(key);
    this.slots[r.slot] = undefined;
    this.live--;
    if (this.slots.length > 64 && this.live < this.slots.length / 2) this.compact();
    return r.materialise();
  }

  /** Live records in creation order. */
  records(): EventRecord[] {
    const out: EventRecord[] = [];
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const r = slots[i];
      if (r) out.push(r);
    }
    return out;
  }

  /** Events (materialised) in creation order, optionally of one namespace. */
  list(namespace?: string): KEvent[] {
    const out: KEvent[] = [];
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const r = slots[i];
      if (r && (namespace === undefined || r.metaNamespace() === namespace)) out.push(r.materialise());
    }
    return out;
  }

  /** Events (materialised) of the records `pre` lets through, in creation order. */
  select(pre: (r: EventRecord) => boolean): KEvent[] {
    const out: KEvent[] = [];
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const r = slots[i];
      if (r && pre(r)) out.push(r.materialise());
    }
    return out;
  }

  private nameIndex(): Map<string, EventRecord> {
    if (!this.names) {
      this.names = new Map();
      for (const r of this.slots) if (r) this.names.set(nameKey(r.metaNamespace(), r.metaName()), r);
    }
    return this.names;
  }

  private compact(): void {
    const kept = this.records();
    kept.forEach((r, i) => (r.slot = i));
    this.slots = kept;
  }
}
