// The simulated API server's write path used by controllers and by apply: defaulting,
// admission (pods: service account, tolerations; PVCs: default StorageClass; Jobs: selector),
// storage, and deletion with dependents (background cascading).
import type { Store } from './store';
import type { KObject, Pod } from './types';
import { admitPod, applyDefaults, generateJobSelector } from './defaults';
import { clone } from './types';
import { resolvePriority } from './priorityAdmission';
import { beginTermination, gracePeriodSeconds } from './runtime/gracefulTermination';

export class ApiServer {
  /** `holdSeconds`: how long a pod being deleted with `grace` seconds keeps running (0: removed at once). */
  constructor(
    private store: Store,
    private holdSeconds: (pod: Pod, grace: number) => number = () => 0,
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
   * `gracePeriodSeconds` is the DeleteOptions field (`kubectl delete --grace-period`, `--now`,
   * `--force`): it replaces the pod's terminationGracePeriodSeconds for the object named, not for
   * its dependents; 0 removes a pod at once, even one already terminating (a force delete).
   */
  remove(obj: KObject, opts: { gracePeriodSeconds?: number } = {}): KObject[] {
    const removed: KObject[] = [];
    const visit = (o: KObject, grace?: number) => {
      if (o.kind === 'Pod' && grace !== 0) {
        const live = this.store.get<Pod>('Pod', o.metadata.namespace, o.metadata.name);
        // upstream graceful delete: a pod already terminating stays as it is.
        if (live?.metadata.deletionTimestamp) return;
        const seconds = live ? (grace ?? gracePeriodSeconds(live)) : 0;
        if (live && this.holdSeconds(live, seconds) > 0) {
          beginTermination(live, this.store.now(), (ms) => this.store.timestamp(ms), seconds);
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
    visit(obj, opts.gracePeriodSeconds);
    return removed;
  }

  /** A deep copy suitable for comparing before/after an update. */
  snapshotOf(obj: KObject): KObject {
    return clone(obj);
  }
}
