// Patches as kustomize applies them: a strategic-merge patch (maps merge, lists of named items
// merge by their merge key, `$patch: delete|replace`, null deletes) or an RFC 6902 JSON patch.
// Merge keys follow the Kubernetes types' patchMergeKey tags for the lists learners patch.
import type { Obj } from './objectPaths';
import { isObj } from './objectPaths';

const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  ports: 'containerPort',
  conditions: 'type',
};

/** Applies a strategic-merge patch to `target` in place. */
export function strategicMerge(target: Obj, patch: Obj): void {
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch') continue;
    if (value === null) {
      delete target[key];
      continue;
    }
    const current = target[key];
    if (isObj(value)) {
      if (value.$patch === 'delete') delete target[key];
      else if (value.$patch === 'replace' || !isObj(current)) target[key] = stripDirectives(value);
      else strategicMerge(current, value);
    } else if (Array.isArray(value) && Array.isArray(current)) {
      target[key] = mergeList(key, current, value, isServicePorts(target, key));
    } else {
      target[key] = Array.isArray(value) ? value.map(stripDirectives) : value;
    }
  }
}

// Service ports merge on `port`, container ports on `containerPort`.
function isServicePorts(holder: Obj, key: string): boolean {
  return key === 'ports' && Array.isArray(holder.ports) && holder.ports.some((p) => isObj(p) && 'port' in p && !('containerPort' in p));
}

function mergeList(key: string, current: unknown[], patch: unknown[], servicePorts: boolean): unknown[] {
  const mergeKey = servicePorts ? 'port' : MERGE_KEYS[key];
  if (!mergeKey || !patch.every(isObj)) {
    const replace = patch.find((p) => isObj(p) && p.$patch === 'replace');
    return replace ? patch.filter((p) => p !== replace).map(stripDirectives) : patch.map(stripDirectives);
  }
  const out = current.map((c) => (isObj(c) ? { ...c } : c));
  for (const p of patch as Obj[]) {
    if (p.$patch === 'replace') return (patch as Obj[]).filter((x) => x !== p).map(stripDirectives);
    const idx = out.findIndex((c) => isObj(c) && c[mergeKey] === p[mergeKey]);
    if (p.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
    } else if (idx >= 0) strategicMerge(out[idx] as Obj, p);
    else out.push(stripDirectives(p));
  }
  return out;
}

function stripDirectives<T>(v: T): T {
  if (Array.isArray(v)) return v.map(stripDirectives) as T;
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) if (k !== '$patch') out[k] = stripDirectives(x);
  return out as T;
}

export interface JsonPatchOp {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

/** RFC 6902 on `doc` in place; returns a problem text (English key) or undefined. */
export function jsonPatch(doc: Obj, ops: JsonPatchOp[]): { failed?: JsonPatchOp; reason?: string } {
  for (const op of ops) {
    const reason = applyOp(doc, op);
    if (reason) return { failed: op, reason };
  }
  return {};
}

function pointer(path: string): string[] | undefined {
  if (path === '') return [];
  if (!path.startsWith('/')) return undefined;
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Obj, tokens: string[]): unknown {
  let cur: unknown = doc;
  for (const tok of tokens.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(tok)];
    else if (isObj(cur)) cur = cur[tok];
    else return undefined;
  }
  return cur;
}

function get(doc: Obj, tokens: string[]): unknown {
  const parent = parentOf(doc, tokens);
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) return parent[Number(last)];
  return isObj(parent) ? parent[last] : undefined;
}

function applyOp(doc: Obj, op: JsonPatchOp): string | undefined {
  const tokens = typeof op.path === 'string' ? pointer(op.path) : undefined;
  if (!tokens || tokens.length === 0) return 'path';
  const parent = parentOf(doc, tokens);
  const last = tokens[tokens.length - 1];
  switch (op.op) {
    case 'add':
    case 'replace': {
      if (Array.isArray(parent)) {
        const i = last === '-' ? parent.length : Number(last);
        if (!Number.isInteger(i) || i < 0 || i > parent.length || (op.op === 'replace' && i >= parent.length)) return 'index';
        if (op.op === 'add') parent.splice(i, 0, op.value);
        else parent[i] = op.value;
        return undefined;
      }
      if (!isObj(parent)) return 'missing';
      if (op.op === 'replace' && !(last in parent)) return 'missing';
      parent[last] = op.value;
      return undefined;
    }
    case 'remove': {
      if (Array.isArray(parent)) {
        const i = Number(last);
        if (!Number.isInteger(i) || i < 0 || i >= parent.length) return 'index';
        parent.splice(i, 1);
        return undefined;
      }
      if (!isObj(parent) || !(last in parent)) return 'missing';
      delete parent[last];
      return undefined;
    }
    case 'move':
    case 'copy': {
      const from = typeof op.from === 'string' ? pointer(op.from) : undefined;
      if (!from || from.length === 0) return 'path';
      const value = get(doc, from);
      if (value === undefined) return 'missing';
      if (op.op === 'move') {
        const r = applyOp(doc, { op: 'remove', path: op.from as string });
        if (r) return r;
      }
      return applyOp(doc, { op: 'add', path: op.path, value: JSON.parse(JSON.stringify(value)) });
    }
    case 'test':
      return JSON.stringify(get(doc, tokens)) === JSON.stringify(op.value) ? undefined : 'test';
    default:
      return 'op';
  }
}
