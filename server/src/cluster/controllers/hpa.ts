// HorizontalPodAutoscaler without a metrics server: replicas outside [min, max] are brought
// inside the range; otherwise nothing changes and the HPA reports it cannot get metrics.
// upstream: pkg/controller/podautoscaler/horizontal.go reconcileAutoscaler.
import type { ControllerContext } from '../controllerContext';
import type { KObject } from '../types';
import { resourceName } from '../../k8s/resources';
import { setStatus } from '../controllerUtils';

const COMPONENT = 'horizontal-pod-autoscaler';

export function syncAllAutoscalers(ctx: ControllerContext): void {
  for (const hpa of ctx.store.list('HorizontalPodAutoscaler')) syncAutoscaler(ctx, hpa);
}

function condition(type: string, status: string, reason: string, message: string, now: string) {
  return { type, status, reason, message, lastTransitionTime: now };
}

function syncAutoscaler(ctx: ControllerContext, hpa: KObject): void {
  const ref = hpa.spec?.scaleTargetRef ?? {};
  const now = ctx.store.timestamp();
  const group = String(ref.apiVersion ?? '').includes('/') ? String(ref.apiVersion).split('/')[0] : '';
  const target = ctx.store.get(ref.kind, hpa.metadata.namespace, ref.name);
  const prev = hpa.status ?? {};
  const keep = (c: { type: string; status: string; reason: string; message: string; lastTransitionTime: string }) => {
    const old = (prev.conditions ?? []).find((x: { type: string }) => x.type === c.type);
    return old && old.status === c.status && old.reason === c.reason && old.message === c.message ? old : c;
  };
  if (!target) {
    const msg = `the HPA controller was unable to get the target's current scale: ${resourceName(ref.kind ?? '', group)} "${ref.name}" not found`;
    ctx.events.eventOnce(hpa, 'Warning', 'FailedGetScale', msg, COMPONENT);
    setStatus(ctx.store, hpa, { currentReplicas: 0, desiredReplicas: 0, conditions: [keep(condition('AbleToScale', 'False', 'FailedGetScale', msg, now))] });
    return;
  }
  const current: number = typeof target.spec?.replicas === 'number' ? target.spec.replicas : 1;
  const min: number = hpa.spec?.minReplicas ?? 1;
  const max: number = hpa.spec?.maxReplicas ?? current;
  let desired = current;
  let reason = '';
  let active = condition(
    'ScalingActive',
    'False',
    'FailedGetResourceMetric',
    'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)',
    now,
  );
  if (current > max) {
    desired = max;
    reason = 'Current number of replicas above Spec.MaxReplicas';
  } else if (current < min) {
    desired = min;
    reason = 'Current number of replicas below Spec.MinReplicas';
  } else if (current === 0 && min !== 0) {
    active = condition('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
  } else {
    ctx.events.eventOnce(
      hpa,
      'Warning',
      'FailedGetResourceMetric',
      'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)',
      COMPONENT,
    );
  }
  if (desired !== current) {
    target.spec.replicas = desired;
    ctx.store.updateSpec(target);
    ctx.events.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`, COMPONENT);
  }
  setStatus(ctx.store, hpa, {
    currentReplicas: current,
    desiredReplicas: desired,
    currentMetrics: null,
    conditions: [
      keep(condition('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now)),
      keep(active),
    ],
  });
}
