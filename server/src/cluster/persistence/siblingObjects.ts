// The state file's compact form of the stored objects since version 3. Objects made by one
// controller from one template sit next to their siblings and repeat most of them — the pods of a
// ReplicaSet share containers, tolerations, owner reference, labels, often conditions — so a value
// two levels down (`spec.containers`, `metadata.labels`, `status.conditions`…) that equals the
// same value of the previous sibling is written as {"$same": 1}. Siblings are the objects of one
// kind with the same `metadata.generateName` (or none), in file order: the reader finds the same
// previous object from what it has read.
// Equality is a walk that stops at the first difference, so a value is never turned into text to
// be compared (version 2's compactObjects turned each into JSON to find repeats anywhere: about
// four times the cost for 5% less text). Lossless, key order included; a value that itself looks
// like {"$same": …} or {"$lit": …} at those levels is written as {"$lit": value}.
import type { KObject } from '../types';
import { cloneJson, isContainer, isRecord, Json, looksLikeMarker } from './jsonValues';

const MARKERS = ['$same', '$lit'];
const looksSpecial = (v: object): boolean => looksLikeMarker(v, MARKERS);

/** Equal as JSON text would be (key order included); conservative: an undefined member counts as a difference. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isContainer(a) || !isContainer(b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i] || !sameJson((a as Json)[ka[i]], (b as Json)[kb[i]])) return false;
  return true;
}

function siblingKey(o: Json): string {
  const meta = o.metadata;
  const generateName = isRecord(meta) && typeof meta.generateName === 'string' ? meta.generateName : '';
  return `${String(o.kind)}\u0000${generateName}`;
}

const SAME = { $same: 1 };

/** The objects in compact form (write them with JSON.stringify). The input is not modified. */
export function siblingObjects(objects: readonly KObject[]): unknown[] {
  const previous = new Map<string, Json>();
  return objects.map((obj) => {
    const o = obj as unknown as Json;
    const key = siblingKey(o);
    const prev = previous.get(key);
    previous.set(key, o);
    const copy: Json = {};
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (!isRecord(v)) {
        copy[k] = v;
        continue;
      }
      const before = prev?.[k];
      const inner: Json = {};
      for (const k2 of Object.keys(v)) {
        const x = v[k2];
        if (!isContainer(x)) inner[k2] = x;
        else if (isRecord(before) && k2 in before && sameJson(x, before[k2])) inner[k2] = SAME;
        else inner[k2] = looksSpecial(x) ? { $lit: x } : x;
      }
      copy[k] = looksSpecial(inner) ? { $lit: inner } : inner;
    }
    return copy;
  });
}

/** The inverse of siblingObjects on the parsed objects; throws on a marker with no value to stand for. Modifies `objects`. */
export function expandSiblings(objects: unknown[]): KObject[] {
  const previous = new Map<string, Json>();
  const isMarker = (v: unknown, name: string): v is Json => isRecord(v) && name in v && Object.keys(v).length === 1;
  for (const o of objects) {
    if (!isRecord(o)) continue;
    const key = siblingKey(o);
    for (const k of Object.keys(o)) {
      let v = o[k];
      if (isMarker(v, '$lit')) {
        v = o[k] = v.$lit;
        if (!isRecord(v)) continue;
      } else if (!isRecord(v)) continue;
      const inner = v;
      for (const k2 of Object.keys(inner)) {
        const x = inner[k2];
        if (isMarker(x, '$lit')) inner[k2] = x.$lit;
        else if (isMarker(x, '$same')) {
          const before = previous.get(key)?.[k];
          if (x.$same !== 1 || !isRecord(before) || !(k2 in before)) throw new Error(`no earlier ${k}.${k2} to repeat`);
          inner[k2] = cloneJson(before[k2]);
        }
      }
    }
    previous.set(key, o);
  }
  return objects as KObject[];
}
