// Missing ConfigMaps and Secrets (cross-resource diagnostics): create the object, with every key
// the document reads from it, as a new YAML document after the one that uses it; or add a
// missing key to the ConfigMap/Secret when it is defined in the same file.
// Diagnostic data: { kind, name, namespace, key?, keys? } (features/crossRefs).
import { isMap } from 'yaml';
import { isObj, str } from '../../k8s/objectAccess';
import { t } from '../../util/l10n';
import type { Fix, FixContext } from './codeActions';
import { blockText, ensureTree, Tree } from './yamlEdits';

const CREATE: Record<string, 'ConfigMap' | 'Secret'> = { 'missing-configmap': 'ConfigMap', 'missing-secret': 'Secret' };
const ADD_KEY: Record<string, 'ConfigMap' | 'Secret'> = { 'missing-configmap-key': 'ConfigMap', 'missing-secret-key': 'Secret' };

export function configFixes(ctx: FixContext): Fix[] {
  const name = str(ctx.data.name);
  if (!name) return [];
  if (CREATE[ctx.code]) return createObject(ctx, CREATE[ctx.code], name);
  if (ADD_KEY[ctx.code] && str(ctx.data.key)) return addKey(ctx, ADD_KEY[ctx.code], name, str(ctx.data.key)!);
  return [];
}

/** Keys this document reads from the ConfigMap/Secret `name`: env key refs and volume items. */
function referencedKeys(value: unknown, kind: 'ConfigMap' | 'Secret', name: string): string[] {
  const keys: string[] = [];
  const refKey = kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
  const volKey = kind === 'ConfigMap' ? 'configMap' : 'secret';
  const nameOf = (o: Record<string, unknown>) => str(kind === 'Secret' && o.secretName !== undefined ? o.secretName : o.name);
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isObj(v)) return;
    for (const [k, child] of Object.entries(v)) {
      if (k === refKey && isObj(child) && child.name === name && str(child.key)) keys.push(child.key as string);
      if (k === volKey && isObj(child) && nameOf(child) === name && Array.isArray(child.items)) {
        for (const item of child.items) if (isObj(item) && str(item.key)) keys.push(item.key as string);
      }
      walk(child);
    }
  };
  walk(value);
  return [...new Set(keys)];
}

function createObject(ctx: FixContext, kind: 'ConfigMap' | 'Secret', name: string): Fix[] {
  let value: unknown;
  try {
    value = (ctx.root as { toJSON?: () => unknown } | null)?.toJSON?.();
  } catch {
    value = undefined;
  }
  const given = Array.isArray(ctx.data.keys) ? ctx.data.keys.filter((k): k is string => typeof k === 'string') : [];
  const keys = given.length ? given : referencedKeys(value, kind, name);
  // The namespace is written only when the consumer writes one: otherwise both follow `kubectl -n`.
  const namespace = isObj(value) && isObj(value.metadata) ? str(value.metadata.namespace) : undefined;
  const tree: Record<string, Tree> = { apiVersion: 'v1', kind, metadata: namespace ? { name, namespace } : { name } };
  // A Secret's stringData takes plain text (the API server encodes it), friendlier than base64 in data.
  if (keys.length) tree[kind === 'Secret' ? 'stringData' : 'data'] = Object.fromEntries(keys.map((k) => [k, '']));
  const end = ctx.doc.start + ctx.text.length;
  const lead = ctx.text.endsWith('\n') || ctx.text === '' ? '' : ctx.eol;
  const newText = `${lead}---${ctx.eol}${blockText(tree, 0, ctx.eol)}`;
  const title = kind === 'ConfigMap' ? t('Create ConfigMap "{0}" in this file', name) : t('Create Secret "{0}" in this file', name);
  return [{ title, edits: [{ start: end, end, newText }], fileOffsets: true }];
}

function addKey(ctx: FixContext, kind: 'ConfigMap' | 'Secret', name: string, key: string): Fix[] {
  const namespace = str(ctx.data.namespace);
  for (const d of ctx.file.documents) {
    const root = d.chunk.doc.contents;
    if (!isMap(root) || d.chunk.kind !== kind || root.getIn(['metadata', 'name']) !== name) continue;
    const ns = root.getIn(['metadata', 'namespace']);
    if (namespace && (typeof ns === 'string' ? ns : 'default') !== namespace) continue;
    const field = kind === 'Secret' && !root.has('data') ? 'stringData' : 'data';
    const edits = ensureTree(d.chunk.text, root, { [field]: { [key]: '' } }, ctx.eol).map((e) => ({ ...e, start: e.start + d.start, end: e.end + d.start }));
    return [{ title: t('Add key "{0}" to {1} "{2}"', key, kind, name), edits, fileOffsets: true }];
  }
  return [];
}
