// Read-only view of the generated Kubernetes schema: kinds by apiVersion, types, field lookup
// along a YAML path, and English descriptions (loaded on first use: only hover/explain need them).
import type { DocsFile, FieldType, KindEntry, SchemaFile, SchemaModel, TypeDef } from './schemaTypes';
import { expandSchemaFile } from './schemaTypes';
import { readGeneratedJson } from './schemaFiles';
import { findApiChange } from '../k8s/removedApis';
import { enSupplementDescription } from './docs/enSupplement';

export type PathSegment = string | number;

export interface FieldInfo {
  type: FieldType;
  /** Type key that declares the field (undefined at the root). */
  owner?: string;
  name?: string;
}

const VERSION_RANK = (v: string): number => {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
  if (!m) return 0;
  const major = Number(m[1]);
  const stage = m[2] === undefined ? 3 : m[2] === 'beta' ? 2 : 1;
  return stage * 1e6 + major * 1e3 + Number(m[3] ?? 0);
};

export class Schema {
  readonly kinds: KindEntry[];
  readonly source: string;
  private readonly types: Record<string, TypeDef>;
  private readonly byGvk = new Map<string, KindEntry>();
  private readonly byKind = new Map<string, KindEntry[]>();
  private docs: DocsFile | undefined;

  constructor(file: SchemaModel, private readonly loadDocs: () => DocsFile = () => readGeneratedJson<DocsFile>('schemaDocs.json')) {
    this.kinds = file.kinds;
    this.types = file.types;
    this.source = file.source;
    for (const k of file.kinds) {
      this.byGvk.set(`${apiVersionOf(k)}/${k.kind}`, k);
      const list = this.byKind.get(k.kind) ?? [];
      list.push(k);
      this.byKind.set(k.kind, list);
    }
    for (const list of this.byKind.values()) list.sort((a, b) => VERSION_RANK(b.version) - VERSION_RANK(a.version));
  }

  findKind(apiVersion: string, kind: string): KindEntry | undefined {
    return this.byGvk.get(`${apiVersion}/${kind}`);
  }

  /** All served versions of a kind, preferred (GA, highest) first; removed APIs left out. */
  versionsOfKind(kind: string): KindEntry[] {
    return (this.byKind.get(kind) ?? []).filter((k) => findApiChange(apiVersionOf(k), k.kind)?.status !== 'removed');
  }

  /** Case-insensitive kind lookup, so `deployment` finds `Deployment`. */
  kindNamed(name: string): string | undefined {
    if (this.byKind.has(name)) return name;
    const lower = name.toLowerCase();
    for (const k of this.byKind.keys()) if (k.toLowerCase() === lower) return k;
    return undefined;
  }

  /** apiVersions that are still served, sorted. */
  servedApiVersions(): string[] {
    const set = new Set<string>();
    for (const k of this.kinds) if (findApiChange(apiVersionOf(k), k.kind)?.status !== 'removed') set.add(apiVersionOf(k));
    return [...set].sort();
  }

  isBuiltInGroup(group: string): boolean {
    return this.kinds.some((k) => k.group === group);
  }

  isKnownApiVersion(apiVersion: string): boolean {
    return this.kinds.some((k) => apiVersionOf(k) === apiVersion);
  }

  kindsInApiVersion(apiVersion: string): KindEntry[] {
    return this.kinds.filter((k) => apiVersionOf(k) === apiVersion);
  }

  type(key: string): TypeDef | undefined {
    return this.types[key];
  }

  /** Follows a path of keys and indexes from a kind's root type. */
  fieldAt(rootType: string, path: PathSegment[]): FieldInfo | undefined {
    let cur: FieldInfo = { type: { kind: 'ref', ref: rootType } };
    for (const seg of path) {
      const next = this.step(cur.type, seg);
      if (!next) return undefined;
      cur = next;
    }
    return cur;
  }

  /** One step down: a property of an object, an item of an array, a value of a map. */
  step(type: FieldType, seg: PathSegment): FieldInfo | undefined {
    if (type.kind === 'any') return { type: { kind: 'any' } };
    if (typeof seg === 'number') return type.kind === 'array' && type.items ? { type: type.items } : undefined;
    if (type.kind === 'map' && type.values) return { type: type.values };
    if (type.kind === 'ref' && type.ref) {
      const def = this.types[type.ref];
      const f = def?.fields[seg];
      return f ? { type: f, owner: type.ref, name: seg } : undefined;
    }
    return undefined;
  }

  /** Fields of an object type (following a ref), or undefined when the type is not an object. */
  fieldsOf(type: FieldType): Record<string, FieldType> | undefined {
    if (type.kind === 'ref' && type.ref) return this.types[type.ref]?.fields;
    return undefined;
  }

  /** English description of a type ('' field) or of one of its fields. */
  description(typeKey: string, field = ''): string | undefined {
    this.docs ??= this.loadDocs();
    return this.docs[typeKey]?.[field] ?? enSupplementDescription(typeKey, field);
  }
}

export function apiVersionOf(k: { group: string; version: string }): string {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

let shared: Schema | undefined;

/** The schema generated at build time (dist/schema.json), loaded once per process. */
export function loadSchema(): Schema {
  shared ??= new Schema(expandSchemaFile(readGeneratedJson<SchemaFile>('schema.json')));
  return shared;
}

/** A readable type name for hover and explain: `[]Container`, `map[string]string`, `integer`. */
export function typeLabel(t: FieldType): string {
  switch (t.kind) {
    case 'ref':
      return (t.ref ?? '').split('.').pop() ?? 'object';
    case 'array':
      return `[]${t.items ? typeLabel(t.items) : 'any'}`;
    case 'map':
      return `map[string]${t.values ? typeLabel(t.values) : 'any'}`;
    case 'quantity':
      return 'Quantity';
    case 'int-or-string':
      return 'IntOrString';
    case 'any':
      return 'object';
    default:
      return t.enum ? `${t.kind} (enum)` : t.kind;
  }
}
