// Everything KubeMate knows about one field, independent of how it is shown (hover markdown,
// completion documentation, `kubemate explain` text or JSON).
import type { PathSegment, Schema } from '../../schema/schema';
import { typeLabel } from '../../schema/schema';
import type { FieldType, KindEntry } from '../../schema/schemaTypes';
import { DocLinks, kindDocLinks } from '../../schema/docLinks';
import { zhCnDescription } from '../../schema/docs/zhCN';
import { learningNote, LearningNote, noteLinks } from '../../schema/notes/learningNotes';

interface ChildField {
  name: string;
  type: string;
  required: boolean;
}

export interface FieldDoc {
  kind: string;
  apiVersion: string;
  /** `spec.template.spec.containers[].image`; empty for the kind itself. */
  path: string;
  type: FieldType;
  typeLabel: string;
  required: boolean;
  defaultValue?: string;
  en?: string;
  zhCn?: string;
  note?: LearningNote & { links: DocLinks };
  links: DocLinks;
  /** The declaring type and field name (keys of the docs tables). */
  owner?: string;
  field?: string;
  children: ChildField[];
}

function renderFieldPath(path: PathSegment[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? '[]' : (s ? '.' : '') + p;
  return s;
}

/** "Defaults to 1." / "Defaults to 25%." in upstream descriptions. */
function defaultFrom(text: string | undefined): string | undefined {
  const m = text && /Defaults? to ([^.;\n]+?)(?:\.(?:\s|$)|;|\n|$)/i.exec(text);
  if (!m) return undefined;
  const v = m[1].trim();
  return v.length <= 40 ? v.replace(/^"(.*)"$/, '$1') : undefined;
}

export function fieldDoc(schema: Schema, entry: KindEntry, path: PathSegment[]): FieldDoc | undefined {
  const info = schema.fieldAt(entry.type, path);
  if (!info) return undefined;
  // For a list item, describe the list field itself.
  let owner = info.owner;
  let field = info.name;
  let type = info.type;
  if (path.length && typeof path[path.length - 1] === 'number') {
    let i = path.length - 1;
    while (i >= 0 && typeof path[i] === 'number') i--;
    const listInfo = i >= 0 ? schema.fieldAt(entry.type, path.slice(0, i + 1)) : undefined;
    if (listInfo) {
      owner = listInfo.owner;
      field = listInfo.name;
    }
  }
  if (owner === undefined && path.length > 0) {
    // A map value (e.g. a label): describe the map field.
    const parent = schema.fieldAt(entry.type, path.slice(0, -1));
    owner = parent?.owner;
    field = parent?.name;
  }
  const typeKey = owner ?? entry.type;
  const fieldKey = owner ? (field ?? '') : '';
  const en = schema.description(typeKey, fieldKey) ?? (type.kind === 'ref' && type.ref ? schema.description(type.ref) : undefined);
  const zhCn = zhCnDescription(typeKey, fieldKey) ?? (type.kind === 'ref' && type.ref && !owner ? zhCnDescription(type.ref) : undefined);
  const note = owner && field ? learningNote(owner, field) : undefined;
  const anchorType = (type.kind === 'ref' ? type.ref : type.kind === 'array' && type.items?.kind === 'ref' ? type.items.ref : owner)?.split('.').pop();
  const fields = schema.fieldsOf(type.kind === 'array' && type.items ? type.items : type) ?? {};
  return {
    kind: entry.kind,
    apiVersion: entry.group ? `${entry.group}/${entry.version}` : entry.version,
    path: renderFieldPath(path),
    type,
    typeLabel: typeLabel(type),
    required: !!info.type.required,
    defaultValue: defaultFrom(en),
    en,
    zhCn,
    note: note ? { ...note, links: noteLinks(note) } : undefined,
    links: kindDocLinks(entry.kind, entry.version, path.length ? anchorType : undefined),
    owner,
    field,
    children: Object.entries(fields).map(([name, f]) => ({ name, type: typeLabel(f), required: !!f.required })),
  };
}
