// A CustomResourceDefinition's `openAPIV3Schema`, turned into the generated type model
// (schemaTypes.ts) the built-in kinds use, so a custom resource gets the same checks, completion
// and hover. What the structural schema says maps as follows:
//   object + properties            → a type of its own (`required` marks the fields; unknown
//                                     fields are reported, as the API server's strict field
//                                     validation does), open when x-kubernetes-preserve-unknown-fields
//   object + additionalProperties  → map (true / {} → map of anything)
//   object alone, preserve-unknown-fields, embedded resources, anyOf/oneOf/allOf → any
//   x-kubernetes-int-or-string, anyOf [integer, string] → int-or-string
//   string enum / format, integer, number, boolean, array items → the same kinds
// Type keys read like the built-in ones: "crd.<group with _ for dots>.<version>.<Kind><Path>",
// e.g. crd.cert-manager_io.v1.CertificateSpecPrivateKey, so messages name "CertificateSpecPrivateKey".
// Pure: the same code reads workspace CRDs (editor, `kubemate check`) and the bundled ones.
import type { DocsFile, FieldType, KindEntry, TypeDef } from './schemaTypes';

/** One served version of a custom kind and its schema. */
export interface CrdVersion {
  group: string;
  version: string;
  kind: string;
  /** The version's openAPIV3Schema (undefined: the CRD gives none — every field is accepted). */
  schema: unknown;
}

/** Kinds, types and English descriptions to lay over the built-in schema. */
export interface CrdModel {
  kinds: KindEntry[];
  types: Record<string, TypeDef>;
  docs: DocsFile;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The versions a CRD's `spec` defines (apiextensions.k8s.io/v1 `versions[].schema`, or v1beta1's
 * top-level `validation`). Unserved versions are left out: the API server refuses them.
 */
export function crdVersions(spec: unknown): CrdVersion[] {
  if (!isObj(spec)) return [];
  const group = typeof spec.group === 'string' ? spec.group : '';
  const kind = isObj(spec.names) && typeof spec.names.kind === 'string' ? spec.names.kind : '';
  if (!group || !kind) return [];
  const shared = isObj(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObj) : [];
  if (!versions.length && typeof spec.version === 'string') return [{ group, version: spec.version, kind, schema: shared }];
  return versions
    .filter((v) => typeof v.name === 'string' && v.served !== false)
    .map((v) => ({ group, version: v.name as string, kind, schema: (isObj(v.schema) ? v.schema.openAPIV3Schema : undefined) ?? shared }));
}

export function crdTypeKey(group: string, version: string, kind: string): string {
  return `crd.${group.replace(/\./g, '_')}.${version}.${kind}`;
}

/** The model of a set of custom kinds; a later entry for the same group/version/kind wins. */
export function crdModel(versions: CrdVersion[]): CrdModel {
  const out: CrdModel = { kinds: [], types: {}, docs: {} };
  const seen = new Map<string, number>();
  for (const v of versions) {
    const root = crdTypeKey(v.group, v.version, v.kind);
    const entry = { group: v.group, version: v.version, kind: v.kind, type: root };
    const at = seen.get(root);
    if (at === undefined) {
      seen.set(root, out.kinds.length);
      out.kinds.push(entry);
    } else out.kinds[at] = entry;
    convertRoot(out, root, v);
  }
  return out;
}

function convertRoot(out: CrdModel, key: string, v: CrdVersion): void {
  const s = isObj(v.schema) ? v.schema : {};
  const props = isObj(s.properties) ? s.properties : {};
  const fields: Record<string, FieldType> = {
    apiVersion: { kind: 'string', enum: [v.group + '/' + v.version], required: true },
    kind: { kind: 'string', enum: [v.kind], required: true },
    metadata: { kind: 'ref', ref: 'meta.v1.ObjectMeta' },
  };
  const docs: Record<string, string> = {};
  if (typeof s.description === 'string') docs[''] = s.description;
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
  // Without a schema (or a preserve-unknown-fields root) the kind accepts every field.
  const open = !isObj(v.schema) || s['x-kubernetes-preserve-unknown-fields'] === true || !isObj(s.properties);
  for (const [name, p] of Object.entries(props)) {
    if (name === 'apiVersion' || name === 'kind' || name === 'metadata') continue;
    const ft = fieldType(out, key + pascal(name), p);
    if (required.has(name)) ft.required = true;
    fields[name] = ft;
    if (isObj(p) && typeof p.description === 'string') docs[name] = p.description;
  }
  out.types[key] = open ? { fields, open: true } : { fields };
  out.docs[key] = docs;
}

function fieldType(out: CrdModel, key: string, s: unknown): FieldType {
  if (!isObj(s)) return { kind: 'any' };
  if (s['x-kubernetes-int-or-string'] === true || isIntOrStringUnion(s)) return { kind: 'int-or-string' };
  if (s['x-kubernetes-embedded-resource'] === true && !isObj(s.properties)) return { kind: 'any' };
  const type = typeof s.type === 'string' ? s.type : isObj(s.properties) ? 'object' : isObj(s.items) ? 'array' : undefined;
  switch (type) {
    case 'string': {
      const ft: FieldType = { kind: 'string' };
      if (Array.isArray(s.enum) && s.enum.length && s.enum.every((e) => typeof e === 'string')) ft.enum = s.enum as string[];
      if (typeof s.format === 'string' && s.format) ft.format = s.format;
      return ft;
    }
    case 'integer':
      return { kind: 'integer' };
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return { kind: 'array', items: fieldType(out, key + 'Item', s.items) };
    case 'object':
      return objectType(out, key, s);
    default:
      return { kind: 'any' };
  }
}

function objectType(out: CrdModel, key: string, s: Json): FieldType {
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  if (isObj(s.properties) && Object.keys(s.properties).length) {
    const fields: Record<string, FieldType> = {};
    const docs: Record<string, string> = {};
    const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
    for (const [name, p] of Object.entries(s.properties)) {
      const ft = fieldType(out, key + pascal(name), p);
      if (required.has(name)) ft.required = true;
      fields[name] = ft;
      if (isObj(p) && typeof p.description === 'string') docs[name] = p.description;
    }
    if (typeof s.description === 'string') docs[''] = s.description;
    // A schema that also allows additionalProperties, or keeps unknown fields, is open.
    const open = preserve || s.additionalProperties === true || isObj(s.additionalProperties);
    out.types[key] = open ? { fields, open: true } : { fields };
    if (Object.keys(docs).length) out.docs[key] = docs;
    return { kind: 'ref', ref: key };
  }
  if (isObj(s.additionalProperties)) return { kind: 'map', values: fieldType(out, key + 'Value', s.additionalProperties) };
  return s.additionalProperties === true || !preserve ? { kind: 'map', values: { kind: 'any' } } : { kind: 'any' };
}

/** anyOf/oneOf of exactly an integer and a string alternative: what int-or-string fields are written as. */
function isIntOrStringUnion(s: Json): boolean {
  const alts = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (!alts || alts.length !== 2) return false;
  const types = new Set(alts.map((a) => (isObj(a) ? a.type : undefined)));
  return types.has('integer') && types.has('string');
}

function pascal(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9]+/g, ' ').trim();
  return (
    clean
      .split(' ')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('') || 'Field'
  );
}
