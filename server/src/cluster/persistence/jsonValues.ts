// Small helpers on JSON data shared by the state file's object codecs (compactObjects, siblingObjects).

export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** An object of exactly one key among `markers`: it would be read back as a marker, so it must be escaped. */
export function looksLikeMarker(v: object, markers: readonly string[]): boolean {
  if (Array.isArray(v)) return false;
  let n = 0;
  let special = false;
  for (const k in v) {
    if (++n > 1) return false;
    special = markers.includes(k);
  }
  return special;
}

/** A deep copy of JSON data (faster than structuredClone for it). */
export function cloneJson(v: unknown): unknown {
  if (!isContainer(v)) return v;
  if (Array.isArray(v)) return v.map(cloneJson);
  const out: Json = {};
  for (const k of Object.keys(v)) out[k] = cloneJson((v as Json)[k]);
  return out;
}
