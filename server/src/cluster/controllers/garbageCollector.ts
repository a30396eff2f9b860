// Background cascading deletion: an object whose owners are all gone is deleted.
// upstream: pkg/controller/garbagecollector (attemptToDeleteItem, propagationPolicy Background).
import type { ControllerContext } from '../controllerContext';
import type { Store } from '../store';

/** Store → its ownershipRevision when a pass last found nothing to delete. */
const settled = new WeakMap<Store, number>();

export function collectGarbage(ctx: ControllerContext): void {
  const store = ctx.store;
  // Only deletions and (re-)owned objects can orphan something: after a pass that found nothing, skip until one happens.
  if (settled.get(store) === store.ownershipRevision) return;
  const before = store.ownershipRevision;
  let removed = false;
  for (const kind of store.kinds()) {
    for (const obj of store.listWithOwners(kind)) {
      const refs = obj.metadata.ownerReferences ?? [];
      if (refs.every((r) => !store.getByUid(r.uid))) {
        ctx.remove(obj);
        removed = true;
      }
    }
  }
  if (removed) settled.delete(store);
  else settled.set(store, before);
}
