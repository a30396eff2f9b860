// The text of a new `.kubemate/cluster.yaml`: the default nodes (cluster/defaultCluster.ts) as the
// short Node manifests a learner edits — name, role label, taints, pod CIDR, capacity. The
// profile loader fills in everything else (addresses, conditions, node info).
import { stringify } from 'yaml';
import { defaultNodes } from '../../cluster/defaultCluster';
import { t } from '../../util/l10n';

export function defaultProfileText(): string {
  const docs = defaultNodes().map((n) => {
    const labels = Object.fromEntries(Object.entries(n.metadata.labels ?? {}).filter(([k]) => k.startsWith('node-role.kubernetes.io/')));
    const spec: Record<string, unknown> = { podCIDR: n.spec.podCIDR };
    if (n.spec.taints) spec.taints = n.spec.taints;
    const cap = n.status.capacity as Record<string, string>;
    return stringify({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n.metadata.name, ...(Object.keys(labels).length ? { labels } : {}) },
      spec,
      status: { capacity: { cpu: cap.cpu, memory: cap.memory, pods: cap.pods } },
    });
  });
  const header = [
    t('# KubeMate cluster profile: the nodes of the simulated cluster.'),
    t('# Edit and save: the cluster is rebuilt with these nodes and your applied objects are applied again.'),
    t('# Only Node objects; cpu, memory and pods set what the scheduler can place on each node.'),
  ].join('\n');
  return `${header}\n${docs.join('---\n')}`;
}
