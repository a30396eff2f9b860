// PersistentVolume binder: a Pending claim binds to the smallest Available PV that fits
// (class, access modes, size), or gets a dynamically provisioned PV from its StorageClass;
// otherwise it stays Pending — and pods mounting it stay Pending too (scheduler).
// upstream: pkg/controller/volume/persistentvolume/pv_controller.go syncUnboundClaim.
import type { ControllerContext } from '../controllerContext';
import type { KObject } from '../types';
import { parseQuantity } from '../../k8s/quantity';

const COMPONENT = 'persistentvolume-controller';

function size(v: unknown): number {
  return typeof v === 'string' || typeof v === 'number' ? (parseQuantity(v) ?? 0) : 0;
}

function fits(pv: KObject, pvc: KObject): boolean {
  if (pv.spec?.claimRef && pv.spec.claimRef.uid !== pvc.metadata.uid) return false;
  if ((pv.status?.phase ?? 'Available') !== 'Available') return false;
  if ((pv.spec?.storageClassName ?? '') !== (pvc.spec?.storageClassName ?? '')) return false;
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (pvc.spec?.volumeMode ?? 'Filesystem')) return false;
  const modes: string[] = pv.spec?.accessModes ?? [];
  if (!((pvc.spec?.accessModes ?? []) as string[]).every((m) => modes.includes(m))) return false;
  return size(pv.spec?.capacity?.storage) >= size(pvc.spec?.resources?.requests?.storage);
}

function bind(ctx: ControllerContext, pvc: KObject, pv: KObject): void {
  pv.spec.claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, uid: pvc.metadata.uid };
  pv.status = { phase: 'Bound' };
  ctx.store.update(pv);
  pvc.spec.volumeName = pv.metadata.name;
  pvc.metadata.annotations = { ...(pvc.metadata.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes' };
  pvc.status = { phase: 'Bound', accessModes: pv.spec.accessModes, capacity: { storage: pv.spec.capacity?.storage } };
  ctx.store.update(pvc);
}

export function syncAllClaims(ctx: ControllerContext): void {
  const claims = ctx.store.list('PersistentVolumeClaim');
  if (!claims.length) return;
  for (const pvc of claims) {
    if (pvc.status?.phase === 'Bound') continue;
    // RetroactiveDefaultStorageClass (GA 1.28): a claim without a class gets the default one once it exists.
    if (pvc.spec && pvc.spec.storageClassName === undefined) {
      const def = ctx.store.list('StorageClass').find((sc) => sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
      if (def) {
        pvc.spec.storageClassName = def.metadata.name;
        ctx.store.update(pvc);
      }
    }
    const pvs = ctx.store.list('PersistentVolume');
    const named = pvc.spec?.volumeName ? pvs.find((p) => p.metadata.name === pvc.spec.volumeName) : undefined;
    const candidates = named ? [named] : pvs.filter((pv) => fits(pv, pvc)).sort((a, b) => size(a.spec?.capacity?.storage) - size(b.spec?.capacity?.storage));
    if (candidates[0] && fits(candidates[0], pvc)) {
      bind(ctx, pvc, candidates[0]);
      continue;
    }
    const className: string | undefined = pvc.spec?.storageClassName;
    const sc = className ? ctx.store.get('StorageClass', undefined, className) : undefined;
    if (className && sc) {
      const pv = ctx.create({
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: {
          name: `pvc-${pvc.metadata.uid}`,
          annotations: { 'pv.kubernetes.io/provisioned-by': String(sc.provisioner ?? 'kubernetes.io/no-provisioner') },
        },
        spec: {
          accessModes: pvc.spec.accessModes ?? ['ReadWriteOnce'],
          capacity: { storage: pvc.spec.resources?.requests?.storage ?? '1Gi' },
          persistentVolumeReclaimPolicy: String(sc.reclaimPolicy ?? 'Delete'),
          storageClassName: className,
          volumeMode: pvc.spec.volumeMode ?? 'Filesystem',
        },
        status: { phase: 'Available' },
      });
      bind(ctx, pvc, pv);
      ctx.events.event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`, String(sc.provisioner ?? COMPONENT));
      continue;
    }
    if (pvc.status?.phase !== 'Pending') {
      pvc.status = { phase: 'Pending' };
      ctx.store.update(pvc);
    }
    if (className && !sc) ctx.events.eventOnce(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`, COMPONENT);
    else ctx.events.eventOnce(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', COMPONENT);
  }
}
