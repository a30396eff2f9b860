// selector-mismatch: a workload's spec.selector must select its own pod template. Two ways to
// agree: give the template the selector's labels (preferred: safe on existing objects), or
// narrow the selector to the template's labels (the selector of an existing Deployment is
// immutable, so that one suits objects not created yet).
import { isMap, isScalar, Node, YAMLMap } from 'yaml';
import { t } from '../../util/l10n';
import type { Fix, FixContext } from './codeActions';
import { blockText, column, deletePairLines, ensureTree, flowText, pairOf, replaceScalar, TextEditAt, Tree } from './yamlEdits';

const TEMPLATE: Record<string, string[]> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
};

function scalarMap(m: YAMLMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of m.items) if (isScalar(p.key) && isScalar(p.value)) out[String(p.key.value)] = String(p.value.value);
  return out;
}

export function selectorFixes(ctx: FixContext): Fix[] {
  const root = ctx.root;
  if (ctx.code !== 'selector-mismatch' || !isMap(root)) return [];
  const kind = root.get('kind');
  const path = TEMPLATE[String(kind)];
  const template = path ? root.getIn(path, true) : undefined;
  const matchLabels = root.getIn(['spec', 'selector', 'matchLabels'], true);
  const selector = root.getIn(['spec', 'selector'], true);
  if (!isMap(template) || !isMap(matchLabels) || !isMap(selector) || pairOf(selector, 'matchExpressions')) return [];
  const wanted = scalarMap(matchLabels);
  const labelsNode = template.getIn(['metadata', 'labels'], true);
  const have = isMap(labelsNode) ? scalarMap(labelsNode) : {};
  const fixes: Fix[] = [];

  // 1. Template labels ← selector.
  const toTemplate: TextEditAt[] = [];
  const missing: Record<string, Tree> = {};
  for (const [k, v] of Object.entries(wanted)) {
    if (have[k] === v) continue;
    const existing = isMap(labelsNode) ? pairOf(labelsNode, k) : undefined;
    if (existing && isScalar(existing.value)) toTemplate.push(replaceScalar(ctx.text, existing.value, v));
    else missing[k] = v;
  }
  if (Object.keys(missing).length) toTemplate.push(...ensureTree(ctx.text, template, { metadata: { labels: missing } }, ctx.eol));
  if (toTemplate.length) fixes.push({ title: t('Make the template labels match the selector'), edits: toTemplate, isPreferred: true });

  // 2. Selector ← template labels (only when the template has labels to select).
  if (Object.keys(have).length) {
    const kept = Object.entries(wanted).filter(([k]) => k in have);
    const toSelector: TextEditAt[] = [];
    if (kept.length === 0 || matchLabels.flow) {
      const next = kept.length ? Object.fromEntries(kept.map(([k]) => [k, have[k]])) : have;
      toSelector.push(replaceMap(ctx, matchLabels, next));
    } else {
      for (const p of matchLabels.items) {
        const k = isScalar(p.key) ? String(p.key.value) : '';
        if (!(k in have)) toSelector.push(deletePairLines(ctx.text, p));
        else if (have[k] !== wanted[k] && isScalar(p.value)) toSelector.push(replaceScalar(ctx.text, p.value, have[k]));
      }
    }
    fixes.push({ title: t('Make the selector match the template labels'), edits: toSelector });
  }
  return fixes;
}

/** Rewrites a whole map node with new entries, in its own style (flow or block). */
function replaceMap(ctx: FixContext, map: YAMLMap, entries: Record<string, string>): TextEditAt {
  const [start, end] = map.range!;
  if (map.flow) return { start, end, newText: flowText(entries) };
  const col = column(ctx.text, (map.items[0].key as Node).range![0]);
  return { start, end, newText: blockText(entries, col, ctx.eol).slice(col) };
}
