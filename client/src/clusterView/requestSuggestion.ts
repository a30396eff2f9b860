// The request "Send Request…" suggests for a tree item: a Service's name and first port (its
// nodePort on a node's IP, from outside, for a NodePort Service), an Ingress's first host + path
// (from outside), a pod's IP. Pure (no `vscode` import).
import type { ClusterView, ObjectRef } from '../../../server/src/protocol/clusterView';

/** The target an item suggests, and whether it is reached from outside the cluster. */
export function suggestedTarget(view: ClusterView, ref: ObjectRef): { target: string; fromOutside: boolean } {
  const ns = ref.namespace ?? 'default';
  if (ref.kind === 'Service') {
    const svc = view.services.find((x) => x.namespace === ns && x.name === ref.name);
    const port = svc?.ports[0];
    const nodeIP = view.nodes.find((n) => !n.taints.length && n.internalIP)?.internalIP ?? view.nodes[0]?.internalIP;
    if (port?.nodePort && nodeIP) return { target: `${nodeIP}:${port.nodePort}`, fromOutside: true };
    return { target: `http://${ref.name}${ns === 'default' ? '' : '.' + ns}:${port?.port ?? 80}/`, fromOutside: false };
  }
  if (ref.kind === 'Ingress') {
    const route = view.ingresses.find((x) => x.namespace === ns && x.name === ref.name)?.routes.find((r) => r.path !== '(default)');
    const host = !route || route.host === '*' ? 'example.local' : route.host.replace(/^\*\./, 'www.');
    return { target: `${host}${route?.path ?? '/'}`, fromOutside: true };
  }
  const pod = view.pods.find((p) => p.namespace === ns && p.name === ref.name);
  return { target: `${pod?.ip ?? ref.name}:80`, fromOutside: false };
}
