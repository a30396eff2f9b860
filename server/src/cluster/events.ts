// Events as the API server stores them (core/v1 Event), recorded by controllers with upstream
// reasons and wording. A repeat of the same (object, type, reason, message) bumps `count` and
// `lastTimestamp` instead of adding a row, as client-go's EventCorrelator does.
import type { Store } from './store';
import type { KObject } from './types';
import { EventRecord, recordInvolvedId, recordNamespace, sameEvent } from './eventRecord';

export interface KEvent extends KObject {
  involvedObject: { kind: string; namespace?: string; name: string; uid?: string; apiVersion?: string; fieldPath?: string };
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
  source: { component: string; host?: string };
}

export class EventRecorder {
  /**
   * Involved object (uid, else name) → its events, at most one per (type, reason, message): the
   * correlator's key. The records of one object are chained through `nextAboutSame`.
   */
  private index = new Map<string, EventRecord>();
  private seq = 0;

  constructor(private store: Store) {
    for (const r of store.eventLog.records()) {
      this.remember(recordInvolvedId(r), r);
      this.seq++;
    }
  }

  private find(id: string, type: string, reason: string, message: string): EventRecord | undefined {
    for (let r = this.index.get(id); r; r = r.nextAboutSame) if (sameEvent(r, type, reason, message)) return r;
    return undefined;
  }

  /** The newest record wins for its key (taking the old one's place), as a Map.set on the joined key did. */
  private remember(id: string, r: EventRecord): void {
    const full = r.full;
    const type = full ? full.type : r.type;
    const reason = full ? full.reason : r.reason;
    const message = full ? full.message : r.message;
    r.nextAboutSame = undefined;
    let prev: EventRecord | undefined;
    for (let x = this.index.get(id); x; prev = x, x = x.nextAboutSame) {
      if (!sameEvent(x, type, reason, message)) continue;
      r.nextAboutSame = x.nextAboutSame;
      x.nextAboutSame = undefined;
      if (prev) prev.nextAboutSame = r;
      else this.index.set(id, r);
      return;
    }
    if (prev) prev.nextAboutSame = r;
    else this.index.set(id, r);
  }

  /** Records an event on `obj`; `component` is the reporting controller (e.g. "deployment-controller"). */
  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, host?: string): void {
    const id = obj.metadata.uid ?? obj.metadata.name;
    const now = this.store.timestamp();
    const existing = this.find(id, type, reason, message);
    if (existing && this.store.eventLog.isStored(existing)) {
      this.store.repeatEvent(existing, now);
      return;
    }
    const r = this.store.recordEvent(obj, ++this.seq, type, reason, message, component, host, now);
    this.remember(id, r);
  }

  /**
   * Records an event only if the same one is not there yet. For conditions a controller re-checks
   * every sync (FailedBinding, FailedGetResourceMetric…): upstream repeats them and bumps the count,
   * which would keep a simulation from ever settling.
   */
  eventOnce(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string): void {
    const existing = this.find(obj.metadata.uid ?? obj.metadata.name, type, reason, message);
    if (existing && this.store.eventLog.isStored(existing)) return;
    this.event(obj, type, reason, message, component);
  }

  /** When the same event was last recorded about `obj` (ISO time), or undefined. */
  lastSeen(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string): string | undefined {
    const r = this.find(obj.metadata.uid ?? obj.metadata.name, type, reason, message);
    if (!r || !this.store.eventLog.isStored(r)) return undefined;
    return r.full ? r.full.lastTimestamp : r.last;
  }

  /** Events about one object, oldest first. */
  about(obj: KObject): KEvent[] {
    const ns = obj.metadata.namespace ?? 'default';
    const uid = obj.metadata.uid;
    return this.store.eventLog.select((r) => {
      if (recordNamespace(r) !== ns) return false;
      if (r.full) return uid ? r.full.involvedObject.uid === uid : r.full.involvedObject.name === obj.metadata.name && r.full.involvedObject.kind === obj.kind;
      return uid ? r.uid === uid : r.name === obj.metadata.name && r.kind === obj.kind;
    });
  }
}
