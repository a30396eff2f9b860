// Kinds the simulated API server serves because a CustomResourceDefinition was applied: the
// stored CRDs are the registry, so a kind appears with its CRD and goes when the CRD is deleted.
// A custom resource is stored as written (no schema defaulting or pruning); its group, served
// versions, plural, short names and scope come from the CRD's spec.
// upstream: apiextensions-apiserver (the CRD handler serves spec.versions[].served of spec.group;
// spec.names.{plural,singular,shortNames,kind}; spec.scope Namespaced|Cluster).
import type { Store } from './store';
import type { KObject } from './types';
import type { ResourceInfo } from '../k8s/resources';

export interface CustomResourceInfo extends ResourceInfo {
  singular: string;
  /** Served versions, in the CRD's order. */
  versions: string[];
  crd: KObject;
}

function infoOf(crd: KObject): CustomResourceInfo | undefined {
  const spec = crd.spec ?? {};
  const names = spec.names ?? {};
  if (typeof names.kind !== 'string' || typeof names.plural !== 'string' || typeof spec.group !== 'string') return undefined;
  const versions = (Array.isArray(spec.versions) ? spec.versions : [])
    .filter((v: { name?: unknown; served?: unknown }) => typeof v?.name === 'string' && v.served !== false)
    .map((v: { name: string }) => v.name);
  return {
    kind: names.kind,
    group: spec.group,
    version: versions[0] ?? '',
    versions,
    plural: names.plural,
    singular: typeof names.singular === 'string' ? names.singular : names.kind.toLowerCase(),
    shortNames: Array.isArray(names.shortNames) ? names.shortNames.filter((s: unknown) => typeof s === 'string') : [],
    namespaced: spec.scope !== 'Cluster',
    crd,
  };
}

/** Every kind the applied CRDs define. */
export function customResources(store: Store): CustomResourceInfo[] {
  const out: CustomResourceInfo[] = [];
  for (const crd of store.list('CustomResourceDefinition')) {
    const info = infoOf(crd);
    if (info) out.push(info);
  }
  return out;
}

/** A custom kind by kind, plural, singular or short name, with an optional `.group` — as kubectl resolves them. */
export function resolveCustomResource(store: Store, name: string): CustomResourceInfo | undefined {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.');
  const base = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? undefined : lower.slice(dot + 1);
  return customResources(store).find(
    (r) =>
      (group === undefined || r.group === group) && (r.plural === base || r.singular === base || r.kind.toLowerCase() === base || r.shortNames.includes(base)),
  );
}

/** The custom kind a manifest's kind + apiVersion names, when one of the CRDs serves that version. */
export function customKindFor(known: CustomResourceInfo[], kind: string, group: string, version: string): CustomResourceInfo | undefined {
  return known.find((r) => r.kind === kind && r.group === group && r.versions.includes(version));
}

/** The stored scope of a kind: cluster-scoped custom kinds are kept without a namespace. */
export function isCustomClusterScoped(store: Store, kind: string): boolean {
  return customResources(store).some((r) => r.kind === kind && !r.namespaced);
}
