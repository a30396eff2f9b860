// "Why?" in the tree: an object that is not fine (server/src/cluster/why, sent in ClusterView.why)
// gets the explanation at the end of its tooltip and a "Why? <condition>" child whose click opens
// the manifest at the field that decides it. Pure (no `vscode` import).
import type { ClusterView, WhyView } from '../../../server/src/protocol/clusterView';
import { objectId } from '../../../server/src/protocol/clusterProtocol';
import type { TreeNode } from './treeNode';
import type { ClientLang } from '../languageChoice';
import type { Translate } from './statusLook';

const EXPLAINED = new Set(['pod', 'service', 'deployment', 'job']);

export function whyLines(w: WhyView, lang: ClientLang, t: Translate): string[] {
  const text = w[lang];
  const field = w.field ? `${w.field.object.kind.toLowerCase()}/${w.field.object.name} ${w.field.path}` : '-';
  return ['', t('❓ Why? {0}', w.condition), text.cause, t('Shown by: {0}', text.event), t('Decided by: {0}', field), t('Fix: {0}', text.fix)];
}

export function addWhyItems(roots: TreeNode[], view: ClusterView, lang: ClientLang, t: Translate): void {
  const why = view.why;
  if (!why) return;
  const visit = (n: TreeNode) => {
    n.children?.forEach(visit);
    if (!n.ref || !n.contextValue || !EXPLAINED.has(n.contextValue)) return;
    // The same pod shows under its node and its ReplicaSet: every place gets the explanation.
    const w = why[objectId(n.ref)];
    if (!w) return;
    const lines = whyLines(w, lang, t);
    n.tooltip = [n.tooltip ?? '', ...lines].join('\n');
    const child: TreeNode = {
      id: `${n.id}>why`,
      label: t('Why? {0}', w.condition),
      description: w[lang].fix,
      tooltip: lines.slice(1).join('\n'),
      contextValue: 'why',
      look: { icon: 'question' },
      openAt: w.fieldSource ?? undefined,
    };
    n.children = [child, ...(n.children ?? [])];
  };
  roots.forEach(visit);
}
