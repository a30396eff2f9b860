// The learning actions of the Simulated Cluster view, run on the workspace's cluster: each returns
// kubectl's lines (the CLI's wording), the state after it and a one-line message for the
// notification. upstream wording: kubectl delete/scale/rollout undo/cordon/drain.
import type { ClusterAction, ClusterActionResult } from '../../protocol/clusterProtocol';
import type { ObjectRef } from '../../protocol/clusterView';
import type { Pod } from '../../cluster/types';
import { controllerOf } from '../../cluster/types';
import { rolloutUndo } from '../../cluster/controllers/deployment/rollback';
import { kubectlName, resolveResource, resourceName } from '../../k8s/resources';
import type { WorkspaceCluster } from './workspaceCluster';
import { commandHeader, stateLines } from './clusterOutput';
import { t } from '../../util/l10n';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

function group(kind: string): string {
  return resolveResource(kind)?.group ?? '';
}

function nsFlag(ref: ObjectRef): string {
  return ref.namespace && ref.namespace !== 'default' ? ` -n ${ref.namespace}` : '';
}

function notFound(ref: ObjectRef): ClusterActionResult {
  const text = `Error from server (NotFound): ${resourceName(ref.kind, group(ref.kind))} "${ref.name}" not found`;
  return { ok: false, message: t('{0} {1} no longer exists in the simulated cluster.', ref.kind, ref.name), output: text, changed: [] };
}

/** Pods that appeared during an action (a controller's replacements). */
function newPods(before: Set<string>, pods: Pod[]): Pod[] {
  return pods.filter((p) => !before.has(p.metadata.uid ?? ''));
}

export function runClusterAction(cluster: WorkspaceCluster, a: ClusterAction): ClusterActionResult {
  const sim = cluster.sim;
  switch (a.action) {
    case 'reset': {
      const messages = cluster.reset();
      const nodes = cluster.sim.store.list('Node').length;
      const message = t('The simulated cluster was reset: {0} nodes, no objects of yours.', nodes);
      return { ok: true, message, output: [commandHeader('kubemate reset'), ...messages, message].join('\n'), changed: [] };
    }
    case 'deletePod':
    case 'deleteObject': {
      const ref = a.target;
      const ns = ref.namespace ?? undefined;
      const obj = sim.get(ref.kind, ns, ref.name);
      if (!obj) return notFound(ref);
      const owner = controllerOf(obj);
      const before = new Set(sim.store.list<Pod>('Pod').map((p) => p.metadata.uid ?? ''));
      const r = sim.delete(ref.kind, ns, ref.name);
      const name = kubectlName(ref.kind, group(ref.kind));
      const line = ns ? `${name} "${ref.name}" deleted from ${ns} namespace` : `${name} "${ref.name}" deleted`;
      const replacements = ref.kind === 'Pod' && owner ? newPods(before, sim.store.list<Pod>('Pod')).filter((p) => controllerOf(p)?.uid === owner.uid) : [];
      const message = replacements.length
        ? t('Pod {0} deleted; {1} {2} created {3} to keep the desired number of replicas.', ref.name, owner!.kind, owner!.name, replacements.map((p) => p.metadata.name).join(', '))
        : ref.kind === 'Pod' && !owner
          ? t('Pod {0} deleted. Nothing replaces it: no controller owns this pod.', ref.name)
          : t('{0} {1} deleted.', ref.kind, ref.name);
      const output = [commandHeader(`kubectl delete ${ref.kind.toLowerCase()} ${ref.name}${nsFlag(ref)}`), line, ...stateLines(sim, ns ? [ns] : [], r)];
      const changed = replacements.map((p) => ({ kind: 'Pod', namespace: p.metadata.namespace ?? 'default', name: p.metadata.name }));
      return { ok: r.found, message, output: output.join('\n'), changed };
    }
    case 'scale': {
      const ref = a.target;
      if (!SCALABLE.has(ref.kind)) return { ok: false, message: t('{0} cannot be scaled.', ref.kind), output: `error: cannot scale ${resourceName(ref.kind, group(ref.kind))}`, changed: [] };
      const r = sim.scale(ref.kind, ref.namespace ?? 'default', ref.name, a.replicas);
      if (!r.found) return notFound(ref);
      const output = [commandHeader(`kubectl scale ${ref.kind.toLowerCase()}/${ref.name} --replicas=${a.replicas}${nsFlag(ref)}`), `${kubectlName(ref.kind, group(ref.kind))}/${ref.name} scaled`, ...stateLines(sim, [ref.namespace ?? 'default'], r)];
      return { ok: true, message: t('{0} {1} scaled to {2} replicas.', ref.kind, ref.name, a.replicas), output: output.join('\n'), changed: [ref] };
    }
    case 'rolloutUndo': {
      const ref = a.target;
      const d = sim.get('Deployment', ref.namespace ?? 'default', ref.name);
      if (!d) return notFound(ref);
      let message = '';
      const r = sim.mutate((store) => {
        const u = rolloutUndo(store, d, a.toRevision ?? 0);
        message = u.message;
        return { ok: u.ok, lines: [u.message] };
      });
      const cmd = `kubectl rollout undo deployment/${ref.name}${a.toRevision ? ` --to-revision=${a.toRevision}` : ''}${nsFlag(ref)}`;
      const output = [commandHeader(cmd), message, ...(r.ok ? stateLines(sim, [ref.namespace ?? 'default'], r) : [])];
      return { ok: r.ok, message: r.ok ? t('Deployment {0} rolled back.', ref.name) : message, output: output.join('\n'), changed: r.ok ? [ref] : [] };
    }
    case 'cordon':
    case 'uncordon':
    case 'drain': {
      const r = a.action === 'drain' ? sim.drain(a.node, { force: a.force === true, ignoreDaemonSets: true }) : sim.cordon(a.node, a.action === 'cordon');
      const ref = { kind: 'Node', namespace: null, name: a.node };
      if (!r.found) return notFound(ref);
      const flags = a.action === 'drain' ? ` --ignore-daemonsets${a.force ? ' --force' : ''}` : '';
      const namespaces = [...new Set(sim.store.list<Pod>('Pod').map((p) => p.metadata.namespace ?? 'default'))].filter((n) => !n.startsWith('kube-'));
      const output = [commandHeader(`kubectl ${a.action} ${a.node}${flags}`), ...r.lines, ...(a.action === 'drain' ? stateLines(sim, namespaces, r) : [])];
      const message = !r.ok
        ? t('Node {0} was cordoned but not drained: some pods have no controller (see the output; drain with --force deletes them for good).', a.node)
        : a.action === 'cordon'
          ? t('Node {0} cordoned: new pods will not be scheduled there; pods already on it stay.', a.node)
          : a.action === 'uncordon'
            ? t('Node {0} uncordoned: it accepts new pods again.', a.node)
            : t('Node {0} drained: its pods were evicted and their controllers created replacements on other nodes.', a.node);
      return { ok: r.ok, message, output: output.join('\n'), changed: [ref] };
    }
    case 'failReadiness':
    case 'recoverReadiness': {
      const ref = a.target;
      const ns = ref.namespace ?? 'default';
      const ready = a.action === 'recoverReadiness';
      const r = sim.setPodReady(ns, ref.name, ready);
      if (!r.found) return notFound(ref);
      const head = ready ? t('Readiness of pod/{0} passes again.', ref.name) : t('Readiness of pod/{0} now fails.', ref.name);
      const output = [commandHeader(`kubemate readiness ${ref.name} ${ready ? 'recover' : 'fail'}${nsFlag(ref)}`), head, ...stateLines(sim, [ns], r)];
      const message = ready
        ? t('Pod {0} is ready again and rejoins the endpoints of its Services.', ref.name)
        : t('Pod {0} is no longer ready: it leaves the endpoints of its Services (it keeps running).', ref.name);
      return { ok: true, message, output: output.join('\n'), changed: [ref] };
    }
  }
}
