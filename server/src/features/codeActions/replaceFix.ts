// "Did you mean …?" fixes: diagnostics that carry data.replacement (a misspelt field, enum
// value, kind, apiVersion, port name …) get the suggestion written in place of the word.
import { isMap } from 'yaml';
import { t } from '../../util/l10n';
import type { Fix, FixContext } from './codeActions';
import { keyColumn, lineStart, pairOf, replaceScalar, scalarAt, scalarText } from './yamlEdits';

/** Codes whose replacement is not the text at the range: handled by their own providers. */
const OWN_PROVIDER = new Set(['missing-api-version', 'removed-api']);

export function replaceFixes(ctx: FixContext): Fix[] {
  const replacement = typeof ctx.data.replacement === 'string' ? ctx.data.replacement : undefined;
  if (!replacement) return [];
  if (ctx.code === 'missing-api-version') return addApiVersion(ctx, replacement);
  if (OWN_PROVIDER.has(ctx.code)) return [];
  const hit = scalarAt(ctx.root, ctx.start);
  if (!hit || ctx.text.slice(ctx.start, hit.node.range![1]).includes('\n')) return [];
  return [{ title: t('Change to "{0}"', replacement), edits: [replaceScalar(ctx.text, hit.node, replacement)], isPreferred: true }];
}

/** Writes the apiVersion the kind uses: fills an empty `apiVersion:` or adds the line above the first key. */
function addApiVersion(ctx: FixContext, apiVersion: string): Fix[] {
  const root = ctx.root;
  if (!isMap(root) || root.items.length === 0) return [];
  const title = t('Add apiVersion: {0}', apiVersion);
  const pair = pairOf(root, 'apiVersion');
  if (pair) {
    const key = pair.key as { range: [number, number, number] };
    const colon = ctx.text.indexOf(':', key.range[1]);
    const value = pair.value as { range?: [number, number, number] } | null;
    if (value?.range && value.range[1] > value.range[0])
      return [{ title, edits: [{ start: value.range[0], end: value.range[1], newText: scalarText(apiVersion) }], isPreferred: true }];
    return colon < 0 ? [] : [{ title, edits: [{ start: colon + 1, end: colon + 1, newText: ` ${scalarText(apiVersion)}` }], isPreferred: true }];
  }
  const first = (root.items[0].key as { range: [number, number, number] }).range[0];
  const at = lineStart(ctx.text, first);
  return [
    {
      title,
      edits: [{ start: at, end: at, newText: `${' '.repeat(keyColumn(ctx.text, root))}apiVersion: ${scalarText(apiVersion)}${ctx.eol}` }],
      isPreferred: true,
    },
  ];
}
