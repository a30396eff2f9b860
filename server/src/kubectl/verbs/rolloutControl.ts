// `kubectl rollout pause|resume|restart deployment/<name>`: pause stops the controller from
// rolling out template changes (scaling still works), resume lets it go on, restart stamps the
// template with kubectl.kubernetes.io/restartedAt so every pod is replaced.
// upstream: kubectl pkg/cmd/rollout (rollout_pause.go, rollout_resume.go, rollout_restart.go) and
// polymorphichelpers (defaultObjectPauser, defaultObjectResumer, defaultObjectRestarter).
import type { Simulator } from '../../cluster/simulator';
import { stateLines } from '../printers/clusterText';
import { failed, notFound, out, VerbResult } from '../verbResult';
import { replaceTemplate } from './podTemplate';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export function rolloutPauseVerb(sim: Simulator, namespace: string, name: string, pause: boolean): VerbResult {
  const d = sim.get('Deployment', namespace, name);
  if (!d) return notFound('Deployment', name, 'apps');
  if (!!d.spec?.paused === pause)
    return { ok: true, found: true, lines: out(`deployment.apps/${name} already ${pause ? 'paused' : 'resumed'}`), changed: [], deleted: [] };
  const r = sim.mutate((store) => {
    if (pause) d.spec.paused = true;
    else delete d.spec.paused;
    store.updateSpec(d);
    return { ok: true, lines: [] };
  });
  return {
    ok: true,
    found: true,
    lines: out(`deployment.apps/${name} ${pause ? 'paused' : 'resumed'}`),
    state: stateLines(sim, [namespace], r),
    changed: [{ kind: 'Deployment', namespace, name }],
    deleted: [],
    run: r,
  };
}

export function rolloutRestartVerb(sim: Simulator, namespace: string, name: string): VerbResult {
  const d = sim.get('Deployment', namespace, name);
  if (!d) return notFound('Deployment', name, 'apps');
  if (d.spec?.paused) return failed(`error: deployments.apps "${name}" can't restart paused deployment (run rollout resume first)`); // l10n-exempt: kubectl's own words
  const r = sim.mutate((store) => {
    replaceTemplate(d);
    const meta = (d.spec.template.metadata ??= {});
    meta.annotations = { ...(meta.annotations ?? {}), [RESTARTED_AT]: store.timestamp() };
    store.updateSpec(d);
    return { ok: true, lines: [] };
  });
  return {
    ok: true,
    found: true,
    lines: out(`deployment.apps/${name} restarted`),
    state: stateLines(sim, [namespace], r),
    changed: [{ kind: 'Deployment', namespace, name }],
    deleted: [],
    run: r,
  };
}
