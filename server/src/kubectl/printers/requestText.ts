// `kubemate request` as text: one line per hop (its rule, then what came out of it), who
// answered or why it stopped, and with --count how the requests spread over the pods.
import type { RequestTrace } from '../../protocol/requestTrace';
import { formatTable } from './table';
import { t } from '../../util/l10n';

export function requestTextLines(r: RequestTrace): string[] {
  const out = [t('Request {0}:', r.target)];
  const width = Math.max(...r.hops.map((h) => h.kind.length));
  r.hops.forEach((h, i) => out.push(`  ${i + 1}. ${h.kind.padEnd(width)}  ${h.name} — ${h.rule} → ${h.result}`));
  if (r.answeredBy) {
    const a = r.answeredBy;
    out.push(a.node ? t('Answered by pod {0} on {1} ({2}:{3}).', a.pod, a.node, a.ip, a.port) : t('Answered by {0} ({1}:{2}).', a.pod, a.ip, a.port));
  }
  if (r.error) out.push(`${r.error.code}: ${r.error.message}`);
  const d = r.distribution;
  if (d.requests > 1) {
    out.push('', t('{0} requests:', d.requests));
    const rows = Object.entries(d.answered).map(([pod, n]) => [pod, String(n), `${Math.round((n / d.requests) * 100)}%`]);
    if (d.failed) rows.push([t('(no answer)'), String(d.failed), `${Math.round((d.failed / d.requests) * 100)}%`]);
    out.push(
      ...formatTable(rows, 2, 2)
        .split('\n')
        .map((l) => `  ${l}`),
    );
  }
  return out;
}
