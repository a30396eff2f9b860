// kubectl drain against the simulated cluster: cordon, then evict every pod through the Eviction
// API, retrying every 5 s (simulated) while a PodDisruptionBudget refuses, as kubectl does.
// upstream: kubectl pkg/drain/drain.go (GetPodsForDeletion filters, evictPods retry loop) and
// pkg/cmd/drain/drain.go (RunDrain messages).
import type { Store } from './store';
import type { ApiServer } from './apiServer';
import type { KObject, Pod } from './types';
import { evict } from './eviction';
import { markDisruptionTarget } from './podConditions';
import { t } from '../util/l10n';

export interface DrainOptions {
  force?: boolean;
  ignoreDaemonSets?: boolean;
  /** kubectl --timeout; 0 or absent = kubectl's "forever", which the simulator bounds (see below). */
  timeoutSeconds?: number;
}

export interface DrainHost {
  store: Store;
  api: ApiServer;
  setUnschedulable(node: KObject, on: boolean): void;
  /** Lets `ms` of simulated time pass with the controllers running. */
  advance(ms: number): void;
}

/** kubectl's 5 s pause between eviction attempts a budget refused. */
const RETRY_MS = 5000;
/** kubectl retries forever by default; the simulator stops after this much simulated time. */
const DRAIN_RETRY_LIMIT_MS = 60 * 1000;

/** Go's time.Duration.String() for whole seconds: 30s, 1m0s, 1h2m3s. */
export function goDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}

const ref = (p: Pod) => `${p.metadata.namespace}/${p.metadata.name}`;

export function drainNode(host: DrainHost, node: KObject, opts: DrainOptions): { ok: boolean; lines: string[] } {
  const { store, api } = host;
  const nodeName = node.metadata.name;
  const lines: string[] = [];
  const pods = store.list<Pod>('Pod').filter((p) => p.spec.nodeName === nodeName);
  const bare = pods.filter((p) => !p.metadata.ownerReferences?.some((r) => r.controller));
  const daemon = pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.kind === 'DaemonSet'));
  const errors: string[] = [];
  if (bare.length && !opts.force) errors.push(`cannot delete Pods that declare no controller (use --force to override): ${bare.map(ref).join(', ')}`);
  if (daemon.length && !opts.ignoreDaemonSets)
    errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemon.map(ref).join(', ')}`);
  if (!node.spec?.unschedulable) {
    host.setUnschedulable(node, true);
    lines.push(`node/${nodeName} cordoned`);
  } else lines.push(`node/${nodeName} already cordoned`);
  const failed = (errs: string[]) => {
    const joined = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
    lines.push(`error: unable to drain node "${nodeName}" due to error: ${joined}, continuing command...`);
    lines.push('There are pending nodes to be drained:', ` ${nodeName}`);
    lines.push(`error: ${joined}`);
    return { ok: false, lines };
  };
  if (errors.length) {
    // kubectl prints each filter error on its own `error:` line at the end.
    lines.push(`error: unable to drain node "${nodeName}" due to error: ${errors.join(', ')}, continuing command...`);
    lines.push('There are pending nodes to be drained:', ` ${nodeName}`);
    for (const e of errors) lines.push(`error: ${e}`);
    return { ok: false, lines };
  }
  if (daemon.length) lines.push(`Warning: ignoring DaemonSet-managed Pods: ${daemon.map(ref).join(', ')}`);
  let pending = pods.filter((p) => !daemon.includes(p));
  for (const p of pending) lines.push(`evicting pod ${ref(p)}`);
  const start = store.now();
  const timeoutMs = (opts.timeoutSeconds ?? 0) * 1000;
  const limit = timeoutMs > 0 ? timeoutMs : DRAIN_RETRY_LIMIT_MS;
  for (;;) {
    const retry: Pod[] = [];
    const hard: string[] = [];
    for (const p of pending) {
      const cur = store.getByUid(p.metadata.uid ?? '') as Pod | undefined;
      // upstream: evictPods — NotFound means already gone, which counts as evicted.
      if (!cur) {
        lines.push(`pod/${p.metadata.name} evicted`);
        continue;
      }
      const r = evict(store, cur);
      if (r.ok) {
        // upstream: the Eviction subresource marks the pod, then deletes it.
        markDisruptionTarget(cur, 'EvictionByEvictionAPI', 'Eviction API: evicting', store.timestamp());
        store.update(cur);
        api.remove(cur);
        lines.push(`pod/${p.metadata.name} evicted`);
      } else if (r.code === 429) {
        lines.push(`error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}" (will retry after 5s): ${r.message}`);
        retry.push(p);
      } else hard.push(`error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}": ${r.message}`);
    }
    if (hard.length) return failed(hard);
    pending = retry;
    if (!pending.length) break;
    if (store.now() + RETRY_MS - start > limit) {
      if (timeoutMs > 0)
        return failed(
          pending.map(
            (p) =>
              `error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}": global timeout reached: ${goDuration(opts.timeoutSeconds ?? 0)}`,
          ),
        );
      lines.push(
        t(
          'KubeMate stopped retrying after {0} of simulated time; kubectl would keep retrying until --timeout (default: forever) or Ctrl+C. The PodDisruptionBudget still allows no disruption: scale the workload up or relax the budget.',
          goDuration(limit / 1000),
        ),
      );
      return { ok: false, lines };
    }
    host.advance(RETRY_MS);
  }
  lines.push(`node/${nodeName} drained`);
  return { ok: true, lines };
}
