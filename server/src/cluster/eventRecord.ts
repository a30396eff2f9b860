// One recorded event, kept flat until someone reads it as an Event object (see eventLog.ts).
// Records are plain object literals built in one place, not class instances: V8 tracks literal
// allocation sites and, seeing these survive, allocates them directly in the old generation
// (pretenuring) instead of copying 50,000 of them through the young one.
import type { EventSummary } from '../protocol/clusterSnapshot';
import type { KEvent } from './events';

export interface EventRecord {
  /** The Event object, once materialised (or from the start for foreign events). */
  full: KEvent | undefined;
  /** EventRecorder's chain of the events about the same object (an intrusive list: no array per pod). */
  nextAboutSame: EventRecord | undefined;
  eventName: string | undefined;
  slot: number;
  rv: number;
  readonly seq: number;
  readonly kind: string;
  readonly ns: string | undefined;
  readonly name: string;
  readonly uid: string | undefined;
  readonly apiVersion: string;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  readonly component: string;
  readonly host: string | undefined;
  readonly first: string;
  last: string;
  count: number;
}

export function newEventRecord(
  rv: number,
  seq: number,
  kind: string,
  ns: string | undefined,
  name: string,
  uid: string | undefined,
  apiVersion: string,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  component: string,
  host: string | undefined,
  now: string,
): EventRecord {
  return {
    full: undefined,
    nextAboutSame: undefined,
    eventName: undefined,
    slot: 0,
    rv,
    seq,
    kind,
    ns,
    name,
    uid,
    apiVersion,
    type,
    reason,
    message,
    component,
    host,
    first: now,
    last: now,
    count: 1,
  };
}

/** A record standing for a complete Event object (applied by a user, loaded from a state file). */
export function foreignEventRecord(e: KEvent): EventRecord {
  const r = newEventRecord(0, 0, '', undefined, '', undefined, '', 'Normal', '', '', '', undefined, '');
  r.full = e;
  return r;
}

/** upstream names events `<object>.<hex of the time in ns>`; the sequence number keeps ours deterministic. */
export function recordName(r: EventRecord): string {
  if (r.full) return r.full.metadata.name;
  return (r.eventName ??= `${r.name}.${r.seq.toString(16).padStart(16, '0')}`);
}

export function recordNamespace(r: EventRecord): string | undefined {
  return r.full ? r.full.metadata.namespace : (r.ns ?? 'default');
}

export function recordResourceVersion(r: EventRecord): number {
  return r.full ? Number(r.full.metadata.resourceVersion) : r.rv;
}

/** The recorder's correlation key parts: involved object (uid, else name), type, reason, message. */
export function recordInvolvedId(r: EventRecord): string {
  const f = r.full;
  return f ? (f.involvedObject.uid ?? f.involvedObject.name) : (r.uid ?? r.name);
}

export function sameEvent(r: EventRecord, type: string, reason: string, message: string): boolean {
  const f = r.full;
  return f ? f.type === type && f.reason === reason && f.message === message : r.type === type && r.reason === reason && r.message === message;
}

/** The Event exactly as EventRecorder used to build it and Store.create to complete it. */
export function materialise(r: EventRecord): KEvent {
  if (r.full) return r.full;
  const e: KEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: recordName(r), namespace: r.ns ?? 'default', creationTimestamp: r.first, resourceVersion: String(r.rv) },
    involvedObject: { kind: r.kind, namespace: r.ns, name: r.name, uid: r.uid, apiVersion: r.apiVersion },
    reason: r.reason,
    message: r.message,
    type: r.type,
    count: r.count,
    firstTimestamp: r.first,
    lastTimestamp: r.last,
    source: r.host ? { component: r.component, host: r.host } : { component: r.component },
  };
  r.full = e;
  return e;
}

/** snapshot.ts eventSummary, without materialising. */
export function recordSummary(r: EventRecord): EventSummary {
  const f = r.full;
  const s: EventSummary = f
    ? {
        type: f.type,
        reason: f.reason,
        object: `${f.involvedObject.kind}/${f.involvedObject.name}`,
        namespace: f.involvedObject.namespace ?? null,
        message: f.message,
      }
    : { type: r.type, reason: r.reason, object: `${r.kind}/${r.name}`, namespace: r.ns ?? null, message: r.message };
  const count = f ? f.count : r.count;
  if (count > 1) s.count = count;
  return s;
}

/** The namespace a snapshot filters events by (involved object's, else the event's). */
export function recordFilterNamespace(r: EventRecord): string | undefined {
  const f = r.full;
  return f ? (f.involvedObject.namespace ?? f.metadata.namespace) : (r.ns ?? 'default');
}

/** A recorded event as plain data (what a state file keeps): the record without the log's links. */
export interface EventFields {
  rv: number;
  seq: number;
  kind: string;
  ns: string | undefined;
  name: string;
  uid: string | undefined;
  apiVersion: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  host: string | undefined;
  first: string;
  last: string;
  count: number;
}

export function eventFields(r: EventRecord): EventFields {
  return {
    rv: r.rv,
    seq: r.seq,
    kind: r.kind,
    ns: r.ns,
    name: r.name,
    uid: r.uid,
    apiVersion: r.apiVersion,
    type: r.type,
    reason: r.reason,
    message: r.message,
    component: r.component,
    host: r.host,
    first: r.first,
    last: r.last,
    count: r.count,
  };
}

export function recordFromFields(f: EventFields): EventRecord {
  const r = newEventRecord(f.rv, f.seq, f.kind, f.ns, f.name, f.uid, f.apiVersion, f.type, f.reason, f.message, f.component, f.host, f.first);
  r.last = f.last;
  r.count = f.count;
  return r;
}

/**
 * The record an Event object stands for when it is exactly what `materialise` builds (a recorded
 * event that a version 1 or 2 state file kept in full); undefined for any other Event.
 */
export function recordFromEvent(e: KEvent): EventRecord | undefined {
  const m = /\.([0-9a-f]{16})$/.exec(e.metadata.name);
  const o = e.involvedObject;
  if (!m || !o || typeof o.kind !== 'string' || typeof o.name !== 'string' || typeof o.apiVersion !== 'string' || !e.source) return undefined;
  const r = recordFromFields({
    rv: Number(e.metadata.resourceVersion),
    seq: Number.parseInt(m[1], 16),
    kind: o.kind,
    ns: o.namespace,
    name: o.name,
    uid: o.uid,
    apiVersion: o.apiVersion,
    type: e.type,
    reason: e.reason,
    message: e.message,
    component: e.source.component,
    host: e.source.host,
    first: e.firstTimestamp,
    last: e.lastTimestamp,
    count: e.count,
  });
  const same = JSON.stringify(materialise(r)) === JSON.stringify(e);
  r.full = undefined;
  return same ? r : undefined;
}
