// The tree of the Simulated Cluster view as plain data (what a TreeItem needs), built from a
// ClusterView by treeModel.ts. Pure: no `vscode` import, so it is tested without an editor.
import type { ObjectRef, SourceLocation } from '../../../server/src/protocol/clusterView';
import type { Look } from './statusLook';

export interface TreeNode {
  /** Stable: `<Kind>/<namespace>/<name>` for an object where it is primarily shown; other places prefix their parent's id. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** `pod`, `deployment`, `service`, `endpoint`, `node`, … (menus key on it). */
  contextValue?: string;
  look?: Look;
  /** The object the item stands for (actions, describe, reveal source). */
  ref?: ObjectRef;
  source?: SourceLocation | null;
  /** A click opens this place (the manifest field a "Why?" names). */
  openAt?: SourceLocation;
  children?: TreeNode[];
  /** Shown expanded the first time it appears. */
  expanded?: boolean;
  parentId?: string;
}

export interface TreeOptions {
  showSystemNamespaces: boolean;
  /** Secret values revealed on purpose, by object id. */
  revealedSecrets: ReadonlyMap<string, Record<string, string>>;
  /** The language of the reason explanations in tooltips (the client's language; default en). */
  lang?: 'zh-cn' | 'en';
}

/** Sets parentId on every descendant (the provider needs getParent for reveal). */
export function linkParents(nodes: TreeNode[], parentId?: string): TreeNode[] {
  for (const n of nodes) {
    n.parentId = parentId;
    if (n.children) linkParents(n.children, n.id);
  }
  return nodes;
}

/** Depth-first walk. */
export function* walk(nodes: TreeNode[]): Generator<TreeNode> {
  for (const n of nodes) {
    yield n;
    if (n.children) yield* walk(n.children);
  }
}

/** A folder item (Deployments, Services, …) whose description is its item count. */
export function group(id: string, label: string, children: TreeNode[], icon: string, expanded = false): TreeNode {
  return { id, label, description: String(children.length), contextValue: 'group', look: { icon }, children, expanded };
}

/**
 * Keeps the node objects of ids that existed before, updated in place. VS Code's TreeView tracks
 * elements by object identity: a reveal or an expand racing a refresh would otherwise hold an
 * element the new tree no longer contains ("Failed to resolve tree node").
 */
export function reconcile(previous: ReadonlyMap<string, TreeNode>, roots: TreeNode[]): TreeNode[] {
  const keep = (n: TreeNode): TreeNode => {
    const children = n.children?.map(keep);
    const old = previous.get(n.id);
    if (!old) return Object.assign(n, { children });
    for (const k of Object.keys(old) as (keyof TreeNode)[]) delete old[k];
    return Object.assign(old, n, { children });
  };
  return roots.map(keep);
}
