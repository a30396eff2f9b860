// Namespace lifecycle bits: every namespace is Active and has a `default` ServiceAccount
// (upstream serviceaccounts-controller); deleting a namespace removes what it contains.
import type { ControllerContext } from '../controllerContext';

export function syncAllNamespaces(ctx: ControllerContext): void {
  for (const ns of ctx.store.list('Namespace')) {
    if (ns.status?.phase !== 'Active') {
      ns.status = { phase: 'Active' };
      ctx.store.update(ns);
    }
    if (!ctx.store.get('ServiceAccount', ns.metadata.name, 'default')) {
      ctx.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns.metadata.name } });
    }
  }
}
