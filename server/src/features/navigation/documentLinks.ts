// A link on every `kind:` value to the kind's kubernetes.io API reference page (the Chinese
// page when KubeMate speaks Chinese). Custom resources get none: kubernetes.io does not document them.
import { isMap, isScalar, Node } from 'yaml';
import type { Schema } from '../../schema/schema';
import { kindDocLinks } from '../../schema/docLinks';
import { splitApiVersion } from '../../k8s/resources';
import type { ParsedFile } from '../../yaml/parsedFile';
import { t, Lang } from '../../util/l10n';
import type { Range } from '../../workspace/indexedObject';

export interface KindLink {
  range: Range;
  target: string;
  tooltip: string;
}

export function documentLinks(schema: Schema, file: ParsedFile, lang: Lang): KindLink[] {
  if (file.disabled) return [];
  const out: KindLink[] = [];
  for (const d of file.documents) {
    const c = d.chunk;
    if (c.empty || c.templated || !c.kind || !c.apiVersion || !schema.findKind(c.apiVersion, c.kind)) continue;
    const root = c.doc.contents;
    if (!isMap(root)) continue;
    const value = root.items.find((p) => isScalar(p.key) && p.key.value === 'kind')?.value as Node | undefined;
    if (!value?.range) continue;
    const s = c.lineCounter.linePos(value.range[0]);
    const e = c.lineCounter.linePos(value.range[1]);
    const links = kindDocLinks(c.kind, splitApiVersion(c.apiVersion).version);
    out.push({
      range: { start: { line: d.line + s.line - 1, character: s.col - 1 }, end: { line: d.line + e.line - 1, character: e.col - 1 } },
      target: lang === 'zh-cn' ? links.zhCn : links.en,
      tooltip: t('Open the Kubernetes API reference for {0}', c.kind),
    });
  }
  return out;
}
