// Completion in Kubernetes documents: keys valid at the cursor (required first), enum and
// boolean values, apiVersion/kind kept consistent with each other, kind skeletons in an empty document.
import { isMap, isScalar } from 'yaml';
import type { Schema } from '../../schema/schema';
import { apiVersionOf } from '../../schema/schema';
import type { FieldType } from '../../schema/schemaTypes';
import type { ParsedFile } from '../../yaml/parsedFile';
import { documentAt } from '../../yaml/parsedFile';
import { locate, Location } from '../../yaml/locate';
import { nodeAtPath } from '../../yaml/nodeAtPath';
import type { Lang } from '../../util/l10n';
import { t } from '../../util/l10n';
import { findApiChange } from '../../k8s/removedApis';
import { KCompletionItem } from './completionItem';
import { keyInsertText } from './insertText';
import { kindSkeleton } from './skeleton';
import { fieldDoc } from '../hover/fieldDoc';
import { renderDocMarkdown } from '../hover/renderDoc';
import { enumValueMeaning } from '../hover/valueDoc';
import { pickTexts } from '../hover/docsLanguage';
import { enumValueNote } from '../../schema/notes/enumValues';

export function completion(schema: Schema, file: ParsedFile, offset: number, order: Lang[]): KCompletionItem[] {
  if (file.disabled) return [];
  const d = documentAt(file, offset);
  const chunk = d.chunk;
  if (chunk.templated) return [];
  const rel = offset - d.start;
  const loc = locate(chunk, rel);
  const shift = (n: number) => d.start + n;
  const replaceStart = shift(loc.prefixStart);
  const replaceEnd = loc.target === 'key' || loc.target === 'value' ? shift(Math.max(rel, loc.node?.range?.[1] ?? rel)) : offset;

  let items: KCompletionItem[];
  if (loc.target === 'value') items = valueItems(schema, chunk.apiVersion, chunk.kind, loc, replaceStart, replaceEnd, order);
  else {
    // On a key, complete the object that holds it.
    const at: Location = loc.target === 'key' ? { ...loc, path: loc.path.slice(0, -1) } : loc;
    items = keyItems(schema, chunk.apiVersion, chunk.kind, chunk.doc.contents, at, replaceStart, replaceEnd, order);
    if (at.path.length === 0 && (chunk.empty || !isMap(chunk.doc.contents))) items.push(...skeletonItems(schema, replaceStart, replaceEnd));
  }
  return items.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
}

function rootTypeOf(schema: Schema, apiVersion?: string, kind?: string): string | undefined {
  return apiVersion && kind ? schema.findKind(apiVersion, kind)?.type : undefined;
}

function keyItems(
  schema: Schema,
  apiVersion: string | undefined,
  kind: string | undefined,
  root: unknown,
  loc: Location,
  start: number,
  end: number,
  order: Lang[],
): KCompletionItem[] {
  const rootType = rootTypeOf(schema, apiVersion, kind);
  if (!rootType) {
    // No kind yet: offer the two keys that decide everything else.
    if (loc.path.length) return [];
    return ['apiVersion', 'kind', 'metadata']
      .filter((k) => !(isMap(root) && root.has(k)))
      .map((k, i) => ({
        label: k,
        kind: 'field' as const,
        insertText: k === 'metadata' ? 'metadata:\n  name: $0' : `${k}: `,
        snippet: true,
        sortText: `0${i}`,
        replaceStart: start,
        replaceEnd: end,
        retrigger: k !== 'metadata',
      }));
  }
  const info = schema.fieldAt(rootType, loc.path);
  if (!info) return [];
  const fields = schema.fieldsOf(info.type);
  if (!fields) return [];
  const here = nodeAtPath(root, loc.path)?.value ?? (loc.path.length === 0 ? root : undefined);
  const present = new Set<string>();
  if (isMap(here)) for (const p of here.items) if (isScalar(p.key) && p.key !== loc.node) present.add(String(p.key.value));
  const entry = schema.findKind(apiVersion!, kind!)!;
  const items: KCompletionItem[] = [];
  for (const [name, f] of Object.entries(fields)) {
    if (present.has(name) || name === 'status') continue;
    const { text, retrigger } = keyInsertText(name, f, schema);
    const doc = fieldDoc(schema, entry, [...loc.path, name]);
    items.push({
      label: name,
      kind: 'field',
      insertText: text,
      snippet: true,
      detail: `${doc?.typeLabel ?? ''}${f.required ? ' · ' + t('required') : ''}`,
      documentation: doc ? renderDocMarkdown(doc, { order, short: true }) : undefined,
      sortText: `${f.required ? '0' : '1'}${name}`,
      replaceStart: start,
      replaceEnd: end,
      retrigger,
    });
  }
  return items;
}

function valueItems(
  schema: Schema,
  apiVersion: string | undefined,
  kind: string | undefined,
  loc: Location,
  start: number,
  end: number,
  order: Lang[],
): KCompletionItem[] {
  const field = loc.path[loc.path.length - 1];
  if (loc.path.length === 1 && field === 'apiVersion') {
    const versions = kind && schema.kindNamed(kind) ? schema.versionsOfKind(schema.kindNamed(kind)!).map(apiVersionOf) : schema.servedApiVersions();
    return versions.map((v, i) => ({
      label: v,
      kind: 'apiVersion' as const,
      insertText: v,
      snippet: false,
      sortText: String(i).padStart(4, '0'),
      replaceStart: start,
      replaceEnd: end,
    }));
  }
  if (loc.path.length === 1 && field === 'kind') {
    const entries =
      apiVersion && schema.isKnownApiVersion(apiVersion)
        ? schema.kindsInApiVersion(apiVersion)
        : schema.kinds.filter((k) => findApiChange(apiVersionOf(k), k.kind)?.status !== 'removed');
    const seen = new Set<string>();
    return entries
      .filter((k) => !k.kind.endsWith('List') && !seen.has(k.kind) && seen.add(k.kind))
      .map((k) => ({
        label: k.kind,
        kind: 'kind' as const,
        insertText: k.kind,
        snippet: false,
        detail: apiVersionOf(k),
        sortText: k.kind,
        replaceStart: start,
        replaceEnd: end,
      }));
  }
  const rootType = rootTypeOf(schema, apiVersion, kind);
  const info = rootType ? schema.fieldAt(rootType, loc.path) : undefined;
  if (!info) return [];
  const type: FieldType = info.type;
  if (type.enum?.length) {
    const description = info.owner && info.name ? schema.description(info.owner, info.name) : undefined;
    const documentation = (v: string) => {
      const note = info.owner && info.name ? enumValueNote(info.owner, info.name, v) : undefined;
      return note
        ? pickTexts(order, { 'zh-cn': note.zhCn, en: note.en })
            .map((x) => x.text)
            .join('\n\n')
        : enumValueMeaning(description, v);
    };
    return type.enum.map((v, i) => ({
      label: v,
      kind: 'value' as const,
      insertText: v,
      snippet: false,
      documentation: documentation(v),
      sortText: String(i).padStart(3, '0'),
      replaceStart: start,
      replaceEnd: end,
    }));
  }
  if (type.kind === 'boolean') {
    return ['true', 'false'].map((v, i) => ({
      label: v,
      kind: 'value' as const,
      insertText: v,
      snippet: false,
      sortText: String(i),
      replaceStart: start,
      replaceEnd: end,
    }));
  }
  return [];
}

function skeletonItems(schema: Schema, start: number, end: number): KCompletionItem[] {
  const seen = new Set<string>();
  const items: KCompletionItem[] = [];
  for (const k of schema.kinds) {
    if (k.kind.endsWith('List') || seen.has(k.kind)) continue;
    const preferred = schema.versionsOfKind(k.kind)[0];
    if (!preferred) continue;
    seen.add(k.kind);
    items.push({
      label: preferred.kind,
      kind: 'skeleton',
      insertText: kindSkeleton(schema, preferred),
      snippet: true,
      detail: t('{0} skeleton ({1})', preferred.kind, apiVersionOf(preferred)),
      sortText: `2${preferred.kind}`,
      replaceStart: start,
      replaceEnd: end,
    });
  }
  return items;
}
