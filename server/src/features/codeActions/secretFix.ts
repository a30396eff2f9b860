// invalid-base64: a Secret's data (or a ConfigMap's binaryData) holds plain text where the API
// server expects base64. Either encode the value, or (Secret) move it to stringData, which
// takes plain text and is encoded by the API server.
import { isMap, isScalar } from 'yaml';
import { t } from '../../util/l10n';
import type { Fix, FixContext } from './codeActions';
import { base64ErrorOffset } from '../../k8s/base64ErrorOffset';
import { deletePairLines, insertIntoMap, pairOf, scalarAt, scalarText, TextEditAt } from './yamlEdits';

export function secretFixes(ctx: FixContext): Fix[] {
  const root = ctx.root;
  if (ctx.code !== 'invalid-base64' || !isMap(root)) return [];
  const hit = scalarAt(root, ctx.start);
  if (!hit || hit.isKey || typeof hit.node.value !== 'string' || !hit.pair) return [];
  const fixes: Fix[] = [];
  const [start, end] = hit.node.range!;
  const old = ctx.text.slice(start, end);
  // A block scalar (`|`) owns its line breaks: keep them so the next key stays on its own line.
  const trailing = /(\r?\n)*$/.exec(old)![0];
  const encoded = Buffer.from(hit.node.value, 'utf8').toString('base64');
  fixes.push({ title: t('Encode the value as base64'), edits: [{ start, end, newText: scalarText(encoded) + trailing }], isPreferred: true });

  const data = pairOf(root, 'data');
  if (ctx.data.field === 'data' && data && isMap(data.value) && !data.value.flow) {
    const all = data.value.items.every((p) => isScalar(p.value) && typeof p.value.value === 'string' && base64ErrorOffset(p.value.value) !== undefined);
    if (all && !pairOf(root, 'stringData')) {
      const key = data.key as { range: [number, number, number] };
      fixes.push({ title: t('Rename data to stringData (plain-text values)'), edits: [{ start: key.range[0], end: key.range[1], newText: 'stringData' }] });
    } else {
      const keyName = String((hit.pair.key as { value: unknown }).value);
      const edits: TextEditAt[] = [deletePairLines(ctx.text, hit.pair)];
      const stringData = pairOf(root, 'stringData');
      if (stringData && isMap(stringData.value)) edits.push(insertIntoMap(ctx.text, stringData.value, { [keyName]: hit.node.value }, ctx.eol));
      else if (!stringData) edits.push(insertIntoMap(ctx.text, root, { stringData: { [keyName]: hit.node.value } }, ctx.eol));
      if (edits.length === 2) fixes.push({ title: t('Move "{0}" to stringData (plain text)', keyName), edits });
    }
  }
  return fixes;
}
