// The text of the KubeMate output channel, in kubectl's words and layout: what `kubectl apply`
// prints, the rollout step by step, `get pods -o wide`, endpoints, warnings and events. The
// tables come from the CLI printers (cli/printers), so the editor and the terminal agree.
import type { Simulator, ApplyResult } from '../../cluster/simulator';
import type { EventSummary, TimelineStep } from '../../protocol/clusterSnapshot';
import { podsAndEndpoints, timelineLines, warningLines } from '../../cli/printers/clusterText';
import { formatTable } from '../../cli/printers/table';
import { t } from '../../util/l10n';

const MAX_EVENTS = 15;

/** `kind/name` in kubectl's lower-case form from an EventSummary object (`Deployment/web` → `deployment/web`). */
function eventObject(e: EventSummary): string {
  const [kind, ...name] = e.object.split('/');
  return `${kind.toLowerCase()}/${name.join('/')}`;
}

/** The Normal events of an action (warnings have their own block), newest last, at most 15. */
export function eventLines(events: EventSummary[]): string[] {
  const normal = events.filter((e) => e.type !== 'Warning');
  if (!normal.length) return [];
  const shown = normal.slice(-MAX_EVENTS);
  const rows = [['TYPE', 'REASON', 'OBJECT', 'MESSAGE'], ...shown.map((e) => [e.type, e.reason, eventObject(e), e.count && e.count > 1 ? `${e.message} (x${e.count})` : e.message])];
  const out = ['', t('Events:'), formatTable(rows)];
  if (normal.length > shown.length) out.push(t('… and {0} earlier events (see the Events folder in the Simulated Cluster view).', normal.length - shown.length));
  return out;
}

/** After an action: the rollout (if any), pods and endpoints of the namespaces involved, warnings and events. */
export function stateLines(sim: Simulator, namespaces: string[], run: { timeline: TimelineStep[]; events: EventSummary[]; stable: boolean; rounds: number }): string[] {
  const ns = namespaces.length ? [...new Set(namespaces)].sort() : ['default'];
  const lines = [...timelineLines(run.timeline, ns), ...podsAndEndpoints(sim, ns), ...warningLines(run.events), ...eventLines(run.events)];
  if (!run.stable) lines.push('', t('The cluster did not settle within {0} rounds; this is the state so far.', run.rounds));
  return lines;
}

export function commandHeader(command: string): string {
  return `> ${command}    ${t('# simulated cluster — nothing is sent anywhere')}`;
}

/** The whole dry-run text: header, reading problems, kubectl's lines, then the state. */
export function dryRunOutput(sim: Simulator, command: string, problems: string[], result: ApplyResult | undefined): string {
  const lines = [commandHeader(command)];
  lines.push(...problems);
  if (!result) {
    lines.push('error: no objects passed to apply');
    return lines.join('\n');
  }
  lines.push(...result.warnings);
  for (const a of result.applied) if (a.action !== 'error') lines.push(a.message);
  if (result.failures.length === 1) lines.push(result.failures[0].message);
  else for (const f of result.failures) lines.push(f.multiMessage);
  const namespaces = result.applied.filter((a) => a.action !== 'error' && a.namespace).map((a) => a.namespace as string);
  lines.push(...stateLines(sim, namespaces, result));
  return lines.join('\n');
}
