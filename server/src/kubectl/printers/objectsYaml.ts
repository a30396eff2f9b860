// `kubectl get -o yaml`: the stored objects as kubectl prints them — keys in alphabetical order (it
// marshals to JSON and converts through a Go map), sequences not indented under their key, a
// named get of one kind the object itself and anything else a `List`. Strings another YAML 1.1
// reader would take for something else (timestamps, "yes", "0755") are quoted, as go-yaml does;
// empty label and annotation maps are left out (omitempty).
// upstream: k8s.io/cli-runtime pkg/printers/yaml.go, sigs.k8s.io/yaml JSONToYAML.
import { stringify } from 'yaml';
import type { KObject } from '../../cluster/types';

const OMIT_EMPTY = new Set(['labels', 'annotations']);

function isEmptyMap(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
}

function sortedKeys(v: unknown, key?: string): unknown {
  if (Array.isArray(v)) return v.map((x) => sortedKeys(x));
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || (key === 'metadata' && OMIT_EMPTY.has(k) && isEmptyMap(x))) continue;
    out[k] = sortedKeys(x, k);
  }
  return out;
}

export function objectsYaml(objects: KObject[], single: boolean): string {
  const doc = single && objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  return stringify(sortedKeys(doc), { indentSeq: false, lineWidth: 0, version: '1.1' }).trimEnd();
}
