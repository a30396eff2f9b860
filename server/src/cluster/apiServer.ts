// The simulated API server's write path used by controllers and by apply: defaulting,
// admission (pods: service account, tolerations; PVCs: default StorageClass; Jobs: selector),
// storage, and deletion with dependents (background cascading).
import type { Store } from './store';
import type { KObject, Pod } from './types';
import { admitPod, applyDefaults, generateJobSelector } from './defaults';
import { clone } from './types';
import { resolvePriority } from './priorityAdmission';
import { beginTermination } from './runtime/gracefulTermination';

export class ApiServer {
  /** `holdSeconds`: how long a pod being deleted keeps running (0: removed at once). */
  constructor(
    private store: Store,
    private holdSeconds: (pod: Pod) => number = () => 0,
  ) {}

  create<T extends KObject>(obj: T): T {
    applyDefaults(obj);
    if (obj.kind === 'Pod') {
      resolvePriority(this.store, obj as unknown as Pod);
      admitPod(obj as unknown as Pod);
    }
    if (obj.kind === 'PersistentVolumeClaim') this.defaultStorageClass(obj);
    const stored = this.store.create(obj);
    if (obj.kind === 'Job') generateJobSelector(stored);
    if (obj.kind === 'Namespace') stored.status = { phase: 'Active' };
    return stored;
  }

  /** upstream DefaultStorageClass admission: a claim without storageClassName gets the default class. */
  private defaultStorageClass(pvc: KObject): void {
    if (pvc.spec?.storageClassName !== undefined) return;
    const def = this.store.list('StorageClass').find((sc) => sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
    if (def) pvc.spec.storageClassName = def.metadata.name;
  }

  /**
   * Deletes an object. Dependents are removed right away rather than by a later GC pass
   * (background propagation, compressed to one step). A Namespace takes its contents with it.
   */
  remove(obj: KObject): KObject[] {
    const removed: KObject[] = [];
    const visit = (o: KObject) => {
      if (o.kind === 'Pod') {
        const live = this.store.get<Pod>('Pod', o.metadata.namespace, o.metadata.name);
        // upstream graceful delete: a pod already terminating stays as it is.
        if (live?.metadata.deletionTimestamp) return;
        if (live && this.holdSeconds(live) > 0) {
          beginTermination(live, this.store.now(), (ms) => this.store.timestamp(ms));
          this.store.update(live);
          removed.push(live);
          return;
        }
      }
      if (!this.store.delete(o.kind, o.metadata.namespace, o.metadata.name)) return;
      removed.push(o);
      const uid = o.metadata.uid;
      if (uid) for (const dep of this.store.ownedBy(uid)) visit(dep);
      if (o.kind === 'Namespace') {
        for (const kind of this.store.kinds()) for (const x of this.store.list(kind, o.metadata.name)) visit(x);
      }
    };
    visit(obj);
    return removed;
  }

  /** A deep copy suitable for comparing before/after an update. */
  snapshotOf(obj: KObject): KObject {
    return clone(obj);
  }
}
