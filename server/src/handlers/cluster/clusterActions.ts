// The learning actions of the Simulated Cluster view, run on the workspace's cluster through the
// kubectl layer's verbs (the CLI's words): each returns the verb's lines under a header naming
// the command, the objects to reveal, and a localised one-line message for the notification.
import type { ClusterAction, ClusterActionResult } from '../../protocol/clusterProtocol';
import type { ObjectRef } from '../../protocol/clusterView';
import { controllerOf } from '../../cluster/types';
import type { VerbResult } from '../../kubectl/verbResult';
import { allLines, outputText } from '../../kubectl/verbResult';
import { deleteVerb } from '../../kubectl/verbs/delete';
import { scaleVerb, SCALABLE } from '../../kubectl/verbs/scale';
import { rolloutUndoVerb } from '../../kubectl/verbs/rollout';
import { rolloutRestartVerb } from '../../kubectl/verbs/rolloutControl';
import { setImageVerb } from '../../kubectl/verbs/setImage';
import { labelVerb } from '../../kubectl/verbs/labels';
import { isNamespaced } from '../../k8s/resources';
import { cordonVerb, drainVerb } from '../../kubectl/verbs/nodes';
import { taintVerb } from '../../kubectl/verbs/taint';
import { readinessVerb } from '../../kubectl/verbs/readiness';
import { faultVerb } from '../../kubectl/verbs/fault';
import type { WorkspaceCluster } from './workspaceCluster';
import { actionOutput, commandHeader } from './clusterOutput';
import { t } from '../../util/l10n';

function nsFlag(ref: ObjectRef): string {
  return ref.namespace && ref.namespace !== 'default' ? ` -n ${ref.namespace}` : '';
}

function notFound(ref: ObjectRef, r: VerbResult): ClusterActionResult {
  return { ok: false, message: t('{0} {1} no longer exists in the simulated cluster.', ref.kind, ref.name), output: outputText(r.lines), changed: [] };
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
      const owner = obj ? controllerOf(obj) : undefined;
      const r = deleteVerb(sim, [{ kind: ref.kind, namespace: ns, name: ref.name }]);
      if (!r.found) return notFound(ref, r);
      const replacements =
        ref.kind === 'Pod' && owner ? r.changed.filter((p) => controllerOf(sim.get('Pod', p.namespace ?? undefined, p.name)!)?.uid === owner.uid) : [];
      const message = replacements.length
        ? t(
            'Pod {0} deleted; {1} {2} created {3} to keep the desired number of replicas.',
            ref.name,
            owner!.kind,
            owner!.name,
            replacements.map((p) => p.name).join(', '),
          )
        : ref.kind === 'Pod' && !owner
          ? t('Pod {0} deleted. Nothing replaces it: no controller owns this pod.', ref.name)
          : t('{0} {1} deleted.', ref.kind, ref.name);
      return {
        ok: r.ok,
        message,
        output: actionOutput(`kubectl delete ${ref.kind.toLowerCase()} ${ref.name}${nsFlag(ref)}`, allLines(r)),
        changed: replacements,
      };
    }
    case 'scale': {
      const ref = a.target;
      const r = scaleVerb(sim, ref.kind, ref.namespace ?? 'default', ref.name, a.replicas);
      if (!SCALABLE.has(ref.kind)) return { ok: false, message: t('{0} cannot be scaled.', ref.kind), output: outputText(r.lines), changed: [] };
      if (!r.found) return notFound(ref, r);
      const output = actionOutput(`kubectl scale ${ref.kind.toLowerCase()}/${ref.name} --replicas=${a.replicas}${nsFlag(ref)}`, allLines(r));
      return { ok: true, message: t('{0} {1} scaled to {2} replicas.', ref.kind, ref.name, a.replicas), output, changed: [ref] };
    }
    case 'rolloutUndo': {
      const ref = a.target;
      const r = rolloutUndoVerb(sim, ref.namespace ?? 'default', ref.name, a.toRevision ?? 0);
      if (!r.found) return notFound(ref, r);
      const cmd = `kubectl rollout undo deployment/${ref.name}${a.toRevision ? ` --to-revision=${a.toRevision}` : ''}${nsFlag(ref)}`;
      return {
        ok: r.ok,
        message: r.ok ? t('Deployment {0} rolled back.', ref.name) : outputText(r.lines),
        output: actionOutput(cmd, allLines(r)),
        changed: r.ok ? [ref] : [],
      };
    }
    case 'rolloutRestart': {
      const ref = a.target;
      const r = rolloutRestartVerb(sim, ref.namespace ?? 'default', ref.name);
      if (!r.found) return notFound(ref, r);
      const output = actionOutput(`kubectl rollout restart deployment/${ref.name}${nsFlag(ref)}`, allLines(r));
      return {
        ok: r.ok,
        message: r.ok ? t('Deployment {0} restarted: every pod is replaced, a few at a time.', ref.name) : outputText(r.lines),
        output,
        changed: r.ok ? [ref] : [],
      };
    }
    case 'setImage': {
      const ref = a.target;
      const r = setImageVerb(sim, ref.kind, ref.namespace ?? 'default', ref.name, { [a.container]: a.image });
      if (!r.found) return notFound(ref, r);
      const output = actionOutput(`kubectl set image ${ref.kind.toLowerCase()}/${ref.name} ${a.container}=${a.image}${nsFlag(ref)}`, allLines(r));
      return {
        ok: r.ok,
        message: r.ok ? t('{0} {1}: container {2} now uses {3}.', ref.kind, ref.name, a.container, a.image) : outputText(r.lines),
        output,
        changed: r.ok ? [ref] : [],
      };
    }
    case 'label': {
      const ref = a.target;
      const change =
        a.value === null ? { set: {}, remove: [a.key], overwrite: true } : { set: { [a.key]: a.value }, remove: [], overwrite: a.overwrite === true };
      const r = labelVerb(sim, 'labels', ref.kind, isNamespaced(ref.kind) ? (ref.namespace ?? 'default') : undefined, ref.name, change);
      if (!r.found) return notFound(ref, r);
      const arg = a.value === null ? `${a.key}-` : `${a.key}=${a.value}${a.overwrite ? ' --overwrite' : ''}`;
      const output = actionOutput(`kubectl label ${ref.kind.toLowerCase()} ${ref.name} ${arg}${nsFlag(ref)}`, allLines(r));
      return {
        ok: r.ok,
        message: r.ok ? t('Labels of {0} {1} updated.', ref.kind, ref.name) : outputText(r.lines),
        output,
        changed: r.ok ? [ref, ...r.changed.filter((c) => c.name !== ref.name)] : [],
      };
    }
    case 'cordon':
    case 'uncordon':
    case 'drain': {
      const r =
        a.action === 'drain' ? drainVerb(sim, a.node, { force: a.force === true, ignoreDaemonSets: true }) : cordonVerb(sim, a.node, a.action === 'cordon');
      const ref = { kind: 'Node', namespace: null, name: a.node };
      if (!r.found) return notFound(ref, r);
      const flags = a.action === 'drain' ? ` --ignore-daemonsets${a.force ? ' --force' : ''}` : '';
      const message = !r.ok
        ? t('Node {0} was cordoned but not drained: some pods have no controller (see the output; drain with --force deletes them for good).', a.node)
        : a.action === 'cordon'
          ? t('Node {0} cordoned: new pods will not be scheduled there; pods already on it stay.', a.node)
          : a.action === 'uncordon'
            ? t('Node {0} uncordoned: it accepts new pods again.', a.node)
            : t('Node {0} drained: its pods were evicted and their controllers created replacements on other nodes.', a.node);
      return { ok: r.ok, message, output: actionOutput(`kubectl ${a.action} ${a.node}${flags}`, allLines(r)), changed: [ref] };
    }
    case 'taint': {
      const r = taintVerb(sim, a.node, a.specs, a.overwrite === true);
      const ref = { kind: 'Node', namespace: null, name: a.node };
      if (!r.found) return notFound(ref, r);
      const command = `kubectl taint node ${a.node} ${a.specs.join(' ')}${a.overwrite ? ' --overwrite' : ''}`;
      const evicted = r.run ? r.run.events.filter((e) => e.reason === 'TaintManagerEviction').length : 0;
      const message = !r.ok
        ? outputText(r.lines)
        : evicted
          ? t(
              'Node {0} taints updated: {1} pod(s) without a matching toleration were evicted (NoExecute); their controllers recreate them elsewhere.',
              a.node,
              evicted,
            )
          : t('Node {0} taints updated: pods without a matching toleration are no longer scheduled there (NoSchedule), or evicted (NoExecute).', a.node);
      return { ok: r.ok, message, output: actionOutput(command, allLines(r)), changed: r.ok ? [ref] : [] };
    }
    case 'failReadiness':
    case 'recoverReadiness': {
      const ref = a.target;
      const ready = a.action === 'recoverReadiness';
      const r = readinessVerb(sim, ref.namespace ?? 'default', ref.name, ready);
      if (!r.found) return notFound(ref, r);
      const message = ready
        ? t('Pod {0} is ready again and rejoins the endpoints of its Services.', ref.name)
        : t('Pod {0} is no longer ready: it leaves the endpoints of its Services (it keeps running).', ref.name);
      return {
        ok: true,
        message,
        output: actionOutput(`kubemate readiness ${ref.name} ${ready ? 'recover' : 'fail'}${nsFlag(ref)}`, allLines(r)),
        changed: [ref],
      };
    }
    case 'fault': {
      const ref = a.target;
      const r = faultVerb(sim, ref.namespace ?? 'default', ref.name, a.fault, a.container);
      if (!r.found) return notFound(ref, r);
      const cmd = `kubemate fault ${ref.name} ${a.fault}${a.container ? ` -c ${a.container}` : ''}${nsFlag(ref)}`;
      return { ok: r.ok, message: outputText(r.lines), output: actionOutput(cmd, allLines(r)), changed: r.ok ? [ref] : [] };
    }
  }
}
