// Workload rules: selector vs template labels, replicas, rollout strategy, restart policy.
// upstream: pkg/apis/apps/validation/validation.go, pkg/apis/batch/validation/validation.go.
import { FieldError, fieldError, Path, supportedValues } from './fieldError';
import { arr, get, isObj, obj, str, strMap } from './objectAccess';
import { labelSelectorMatches, mapSelectorMatches, LabelSelector } from './labels';
import { validatePodSpec } from './validatePodSpec';
import { validateLabels } from './validateMeta';

const NON_NEGATIVE = 'must be greater than or equal to 0';
const PERCENT = /^[0-9]+%$/;

/** Where the pod template sits for each workload kind. */
export const TEMPLATE_PATH: Record<string, Path> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
};

export function validateWorkload(kind: string, o: Record<string, unknown>): FieldError[] {
  const errs: FieldError[] = [];
  const spec = obj(o.spec);
  const templatePath = TEMPLATE_PATH[kind];
  const template = get(o, ...templatePath);
  const templateLabels = strMap(get(template, 'metadata', 'labels'));
  if (isObj(get(template, 'metadata'))) errs.push(...validateLabels(get(template, 'metadata', 'labels'), [...templatePath, 'metadata', 'labels']));
  // StatefulSet pods also get one volume per volumeClaimTemplate.
  const claimVolumes =
    kind === 'StatefulSet'
      ? arr(get(o, 'spec', 'volumeClaimTemplates'))
          .map((c) => str(get(c, 'metadata', 'name')))
          .filter((n): n is string => !!n)
      : [];
  errs.push(...validatePodSpec(get(template, 'spec'), [...templatePath, 'spec'], claimVolumes));
  // A missing spec decodes to the zero spec: no selector, an empty template (upstream's template is a value, never nil).
  if (!spec && o.spec !== undefined && o.spec !== null) return errs;
  const specOrZero = spec ?? {};

  if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'DaemonSet' || kind === 'StatefulSet') {
    const selector = specOrZero.selector;
    if (selector === undefined || selector === null) errs.push(fieldError('Required', ['spec', 'selector']));
    else if (isObj(selector)) {
      const sel = selector as LabelSelector;
      const empty = Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
      if (empty) {
        const who = kind === 'DaemonSet' ? 'daemonset' : kind === 'StatefulSet' ? 'statefulset' : 'deployment';
        errs.push(fieldError('Invalid', ['spec', 'selector'], `empty selector is invalid for ${who}`, selector));
      } else {
        errs.push(...validateLabels(sel.matchLabels, ['spec', 'selector', 'matchLabels']));
        if (!labelSelectorMatches(sel, templateLabels)) {
          errs.push(fieldError('Invalid', [...templatePath, 'metadata', 'labels'], '`selector` does not match template `labels`', templateLabels ?? {}));
        }
      }
    }
  }
  if (kind === 'ReplicationController') {
    const selector = strMap(specOrZero.selector);
    if (selector && Object.keys(selector).length > 0 && template !== undefined && !mapSelectorMatches(selector, templateLabels)) {
      errs.push(fieldError('Invalid', [...templatePath, 'metadata', 'labels'], '`selector` does not match template `labels`', templateLabels ?? {}));
    }
  }
  for (const f of ['replicas', 'minReadySeconds', 'revisionHistoryLimit']) {
    const v = specOrZero[f];
    if (typeof v === 'number' && v < 0) errs.push(fieldError('Invalid', ['spec', f], NON_NEGATIVE, v));
  }
  const restart = str(get(template, 'spec', 'restartPolicy'));
  if (restart !== undefined && ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController'].includes(kind) && restart !== 'Always') {
    errs.push(fieldError('Unsupported', [...templatePath, 'spec', 'restartPolicy'], supportedValues(['Always']), restart));
  }
  if ((kind === 'Job' || kind === 'CronJob') && (restart === undefined || restart === 'Always')) {
    errs.push(fieldError('Required', [...templatePath, 'spec', 'restartPolicy'], 'valid values: "OnFailure", "Never"'));
  }
  if (kind === 'Deployment') errs.push(...validateDeploymentStrategy(specOrZero));
  if (kind === 'Deployment' && typeof specOrZero.progressDeadlineSeconds === 'number') {
    const min = typeof specOrZero.minReadySeconds === 'number' ? specOrZero.minReadySeconds : 0;
    if (specOrZero.progressDeadlineSeconds <= min) {
      errs.push(fieldError('Invalid', ['spec', 'progressDeadlineSeconds'], 'must be greater than minReadySeconds', specOrZero.progressDeadlineSeconds));
    }
  }
  return errs;
}

function validateIntOrPercent(v: unknown, at: Path): { errs: FieldError[]; zero: boolean; percent?: number } {
  const errs: FieldError[] = [];
  if (typeof v === 'number') {
    if (v < 0) errs.push(fieldError('Invalid', at, NON_NEGATIVE, v));
    return { errs, zero: v === 0 };
  }
  if (typeof v === 'string') {
    if (!PERCENT.test(v)) {
      errs.push(
        fieldError(
          'Invalid',
          at,
          "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
          v,
        ),
      );
      return { errs, zero: false };
    }
    const p = parseInt(v, 10);
    return { errs, zero: p === 0, percent: p };
  }
  return { errs, zero: false };
}

function validateDeploymentStrategy(spec: Record<string, unknown>): FieldError[] {
  const errs: FieldError[] = [];
  const strategy = obj(spec.strategy);
  if (!strategy) return errs;
  const type = strategy.type;
  if (type !== undefined && type !== 'Recreate' && type !== 'RollingUpdate') {
    errs.push(fieldError('Unsupported', ['spec', 'strategy'], supportedValues(['Recreate', 'RollingUpdate']), type));
  }
  const ru = obj(strategy.rollingUpdate);
  if (type === 'Recreate' && strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
    errs.push(fieldError('Forbidden', ['spec', 'strategy', 'rollingUpdate'], "may not be specified when strategy `type` is 'Recreate'"));
    return errs;
  }
  if (!ru) return errs;
  const at: Path = ['spec', 'strategy', 'rollingUpdate'];
  const surge = ru.maxSurge === undefined ? { errs: [], zero: false } : validateIntOrPercent(ru.maxSurge, [...at, 'maxSurge']);
  const unavail = ru.maxUnavailable === undefined ? { errs: [], zero: false } : validateIntOrPercent(ru.maxUnavailable, [...at, 'maxUnavailable']);
  errs.push(...surge.errs, ...unavail.errs);
  if (unavail.percent !== undefined && unavail.percent > 100) {
    errs.push(fieldError('Invalid', [...at, 'maxUnavailable'], 'must not be greater than 100%', ru.maxUnavailable));
  }
  if (surge.zero && unavail.zero) {
    errs.push(fieldError('Invalid', [...at, 'maxUnavailable'], 'may not be 0 when `maxSurge` is 0', ru.maxUnavailable));
  }
  return errs;
}
