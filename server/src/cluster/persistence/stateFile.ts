// The `--state <file>` JSON: read with checks, written atomically (temp file + rename).
// A file that is not ours (or is damaged) is never overwritten silently: loading reports it, and
// only an explicit reset moves it aside to `<file>.bak-<n>` before starting fresh.
// Version 2 writes repeated sub-objects once (compactObjects); version 1 files are read as they are.
import { existsSync, readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { STATE_FORMAT, STATE_VERSION, SimulatorState } from '../simulator';
import { compactObjects, expandObjects } from './compactObjects';

export type LoadResult =
  | { kind: 'missing' }
  | { kind: 'ok'; state: SimulatorState }
  | { kind: 'invalid'; reason: 'unreadable' | 'not-json' | 'foreign' | 'newer'; detail: string };

export function loadState(path: string): LoadResult {
  if (!existsSync(path)) return { kind: 'missing' };
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
      s.objects = expandObjects(s.objects);
    } catch (e) {
      return { kind: 'invalid', reason: 'foreign', detail: e instanceof Error ? e.message : String(e) };
    }
  }
  if (typeof s.nowMs !== 'number' || typeof s.seed !== 'number' || typeof s.resourceVersion !== 'number' || s.objects.some((o) => !o || typeof o !== 'object' || !o.kind || !o.metadata?.name)) {
    return { kind: 'invalid', reason: 'foreign', detail: '' };
  }
  return { kind: 'ok', state: d as SimulatorState };
}

/** Writes next to the target and renames over it, so a crash never leaves half a file. */
export function saveState(path: string, state: SimulatorState): void {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, stateText(state), 'utf8');
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}

/** The file's text: the objects in compact form (compactObjects). */
export function stateText(state: SimulatorState): string {
  return JSON.stringify({ ...state, version: STATE_VERSION, store: { ...state.store, objects: compactObjects(state.store.objects) } }) + '\n';
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
