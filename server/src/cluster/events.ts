// Events as the API server stores them (core/v1 Event), recorded by controllers with upstream
// reasons and wording. A repeat of the same (object, type, reason, message) bumps `count` and
// `lastTimestamp` instead of adding a row, as client-go's EventCorrelator does.
import type { Store } from './store';
import type { KObject } from './types';

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
  private index = new Map<string, KEvent>();
  private seq = 0;

  constructor(private store: Store) {
    for (const e of store.list<KEvent>('Event')) {
      this.index.set(keyOf(e.involvedObject.uid ?? e.involvedObject.name, e.type, e.reason, e.message), e);
      this.seq++;
    }
  }

  /** Records an event on `obj`; `component` is the reporting controller (e.g. "deployment-controller"). */
  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, host?: string): void {
    const uid = obj.metadata.uid ?? obj.metadata.name;
    const key = keyOf(uid, type, reason, message);
    const now = this.store.timestamp();
    const existing = this.index.get(key);
    if (existing && this.store.get('Event', existing.metadata.namespace, existing.metadata.name)) {
      existing.count++;
      existing.lastTimestamp = now;
      this.store.update(existing);
      return;
    }
    // upstream names events `<object>.<hex of the time in ns>`; a sequence number keeps ours deterministic.
    const name = `${obj.metadata.name}.${(++this.seq).toString(16).padStart(16, '0')}`;
    const e: KEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: obj.metadata.namespace ?? 'default' },
      involvedObject: { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion: obj.apiVersion },
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: host ? { component, host } : { component },
    };
    this.store.create(e);
    this.index.set(key, e);
  }

  /**
   * Records an event only if the same one is not there yet. For conditions a controller re-checks
   * every sync (FailedBinding, FailedGetResourceMetric…): upstream repeats them and bumps the count,
   * which would keep a simulation from ever settling.
   */
  eventOnce(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string): void {
    const existing = this.index.get(keyOf(obj.metadata.uid ?? obj.metadata.name, type, reason, message));
    if (existing && this.store.get('Event', existing.metadata.namespace, existing.metadata.name)) return;
    this.event(obj, type, reason, message, component);
  }

  /** Events about one object, oldest first. */
  about(obj: KObject): KEvent[] {
    return this.store
      .list<KEvent>('Event', obj.metadata.namespace ?? 'default')
      .filter((e) => (obj.metadata.uid ? e.involvedObject.uid === obj.metadata.uid : e.involvedObject.name === obj.metadata.name && e.involvedObject.kind === obj.kind));
  }
}

function keyOf(uid: string, type: string, reason: string, message: string): string {
  return `${uid}\u0000${type}\u0000${reason}\u0000${message}`;
}
