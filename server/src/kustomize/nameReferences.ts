// kustomize's nameReference transformer, for the references learners write: when a ConfigMap,
// Secret, Service, ServiceAccount, PVC, Role or workload is renamed (namePrefix/nameSuffix, the
// generator hash), every reference to it in the same build follows. The field list follows
// kustomize's api/konfig/builtinpluginconsts/namereference.go, trimmed to core kinds.
import type { Obj } from './objectPaths';
import { child, containers, isObj, kindOf, podSpec } from './objectPaths';

/** A reference to an object of `kind` by name, with a way to rewrite it. */
interface NameRef {
  kind: string;
  name: string;
  set(name: string): void;
}

function ref(out: NameRef[], kind: string, holder: unknown, key: string): void {
  if (isObj(holder) && typeof holder[key] === 'string') {
    const h = holder;
    out.push({ kind, name: h[key] as string, set: (n) => (h[key] = n) });
  }
}

const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

function nameReferences(o: Obj): NameRef[] {
  const out: NameRef[] = [];
  const spec = podSpec(o);
  if (spec) {
    ref(out, 'ServiceAccount', spec, 'serviceAccountName');
    for (const s of list(spec.imagePullSecrets)) ref(out, 'Secret', s, 'name');
    for (const v of list(spec.volumes)) {
      ref(out, 'ConfigMap', v.configMap, 'name');
      ref(out, 'Secret', v.secret, 'secretName');
      ref(out, 'PersistentVolumeClaim', v.persistentVolumeClaim, 'claimName');
      for (const s of list(child(v, 'projected')?.sources)) {
        ref(out, 'ConfigMap', s.configMap, 'name');
        ref(out, 'Secret', s.secret, 'name');
      }
    }
    for (const c of containers(spec)) {
      for (const e of list(c.env)) {
        ref(out, 'ConfigMap', child(e, 'valueFrom', 'configMapKeyRef'), 'name');
        ref(out, 'Secret', child(e, 'valueFrom', 'secretKeyRef'), 'name');
      }
      for (const e of list(c.envFrom)) {
        ref(out, 'ConfigMap', e.configMapRef, 'name');
        ref(out, 'Secret', e.secretRef, 'name');
      }
    }
  }
  switch (kindOf(o)) {
    case 'StatefulSet':
      ref(out, 'Service', o.spec, 'serviceName');
      break;
    case 'Ingress': {
      const s = child(o, 'spec');
      ref(out, 'Service', child(s, 'defaultBackend', 'service'), 'name');
      for (const r of list(s?.rules)) for (const p of list(child(r, 'http')?.paths)) ref(out, 'Service', child(p, 'backend', 'service'), 'name');
      for (const tls of list(s?.tls)) ref(out, 'Secret', tls, 'secretName');
      break;
    }
    case 'HorizontalPodAutoscaler': {
      const target = child(o, 'spec', 'scaleTargetRef');
      if (target && typeof target.kind === 'string') ref(out, target.kind, target, 'name');
      break;
    }
    case 'RoleBinding':
    case 'ClusterRoleBinding': {
      const roleRef = child(o, 'roleRef');
      if (roleRef && typeof roleRef.kind === 'string') ref(out, roleRef.kind, roleRef, 'name');
      for (const s of list(o.subjects)) if (s.kind === 'ServiceAccount') ref(out, 'ServiceAccount', s, 'name');
      break;
    }
    case 'ServiceAccount':
      for (const s of list(o.secrets)) ref(out, 'Secret', s, 'name');
      for (const s of list(o.imagePullSecrets)) ref(out, 'Secret', s, 'name');
      break;
  }
  return out;
}

/** Rewrites references: `renames` maps `Kind/oldName` to the new name. */
export function applyRenames(objects: Obj[], renames: Map<string, string>): void {
  if (renames.size === 0) return;
  for (const o of objects) {
    for (const r of nameReferences(o)) {
      const next = renames.get(`${r.kind}/${r.name}`);
      if (next !== undefined) r.set(next);
    }
  }
}
