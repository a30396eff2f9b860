// The state file's compact form of the stored objects (state file version 2). A cluster holds
// the same sub-objects over and over — the pods of one ReplicaSet share their containers,
// tolerations, owner reference and labels; the events about one object share `involvedObject`
// — so every object or array one or two levels below an object's top that occurs more than once
// is written once, in `shared`, and referenced as {"$ref": n}. Lossless (key order included) and
// generic: nothing is assumed about kinds. A value that itself looks like {"$ref": …} or
// {"$lit": …} at those levels is written as {"$lit": value}.
import type { KObject } from '../types';

export interface CompactObjects {
  objects: KObject[];
  /** Sub-objects referenced by {"$ref": index}. */
  shared: unknown[];
}

/** Shorter than this (as JSON) a value is cheaper inline than as a reference. */
const MIN_SHARED = 24;

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;
/** Would be read back as a reference or an escape: must be escaped itself. */
const looksSpecial = (v: unknown): boolean => {
  if (!isRecord(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === '$ref' || keys[0] === '$lit');
};

/** The object and array values directly inside `v` (the candidates one level down). */
function containersIn(v: object): number {
  let n = 0;
  for (const c of Array.isArray(v) ? v : Object.values(v)) if (isContainer(c)) n++;
  return n;
}

/**
 * The candidates for sharing, in a fixed order: the values at depth 1 (except `metadata`, which
 * readers of the file check first) that are objects or arrays, then those inside them (depth 2).
 * `at` returns true when it replaced the value: its children are not visited then.
 */
function visit(obj: Json, at: (holder: Json | unknown[], key: string | number, value: object, depth: 1 | 2) => boolean): void {
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (!isContainer(v)) continue;
    if (k !== 'metadata' && at(obj, k, v, 1)) continue;
    if (Array.isArray(v)) v.forEach((c, i) => isContainer(c) && at(v, i, c, 2));
    else for (const k2 of Object.keys(v)) if (isContainer((v as Json)[k2])) at(v as Json, k2, (v as Json)[k2] as object, 2);
  }
}

export function compactObjects(objects: readonly KObject[]): CompactObjects {
  // Pass 1: how often each candidate occurs (its JSON text is its identity).
  const texts: string[] = [];
  const counts = new Map<string, number>();
  for (const o of objects)
    visit(o as unknown as Json, (_h, _k, v) => {
      const text = JSON.stringify(v);
      texts.push(text);
      if (text.length >= MIN_SHARED) counts.set(text, (counts.get(text) ?? 0) + 1);
      return false;
    });
  // Pass 2: copy each object, replacing repeated candidates by references. The walk meets the
  // candidates in pass 1's order; below a replaced depth-1 value their texts are stepped over.
  const shared: unknown[] = [];
  const ids = new Map<string, number>();
  const out: KObject[] = [];
  let t = 0;
  for (const o of objects) {
    const copy = copyTop(o as unknown as Json);
    visit(copy, (holder, key, v, depth) => {
      const text = texts[t++];
      if ((counts.get(text) ?? 0) >= 2) {
        let id = ids.get(text);
        if (id === undefined) {
          ids.set(text, (id = shared.length));
          shared.push(JSON.parse(text));
        }
        (holder as Json)[key as string] = { $ref: id };
        if (depth === 1) t += containersIn(v);
        return true;
      }
      if (looksSpecial(v)) (holder as Json)[key as string] = { $lit: v };
      return false;
    });
    out.push(copy as unknown as KObject);
  }
  return { objects: out, shared };
}

/** A copy of the object and of its depth-1 containers (what pass 2 may change). */
function copyTop(o: Json): Json {
  const c: Json = {};
  for (const k of Object.keys(o)) {
    const v = o[k];
    c[k] = Array.isArray(v) ? v.slice() : isRecord(v) ? { ...v } : v;
  }
  return c;
}

/** The inverse of compactObjects (objects without references pass unchanged: state file version 1). Modifies `objects`. */
export function expandObjects(objects: unknown[], shared: readonly unknown[] = []): KObject[] {
  const isRef = (v: unknown): v is { $ref: number } => isRecord(v) && typeof v.$ref === 'number' && Object.keys(v).length === 1;
  const isLit = (v: unknown): v is { $lit: unknown } => isRecord(v) && '$lit' in v && Object.keys(v).length === 1;
  const deref = (r: { $ref: number }): unknown => {
    if (!Number.isInteger(r.$ref) || r.$ref < 0 || r.$ref >= shared.length) throw new Error(`unknown shared value ${r.$ref}`);
    return structuredClone(shared[r.$ref]);
  };
  const level2 = (v: unknown): unknown => (isRef(v) ? deref(v) : isLit(v) ? v.$lit : v);
  for (const o of objects) {
    if (!isRecord(o)) continue;
    for (const k of Object.keys(o)) {
      let v = o[k];
      if (k !== 'metadata') {
        if (isRef(v)) {
          o[k] = deref(v);
          continue;
        }
        if (isLit(v)) o[k] = v = v.$lit;
      }
      if (Array.isArray(v)) v.forEach((c, i) => (v as unknown[])[i] = level2(c));
      else if (isRecord(v)) for (const k2 of Object.keys(v)) v[k2] = level2(v[k2]);
    }
  }
  return objects as KObject[];
}
