// The `KubeMate` output channel: kubectl-style text from the server (dry-run, actions, rollout
// history), coloured by syntaxes/kubemate-output.tmLanguage.json (language `kubemate-output`).
import * as vscode from 'vscode';
import { setting } from './settings';

export class KubeMateOutput implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('KubeMate', 'kubemate-output');
  /** Everything appended in this session (the test API and the e2e read it). */
  private log: string[] = [];

  append(text: string, reveal = true): void {
    const block = text.endsWith('\n') ? text : text + '\n';
    this.channel.append(block + '\n');
    this.log.push(block);
    if (this.log.length > 200) this.log.shift();
    const mode = setting('output.reveal');
    if (reveal && mode === 'always') this.channel.show(true);
  }

  /** Shows the channel when something went wrong and the setting asks for it. */
  revealOnError(): void {
    const mode = setting('output.reveal');
    if (mode !== 'never') this.channel.show(true);
  }

  text(): string {
    return this.log.join('\n');
  }

  dispose(): void {
    this.channel.dispose();
  }
}
