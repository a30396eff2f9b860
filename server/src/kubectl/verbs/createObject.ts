// `kubectl create configmap|secret|namespace|deployment <name> …`: the generated object is created
// as `create -f` creates one (validated and defaulted by the same API server path), with the
// generator's own words when it already exists. upstream: kubectl pkg/cmd/create.
import type { Simulator } from '../../cluster/simulator';
import type { Generated } from '../generators';
import { resourceName } from '../../k8s/resources';
import { failed, groupOf, VerbResult } from '../verbResult';
import { applyVerb } from './apply';

export type GeneratedKind = 'configmap' | 'secret' | 'namespace' | 'deployment';

function alreadyExists(what: GeneratedKind, kind: string, name: string): string {
  const exists = `${resourceName(kind, groupOf(kind))} "${name}" already exists`;
  if (what === 'namespace') return `Error from server (AlreadyExists): ${exists}`;
  // create_secret.go formats "failed to create secret %v", without a colon.
  if (what === 'secret') return `error: failed to create secret ${exists}`;
  return `error: failed to create ${what}: ${exists}`;
}

export function createObjectVerb(sim: Simulator, what: GeneratedKind, generated: Generated, defaultNamespace: string): VerbResult {
  if (!generated.ok) return failed(generated.error);
  const obj = generated.obj as { kind: string; metadata: { name: string; namespace?: string } };
  const namespaced = obj.kind !== 'Namespace';
  if (sim.get(obj.kind, namespaced ? (obj.metadata.namespace ?? defaultNamespace) : undefined, obj.metadata.name)) {
    return failed(alreadyExists(what, obj.kind, obj.metadata.name));
  }
  return applyVerb(sim, [{ obj: generated.obj }], { namespace: defaultNamespace, create: {} });
}
