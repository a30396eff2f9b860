// Generates KubeMate's compact Kubernetes schema model at build time, offline, from registry
// packages — nothing of it is committed; the output lands in dist/:
//
//   dist/schema.json      types → fields (type, required, enum), kinds (group/version/kind → type)
//   dist/schemaDocs.json  English descriptions, loaded lazily by hover/explain/completion
//
// Type keys follow the OpenAPI definition names without their prefix:
// io.k8s.api.apps.v1.DeploymentSpec → "apps.v1.DeploymentSpec", …meta.v1.ObjectMeta → "meta.v1.ObjectMeta".
import { mkdirSync, writeFileSync } from 'node:fs';
import { fromKubernetesModels } from './schema/fromKubernetesModels.mjs';
import { fromClientNode } from './schema/fromClientNode.mjs';

const model = await fromKubernetesModels();
const supplement = await fromClientNode(model);
model.kinds.sort((a, b) => (a.group + a.version + a.kind).localeCompare(b.group + b.version + b.kind));

mkdirSync('dist', { recursive: true });
writeFileSync('dist/schema.json', JSON.stringify({ source: `${model.source} + ${supplement.source}`, kinds: model.kinds, types: model.types }));
writeFileSync('dist/schemaDocs.json', JSON.stringify(model.docs));
const fields = Object.values(model.types).reduce((n, ty) => n + Object.keys(ty.f).length, 0);
console.log(`schema: ${model.kinds.length} kinds (${supplement.added.length} alpha/beta from ${supplement.source}), ${Object.keys(model.types).length} types, ${fields} fields`);
