// "Why?" for a Service without ready endpoints, a stalled rollout and a failed Job: one explainer
// per condition, computed from the objects' upstream status (Endpoints subsets, Deployment
// Progressing condition and replica counts, Job Failed condition) and their specs.
import type { Store } from '../store';
import type { KObject, Pod } from '../types';
import type { ServicePort } from '../controllers/service';
import { mapSelectorMatches } from '../../k8s/labels';
import { findPort, isPodReady } from '../controllerUtils';
import { t } from '../../util/l10n';

export interface ObjectWhy {
  field: string | null;
  cause: string;
  event: string;
  fix: string;
}

export interface ObjectWhyContext {
  store: Store;
  obj: KObject;
  warning: string | null;
}

type ObjectExplainer = (c: ObjectWhyContext) => ObjectWhy;

const selectorText = (s: Record<string, string>) =>
  Object.entries(s)
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || '{}';

function podsOf(store: Store, svc: KObject): Pod[] {
  return store.list<Pod>('Pod', svc.metadata.namespace).filter((p) => mapSelectorMatches(svc.spec.selector, p.metadata.labels ?? {}));
}

/** The condition of a Service that has no ready endpoint, or null when it has some (or needs none). */
export function serviceCondition(store: Store, svc: KObject): string | null {
  if (svc.spec?.type === 'ExternalName' || !svc.spec?.selector) return null;
  const ep = store.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
  if (((ep?.subsets ?? []) as { addresses?: unknown[] }[]).some((s) => (s.addresses ?? []).length)) return null;
  const pods = podsOf(store, svc);
  if (!pods.length) return 'ServiceSelectorMatchesNothing';
  const ports = (svc.spec.ports ?? []) as ServicePort[];
  if (ports.length && pods.every((p) => ports.every((sp) => findPort(p, sp) === undefined))) return 'ServicePortMismatch';
  return 'ServiceNoReadyPods';
}

export const OBJECT_EXPLAINERS: Record<string, ObjectExplainer> = {
  ServiceSelectorMatchesNothing: (c) => {
    const sel = c.obj.spec.selector as Record<string, string>;
    const keys = Object.keys(sel);
    const near = c.store.list<Pod>('Pod', c.obj.metadata.namespace).filter((p) => keys.some((k) => k in (p.metadata.labels ?? {})));
    const seen = [...new Set(near.map((p) => keys.map((k) => `${k}=${p.metadata.labels?.[k] ?? '-'}`).join(',')))].slice(0, 3);
    return {
      field: 'spec.selector',
      cause: seen.length
        ? t(
            'No pod in namespace {0} has the labels {1} of the selector of Service {2}; pods with those keys have {3}.',
            c.obj.metadata.namespace ?? 'default',
            selectorText(sel),
            c.obj.metadata.name,
            seen.join(' / '),
          )
        : t(
            'No pod in namespace {0} has the labels {1} of the selector of Service {2}.',
            c.obj.metadata.namespace ?? 'default',
            selectorText(sel),
            c.obj.metadata.name,
          ),
      event: t('Endpoints {0}: no addresses (kubectl get endpoints shows <none>)', c.obj.metadata.name),
      fix: t('Make spec.selector equal to the labels of the pod template (spec.template.metadata.labels of the Deployment), in the same namespace.'),
    };
  },
  ServicePortMismatch: (c) => {
    const ports = (c.obj.spec.ports ?? []) as ServicePort[];
    const i = ports.findIndex((p) => typeof p.targetPort === 'string');
    const names = [
      ...new Set(podsOf(c.store, c.obj).flatMap((p) => p.spec.containers.flatMap((ct) => (ct.ports ?? []).map((x) => x.name ?? String(x.containerPort))))),
    ];
    return {
      field: `spec.ports[${Math.max(0, i)}].targetPort`,
      cause: t(
        'The pods of Service {0} match its selector but none has a container port named "{1}", so the Endpoints controller leaves every pod out. Their ports: {2}.',
        c.obj.metadata.name,
        String(ports[Math.max(0, i)]?.targetPort ?? ''),
        names.join(', ') || t('none'),
      ),
      event: t('Endpoints {0}: no addresses (kubectl get endpoints shows <none>)', c.obj.metadata.name),
      fix: t('Make targetPort the name (or number) of a containerPort of the pods.'),
    };
  },
  ServiceNoReadyPods: (c) => {
    const pods = podsOf(c.store, c.obj);
    const shown = pods
      .slice(0, 5)
      .map((p) => `${p.metadata.name} (${isPodReady(p) ? 'Ready' : (p.status?.phase ?? 'Pending')})`)
      .join(', ');
    return {
      field: null,
      cause: t('Service {0} selects {1} pod(s) but none is ready: {2}. Requests to it are refused.', c.obj.metadata.name, pods.length, shown),
      event: t('Endpoints {0}: only notReadyAddresses', c.obj.metadata.name),
      fix: t('Fix the pods first: their own "Why?" says what keeps them from being ready.'),
    };
  },
  ProgressDeadlineExceeded: (c) => {
    const cond = (c.obj.status?.conditions ?? []).find((x: { type: string }) => x.type === 'Progressing');
    return {
      field: 'spec.progressDeadlineSeconds',
      cause: t(
        'The rollout of Deployment {0} made no progress for {1}s: {2} The old pods keep serving.',
        c.obj.metadata.name,
        c.obj.spec?.progressDeadlineSeconds ?? 600,
        cond?.message ?? '',
      ),
      event: `Progressing=False ProgressDeadlineExceeded: ${cond?.message ?? ''}`,
      fix: t(
        'Fix what keeps the new pods from becoming available (see their "Why?"), or go back: `kubemate rollout undo deployment/{0}`.',
        c.obj.metadata.name,
      ),
    };
  },
  RolloutStalled: (c) => {
    const s = c.obj.status ?? {};
    const maxUnavailable = c.obj.spec?.strategy?.rollingUpdate?.maxUnavailable ?? '25%';
    return {
      field: 'spec.strategy.rollingUpdate.maxUnavailable',
      cause: t(
        'The rollout of Deployment {0} is stuck: {1} of {2} pods are updated but only {3} are available. maxUnavailable ({4}) keeps the old pods serving until new ones become available.',
        c.obj.metadata.name,
        s.updatedReplicas ?? 0,
        c.obj.spec?.replicas ?? 1,
        s.availableReplicas ?? 0,
        String(maxUnavailable),
      ),
      event:
        c.warning ??
        `Waiting for deployment "${c.obj.metadata.name}" rollout to finish: ${s.updatedReplicas ?? 0} out of ${c.obj.spec?.replicas ?? 1} new replicas have been updated...`,
      fix: t(
        'Fix what keeps the new pods from becoming available (see their "Why?"), or go back: `kubemate rollout undo deployment/{0}`.',
        c.obj.metadata.name,
      ),
    };
  },
  BackoffLimitExceeded: (c) => ({
    field: 'spec.backoffLimit',
    cause: t(
      'Job {0} failed: its pods failed {1} time(s), more than backoffLimit ({2}) allows, so no new pod is started.',
      c.obj.metadata.name,
      c.obj.status?.failed ?? 0,
      c.obj.spec?.backoffLimit ?? 6,
    ),
    event: c.warning ?? 'Warning BackoffLimitExceeded: Job has reached the specified backoff limit',
    fix: t('Find out why the pods fail (their "Why?"), fix it, then delete and re-create the Job; a Job does not restart by itself.'),
  }),
  DeadlineExceeded: (c) => ({
    field: 'spec.activeDeadlineSeconds',
    cause: t(
      'Job {0} ran longer than activeDeadlineSeconds ({1}s); its pods were stopped and it is marked failed.',
      c.obj.metadata.name,
      c.obj.spec?.activeDeadlineSeconds ?? '?',
    ),
    event: c.warning ?? 'Warning DeadlineExceeded: Job was active longer than specified deadline',
    fix: t('Raise activeDeadlineSeconds or make the work finish sooner.'),
  }),
};

/** The condition of a Deployment whose rollout does not finish, or null. */
export function deploymentCondition(d: KObject): string | null {
  const progressing = (d.status?.conditions ?? []).find((x: { type: string }) => x.type === 'Progressing');
  if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded') return 'ProgressDeadlineExceeded';
  if (d.spec?.paused) return null;
  const want = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  if ((s.updatedReplicas ?? 0) > 0 && (s.updatedReplicas < want || (s.replicas ?? 0) > want) && (s.availableReplicas ?? 0) < (s.replicas ?? 0))
    return 'RolloutStalled';
  return null;
}

export function jobCondition(j: KObject): string | null {
  const failed = (j.status?.conditions ?? []).find((x: { type: string; status: string }) => x.type === 'Failed' && x.status === 'True');
  if (!failed) return null;
  return failed.reason === 'DeadlineExceeded' ? 'DeadlineExceeded' : 'BackoffLimitExceeded';
}
