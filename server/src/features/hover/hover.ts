// Hover on a key or value of a Kubernetes document: the field's docs, or the meaning of the
// value (enum value, Quantity), or of apiVersion/kind.
import type { Schema } from '../../schema/schema';
import type { ParsedFile } from '../../yaml/parsedFile';
import { documentAt } from '../../yaml/parsedFile';
import { locate } from '../../yaml/locate';
import type { Lang } from '../../util/l10n';
import { fieldDoc } from './fieldDoc';
import { renderDocMarkdown } from './renderDoc';
import { enumValueMeaning, isQuantityField, quantityMeaning } from './valueDoc';
import { enumValueNote } from '../../schema/notes/enumValues';
import { pickTexts } from './docsLanguage';

export interface HoverResult {
  markdown: string;
  /** Offsets in the file. */
  start: number;
  end: number;
}

export function hover(schema: Schema, file: ParsedFile, offset: number, order: Lang[]): HoverResult | undefined {
  if (file.disabled) return undefined;
  const d = documentAt(file, offset);
  const chunk = d.chunk;
  if (!chunk.apiVersion || !chunk.kind || chunk.templated) return undefined;
  const entry = schema.findKind(chunk.apiVersion, chunk.kind);
  if (!entry) return undefined;
  const loc = locate(chunk, offset - d.start);
  if (loc.target === 'blank' || !loc.node?.range) return undefined;
  const doc = fieldDoc(schema, entry, loc.path);
  if (!doc) return undefined;
  const sections: string[] = [];
  if (loc.target === 'value') {
    const raw = loc.node.value;
    const last = String(loc.path[loc.path.length - 1] ?? '');
    const note = typeof raw === 'string' && doc.owner && doc.field ? enumValueNote(doc.owner, doc.field, raw) : undefined;
    if (note) {
      sections.push(
        pickTexts(order, { 'zh-cn': note.zhCn, en: note.en })
          .map(({ text }) => `\`${raw}\` — ${text}`)
          .join('\n\n'),
      );
    } else if (typeof raw === 'string' && (doc.type.enum?.includes(raw) || doc.type.items?.enum?.includes(raw))) {
      const meaning = enumValueMeaning(doc.en, raw);
      sections.push(`\`${raw}\`${meaning ? ' — ' + meaning : ''}`);
    } else if ((typeof raw === 'string' || typeof raw === 'number') && (doc.type.kind === 'quantity' || isQuantityField(doc.type))) {
      const meaning = quantityMeaning(last, raw);
      if (meaning) sections.push(meaning);
    }
  }
  sections.push(renderDocMarkdown(doc, { order }));
  const [s, e] = [loc.node.range[0], loc.node.range[1]];
  return { markdown: sections.join('\n\n---\n\n'), start: d.start + s, end: d.start + e };
}
