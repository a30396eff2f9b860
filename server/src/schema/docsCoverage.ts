// How much of the core kinds' fields have Chinese docs (spec side and `status` side), which enum
// values have a per-value meaning, which fields lack English, and which Chinese entries point at
// fields that no longer exist. Shared by the coverage test and `kubemate docs coverage`.
import type { Schema } from './schema';
import type { FieldType } from './schemaTypes';
import { zhCnDocs } from './docs/zhCN';
import { learningNotes } from './notes/learningNotes';
import { enumValueFields, enumValueNote } from './notes/enumValues';

/** The 28 kinds whose every field has Chinese docs. */
const CORE_KINDS: [apiVersion: string, kind: string][] = [
  ['v1', 'Pod'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet'],
  ['batch/v1', 'Job'],
  ['batch/v1', 'CronJob'],
  ['v1', 'Service'],
  ['v1', 'Endpoints'],
  ['discovery.k8s.io/v1', 'EndpointSlice'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'IngressClass'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'Namespace'],
  ['v1', 'ServiceAccount'],
  ['v1', 'PersistentVolume'],
  ['v1', 'PersistentVolumeClaim'],
  ['storage.k8s.io/v1', 'StorageClass'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ['v1', 'ResourceQuota'],
  ['v1', 'LimitRange'],
];

export interface DocsCoverage {
  kinds: number;
  /** Fields outside `status`. */
  fields: number;
  zhCN: number;
  missing: string[];
  /** `<Kind>.status` and every field below it that the spec side does not already count. */
  statusFields: number;
  statusZhCN: number;
  statusMissing: string[];
  /** Enum fields (more than one allowed value) on either side, and values without a meaning. */
  enumFields: number;
  enumValues: number;
  enumMissing: string[];
  /** Fields shown by `--lang en` that have no English text (upstream or ours). */
  enMissing: string[];
  /** Chinese entries whose type or field is not (or no longer) in the schema. */
  stale: string[];
  notes: number;
}

function refsOf(t: FieldType, out: string[]): void {
  if (t.kind === 'ref' && t.ref) out.push(t.ref);
  if (t.items) refsOf(t.items, out);
  if (t.values) refsOf(t.values, out);
}

function walk(schema: Schema, roots: string[], seen: Set<string>, skipStatus: boolean): string[] {
  const queue = [...roots];
  const fields: string[] = [];
  while (queue.length) {
    const key = queue.shift()!;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const [name, f] of Object.entries(schema.type(key)?.fields ?? {})) {
      if (skipStatus && name === 'status') continue;
      fields.push(`${key}.${name}`);
      const refs: string[] = [];
      refsOf(f, refs);
      queue.push(...refs.filter((r) => !seen.has(r)));
    }
  }
  return fields;
}

function kindTypes(schema: Schema): string[] {
  return CORE_KINDS.map(([apiVersion, kind]) => {
    const entry = schema.findKind(apiVersion, kind);
    if (!entry) throw new Error(`core kind ${apiVersion} ${kind} missing from the schema`);
    return entry.type;
  });
}

/** Every `type.field` reachable from the core kinds, `status` subtrees excluded. */
function coreFields(schema: Schema): string[] {
  return walk(schema, kindTypes(schema), new Set(), true);
}

/** `<Kind>.status` and every `type.field` below it that coreFields does not already list. */
function statusFields(schema: Schema): string[] {
  const seen = new Set<string>();
  walk(schema, kindTypes(schema), seen, true);
  const out: string[] = [];
  const roots: string[] = [];
  for (const type of kindTypes(schema)) {
    const f = schema.type(type)?.fields.status;
    if (!f) continue;
    out.push(`${type}.status`);
    refsOf(f, roots);
  }
  return [...out, ...walk(schema, roots, seen, false)];
}

const split = (key: string): [string, string] => {
  const i = key.lastIndexOf('.');
  return [key.slice(0, i), key.slice(i + 1)];
};

function enumOf(schema: Schema, key: string): string[] | undefined {
  const [type, field] = split(key);
  const f = schema.type(type)?.fields[field];
  const values = f?.enum ?? f?.items?.enum;
  return values && values.length > 1 ? values : undefined;
}

export function docsCoverage(schema: Schema): DocsCoverage {
  const zh = zhCnDocs();
  const fields = coreFields(schema);
  const status = statusFields(schema);
  const has = (key: string) => {
    const [type, field] = split(key);
    return !!zh[type]?.[field];
  };
  const missing = fields.filter((k) => !has(k));
  const statusMissing = status.filter((k) => !has(k));
  let enumFields = 0;
  let enumValues = 0;
  const enumMissing: string[] = [];
  for (const key of [...fields, ...status]) {
    const values = enumOf(schema, key);
    if (!values) continue;
    enumFields++;
    const [type, field] = split(key);
    for (const v of values) {
      enumValues++;
      if (!enumValueNote(type, field, v)) enumMissing.push(`${key}=${v}`);
    }
  }
  const enMissing = [...fields, ...status].filter((k) => !schema.description(...split(k)));
  const stale: string[] = [];
  for (const [type, entries] of Object.entries(zh)) {
    const def = schema.type(type);
    for (const field of Object.keys(entries)) {
      if (!def || (field !== '' && !def.fields[field])) stale.push(`${type}.${field}`);
    }
  }
  for (const [type, entries] of Object.entries(learningNotes())) {
    for (const field of Object.keys(entries)) if (!schema.type(type)?.fields[field]) stale.push(`note:${type}.${field}`);
  }
  for (const [type, field, values] of enumValueFields()) {
    const f = schema.type(type)?.fields[field];
    const allowed = f?.enum ?? f?.items?.enum;
    if (!f) stale.push(`value:${type}.${field}`);
    else if (allowed) for (const v of values) if (!allowed.includes(v)) stale.push(`value:${type}.${field}=${v}`);
  }
  const notes = Object.values(learningNotes()).reduce((n, e) => n + Object.keys(e).length, 0);
  return {
    kinds: CORE_KINDS.length,
    fields: fields.length,
    zhCN: fields.length - missing.length,
    missing,
    statusFields: status.length,
    statusZhCN: status.length - statusMissing.length,
    statusMissing,
    enumFields,
    enumValues,
    enumMissing,
    enMissing,
    stale,
    notes,
  };
}
