// "Send Request…" as a picture (issue 9 §2): the trace of `kubemate request` laid over the
// topology — the boxes the request went through, the pod that answered, the box where it
// stopped, and on each pod how many of the --count requests it answered — with the hops listed
// above the drawing (kind, name, rule, result; the stop reason last). A pure function of
// (topology, trace): tested in test/unit/client and, under attack, in test/webview.
import type { RequestTrace } from '../../../server/src/protocol/requestTrace';
import { objectId } from '../../../server/src/protocol/clusterProtocol';
import type { Translate } from '../clusterView/statusLook';
import type { Topology } from './topologyModel';
import { escapeXml, topologySvg } from './topologyHtml';

/** How the trace marks the topology: box ids on the path, the answering pod, the stop, counts per pod box. */
export interface RequestMarks {
  path: Set<string>;
  answered: string | null;
  stopped: string | null;
  counts: Map<string, number>;
}

// The hop kinds that name an object drawn in the topology (`namespace/name`), and the box kind they land on.
const HOP_BOX: Record<string, string> = { Ingress: 'Ingress', Service: 'Service', Endpoints: 'Service', 'kube-proxy': 'Service', Pod: 'Pod' };

function boxIdOf(kind: string, nsName: string): string | null {
  const slash = nsName.indexOf('/');
  if (slash <= 0) return null;
  return objectId({ kind, namespace: nsName.slice(0, slash), name: nsName.slice(slash + 1) });
}

export function requestMarks(topo: Topology, trace: RequestTrace): RequestMarks {
  const drawn = new Set(topo.boxes.map((b) => b.id));
  const shown = (id: string | null) => (id && drawn.has(id) ? id : null);
  const path = new Set<string>();
  let last: string | null = null;
  for (const hop of trace.hops) {
    const kind = HOP_BOX[hop.kind];
    const id = kind ? shown(boxIdOf(kind, hop.name)) : null;
    if (id) path.add(id);
    last = id ?? last;
  }
  const counts = new Map<string, number>();
  for (const [pod, n] of Object.entries(trace.distribution.answered)) {
    const id = shown(boxIdOf('Pod', pod));
    if (id && n > 0) {
      counts.set(id, n);
      path.add(id);
    }
  }
  const answered = trace.answeredBy ? shown(boxIdOf('Pod', trace.answeredBy.pod)) : null;
  if (answered) path.add(answered);
  return { path, answered, stopped: trace.error ? last : null, counts };
}

/** The hops as a list: each with its rule and result; the stop (or the answer) and the spread last. */
export function requestHopsHtml(trace: RequestTrace, t: Translate): string {
  const stopAt = trace.error ? trace.hops.length - 1 : -1;
  const hops = trace.hops
    .map(
      (h, i) =>
        `<li class="hop${i === stopAt ? ' stop' : ''}"><span class="hop-kind">${escapeXml(h.kind)}</span> <span class="hop-name">${escapeXml(h.name)}</span>` +
        ` — <span class="hop-result">${escapeXml(h.result)}</span><br><span class="hop-rule">${escapeXml(h.rule)}</span></li>`,
    )
    .join('');
  const a = trace.answeredBy;
  const outcome = a
    ? `<p class="outcome answered">${escapeXml(t('Answered by pod {0} on {1} ({2}:{3}).', a.pod, a.node ?? '—', a.ip, a.port))}</p>`
    : trace.error
      ? `<p class="outcome stopped">${escapeXml(t('Stopped ({0}): {1}', trace.error.code, trace.error.message))}</p>`
      : '';
  const d = trace.distribution;
  const spread =
    d.requests > 1
      ? `<p class="spread">${escapeXml(
          t(
            '{0} requests: {1}; no answer: {2}.',
            d.requests,
            Object.entries(d.answered)
              .map(([pod, n]) => `${pod} ×${n}`)
              .join(', ') || '—',
            d.failed,
          ),
        )}</p>`
      : '';
  return `<section class="request" aria-label="${escapeXml(t('Request {0}', trace.target))}"><h3>${escapeXml(t('Request {0}', trace.target))}</h3><ol class="hops">${hops}</ol>${outcome}${spread}</section>`;
}

/** The picture's body with a request: the hop list, then the topology with the path marked. */
export function requestPicture(topo: Topology, trace: RequestTrace, t: Translate): string {
  return requestHopsHtml(trace, t) + topologySvg(topo, t, requestMarks(topo, trace));
}
