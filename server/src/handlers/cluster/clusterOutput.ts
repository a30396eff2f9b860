// The text of the KubeMate output channel: a header naming the command the action stands for,
// then what the kubectl verb printed (kubectl/verbs — the same lines the terminal shows).
import type { OutputLine } from '../../kubectl/verbResult';
import { outputText } from '../../kubectl/verbResult';
import { t } from '../../util/l10n';

export function commandHeader(command: string): string {
  return `> ${command}    ${t('# simulated cluster — nothing is sent anywhere')}`;
}

/** Header, the reader's problems, then the verb's lines (both streams, in order). */
export function actionOutput(command: string, lines: OutputLine[], problems: string[] = []): string {
  return [commandHeader(command), ...problems, outputText(lines)].filter((l, i) => i === 0 || l !== '' || true).join('\n');
}
