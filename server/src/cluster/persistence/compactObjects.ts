// The compact form of the stored objects in state file version 2 (read by this build; written by
// the builds before version 3, and here by the tests that check reading it). A cluster holds
// the same sub-objects over and over — the pods of one ReplicaSet share their containers,
// tolerations, owner reference, labels and conditions; the events about one object share
// `involvedObject` — so an object or array one or two levels below an object's top is written in
// full the first time and as {"$ref": n} when it repeats, n counting those values in file order
// (depth 1 before the values inside it; `metadata`, `spec` and `status` themselves are never
// replaced, their values are).
// Lossless, key order included, and generic: nothing is assumed about kinds. A value that itself
// looks like {"$ref": …} or {"$lit": …} at those levels is written as {"$lit": value}.
import type { KObject } from '../types';
import { cloneJson, isContainer, isRecord, Json, looksLikeMarker } from './jsonValues';

/**
 * Depth-1 values that are (all but) never repeated whole — a pod's spec names its node, its
 * status its IP — so only the values inside them are candidates: comparing them whole would
 * cost a second walk for nothing.
 */
const WHOLE_UNIQUE = new Set(['spec', 'status']);

/** Shorter than this (as JSON) a repeat is cheaper written out than as a reference. */
const MIN_SHARED = 24;

const MARKERS = ['$ref', '$lit'];
const looksSpecial = (v: object): boolean => looksLikeMarker(v, MARKERS);

/**
 * The objects in compact form (write them with JSON.stringify). Each candidate is identified by
 * its JSON text (one native JSON.stringify per candidate; the values inside a repeat are not
 * visited). The input is not modified: the objects and their depth-1 values are copied.
 */
export function compactObjects(objects: readonly KObject[]): unknown[] {
  const seen = new Map<string, number>();
  let next = 0;
  // The simulator shares some values between objects (conditions set in the same second): the
  // same instance needs no text to be recognised.
  const byIdentity = new Map<object, number>();
  /** The value to write at a candidate position; `replaced` when it became a reference. */
  const candidate = (v: object): { out: object; replaced: boolean } => {
    const same = byIdentity.get(v);
    if (same !== undefined) return { out: { $ref: same }, replaced: true };
    const text = JSON.stringify(v);
    if (text.length >= MIN_SHARED) {
      const first = seen.get(text);
      if (first !== undefined) return { out: { $ref: first }, replaced: true };
      seen.set(text, next);
    }
    byIdentity.set(v, next++);
    return { out: looksSpecial(v) ? { $lit: v } : v, replaced: false };
  };
  /** A copy of `v` whose container values went through `candidate`. */
  const children = (v: object): object => {
    if (Array.isArray(v)) return v.map((c) => (isContainer(c) ? candidate(c).out : c));
    const copy: Json = {};
    for (const k of Object.keys(v)) {
      const c = (v as Json)[k];
      copy[k] = isContainer(c) ? candidate(c).out : c;
    }
    return copy;
  };
  return objects.map((o) => {
    const copy: Json = {};
    for (const k of Object.keys(o)) {
      const v = (o as unknown as Json)[k];
      if (!isContainer(v)) copy[k] = v;
      else if (k === 'metadata' || WHOLE_UNIQUE.has(k)) copy[k] = children(v);
      else {
        const c = candidate(v);
        // Numbered before its children (the reader numbers in the same order).
        copy[k] = c.replaced ? c.out : looksSpecial(v) ? { $lit: children(v) } : children(v);
      }
    }
    return copy;
  });
}

/** The inverse of compactObjects on the parsed objects (version-1 objects have no references and pass unchanged). Modifies `objects`. */
export function expandObjects(objects: unknown[]): KObject[] {
  const table: unknown[] = [];
  const isRef = (v: unknown): v is { $ref: number } => isRecord(v) && typeof v.$ref === 'number' && Object.keys(v).length === 1;
  const isLit = (v: unknown): v is { $lit: unknown } => isRecord(v) && '$lit' in v && Object.keys(v).length === 1;
  const deref = (r: { $ref: number }): unknown => {
    if (!Number.isInteger(r.$ref) || r.$ref < 0 || r.$ref >= table.length) throw new Error(`unknown shared value ${r.$ref}`);
    return cloneJson(table[r.$ref]);
  };
  /** A candidate position: a reference is resolved, anything else is numbered. */
  const at = (v: unknown): { value: unknown; ref: boolean } => {
    if (!isContainer(v)) return { value: v, ref: false };
    if (isRef(v)) return { value: deref(v), ref: true };
    const value = isLit(v) ? v.$lit : v;
    table.push(value);
    return { value, ref: false };
  };
  const children = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach((c, i) => (v[i] = at(c).value));
    else if (isRecord(v)) for (const k of Object.keys(v)) v[k] = at(v[k]).value;
  };
  for (const o of objects) {
    if (!isRecord(o)) continue;
    for (const k of Object.keys(o)) {
      if (!isContainer(o[k])) continue;
      if (k === 'metadata' || WHOLE_UNIQUE.has(k)) {
        children(o[k]);
        continue;
      }
      const r = at(o[k]);
      o[k] = r.value;
      if (!r.ref) children(r.value);
    }
  }
  return objects as KObject[];
}
