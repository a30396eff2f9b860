// A workspace cluster with manifests dry-run applied (as the extension does), for tests of the
// tree, the topology and the handler helpers; and an English `t` for the client's pure modules.
import { WorkspaceCluster } from '../../server/src/handlers/cluster/workspaceCluster';
import { dryRun } from '../../server/src/handlers/clusterHandler';

/** English `t`: fills {0}-style placeholders. */
export const fmt = (m: string, ...args: (string | number | boolean)[]): string => m.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

/** Applies each text as `file:///ws/<i>.yaml` to a fresh in-memory cluster. */
export function clusterWith(...texts: string[]): WorkspaceCluster {
  const c = new WorkspaceCluster();
  c.configure({ trusted: true });
  c.start();
  texts.forEach((text, i) => dryRun(c, { sources: [{ uri: `file:///ws/${i}.yaml`, label: `${i}.yaml`, text }], command: `kubectl apply -f ${i}.yaml` }));
  return c;
}
