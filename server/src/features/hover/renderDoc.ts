// Renders a FieldDoc as Markdown (hover, completion documentation) or plain text (CLI explain).
import type { Lang } from '../../util/l10n';
import { t } from '../../util/l10n';
import type { FieldDoc } from './fieldDoc';
import { pickTexts } from './docsLanguage';

export interface RenderOptions {
  order: Lang[];
  /** Short form for completion items: no links, first paragraph only. */
  short?: boolean;
}

function firstParagraph(s: string): string {
  return s.split(/\n\s*\n/)[0];
}

function headerLine(doc: FieldDoc): string {
  const parts = [doc.path ? `${doc.kind}.${doc.path}` : `${doc.kind} (${doc.apiVersion})`, doc.typeLabel, doc.required ? t('required') : t('optional')];
  if (doc.defaultValue) parts.push(t('default: {0}', doc.defaultValue));
  return parts.join(' · ');
}

export function renderDocMarkdown(doc: FieldDoc, opts: RenderOptions): string {
  const out: string[] = [];
  const head = headerLine(doc).split(' · ');
  out.push(`**${head[0]}** · \`${head[1]}\` · ${head.slice(2).join(' · ')}`);
  for (const { text } of pickTexts(opts.order, { 'zh-cn': doc.zhCn, en: doc.en })) {
    out.push(opts.short ? firstParagraph(text) : text);
  }
  if (doc.note && !opts.short) {
    for (const { lang, text } of pickTexts(opts.order, { 'zh-cn': doc.note.zhCn, en: doc.note.en })) {
      out.push(`💡 ${lang === 'zh-cn' ? '学习笔记：' : 'Learn: '}${text}`);
    }
  }
  if (!opts.short) {
    const links = [`[kubernetes.io (English)](${doc.links.en})`, `[kubernetes.io (中文)](${doc.links.zhCn})`];
    if (doc.note) links.push(`[${t('Concept')} (English)](${doc.note.links.en})`, `[${t('Concept')} (中文)](${doc.note.links.zhCn})`);
    out.push(links.join(' · '));
  }
  return out.join('\n\n');
}

/** Columns a string takes in a terminal: CJK and full-width characters count 2. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * kubectl explain's headings. English keeps kubectl's exact words (`KIND:     Pod`); zh-cn adds a
 * gloss after the kubectl word, which stays so the output can still be compared with kubectl's.
 */
function headings(): Record<'kind' | 'version' | 'field' | 'default' | 'description' | 'fields', string> {
  return {
    kind: t('KIND:'),
    version: t('VERSION:'),
    field: t('FIELD:'),
    default: t('DEFAULT:'),
    description: t('DESCRIPTION:'),
    fields: t('FIELDS:'),
  };
}

export function renderDocText(doc: FieldDoc, order: Lang[]): string {
  const h = headings();
  const column = Math.max(10, ...[h.kind, h.version, h.field, h.default].map((x) => displayWidth(x) + 1));
  const row = (head: string, value: string) => head + ' '.repeat(column - displayWidth(head)) + value;
  const out: string[] = [];
  out.push(row(h.kind, doc.kind), row(h.version, doc.apiVersion), '');
  if (doc.path) out.push(row(h.field, `${doc.path} <${doc.typeLabel}>${doc.required ? ' -required-' : ''}`), '');
  if (doc.defaultValue) out.push(row(h.default, doc.defaultValue), '');
  out.push(h.description);
  const texts = pickTexts(order, { 'zh-cn': doc.zhCn, en: doc.en });
  if (!texts.length) out.push(`    <${t('no description')}>`);
  for (const { text } of texts) out.push(...text.split('\n').map((l) => `    ${l}`), '');
  if (doc.note) {
    out.push(t('LEARNING NOTE:'));
    for (const { text } of pickTexts(order, { 'zh-cn': doc.note.zhCn, en: doc.note.en })) out.push(...text.split('\n').map((l) => `    ${l}`), '');
  }
  if (doc.children.length) {
    out.push(h.fields);
    for (const c of doc.children) out.push(`  ${c.name}\t<${c.type}>${c.required ? ' -required-' : ''}`);
    out.push('');
  }
  out.push(t('LINKS:'), `    ${doc.links.en}`, `    ${doc.links.zhCn}`);
  if (doc.note) out.push(`    ${doc.note.links.en}`, `    ${doc.note.links.zhCn}`);
  return out.join('\n');
}
