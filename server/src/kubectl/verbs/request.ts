// `kubemate request <target> [--from <pod>|--from-outside] [--count N] [-o text|json]`: where a
// request goes in the simulated cluster (cluster/network/traceRequest.ts). Changes nothing.
import type { Simulator } from '../../cluster/simulator';
import type { Pod } from '../../cluster/types';
import type { RequestTrace } from '../../protocol/requestTrace';
import { RequestOrigin, traceRequest } from '../../cluster/network/traceRequest';
import { requestTextLines } from '../printers/requestText';
import { failed, notFound, out, VerbResult } from '../verbResult';

export interface RequestOptions {
  /** `--from <pod>` (in `namespace`); absent: a temporary client pod in `namespace`. */
  fromPod?: string;
  fromOutside?: boolean;
  /** `-X` and `-H 'Name: value'`: what HTTPRoute method and header matches read. */
  method?: string;
  headers?: Record<string, string>;
  namespace: string;
  count?: number;
  output?: 'text' | 'json';
}

export function requestOrigin(sim: Simulator, opts: RequestOptions): RequestOrigin | VerbResult {
  if (opts.fromOutside) return { kind: 'outside' };
  if (!opts.fromPod) return { kind: 'client', namespace: opts.namespace };
  const pod = sim.get('Pod', opts.namespace, opts.fromPod) as Pod | undefined;
  return pod ? { kind: 'pod', pod } : notFound('Pod', opts.fromPod, '');
}

/** The trace itself (the editor shows it as a picture too), or what stopped it before the first hop. */
export function traceOf(sim: Simulator, target: string, opts: RequestOptions): RequestTrace | VerbResult {
  const origin = requestOrigin(sim, opts);
  if ('ok' in origin) return origin;
  const r = traceRequest(sim.store, { target, origin, count: opts.count, profile: sim.simulationProfile(), method: opts.method, headers: opts.headers });
  return 'problem' in r ? failed(r.problem) : r;
}

export function requestVerb(sim: Simulator, target: string, opts: RequestOptions): VerbResult {
  const r = traceOf(sim, target, opts);
  if ('ok' in r) return r;
  const lines = opts.output === 'json' ? [JSON.stringify(r, null, 2)] : requestTextLines(r);
  // Like curl: a request that got no answer is a failure (exit 1).
  return { ok: r.answeredBy !== null, found: true, lines: out(...lines), changed: [], deleted: [] };
}
