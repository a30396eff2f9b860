// `kubectl describe` as a read-only virtual document: `kubemate-describe:/<Kind>/<namespace>/<name>`.
// The text comes from the server (the CLI's describe printer); open documents follow the cluster.
import * as vscode from 'vscode';
import { DescribeRequest } from '../../../server/src/protocol/clusterProtocol';
import type { ObjectRef } from '../../../server/src/protocol/clusterView';
import type { Services } from './services';
import { t } from '../l10n';

export const DESCRIBE_SCHEME = 'kubemate-describe';

function describeUri(ref: ObjectRef): vscode.Uri {
  const ns = ref.namespace ?? '_';
  return vscode.Uri.from({ scheme: DESCRIBE_SCHEME, path: `/${encodeURIComponent(ref.kind)}/${encodeURIComponent(ns)}/${encodeURIComponent(ref.name)}` });
}

function refOfDescribeUri(uri: vscode.Uri): ObjectRef {
  const [kind, ns, name] = uri.path.split('/').slice(1).map(decodeURIComponent);
  return { kind, namespace: ns === '_' ? null : ns, name };
}

export class DescribeProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly s: Services) {
    // Keep open describe documents current, like `kubectl describe` run again.
    this.subscription = s.state.onDidChange(() => {
      for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === DESCRIBE_SCHEME) this.emitter.fire(d.uri);
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = refOfDescribeUri(uri);
    const r = await this.s.request(DescribeRequest.type, { target: ref });
    return r.found ? r.text : `${r.text}\n\n${t('(The object is no longer in the simulated cluster.)')}`;
  }

  dispose(): void {
    this.emitter.dispose();
    this.subscription.dispose();
  }
}

export async function openDescribe(ref: ObjectRef): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(describeUri(ref));
  await vscode.languages.setTextDocumentLanguage(doc, 'kubemate-output');
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
}
