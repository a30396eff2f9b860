// The state file's form of the event log (state file version 3). A busy cluster's events are most
// of its objects — five per pod — and say the same words over and over (reasons, components,
// timestamps, "Created container: app"), so a recorded event is written as one row of numbers:
// every text an index into one table of distinct strings, seq and resourceVersion as the step
// from the row before. An Event that is not a recorded one (applied by a user, changed after it
// was read) is written as the object itself.
import type { KEvent } from '../events';
import type { EventFields } from '../eventRecord';

export interface EventTable {
  strings: string[];
  rows: (number[] | KEvent)[];
}

/** The string fields of a row, in row order after seq and rv; the optional ones may be absent (-1). */
const TEXT = ['kind', 'ns', 'name', 'uid', 'apiVersion', 'type', 'reason', 'message', 'component', 'host', 'first', 'last'] as const;
const OPTIONAL = new Set<string>(['ns', 'uid', 'host']);
const ROW_LENGTH = 2 + TEXT.length + 1;

export function packEvents(events: readonly (EventFields | KEvent)[]): EventTable {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const at = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  // Columns that repeat the row before's text (kind, type, component, timestamps…) reuse its index
  // without a table lookup: the same string has the same index.
  const lastText: (string | undefined)[] = new Array(TEXT.length).fill(undefined);
  const lastIndex: number[] = new Array(TEXT.length).fill(-1);
  const col = (c: number, s: string | undefined): number => {
    if (s === lastText[c]) return lastIndex[c];
    lastText[c] = s;
    return (lastIndex[c] = at(s));
  };
  let seq = 0;
  let rv = 0;
  const rows: (number[] | KEvent)[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if ('metadata' in e) {
      rows[i] = e;
      continue;
    }
    // The fields in TEXT order, left to right: the table keeps each string's first appearance.
    rows[i] = [
      e.seq - seq,
      e.rv - rv,
      col(0, e.kind),
      col(1, e.ns),
      col(2, e.name),
      col(3, e.uid),
      col(4, e.apiVersion),
      col(5, e.type),
      col(6, e.reason),
      col(7, e.message),
      col(8, e.component),
      col(9, e.host),
      col(10, e.first),
      col(11, e.last),
      e.count,
    ];
    seq = e.seq;
    rv = e.rv;
  }
  return { strings, rows };
}

/** The inverse of packEvents; throws on a table packEvents cannot have written. */
export function unpackEvents(table: unknown): (EventFields | KEvent)[] {
  const t = table as Partial<EventTable> | null;
  if (!t || !Array.isArray(t.strings) || !Array.isArray(t.rows) || t.strings.some((s) => typeof s !== 'string')) throw new Error('damaged event table');
  const strings = t.strings;
  let seq = 0;
  let rv = 0;
  return t.rows.map((row): EventFields | KEvent => {
    if (!Array.isArray(row)) {
      const e = row as KEvent | null;
      if (!e || typeof e !== 'object' || e.kind !== 'Event' || !e.metadata?.name) throw new Error('damaged event');
      return e;
    }
    if (row.length !== ROW_LENGTH || row.some((n) => !Number.isInteger(n))) throw new Error('damaged event row');
    seq += row[0];
    rv += row[1];
    const f: Record<string, unknown> = { rv, seq };
    TEXT.forEach((k, i) => {
      const n = row[2 + i];
      if (n === -1 && OPTIONAL.has(k)) f[k] = undefined;
      else if (n >= 0 && n < strings.length) f[k] = strings[n];
      else throw new Error(`unknown string ${n}`);
    });
    f.count = row[ROW_LENGTH - 1];
    if (f.type !== 'Normal' && f.type !== 'Warning') throw new Error('damaged event type');
    return f as unknown as EventFields;
  });
}
