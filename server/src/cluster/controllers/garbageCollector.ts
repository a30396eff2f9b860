// Background cascading deletion: an object whose owners are all gone is deleted.
// upstream: pkg/controller/garbagecollector (attemptToDeleteItem, propagationPolicy Background).
import type { ControllerContext } from '../controllerContext';

export function collectGarbage(ctx: ControllerContext): void {
  for (const kind of ctx.store.kinds()) {
    for (const obj of ctx.store.listWithOwners(kind)) {
      const refs = obj.metadata.ownerReferences ?? [];
      if (refs.every((r) => !ctx.store.getByUid(r.uid))) ctx.remove(obj);
    }
  }
}
