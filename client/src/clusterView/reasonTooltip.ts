// Hover over a status in the tree: a pod's tooltip and an event's tooltip end with the reason
// explainer's entry (what CrashLoopBackOff, FailedScheduling … means and what to do), in the
// client's language. The server sends both languages in ClusterView.reasons; this picks one.
// Pure (no `vscode` import).
import type { ClusterView, ReasonHelpText } from '../../../server/src/protocol/clusterView';
import type { TreeNode } from './treeNode';
import type { ClientLang } from '../languageChoice';

function reasonHelpLines(reason: string, help: ReasonHelpText): string[] {
  return ['', `💡 ${reason} — ${help.title}`, help.meaning, ...help.fix.map((f) => `• ${f}`)];
}

/** Appends the explanation to pod and event items whose status or reason has an entry. */
export function addReasonHelp(roots: TreeNode[], view: ClusterView, lang: ClientLang): void {
  const reasons = view.reasons;
  if (!reasons) return;
  const pods = new Map(view.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const helpFor = (shown: (string | null | undefined)[]): string[] => {
    for (const s of shown) {
      const h = s ? reasons[s] : undefined;
      if (h) return reasonHelpLines(h.reason, h[lang]);
    }
    return [];
  };
  const visit = (n: TreeNode) => {
    if (n.contextValue === 'pod' && n.ref) {
      const p = pods.get(`${n.ref.namespace}/${n.ref.name}`);
      const [ready, total] = (p?.ready ?? '0/0').split('/').map(Number);
      // A running pod with every container ready needs no explanation.
      const lines = p && !(p.status === 'Running' && ready === total) ? helpFor([p.reason, p.status]) : [];
      if (lines.length) n.tooltip = [n.tooltip ?? '', ...lines].join('\n');
    } else if (n.contextValue === 'event') {
      const lines = helpFor([n.label]);
      if (lines.length) n.tooltip = [n.tooltip ?? '', ...lines].join('\n');
    }
    n.children?.forEach(visit);
  };
  roots.forEach(visit);
}
