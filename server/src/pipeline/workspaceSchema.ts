// The schema a workspace is checked against: the built-in kinds (and the bundled custom
// resources, schema/bundledCrds.ts) with the kinds of the workspace's own
// CustomResourceDefinitions laid over them — a workspace CRD overrides a bundled one of the same
// group/version/kind. The editor and `kubemate check` both ask here, so a custom resource gets
// the same findings on both surfaces.
import type { Schema } from '../schema/schema';
import { crdModel, crdVersions } from '../schema/crdModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

interface Built {
  base: Schema;
  specs: unknown[];
  schema: Schema;
}

/** One memo per index: rebuilt only when a CRD's spec changed (extractions are cached per document text). */
const BUILT = new WeakMap<WorkspaceIndex, Built>();

export function workspaceSchema(base: Schema, index: WorkspaceIndex): Schema {
  // ofKind is in a stable order (file, then document), so a later definition of a kind wins.
  const specs = index.ofKind('CustomResourceDefinition').flatMap((o) => (o.crdSpec === undefined ? [] : [o.crdSpec]));
  const hit = BUILT.get(index);
  if (hit && hit.base === base && hit.specs.length === specs.length && hit.specs.every((s, i) => s === specs[i])) return hit.schema;
  const schema = specs.length ? base.withOverlay(crdModel(specs.flatMap(crdVersions)), `${specs.length} workspace CRDs`) : base;
  BUILT.set(index, { base, specs, schema });
  return schema;
}
