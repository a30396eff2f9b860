// Text blocks shared by apply and the action verbs: pods (-o wide), endpoints, warning events
// and the rollout timeline, all in kubectl's layout. kubectl itself prints none of this after
// `apply`/`scale`/`drain`; KubeMate shows the state the action left (pods and endpoints of the
// namespaces involved, warnings) — the same block in the terminal and the editor. Normal events
// are not repeated here (kubectl apply prints no events): `kubemate get events` and the tree's
// Events folder list them.
import type { RunResult, Simulator } from '../../cluster/simulator';
import type { Pod } from '../../cluster/types';
import type { EventSummary, TimelineStep } from '../../protocol/clusterSnapshot';
import { listSorted } from '../../cluster/snapshot';
import { formatTable } from './table';
import { tableRows } from './getTables';
import { whyLines } from './whyText';
import { t } from '../../util/l10n';

/** `kubectl get <kind> -o wide` for the given namespaces (NAMESPACE column when more than one). */
function kindTable(sim: Simulator, kind: string, namespaces: string[], wide: boolean): string | undefined {
  const set = new Set(namespaces);
  const objs = listSorted(sim.store, kind, (ns) => set.has(ns ?? ''));
  if (!objs.length) return undefined;
  return formatTable(tableRows(kind, objs, sim.store, { wide, namespaceColumn: set.size > 1 }));
}

function podsAndEndpoints(sim: Simulator, namespaces: string[]): string[] {
  const out: string[] = [];
  const pods = kindTable(sim, 'Pod', namespaces, true);
  out.push('', t('Pods:'), pods ?? t('No pods.'));
  const eps = kindTable(sim, 'Endpoints', namespaces, false);
  out.push('', t('Endpoints:'), eps ?? t('No endpoints.'));
  return out;
}

function warningLines(events: EventSummary[]): string[] {
  const warnings = events.filter((e) => e.type === 'Warning');
  if (!warnings.length) return [];
  const rows = [
    ['TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    ...warnings.map((e) => [e.type, e.reason, `${e.object.split('/')[0].toLowerCase()}/${e.object.split('/').slice(1).join('/')}`, e.message]),
  ];
  return ['', t('Warnings:'), formatTable(rows)];
}

/** The rollout of each Deployment as `kubectl rollout status` lines with the ReplicaSet sizes. */
function timelineLines(timeline: TimelineStep[], namespaces?: string[]): string[] {
  const set = namespaces ? new Set(namespaces) : undefined;
  const byDeployment = new Map<string, TimelineStep[]>();
  for (const step of timeline) {
    if (set && !set.has(step.namespace)) continue;
    const key = `${step.namespace}/${step.deployment}`;
    byDeployment.set(key, [...(byDeployment.get(key) ?? []), step]);
  }
  const out: string[] = [];
  for (const [key, steps] of byDeployment) {
    // A first creation is not worth a section; an update that involves several ReplicaSets is.
    if (!steps.some((s) => s.replicaSets.length > 1)) continue;
    const name = key.split('/')[1];
    out.push('', t('Rollout of deployment/{0}, step by step:', name));
    const rows = steps.map((s) => [`+${s.second}s`, s.replicaSets.map((r) => `${r.name}=${r.desired}`).join('  '), s.status]);
    out.push(formatTable(rows, 2, 0));
  }
  return out;
}

/** After an action: the rollout (if any), pods and endpoints of the namespaces involved, warnings. */
export function stateLines(sim: Simulator, namespaces: string[], run: RunResult): string[] {
  const ns = namespaces.length ? [...new Set(namespaces)].sort() : ['default'];
  const lines = [...timelineLines(run.timeline, ns), ...podsAndEndpoints(sim, ns), ...warningLines(run.events), ...whyLines(sim, ns)];
  if (!run.stable) lines.push('', t('The cluster did not settle within {0} rounds; this is the state so far.', run.rounds));
  return lines;
}

/** The namespaces of the user's pods (kube-* left out), for actions that touch a whole node. */
export function userPodNamespaces(sim: Simulator): string[] {
  return [...new Set(sim.store.list<Pod>('Pod').map((p) => p.metadata.namespace ?? 'default'))].filter((n) => !n.startsWith('kube-'));
}
