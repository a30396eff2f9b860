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
import type { KEvent } from './events';
import { EventRecord, foreignEventRecord, materialise, recordName, recordNamespace, recordResourceVersion } from './eventRecord';

export type { EventRecord };

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
    return this.put(r, nameKey(recordNamespace(r), recordName(r)));
  }

  /** Stores a complete Event object (applied, loaded, replaced), keeping an existing name's position. */
  addFull(e: KEvent): void {
    this.put(foreignEventRecord(e), nameKey(e.metadata.namespace, e.metadata.name));
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
    return this.names.has(nameKey(recordNamespace(r), recordName(r)));
  }

  get(namespace: string | undefined, name: string): KEvent | undefined {
    const r = this.nameIndex().get(nameKey(namespace, name));
    return r && materialise(r);
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
    return materialise(r);
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

  /** Live records written after resourceVersion `rv`, in creation order. */
  since(rv: number): EventRecord[] {
    const out: EventRecord[] = [];
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const r = slots[i];
      if (r && recordResourceVersion(r) > rv) out.push(r);
    }
    return out;
  }

  /** Events (materialised) in creation order, optionally of one namespace. */
  list(namespace?: string): KEvent[] {
    const out: KEvent[] = [];
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const r = slots[i];
      if (r && (namespace === undefined || recordNamespace(r) === namespace)) out.push(materialise(r));
    }
    return out;
  }

  /** Events (materialised) of the records `pre` lets through, in creation order. */
  select(pre: (r: EventRecord) => boolean): KEvent[] {
    const out: KEvent[] = [];
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const r = slots[i];
      if (r && pre(r)) out.push(materialise(r));
    }
    return out;
  }

  private nameIndex(): Map<string, EventRecord> {
    if (!this.names) {
      this.names = new Map();
      for (const r of this.slots) if (r) this.names.set(nameKey(recordNamespace(r), recordName(r)), r);
    }
    return this.names;
  }

  private compact(): void {
    const kept = this.records();
    kept.forEach((r, i) => (r.slot = i));
    this.slots = kept;
  }
}
