// The generated schema model (scripts/generateSchema.mjs), with names that say what they are,
// and the compact form it is stored in (dist/schema.json, one-letter keys: 13%
// smaller). `expandSchemaFile` turns the stored form into the model once, on load; only this
// file knows the one-letter keys.

export type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'int-or-string' | 'quantity' | 'any' | 'ref' | 'array' | 'map';

export interface FieldType {
  kind: FieldKind;
  /** ref: the referenced type key, e.g. "core.v1.Container". */
  ref?: string;
  /** array: the item type. */
  items?: FieldType;
  /** map: the value type. */
  values?: FieldType;
  /** Allowed string values. */
  enum?: string[];
  /** Format, e.g. "date-time". */
  format?: string;
  /** The API server requires the field. */
  required?: boolean;
}

export interface TypeDef {
  fields: Record<string, FieldType>;
  /** Fields besides those listed are accepted (a custom resource's x-kubernetes-preserve-unknown-fields). */
  open?: boolean;
}

export interface KindEntry {
  group: string;
  version: string;
  kind: string;
  type: string;
}

export interface SchemaModel {
  source: string;
  kinds: KindEntry[];
  types: Record<string, TypeDef>;
}

/** Per type key: "" → the type's description, field name → the field's description. */
export type DocsFile = Record<string, Record<string, string>>;

// ---- the stored form ------------------------------------------------------------------------

/** Readable key → stored key (scripts/generateSchema.mjs writes with the same table). */
export const COMPACT_KEYS = { kind: 't', ref: 'r', items: 'i', values: 'v', enum: 'e', format: 'f', required: 'q' } as const;

interface StoredFieldType {
  t: FieldKind;
  r?: string;
  i?: StoredFieldType;
  v?: StoredFieldType;
  e?: string[];
  f?: string;
  q?: 1;
}

/** dist/schema.json as written. */
export interface SchemaFile {
  source: string;
  kinds: KindEntry[];
  types: Record<string, { f: Record<string, StoredFieldType> }>;
}

function expandField(s: StoredFieldType): FieldType {
  const out: FieldType = { kind: s.t };
  if (s.r !== undefined) out.ref = s.r;
  if (s.i) out.items = expandField(s.i);
  if (s.v) out.values = expandField(s.v);
  if (s.e) out.enum = s.e;
  if (s.f !== undefined) out.format = s.f;
  if (s.q) out.required = true;
  return out;
}

export function expandSchemaFile(file: SchemaFile): SchemaModel {
  const types: Record<string, TypeDef> = {};
  for (const [key, def] of Object.entries(file.types)) {
    const fields: Record<string, FieldType> = {};
    for (const [name, ft] of Object.entries(def.f)) fields[name] = expandField(ft);
    types[key] = { fields };
  }
  return { source: file.source, kinds: file.kinds, types };
}
