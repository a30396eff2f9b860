// What `--record` writes into kubernetes.io/change-cause: the command as kubectl reconstructs it —
// the command path and its arguments, then every flag in the order given, long name and value
// (`kubectl create --filename=ublog.yaml --record=true`). KubeMate's own options (--state,
// --cluster, --reset) are not kubectl's and are left out.
// upstream: kubectl pkg/cmd/util/helpers.go parseCommandArguments (RecordFlags).
import type { ArgToken } from './parseArgs';
import { SESSION_OPTIONS } from './commands/clusterSession';

export function changeCause(command: string, tokens: ArgToken[]): string {
  const words: string[] = [];
  let flags = '';
  for (const tok of tokens) {
    if (tok.kind === 'positional') words.push(tok.value);
    else if (!(tok.name in SESSION_OPTIONS)) flags += ` --${tok.name}=${tok.value ?? 'true'}`;
  }
  return `kubectl ${command}${words.length ? ` ${words.join(' ')}` : ''}${flags}`;
}
