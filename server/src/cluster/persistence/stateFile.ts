// The `--state <file>` JSON: read with checks, written atomically (temp file + rename).
// A file that is not ours (or is damaged) is never overwritten silently: loading reports it, and
// only an explicit reset moves it aside to `<file>.bak-<n>` before starting fresh.
// Every write carries a `generation` (first key, so it can be read from the file's head): the
// number of writes the file has seen, which the state session compares before writing, as the API
// server compares resourceVersion (kubectl/clusterSession.ts).
// Version 3 writes a value that repeats the previous sibling's as a marker (siblingObjects) and
// recorded events as rows of a table (eventTable) instead of Event objects. Older files are still
// read: version 2 wrote repeated sub-objects once (compactObjects), version 1 every object in full.
import * as nodeFs from 'node:fs';
import { existsSync, readFileSync, renameSync, unlinkSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { STATE_FORMAT, STATE_VERSION, SimulatorState } from '../simulator';
import { expandObjects } from './compactObjects';
import { expandSiblings, siblingObjects } from './siblingObjects';
import { packEvents, unpackEvents } from './eventTable';

export type LoadResult =
  | { kind: 'missing' }
  | { kind: 'ok'; state: SimulatorState; generation: number }
  | { kind: 'invalid'; reason: 'unreadable' | 'not-json' | 'foreign' | 'newer' | 'directory'; detail: string };

/** The file operations a write uses; tests inject failing ones (disk full, read-only disk). */
export interface StateWriteFs {
  writeFileSync(path: string, data: string, encoding: 'utf8'): void;
  renameSync(from: string, to: string): void;
}

export function loadState(path: string): LoadResult {
  if (!existsSync(path)) return { kind: 'missing' };
  if (statSync(path).isDirectory()) return { kind: 'invalid', reason: 'directory', detail: '' };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { kind: 'invalid', reason: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { kind: 'invalid', reason: 'not-json', detail: e instanceof Error ? e.message : String(e) };
  }
  const d = data as Partial<SimulatorState> | null;
  if (!d || typeof d !== 'object' || d.format !== STATE_FORMAT || typeof d.version !== 'number' || !d.store || !Array.isArray(d.store.objects)) {
    return { kind: 'invalid', reason: 'foreign', detail: '' };
  }
  if (d.version > STATE_VERSION) return { kind: 'invalid', reason: 'newer', detail: String(d.version) };
  const s = d.store;
  if (d.version >= 2) {
    try {
      s.objects = d.version === 2 ? expandObjects(s.objects) : expandSiblings(s.objects);
      if (d.version >= 3) {
        s.events = unpackEvents(s.events);
        if (s.kinds !== undefined && (!Array.isArray(s.kinds) || s.kinds.some((k) => typeof k !== 'string'))) throw new Error('damaged kinds');
      }
    } catch (e) {
      return { kind: 'invalid', reason: 'foreign', detail: e instanceof Error ? e.message : String(e) };
    }
  }
  if (
    typeof s.nowMs !== 'number' ||
    typeof s.seed !== 'number' ||
    typeof s.resourceVersion !== 'number' ||
    s.objects.some((o) => !o || typeof o !== 'object' || !o.kind || !o.metadata?.name)
  ) {
    return { kind: 'invalid', reason: 'foreign', detail: '' };
  }
  const { generation, ...state } = d as SimulatorState & { generation?: unknown };
  // Files written before generations existed count as generation 0.
  return { kind: 'ok', state: state as SimulatorState, generation: typeof generation === 'number' ? generation : 0 };
}

/**
 * The generation the file holds now: 0 when there is none (or it predates generations), `null`
 * when it is no longer a state file. Reads only the head when the file starts as saveState writes.
 */
export function fileGeneration(path: string): number | null {
  let head: string;
  try {
    const fd = nodeFs.openSync(path, 'r');
    try {
      const buf = Buffer.alloc(40);
      head = buf.subarray(0, nodeFs.readSync(fd, buf, 0, 40, 0)).toString('utf8');
    } finally {
      nodeFs.closeSync(fd);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    return null;
  }
  const m = /^\{"generation":(\d+),"format":/.exec(head);
  if (m) return Number(m[1]);
  const loaded = loadState(path);
  return loaded.kind === 'ok' ? loaded.generation : loaded.kind === 'missing' ? 0 : null;
}

/** Writes next to the target and renames over it, so a crash never leaves half a file. */
export function saveState(path: string, state: SimulatorState, generation = 0, fs: StateWriteFs = nodeFs): void {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    fs.writeFileSync(tmp, stateText(state, generation), 'utf8');
    fs.renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}

/** The file's text: the generation first, the objects in compact form (siblingObjects), the events as a table (eventTable). */
export function stateText(state: SimulatorState, generation = 0): string {
  const store = { ...state.store, objects: siblingObjects(state.store.objects), events: packEvents(state.store.events ?? []) };
  return JSON.stringify({ generation, ...state, version: STATE_VERSION, store }) + '\n';
}

/** Moves a file aside to the first free `<file>.bak-<n>` and returns that path. */
export function backupFile(path: string): string {
  for (let n = 1; ; n++) {
    const target = `${path}.bak-${n}`;
    if (!existsSync(target)) {
      renameSync(path, target);
      return target;
    }
  }
}
