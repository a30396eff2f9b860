// A cluster profile: a YAML stream of Node manifests that replace the default nodes and
// `kind: SimulationProfile` documents that say what images do (runtime/simulationProfile.ts), e.g.
// `.kubemate/cluster.yaml` in a workspace or `--cluster <file>` on the CLI. Missing node details
// are filled in like the default nodes (4 CPU, 8Gi, 110 pods, pod CIDR 10.244.<i>.0/24); a
// profile with no Node keeps the default nodes.
// The caller parses the YAML; this module checks the objects and names file:line on problems.
import type { KObject } from './types';
import { makeNode } from './defaultCluster';
import { isValidQuantity } from '../k8s/quantity';
import { t } from '../util/l10n';
import { ImageBehaviour, readSimulationProfile } from './runtime/simulationProfile';

export interface ProfileDocument {
  obj: unknown;
  file: string;
  line: number;
}

export interface ClusterProfile {
  /** Undefined: the profile has no Node, the default nodes stay. */
  nodes?: KObject[];
  /** The SimulationProfile entries, in file order (the first match wins). */
  simulation: ImageBehaviour[];
  problems: string[];
}

const NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function loadClusterProfile(docs: ProfileDocument[]): ClusterProfile {
  const nodes: KObject[] = [];
  const problems: string[] = [];
  const simulation: ImageBehaviour[] = [];
  const names = new Set<string>();
  for (const d of docs) {
    const where = `${d.file}:${d.line}`;
    const o = d.obj;
    if (isObj(o) && o.kind === 'SimulationProfile') {
      simulation.push(...readSimulationProfile(o, where, problems));
      continue;
    }
    if (!isObj(o) || o.kind !== 'Node') {
      problems.push(
        t('{0}: a cluster profile may only contain Node and SimulationProfile objects (found {1}).', where, isObj(o) ? String(o.kind ?? '?') : typeof o),
      );
      continue;
    }
    const meta = isObj(o.metadata) ? o.metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    if (!name || !NAME_RE.test(name) || name.length > 253) {
      problems.push(t('{0}: the Node needs a valid metadata.name (lower-case letters, digits, "-" and ".").', where));
      continue;
    }
    if (names.has(name)) {
      problems.push(t('{0}: the Node "{1}" appears twice.', where, name));
      continue;
    }
    names.add(name);
    const spec = isObj(o.spec) ? o.spec : {};
    const status = isObj(o.status) ? o.status : {};
    const alloc = { ...(isObj(status.capacity) ? status.capacity : {}), ...(isObj(status.allocatable) ? status.allocatable : {}) } as Record<string, unknown>;
    let bad = false;
    for (const [k, v] of Object.entries(alloc)) {
      if (!isValidQuantity(v)) {
        problems.push(t('{0}: Node "{1}": status.allocatable.{2} is not a valid quantity: {3}', where, name, k, String(v)));
        bad = true;
      }
    }
    if (bad) continue;
    const i = nodes.length;
    const labels = isObj(meta.labels) ? (meta.labels as Record<string, string>) : {};
    const node = makeNode({
      name,
      controlPlane: 'node-role.kubernetes.io/control-plane' in labels,
      cpu: alloc.cpu !== undefined ? String(alloc.cpu) : undefined,
      memory: alloc.memory !== undefined ? String(alloc.memory) : undefined,
      pods: alloc.pods !== undefined ? String(alloc.pods) : undefined,
      podCIDR: typeof spec.podCIDR === 'string' ? spec.podCIDR : `10.244.${i}.0/24`,
      internalIP: `172.18.0.${i + 2}`,
      labels,
    });
    const addresses = Array.isArray(status.addresses) ? status.addresses : undefined;
    if (addresses) node.status.addresses = addresses;
    // Taints come only from the profile: a profile node without taints has none.
    if (Array.isArray(spec.taints)) node.spec.taints = spec.taints;
    else delete node.spec.taints;
    if (spec.unschedulable === true) node.spec.unschedulable = true;
    for (const [k, v] of Object.entries(alloc)) {
      node.status.allocatable[k] = String(v);
      node.status.capacity[k] = String(v);
    }
    nodes.push(node);
  }
  if (docs.length === 0) problems.push(t('The cluster profile contains no Node or SimulationProfile objects.'));
  return { nodes: nodes.length ? nodes : undefined, simulation, problems };
}
