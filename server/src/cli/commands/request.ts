// `kubemate request <target> [--from <pod>|--from-outside] [--count N] [-o text|json]`.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { openSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf } from '../typeArgs';
import { requestVerb } from '../../kubectl/verbs/request';
import { MAX_REQUEST_COUNT } from '../../cluster/network/traceRequest';
import { printVerb } from '../printVerb';
import { t } from '../../util/l10n';

export const requestCommand: CliCommand = {
  name: 'request',
  summary: 'Send a simulated request and see where it goes: DNS, Service, kube-proxy, NodePort, Ingress, pod — or why it stops.',
  usage: 'kubemate request <target> [--from <pod>|--from-outside] [--count N] [-X METHOD] [-H "Name: value"]… [-n ns] [-o text|json] [--state F]',
  run: async (args: string[], io: CliIO) => {
    const { values, positionals } = parseArgs(args, {
      ...SESSION_OPTIONS,
      from: { type: 'string' },
      'from-outside': { type: 'boolean' },
      count: { type: 'string' },
      output: { type: 'string', short: 'o' },
      namespace: { type: 'string', short: 'n' },
      request: { type: 'string', short: 'X' },
      header: { type: 'string', short: 'H', multiple: true },
    });
    const target = positionals[0];
    if (!target)
      throw new UsageError(t('Name the target, e.g. `kubemate request http://web:80/` or `kubemate request blog.example.com/route2 --from-outside`.'));
    if (typeof values.from === 'string' && values['from-outside'] === true) throw new UsageError(t('Use --from <pod> or --from-outside, not both.'));
    const count = values.count === undefined ? 1 : Number(values.count);
    if (!Number.isInteger(count) || count < 1 || count > MAX_REQUEST_COUNT)
      throw new UsageError(t('--count takes a whole number from 1 to {0}.', MAX_REQUEST_COUNT));
    const output = values.output ?? 'text';
    if (output !== 'text' && output !== 'json') throw new UsageError(t('-o takes text or json.'));
    const headers: Record<string, string> = {};
    for (const h of (values.header as string[] | undefined) ?? []) {
      const colon = h.indexOf(':');
      if (colon <= 0) throw new UsageError(t('-H takes a header as Name: value (got {0}).', h));
      headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
    }
    const method = typeof values.request === 'string' ? values.request.toUpperCase() : undefined;
    if (method !== undefined && !/^[A-Z]+$/.test(method)) throw new UsageError(t('-X takes an HTTP method such as GET or POST.'));
    const session = openSession(values, io);
    if (typeof session === 'number') return session;
    const from = typeof values.from === 'string' ? values.from.replace(/^(pod|pods|po)\//, '') : undefined;
    return printVerb(
      io,
      requestVerb(session.sim, target, {
        fromPod: from,
        fromOutside: values['from-outside'] === true,
        namespace: namespaceOf(values),
        count,
        output,
        method,
        headers,
      }),
    );
  },
};
