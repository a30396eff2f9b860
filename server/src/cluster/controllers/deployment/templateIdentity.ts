// Which pod template a ReplicaSet runs, compared the way the Deployment controller does: equal
// ignoring the pod-template-hash label (upstream EqualIgnoreHash), and hashed for the new
// ReplicaSet's name (upstream ComputeHash, see naming.ts). Both work on canonical JSON, cached per
// template object: a rollout asks about the same templates every sync.
import type { PodTemplateSpec } from '../../types';
import { canonicalJson, computeHashOfJson } from '../../naming';

export const DEFAULT_POD_TEMPLATE_HASH_KEY = 'pod-template-hash';

/** Template without the pod-template-hash label, for comparison (upstream EqualIgnoreHash). */
function templateWithoutHash(t: PodTemplateSpec | undefined): unknown {
  if (!t) return t;
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[DEFAULT_POD_TEMPLATE_HASH_KEY];
  const meta = { ...(t.metadata ?? {}), labels };
  if (Object.keys(labels).length === 0) delete (meta as Record<string, unknown>).labels;
  return { ...t, metadata: meta };
}

const canonicalCache = new WeakMap<object, string>();

/** Templates are replaced, never edited in place, once stored — so the object is a safe cache key. */
function canonicalTemplate(t: PodTemplateSpec | undefined): string {
  if (!t) return 'null';
  let c = canonicalCache.get(t);
  if (c === undefined) {
    c = hashFree(t) ? rawCanonical(t) : canonicalJson(templateWithoutHash(t));
    canonicalCache.set(t, c);
  }
  return c;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * True when templateWithoutHash(t) prints exactly like t: metadata present, labels absent or
 * non-empty without the hash label (an empty or missing labels map is dropped, a missing
 * metadata added). Then one canonical form serves both the hash and the comparison.
 */
function hashFree(t: PodTemplateSpec): boolean {
  if (!isPlainObject(t) || !isPlainObject(t.metadata)) return false;
  const labels = t.metadata.labels;
  if (labels === undefined) return true;
  return isPlainObject(labels) && Object.keys(labels).length > 0 && !Object.prototype.hasOwnProperty.call(labels, DEFAULT_POD_TEMPLATE_HASH_KEY);
}

/**
 * A new ReplicaSet's template is a copy of the Deployment's plus the pod-template-hash label, so
 * without the hash it is the Deployment's template again: reuse its canonical form.
 */
export function rememberTemplateCopy(copy: PodTemplateSpec, original: PodTemplateSpec | undefined): void {
  if (original) canonicalCache.set(copy, canonicalTemplate(original));
}

const rawCanonicalCache = new WeakMap<object, string>();

function rawCanonical(t: object): string {
  let c = rawCanonicalCache.get(t);
  if (c === undefined) {
    c = canonicalJson(t);
    rawCanonicalCache.set(t, c);
  }
  return c;
}

/** computeHash of a copy of the Deployment's template (`template ?? {}`), from a cached canonical form. */
export function templateHash(template: unknown, collisionCount?: number): string {
  const t = template ?? {};
  return computeHashOfJson(typeof t === 'object' ? rawCanonical(t) : canonicalJson(t), collisionCount);
}

export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return canonicalTemplate(a) === canonicalTemplate(b);
}
