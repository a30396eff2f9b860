// Generates KubeMate's compact Kubernetes schema model at build time, offline, from registry
// packages — nothing of it is committed; the output lands in dist/:
//
//   dist/schema.json      types → fields (type, required, enum), kinds (group/version/kind → type)
//   dist/schemaDocs.json  English descriptions, loaded lazily by hover/explain/completion
//   dist/crdSchema.json, dist/crdSchemaDocs.json  the same for the bundled custom resources
//                         (Gateway API, cert-manager, Prometheus Operator… — CRD_PACKAGES)
//
// Type keys follow the OpenAPI definition names without their prefix:
// io.k8s.api.apps.v1.DeploymentSpec → "apps.v1.DeploymentSpec", …meta.v1.ObjectMeta → "meta.v1.ObjectMeta".
//
// The model is built with readable names (server/src/schema/schemaTypes.ts FieldType: kind, ref,
// items, values, enum, format, required) and written with one-letter keys (COMPACT_KEYS, the same
// table schemaTypes.ts expands on load), which keeps dist/schema.json 13% smaller (309 KB instead of 356 KB). No
// feature ever sees the one-letter keys.
//
// Skipped when nothing it depends on changed: dist/.schema-stamp holds a hash of these scripts and
// of the versions of the packages read; `--force` regenerates anyway.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const STAMP = 'dist/.schema-stamp';
const OUTPUTS = ['dist/schema.json', 'dist/schemaDocs.json', 'dist/crdSchema.json', 'dist/crdSchemaDocs.json'];
/** The custom resources bundled offline (scripts/schema/fromCrdPackages.mjs reads them). */
const CRD_PACKAGES = [
  '@kubernetes-models/gateway-api',
  '@kubernetes-models/cert-manager',
  '@kubernetes-models/prometheus-operator',
  '@kubernetes-models/argo-cd',
  '@kubernetes-models/argo-rollouts',
  '@kubernetes-models/istio',
  '@kubernetes-models/keda',
  '@kubernetes-models/traefik',
  '@kubernetes-models/external-secrets',
  '@kubernetes-models/sealed-secrets',
  '@kubernetes-models/knative',
];
const INPUT_PACKAGES = ['kubernetes-models', '@kubernetes/client-node', ...CRD_PACKAGES];

/** Readable field-type key → the key written to dist/schema.json (mirrors schemaTypes.ts COMPACT_KEYS). */
const COMPACT_KEYS = { kind: 't', ref: 'r', items: 'i', values: 'v', enum: 'e', format: 'f', required: 'q' };

function stampOfInputs() {
  const h = createHash('sha256');
  const scripts = [
    'scripts/generateSchema.mjs',
    ...readdirSync('scripts/schema')
      .sort()
      .map((n) => join('scripts/schema', n)),
  ];
  for (const f of scripts) h.update(f).update('\0').update(readFileSync(f)).update('\0');
  const require = createRequire(join(process.cwd(), 'package.json'));
  for (const p of INPUT_PACKAGES) h.update(`${p}@${JSON.parse(readFileSync(require.resolve(`${p}/package.json`), 'utf8')).version}\0`);
  return h.digest('hex');
}

function compactField(ft) {
  const out = {};
  for (const [k, v] of Object.entries(ft)) {
    const short = COMPACT_KEYS[k];
    if (!short) throw new Error(`generateSchema: no compact key for field-type property "${k}"`);
    out[short] = k === 'items' || k === 'values' ? compactField(v) : k === 'required' ? 1 : v;
  }
  return out;
}

function compactTypes(types) {
  return Object.fromEntries(
    Object.entries(types).map(([key, ty]) => [key, { f: Object.fromEntries(Object.entries(ty.fields).map(([n, ft]) => [n, compactField(ft)])) }]),
  );
}

const stamp = stampOfInputs();
if (!process.argv.includes('--force') && OUTPUTS.every((f) => existsSync(f)) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) {
  console.log('schema: up to date (generator scripts and input package versions unchanged)');
  process.exit(0);
}

const { fromKubernetesModels } = await import('./schema/fromKubernetesModels.mjs');
const { fromClientNode } = await import('./schema/fromClientNode.mjs');
const { fromCrdPackages } = await import('./schema/fromCrdPackages.mjs');
const model = await fromKubernetesModels();
const supplement = await fromClientNode(model);
model.kinds.sort((a, b) => (a.group + a.version + a.kind).localeCompare(b.group + b.version + b.kind));

mkdirSync('dist', { recursive: true });
writeFileSync('dist/schema.json', JSON.stringify({ source: `${model.source} + ${supplement.source}`, kinds: model.kinds, types: compactTypes(model.types) }));
writeFileSync('dist/schemaDocs.json', JSON.stringify(model.docs));
const crds = fromCrdPackages(CRD_PACKAGES, model.types);
writeFileSync('dist/crdSchema.json', JSON.stringify({ source: crds.source, kinds: crds.kinds, types: compactTypes(crds.types) }));
writeFileSync('dist/crdSchemaDocs.json', JSON.stringify(crds.docs));
writeFileSync(STAMP, stamp);
const fields = Object.values(model.types).reduce((n, ty) => n + Object.keys(ty.fields).length, 0);
console.log(
  `schema: ${model.kinds.length} kinds (${supplement.added.length} alpha/beta from ${supplement.source}), ${Object.keys(model.types).length} types, ${fields} fields`,
);
console.log(`schema: ${crds.kinds.length} bundled custom resource kinds from ${CRD_PACKAGES.length} packages, ${Object.keys(crds.types).length} types`);
