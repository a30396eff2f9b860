// The Kustomization file (kustomize.config.k8s.io/v1beta1 Kustomization, v1alpha1 Component) as
// a kind of the type model, so kustomization.yaml is completed and validated like a manifest.
// Written from kustomize's Go types (api/types/kustomization.go and friends): kustomize refuses a
// field it does not know ("invalid Kustomization: json: unknown field"), so unknown fields are
// reported. Parts whose shape is wide or plugin-defined (vars, replacements, helm, openapi,
// sortOptions, field specs) accept anything.
import type { FieldType, KindEntry, TypeDef } from './schemaTypes';
import type { SchemaOverlay } from './schema';

const str: FieldType = { kind: 'string' };
const bool: FieldType = { kind: 'boolean' };
const any: FieldType = { kind: 'any' };
const strings: FieldType = { kind: 'array', items: str };
const strMap: FieldType = { kind: 'map', values: str };
const ref = (name: string, required = false): FieldType => ({ kind: 'ref', ref: `kustomize.v1beta1.${name}`, ...(required ? { required: true } : {}) });
const list = (name: string): FieldType => ({ kind: 'array', items: ref(name) });
const req = (t: FieldType): FieldType => ({ ...t, required: true });

const GENERATOR: Record<string, FieldType> = {
  name: str,
  namespace: str,
  behavior: { kind: 'string', enum: ['create', 'replace', 'merge'] },
  files: strings,
  literals: strings,
  envs: strings,
  env: str,
  options: ref('GeneratorOptions'),
};

const KUSTOMIZATION: Record<string, FieldType> = {
  apiVersion: str,
  kind: str,
  metadata: { kind: 'ref', ref: 'meta.v1.ObjectMeta' },
  resources: strings,
  bases: strings,
  components: strings,
  crds: strings,
  configurations: strings,
  generators: strings,
  transformers: strings,
  validators: strings,
  buildMetadata: strings,
  namespace: str,
  namePrefix: str,
  nameSuffix: str,
  commonLabels: strMap,
  commonAnnotations: strMap,
  labels: list('Label'),
  images: list('Image'),
  replicas: list('Replica'),
  configMapGenerator: list('ConfigMapArgs'),
  secretGenerator: list('SecretArgs'),
  generatorOptions: ref('GeneratorOptions'),
  patches: list('Patch'),
  patchesStrategicMerge: { kind: 'array', items: any },
  patchesJson6902: list('Patch'),
  vars: any,
  replacements: any,
  helmCharts: any,
  helmGlobals: any,
  helmChartInflationGenerator: any,
  openapi: any,
  sortOptions: any,
};

const TYPES: Record<string, TypeDef> = {
  'kustomize.v1beta1.Kustomization': { fields: KUSTOMIZATION },
  'kustomize.v1beta1.Label': { fields: { pairs: strMap, includeSelectors: bool, includeTemplates: bool, fields: any } },
  'kustomize.v1beta1.Image': { fields: { name: req(str), newName: str, newTag: str, digest: str, tagSuffix: str } },
  'kustomize.v1beta1.Replica': { fields: { name: req(str), count: { kind: 'integer', required: true } } },
  'kustomize.v1beta1.ConfigMapArgs': { fields: GENERATOR },
  'kustomize.v1beta1.SecretArgs': { fields: { ...GENERATOR, type: str } },
  'kustomize.v1beta1.GeneratorOptions': { fields: { labels: strMap, annotations: strMap, disableNameSuffixHash: bool, immutable: bool } },
  'kustomize.v1beta1.Patch': { fields: { path: str, patch: str, target: ref('Selector'), options: { kind: 'map', values: bool } } },
  'kustomize.v1beta1.Selector': { fields: { group: str, version: str, kind: str, name: str, namespace: str, labelSelector: str, annotationSelector: str } },
};

const KINDS: KindEntry[] = [
  { group: 'kustomize.config.k8s.io', version: 'v1beta1', kind: 'Kustomization', type: 'kustomize.v1beta1.Kustomization' },
  { group: 'kustomize.config.k8s.io', version: 'v1alpha1', kind: 'Component', type: 'kustomize.v1beta1.Kustomization' },
];

/** The Kustomization kinds, laid over the schema by loadSchema. */
export function kustomizationOverlay(): SchemaOverlay {
  return { kinds: KINDS, types: TYPES, docs: {} };
}
