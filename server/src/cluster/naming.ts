// Names the way the API server and controllers make them (KUBERNETES-BEHAVIOUR §2).
import type { SeededIds } from '../util/seededIds';

/** upstream: apimachinery pkg/util/rand/rand.go — no vowels, no 0/1/3, so no words appear. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** upstream: apiserver pkg/storage/names/generate.go MaxGeneratedNameLength = 63 − 5. */
const MAX_GENERATED_NAME_LENGTH = 58;

/** FNV-1a, 32 bit, over UTF-8 bytes. */
function fnv32a(bytes: Uint8Array | number[], hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** upstream: rand.SafeEncodeString — every character c → ALPHANUMS[c mod 27]. */
function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/**
 * JSON with object keys sorted, the stand-in for Go's sorted-keys struct dump. Keys whose value
 * is undefined are left out; array holes print as nothing (what `map(...).join(',')` gave).
 * Written as loops: it runs over every pod template a rollout compares or hashes.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const parts: string[] = [];
  writeCanonical(value, parts);
  return parts.join('');
}

function writeCanonical(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      if (i in value) writeCanonical(value[i], out);
    }
    out.push(']');
    return;
  }
  const o = value as Record<string, unknown>;
  const keys = sortedKeys(o);
  out.push('{');
  let first = true;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(quotedKey(k), ':');
    writeCanonical(v, out);
  }
  out.push('}');
}

/** Object.keys(o).sort(), sorted in place by insertion: objects have few keys, and Array#sort allocates per call. */
function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > k) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

/** JSON.stringify(key): templates repeat the same keys, so their quoted forms are kept (bounded). */
const quotedKeys = new Map<string, string>();

function quotedKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quotedKeys.size >= 4096) quotedKeys.clear();
    quotedKeys.set(k, q);
  }
  return q;
}

const encoder = new TextEncoder();

/**
 * pod-template-hash. upstream: pkg/controller/controller_utils.go ComputeHash — FNV-1a over a
 * deterministic dump of the template, then collisionCount as 8 little-endian bytes, printed in
 * decimal and passed through SafeEncodeString. We dump canonical JSON instead of Go's struct
 * printer, so the value differs from a real cluster's, but it has the same shape (chars 4-9 b c d f)
 * and the same properties: same template + collisionCount → same hash.
 * Worked value: sum 3314112556 → "775855699b".
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  return computeHashOfJson(canonicalJson(template), collisionCount);
}

/** computeHash from the template's canonicalJson, for callers that keep it cached. */
export function computeHashOfJson(json: string, collisionCount?: number): string {
  let h = fnv32a(encoder.encode(json));
  if (collisionCount !== undefined && collisionCount !== null) {
    const b = [collisionCount & 0xff, (collisionCount >>> 8) & 0xff, (collisionCount >>> 16) & 0xff, (collisionCount >>> 24) & 0xff, 0, 0, 0, 0];
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}

/** upstream: utilrand.String(5) — five characters from ALPHANUMS. */
export function randomSuffix(ids: SeededIds, n = 5): string {
  // The draws of ids.string(n, ALPHANUMS), gathered as character codes: one flat string, not a chain of n concatenations.
  const codes: number[] = new Array(n);
  for (let i = 0; i < n; i++) codes[i] = ALPHANUMS.charCodeAt(Math.floor(ids.next() * ALPHANUMS.length));
  return String.fromCharCode.apply(null, codes);
}

/** upstream: SimpleNameGenerator.GenerateName — base cut to 58 characters, then the suffix. */
export function generatedName(base: string, suffix: string): string {
  return (base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base) + suffix;
}

const HEX = '0123456789abcdef';
const VARIANT = '89ab';
const DASH = 0x2d;
const UID_CODES: number[] = new Array(36).fill(0);

/** Digit `j` (0 = most significant) of the 8-digit hex form of a uint32. */
function hexDigit(n: number, j: number): number {
  return (n >>> (28 - 4 * j)) & 15;
}

function hexCode(n: number, j: number): number {
  return HEX.charCodeAt(hexDigit(n, j));
}

/**
 * A UUID-shaped uid from four 32-bit draws (Math.floor(next() × 2³²), i.e. the uint32 behind
 * each draw): `aaaaaaaa-bbbb-4bbb-Vccc-ccccdddddddd`, b's fifth digit dropped for the version
 * nibble and V = 8 + (c's first digit & 3). Built from character codes: one flat string per uid.
 */
export function uidFrom(ids: SeededIds): string {
  const a = Math.floor(ids.next() * 4294967296);
  const b = Math.floor(ids.next() * 4294967296);
  const c = Math.floor(ids.next() * 4294967296);
  const d = Math.floor(ids.next() * 4294967296);
  const codes = UID_CODES;
  let i = 0;
  for (let j = 0; j < 8; j++) codes[i++] = hexCode(a, j);
  codes[i++] = DASH;
  for (let j = 0; j < 4; j++) codes[i++] = hexCode(b, j);
  codes[i++] = DASH;
  codes[i++] = 0x34; // '4'
  for (let j = 5; j < 8; j++) codes[i++] = hexCode(b, j);
  codes[i++] = DASH;
  codes[i++] = VARIANT.charCodeAt(hexDigit(c, 0) & 3);
  for (let j = 1; j < 4; j++) codes[i++] = hexCode(c, j);
  codes[i++] = DASH;
  for (let j = 4; j < 8; j++) codes[i++] = hexCode(c, j);
  for (let j = 0; j < 8; j++) codes[i++] = hexCode(d, j);
  return String.fromCharCode.apply(null, codes);
}
