// Shape of dist/schema.json, written by scripts/generateSchema.mjs.

export type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'int-or-string' | 'quantity' | 'any' | 'ref' | 'array' | 'map';

export interface FieldType {
  t: FieldKind;
  /** ref: the referenced type key, e.g. "core.v1.Container". */
  r?: string;
  /** array: item type. */
  i?: FieldType;
  /** map: value type. */
  v?: FieldType;
  /** Allowed string values. */
  e?: string[];
  /** Format, e.g. "date-time". */
  f?: string;
  /** Present (1) when the field is required. */
  q?: 1;
}

export interface TypeDef {
  f: Record<string, FieldType>;
}

export interface KindEntry {
  group: string;
  version: string;
  kind: string;
  type: string;
}

export interface SchemaFile {
  source: string;
  kinds: KindEntry[];
  types: Record<string, TypeDef>;
}

/** Per type key: "" → the type's description, field name → the field's description. */
export type DocsFile = Record<string, Record<string, string>>;
