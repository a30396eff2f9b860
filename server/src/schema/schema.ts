// Read-only view of the generated Kubernetes schema: kinds by apiVersion, types, field lookup
// along a YAML path, and English descriptions (loaded on first use: only hover/explain need them).
import type { DocsFile, FieldType, KindEntry, SchemaFile, SchemaModel, TypeDef } from './schemaTypes';
import { expandSchemaFile } from './schemaTypes';
import { readGeneratedJson } from './schemaFiles';
import { findApiChange } from '../k8s/removedApis';
import { enSupplementDescription } from './docs/enSupplement';
import { kustomizationOverlay } from './kustomizationModel';

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

let nextSchemaId = 0;

/** Kinds, types and descriptions laid over the built-in schema (schema/crdModel.ts makes them from CRDs). */
export interface SchemaOverlay {
  kinds: KindEntry[];
  types: Record<string, TypeDef>;
  /** The descriptions, or how to load them when first asked (hover, completion, explain). */
  docs: DocsFile | (() => DocsFile);
}

export class Schema {
  /** Distinct per instance: per-document memos of schema findings include it in their key. */
  readonly id = nextSchemaId++;
  readonly kinds: KindEntry[];
  readonly source: string;
  private readonly types: Record<string, TypeDef>;
  private readonly byGvk = new Map<string, KindEntry>();
  private readonly byKind = new Map<string, KindEntry[]>();
  private docs: DocsFile | undefined;
  /** API groups of the built-in kinds (custom kinds laid over them do not make their group built in). */
  private readonly builtInGroups: Set<string>;
  /** Descriptions of the overlay types, newest overlay first. */
  private readonly overlayDocs: (DocsFile | (() => DocsFile))[];

  constructor(
    file: SchemaModel,
    private readonly loadDocs: () => DocsFile = () => readGeneratedJson<DocsFile>('schemaDocs.json'),
    base?: { builtInGroups: Set<string>; docs: (DocsFile | (() => DocsFile))[] },
  ) {
    this.kinds = file.kinds;
    this.types = file.types;
    this.source = file.source;
    this.builtInGroups = base?.builtInGroups ?? new Set(file.kinds.map((k) => k.group));
    this.overlayDocs = base?.docs ?? [];
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
    const served = (this.byKind.get(kind) ?? []).filter((k) => findApiChange(apiVersionOf(k), k.kind)?.status !== 'removed');
    // A built-in kind is what a bare `kind: Ingress` means; a custom kind of the same name (Knative's) is not offered for it.
    const builtIn = served.filter((k) => this.builtInGroups.has(k.group));
    return builtIn.length ? builtIn : served;
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
    return this.builtInGroups.has(group);
  }

  /**
   * This schema with custom kinds laid over it: an overlay kind replaces a kind of the same
   * group/version/kind (a workspace CRD overrides a bundled one when laid over it in turn).
   */
  withOverlay(overlay: SchemaOverlay, source: string): Schema {
    const gvk = (k: KindEntry) => `${apiVersionOf(k)}/${k.kind}`;
    const replaced = new Set(overlay.kinds.map(gvk));
    return new Schema(
      {
        source: `${this.source} + ${source}`,
        kinds: [...this.kinds.filter((k) => !replaced.has(gvk(k))), ...overlay.kinds],
        types: { ...this.types, ...overlay.types },
      },
      () => this.allDocs(),
      { builtInGroups: this.builtInGroups, docs: [overlay.docs, ...this.overlayDocs] },
    );
  }

  private allDocs(): DocsFile {
    this.docs ??= this.loadDocs();
    return this.docs;
  }

  /** Does the type accept fields it does not list? */
  isOpen(typeKey: string): boolean {
    return this.types[typeKey]?.open === true;
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
    for (let i = 0; i < this.overlayDocs.length; i++) {
      let d = this.overlayDocs[i];
      if (typeof d === 'function') this.overlayDocs[i] = d = d();
      const own = d[typeKey];
      if (own) return own[field];
    }
    return this.allDocs()[typeKey]?.[field] ?? enSupplementDescription(typeKey, field);
  }
}

export function apiVersionOf(k: { group: string; version: string }): string {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

let shared: Schema | undefined;

/**
 * The schema generated at build time, loaded once per process: the built-in kinds
 * (dist/schema.json) and the bundled custom resources laid over them (dist/crdSchema.json).
 */
export function loadSchema(): Schema {
  if (shared) return shared;
  const builtIn = new Schema(expandSchemaFile(readGeneratedJson<SchemaFile>('schema.json')));
  const bundled = expandSchemaFile(readGeneratedJson<SchemaFile>('crdSchema.json'));
  shared = builtIn
    .withOverlay({ kinds: bundled.kinds, types: bundled.types, docs: () => readGeneratedJson<DocsFile>('crdSchemaDocs.json') }, bundled.source)
    .withOverlay(kustomizationOverlay(), 'Kustomization');
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
