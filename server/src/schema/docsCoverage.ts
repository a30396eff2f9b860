// How much of the core kinds' fields have Chinese docs, and which Chinese entries point at
// fields that no longer exist. Shared by the coverage test and `kubemate docs coverage`.
import type { Schema } from './schema';
import type { FieldType } from './schemaTypes';
import { zhCnDocs } from './docs/zhCN';
import { learningNotes } from './notes/learningNotes';
import { enumValueFields } from './notes/enumValues';

/** The 28 kinds whose every non-status field has Chinese docs. */
export const CORE_KINDS: [apiVersion: string, kind: string][] = [
  ['v1', 'Pod'], ['apps/v1', 'Deployment'], ['apps/v1', 'ReplicaSet'], ['apps/v1', 'StatefulSet'], ['apps/v1', 'DaemonSet'],
  ['batch/v1', 'Job'], ['batch/v1', 'CronJob'], ['v1', 'Service'], ['v1', 'Endpoints'], ['discovery.k8s.io/v1', 'EndpointSlice'],
  ['networking.k8s.io/v1', 'Ingress'], ['networking.k8s.io/v1', 'IngressClass'], ['v1', 'ConfigMap'], ['v1', 'Secret'],
  ['v1', 'Namespace'], ['v1', 'ServiceAccount'], ['v1', 'PersistentVolume'], ['v1', 'PersistentVolumeClaim'],
  ['storage.k8s.io/v1', 'StorageClass'], ['autoscaling/v2', 'HorizontalPodAutoscaler'], ['policy/v1', 'PodDisruptionBudget'],
  ['networking.k8s.io/v1', 'NetworkPolicy'], ['rbac.authorization.k8s.io/v1', 'Role'], ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'], ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'], ['v1', 'ResourceQuota'], ['v1', 'LimitRange'],
];

export interface DocsCoverage {
  kinds: number;
  fields: number;
  zhCN: number;
  missing: string[];
  /** Chinese entries whose type or field is not (or no longer) in the schema. */
  stale: string[];
  notes: number;
}

function refsOf(t: FieldType, out: string[]): void {
  if (t.kind === 'ref' && t.ref) out.push(t.ref);
  if (t.items) refsOf(t.items, out);
  if (t.values) refsOf(t.values, out);
}

/** Every `type.field` reachable from the core kinds, `status` subtrees excluded. */
export function coreFields(schema: Schema): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const [apiVersion, kind] of CORE_KINDS) {
    const entry = schema.findKind(apiVersion, kind);
    if (!entry) throw new Error(`core kind ${apiVersion} ${kind} missing from the schema`);
    queue.push(entry.type);
  }
  const fields: string[] = [];
  while (queue.length) {
    const key = queue.shift()!;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const [name, f] of Object.entries(schema.type(key)?.fields ?? {})) {
      if (name === 'status') continue;
      fields.push(`${key}.${name}`);
      const refs: string[] = [];
      refsOf(f, refs);
      queue.push(...refs.filter((r) => !seen.has(r)));
    }
  }
  return fields;
}

export function docsCoverage(schema: Schema): DocsCoverage {
  const zh = zhCnDocs();
  const fields = coreFields(schema);
  const has = (key: string) => {
    const i = key.lastIndexOf('.');
    return !!zh[key.slice(0, i)]?.[key.slice(i + 1)];
  };
  const missing = fields.filter((k) => !has(k));
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
  return { kinds: CORE_KINDS.length, fields: fields.length, zhCN: fields.length - missing.length, missing, stale, notes };
}
