// References a pod spec makes (ConfigMaps, Secrets, ServiceAccount, PVCs) and what its
// containers expose (ports), read from the plain pod spec with ranges from the document.
import { arr, get, isObj, num, obj, str } from '../k8s/objectAccess';
import type { PathSegment } from '../yaml/locate';
import type { DocReader } from './docReader';
import type { ContainerInfo, ContainerPort, KeyRef, Reference, RefTarget, RefVia } from './indexedObject';

const CONTAINER_LISTS = [
  ['containers', false],
  ['initContainers', true],
] as const;

export interface PodSpecFacts {
  refs: Reference[];
  containers: ContainerInfo[];
}

/**
 * `claimTemplates`: a StatefulSet's volumeClaimTemplates names. The StatefulSet controller
 * replaces a pod volume of the same name with the claim it creates (upstream:
 * pkg/controller/statefulset/stateful_set_utils.go updateStorage), so its claimName is no reference.
 */
export function podSpecFacts(r: DocReader, spec: unknown, at: PathSegment[], claimTemplates: ReadonlySet<string> = new Set()): PodSpecFacts {
  const refs: Reference[] = [];
  const containers: ContainerInfo[] = [];
  const s = obj(spec);
  if (!s) return { refs, containers };
  const ref = (target: RefTarget, via: RefVia, name: unknown, path: PathSegment[], extra: Partial<Reference> = {}) => {
    if (typeof name !== 'string' || name === '') return;
    refs.push({ target, via, name, range: r.range(path), optional: false, keys: [], ...extra });
  };

  for (const [list, init] of CONTAINER_LISTS) {
    arr(s[list]).forEach((c, ci) => {
      if (!isObj(c)) return;
      const cAt = [...at, list, ci];
      const name = str(c.name) ?? '';
      arr(c.env).forEach((e, ei) => {
        for (const [field, target] of [
          ['configMapKeyRef', 'ConfigMap'],
          ['secretKeyRef', 'Secret'],
        ] as const) {
          const kr = obj(get(e, 'valueFrom', field));
          if (!kr) continue;
          const p = [...cAt, 'env', ei, 'valueFrom', field];
          const keys: KeyRef[] = typeof kr.key === 'string' && kr.key !== '' ? [{ key: kr.key, range: r.range([...p, 'key']) }] : [];
          ref(target, 'env', kr.name, [...p, 'name'], { optional: kr.optional === true, keys, container: name });
        }
      });
      arr(c.envFrom).forEach((e, ei) => {
        for (const [field, target] of [
          ['configMapRef', 'ConfigMap'],
          ['secretRef', 'Secret'],
        ] as const) {
          const fr = obj(get(e, field));
          if (!fr) continue;
          ref(target, 'envFrom', fr.name, [...cAt, 'envFrom', ei, field, 'name'], { optional: fr.optional === true, container: name });
        }
      });
      const ports: ContainerPort[] = [];
      arr(c.ports).forEach((p, pi) => {
        if (!isObj(p)) return;
        ports.push({
          name: str(p.name),
          containerPort: num(p.containerPort),
          protocol: str(p.protocol) ?? 'TCP',
          hostPort: num(p.hostPort),
          range: r.range([...cAt, 'ports', pi]),
        });
      });
      containers.push({ name, ports, init, resourcesRange: r.keyRange([...cAt, 'resources']) });
    });
  }

  arr(s.volumes).forEach((v, vi) => {
    if (!isObj(v)) return;
    const vAt = [...at, 'volumes', vi];
    const cm = obj(v.configMap);
    if (cm)
      ref('ConfigMap', 'volume', cm.name, [...vAt, 'configMap', 'name'], { optional: cm.optional === true, keys: itemKeys(r, cm, [...vAt, 'configMap']) });
    const sec = obj(v.secret);
    if (sec)
      ref('Secret', 'volume', sec.secretName, [...vAt, 'secret', 'secretName'], {
        optional: sec.optional === true,
        keys: itemKeys(r, sec, [...vAt, 'secret']),
      });
    const pvc = obj(v.persistentVolumeClaim);
    if (pvc && !claimTemplates.has(String(v.name))) ref('PersistentVolumeClaim', 'claimName', pvc.claimName, [...vAt, 'persistentVolumeClaim', 'claimName']);
    arr(get(v, 'projected', 'sources')).forEach((src, si) => {
      for (const [field, target] of [
        ['configMap', 'ConfigMap'],
        ['secret', 'Secret'],
      ] as const) {
        const o = obj(get(src, field));
        if (!o) continue;
        const p = [...vAt, 'projected', 'sources', si, field];
        ref(target, 'projected', o.name, [...p, 'name'], { optional: o.optional === true, keys: itemKeys(r, o, p) });
      }
    });
  });

  arr(s.imagePullSecrets).forEach((p, pi) => ref('Secret', 'imagePullSecrets', get(p, 'name'), [...at, 'imagePullSecrets', pi, 'name']));

  // `default` exists in every namespace (the ServiceAccount controller creates it).
  const saField = typeof s.serviceAccountName === 'string' ? 'serviceAccountName' : typeof s.serviceAccount === 'string' ? 'serviceAccount' : undefined;
  if (saField && s[saField] !== 'default') ref('ServiceAccount', 'serviceAccountName', s[saField], [...at, saField]);
  return { refs, containers };
}

function itemKeys(r: DocReader, source: Record<string, unknown>, at: PathSegment[]): KeyRef[] {
  const out: KeyRef[] = [];
  arr(source.items).forEach((it, i) => {
    const key = str(get(it, 'key'));
    if (key) out.push({ key, range: r.range([...at, 'items', i, 'key']) });
  });
  return out;
}
