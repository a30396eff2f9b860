// What the API server's JSON decoder says about a value of the wrong type — before any
// validation runs, the object must decode into the Go structs: `spec: 5` on a Pod is refused with
// `json: cannot unmarshal number into Go struct field Pod.spec of type v1.PodSpec`. The simulated
// cluster gets this message with the object (cluster/ never sees the schema), so nothing of the
// wrong shape reaches the controllers. Fields the schema does not know are left to strict field
// validation (the editor's unknown-field check); `null` decodes to the zero value.
// upstream: encoding/json UnmarshalTypeError ("json: cannot unmarshal <value> into Go struct field
// <Struct>.<path> of type <type>", the path without list indexes), resource.Quantity.UnmarshalJSON,
// intstr.IntOrString.UnmarshalJSON.
import type { Schema } from './schema';
import type { FieldType } from './schemaTypes';
import { isValidQuantity, QUANTITY_REGEX_TEXT } from '../k8s/quantity';

const QUANTITY_FORMAT_ERROR = `quantities must match the regular expression '${QUANTITY_REGEX_TEXT}'`;

/** Integer fields that are int64 in the Go types (the model keeps no integer format); the rest are int32. */
const INT64_FIELDS = new Set(['runAsUser', 'runAsGroup', 'fsGroup', 'supplementalGroups', 'activeDeadlineSeconds', 'terminationGracePeriodSeconds', 'tolerationSeconds', 'expirationSeconds', 'startingDeadlineSeconds', 'gracePeriodSeconds', 'generation', 'observedGeneration', 'ttlSecondsAfterFinished']);

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** The Go type name as the decoder prints it: `v1.PodSpec`, `[]v1.Container`, `map[string]string`, `int32`. */
function goType(t: FieldType, field: string): string {
  switch (t.kind) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'integer':
      return INT64_FIELDS.has(field) ? 'int64' : 'int32';
    case 'number':
      return 'float64';
    case 'quantity':
      return 'resource.Quantity';
    case 'int-or-string':
      return 'intstr.IntOrString';
    case 'array':
      return `[]${t.items ? goType(t.items, field) : 'interface {}'}`;
    case 'map':
      return `map[string]${t.values ? goType(t.values, field) : 'interface {}'}`;
    case 'ref':
      return (t.ref ?? '').split('.').slice(-2).join('.');
    default:
      return 'interface {}';
  }
}

/** What `null` decodes to as a list item or map value: Go's zero value (a field set to null is simply left unset). */
function zeroValue(t: FieldType): unknown {
  switch (t.kind) {
    case 'ref':
      return {};
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

const structName = (ref: string): string => ref.split('.').pop() ?? ref;

interface Walk {
  schema: Schema;
  /** Innermost Go struct around the value. */
  struct: string;
  /** Dotted field path from the root, no indexes. */
  path: string[];
  field: string;
}

function check(w: Walk, t: FieldType, v: unknown): string | undefined {
  if (v === null || v === undefined || t.kind === 'any') return undefined;
  const mismatch = (value = jsonKind(v)) => `json: cannot unmarshal ${value} into Go struct field ${[w.struct, ...w.path].join('.')} of type ${goType(t, w.field)}`;
  switch (t.kind) {
    case 'string':
      return typeof v === 'string' ? undefined : mismatch();
    case 'boolean':
      return typeof v === 'boolean' ? undefined : mismatch();
    case 'number':
      return typeof v === 'number' ? undefined : mismatch();
    case 'integer': {
      if (typeof v !== 'number') return mismatch();
      const limit = goType(t, w.field) === 'int64' ? 2 ** 63 : 2 ** 31;
      return Number.isInteger(v) && v >= -limit && v < limit ? undefined : mismatch(`number ${Number.isFinite(v) ? JSON.stringify(v) : String(v)}`);
    }
    case 'quantity':
      return (typeof v === 'string' || typeof v === 'number') && isValidQuantity(v) ? undefined : QUANTITY_FORMAT_ERROR;
    case 'int-or-string':
      return typeof v === 'string' || typeof v === 'number' ? undefined : `json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`;
    case 'array': {
      if (!Array.isArray(v)) return mismatch();
      for (let i = 0; i < v.length; i++) {
        if (!t.items) break;
        if (v[i] === null) v[i] = zeroValue(t.items);
        const e = check(w, t.items, v[i]);
        if (e) return e;
      }
      return undefined;
    }
    case 'map': {
      if (jsonKind(v) !== 'object') return mismatch();
      const m = v as Record<string, unknown>;
      for (const k of Object.keys(m)) {
        if (!t.values) break;
        if (m[k] === null) m[k] = zeroValue(t.values);
        const e = check(w, t.values, m[k]);
        if (e) return e;
      }
      return undefined;
    }
    case 'ref': {
      if (jsonKind(v) !== 'object') return mismatch();
      const fields = t.ref ? w.schema.type(t.ref)?.fields : undefined;
      if (!fields) return undefined;
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        const f = Object.prototype.hasOwnProperty.call(fields, k) ? fields[k] : undefined;
        if (!f) continue;
        const e = check({ schema: w.schema, struct: structName(t.ref!), path: [...w.path, k], field: k }, f, item);
        if (e) return e;
      }
      return undefined;
    }
  }
  return undefined;
}

/**
 * The decoder's error for the first value of the wrong type (in document order), or undefined
 * when the object decodes; undefined too for kinds the schema does not know. Decoding also
 * turns a `null` list item or map value into the zero value in place (`containers: [null]`
 * becomes `[{}]`, which validation then reports as a container without a name or image).
 */
export function decodeError(schema: Schema, o: Record<string, unknown>): string | undefined {
  const entry = typeof o.apiVersion === 'string' && typeof o.kind === 'string' ? schema.findKind(o.apiVersion, o.kind) : undefined;
  if (!entry) return undefined;
  return check({ schema, struct: structName(entry.type), path: [], field: '' }, { kind: 'ref', ref: entry.type }, o);
}
