// Workloads and pods as the tree shows them: the READY column of `kubectl get`, whether all is
// as asked, and which ConfigMaps/Secrets a pod reads.
import type { KObject, Pod } from '../types';
import { controllerOf } from '../types';
import type { PodView, SourceLocation, WorkloadKind, WorkloadView } from '../../protocol/clusterView';
import { podSummary } from '../snapshot';
import { revisionOf, rolloutStatusMessage } from '../controllers/deployment/deploymentUtil';

export type SourceOf = (kind: string, namespace: string | null, name: string) => SourceLocation | null;

function images(template: KObject['spec'] | undefined): string[] {
  return ((template?.spec?.containers ?? []) as { image?: string }[]).map((c) => c.image ?? '');
}

function condition(o: KObject, type: string): boolean {
  return ((o.status?.conditions ?? []) as { type: string; status: string }[]).some((c) => c.type === type && c.status === 'True');
}

export function workloadView(o: KObject, sourceOf: SourceOf): WorkloadView {
  const kind = o.kind as WorkloadKind;
  const ns = o.metadata.namespace ?? 'default';
  const st = o.status ?? {};
  const owner = controllerOf(o);
  const base = {
    kind,
    namespace: ns,
    name: o.metadata.name,
    owner: owner ? { kind: owner.kind, name: owner.name } : null,
    revision: kind === 'ReplicaSet' && owner?.kind === 'Deployment' ? (revisionOf(o) ?? null) : null,
    images: images(kind === 'CronJob' ? o.spec?.jobTemplate?.spec?.template : o.spec?.template),
    source: sourceOf(kind, ns, o.metadata.name),
  };
  switch (kind) {
    case 'Deployment': {
      const desired = o.spec?.replicas ?? 1;
      const ready = st.readyReplicas ?? 0;
      const rollout = rolloutStatusMessage(o);
      const rolledOut = rollout.done && !rollout.message.startsWith('error:');
      return {
        ...base,
        ready: `${ready}/${desired}`,
        desired,
        readyCount: ready,
        healthy: rolledOut && ready === desired,
        state: rolledOut ? null : rollout.message,
      };
    }
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'StatefulSet': {
      const desired = o.spec?.replicas ?? 1;
      const ready = st.readyReplicas ?? 0;
      return { ...base, ready: `${ready}/${desired}`, desired, readyCount: ready, healthy: ready === desired, state: null };
    }
    case 'DaemonSet': {
      const desired = st.desiredNumberScheduled ?? 0;
      const ready = st.numberReady ?? 0;
      return { ...base, ready: `${ready}/${desired}`, desired, readyCount: ready, healthy: ready === desired, state: null };
    }
    case 'Job': {
      const completions = o.spec?.completions ?? 1;
      const succeeded = st.succeeded ?? 0;
      const failed = condition(o, 'Failed');
      const complete = condition(o, 'Complete');
      const state = failed ? 'Failed' : complete ? 'Complete' : o.spec?.suspend ? 'Suspended' : 'Running';
      return { ...base, ready: `${succeeded}/${completions}`, desired: completions, readyCount: succeeded, healthy: !failed, state };
    }
    case 'CronJob': {
      const active = (st.active ?? []).length;
      const suspended = !!o.spec?.suspend;
      return { ...base, ready: String(active), desired: 0, readyCount: active, healthy: true, state: suspended ? 'Suspended' : String(o.spec?.schedule ?? '') };
    }
  }
}

/** Names of the ConfigMaps and Secrets a pod reads through env, envFrom and volumes. */
function podConfigRefs(pod: Pod): { configMaps: string[]; secrets: string[] } {
  const cms = new Set<string>();
  const secrets = new Set<string>();
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    for (const e of c.env ?? []) {
      const from = (e as { valueFrom?: { configMapKeyRef?: { name: string }; secretKeyRef?: { name: string } } }).valueFrom;
      if (from?.configMapKeyRef?.name) cms.add(from.configMapKeyRef.name);
      if (from?.secretKeyRef?.name) secrets.add(from.secretKeyRef.name);
    }
    for (const f of c.envFrom ?? []) {
      if (f.configMapRef?.name) cms.add(f.configMapRef.name);
      if (f.secretRef?.name) secrets.add(f.secretRef.name);
    }
  }
  for (const v of (pod.spec.volumes ?? []) as {
    configMap?: { name: string };
    secret?: { secretName: string };
    projected?: { sources?: { configMap?: { name: string }; secret?: { name: string } }[] };
  }[]) {
    if (v.configMap?.name) cms.add(v.configMap.name);
    if (v.secret?.secretName) secrets.add(v.secret.secretName);
    for (const s of v.projected?.sources ?? []) {
      if (s.configMap?.name) cms.add(s.configMap.name);
      if (s.secret?.name) secrets.add(s.secret.name);
    }
  }
  return { configMaps: [...cms].sort(), secrets: [...secrets].sort() };
}

export function podView(pod: Pod, failingUids: Set<string>, sourceOf: SourceOf): PodView {
  const refs = podConfigRefs(pod);
  const ns = pod.metadata.namespace ?? 'default';
  return {
    ...podSummary(pod),
    labels: { ...(pod.metadata.labels ?? {}) },
    configMaps: refs.configMaps,
    secrets: refs.secrets,
    readinessFailing: failingUids.has(pod.metadata.uid ?? ''),
    source: sourceOf('Pod', ns, pod.metadata.name),
  };
}
