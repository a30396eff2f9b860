// "Send Request…" from the tree: the kubectl layer's `kubemate request` (same trace, same words)
// under a header naming the command, and a one-line message for the notification.
import type { Simulator } from '../../cluster/simulator';
import type { SendRequestRequest } from '../../protocol/clusterProtocol';
import { traceOf } from '../../kubectl/verbs/request';
import { requestTextLines } from '../../kubectl/printers/requestText';
import { outputText } from '../../kubectl/verbResult';
import { actionOutput } from './clusterOutput';
import { t } from '../../util/l10n';

export function sendRequest(sim: Simulator, p: SendRequestRequest.Params): SendRequestRequest.Result {
  const flags = [
    p.fromPod ? `--from ${p.fromPod}` : '',
    p.fromOutside ? '--from-outside' : '',
    p.count > 1 ? `--count ${p.count}` : '',
    p.namespace !== 'default' ? `-n ${p.namespace}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const command = `kubemate request ${p.target}${flags ? ' ' + flags : ''}`;
  const r = traceOf(sim, p.target, { fromPod: p.fromPod ?? undefined, fromOutside: p.fromOutside, namespace: p.namespace, count: p.count });
  if ('ok' in r) return { ok: false, message: outputText(r.lines), output: actionOutput(command, r.lines), trace: null };
  const lines = requestTextLines(r);
  const message = r.answeredBy ? t('{0}: answered by pod {1}.', p.target, r.answeredBy.pod) : t('{0}: {1}', p.target, r.error?.code ?? '');
  return {
    ok: r.answeredBy !== null,
    message,
    output: actionOutput(
      command,
      lines.map((text) => ({ stream: 'out' as const, text })),
    ),
    trace: r,
  };
}
