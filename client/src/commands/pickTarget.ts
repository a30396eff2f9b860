// Item commands get the tree node they were invoked on; from the Command Palette (or the
// walkthrough) they have none, so the user picks an object of the right kind instead.
import * as vscode from 'vscode';
import type { ObjectRef } from '../../../server/src/protocol/clusterView';
import type { TreeNode } from '../clusterView/treeNode';
import type { Services } from './services';
import { t } from '../l10n';

/** Object refs the view knows, of the given kinds, in the user namespaces. */
async function candidates(s: Services, kinds: string[]): Promise<{ ref: ObjectRef; description: string }[]> {
  const view = await s.state.get();
  const system = new Set(view.namespaces.filter((n) => n.system).map((n) => n.name));
  const out: { ref: ObjectRef; description: string }[] = [];
  for (const kind of kinds) {
    if (kind === 'Pod')
      for (const p of view.pods)
        if (!system.has(p.namespace)) out.push({ ref: { kind, namespace: p.namespace, name: p.name }, description: `${p.status} · ${p.namespace}` });
    if (kind === 'Node') for (const n of view.nodes) out.push({ ref: { kind, namespace: null, name: n.name }, description: n.status });
    for (const w of view.workloads)
      if (w.kind === kind && !system.has(w.namespace))
        out.push({ ref: { kind, namespace: w.namespace, name: w.name }, description: `${w.ready} · ${w.namespace}` });
    for (const c of view.configs)
      if (c.kind === kind && !system.has(c.namespace)) out.push({ ref: { kind, namespace: c.namespace, name: c.name }, description: c.namespace });
    if (kind === 'Service')
      for (const x of view.services)
        if (!system.has(x.namespace)) out.push({ ref: { kind, namespace: x.namespace, name: x.name }, description: `${x.type} · ${x.namespace}` });
    if (kind === 'Ingress') for (const x of view.ingresses) out.push({ ref: { kind, namespace: x.namespace, name: x.name }, description: x.namespace });
  }
  return out;
}

/** The node's object, or one the user picks among `kinds`. */
export async function targetOf(s: Services, node: TreeNode | undefined, kinds: string[], placeholder: string): Promise<ObjectRef | undefined> {
  if (node?.ref && (kinds.includes(node.ref.kind) || kinds.includes('*'))) return node.ref;
  const all = kinds.includes('*')
    ? ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Service', 'Ingress', 'ConfigMap', 'Secret', 'Node']
    : kinds;
  const items = (await candidates(s, all)).map((c) => ({ label: c.ref.name, description: `${c.ref.kind} · ${c.description}`, ref: c.ref }));
  if (!items.length) {
    void vscode.window.showInformationMessage(t('There is nothing of that kind in the simulated cluster yet. Dry-run apply a manifest first.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: placeholder, matchOnDescription: true });
  return picked?.ref;
}
