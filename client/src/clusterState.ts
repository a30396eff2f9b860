// The client's copy of the server's ClusterView: refreshed by the server's `cluster/changed`
// notification, read by the tree, the status bar, the topology and the describe documents.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClusterChangedNotification, ClusterViewRequest, RequestType } from '../../server/src/protocol/clusterProtocol';
import type { ClusterView } from '../../server/src/protocol/clusterView';

type Request = <P, R>(type: RequestType<P, R>, params: P) => Promise<R>;

export class ClusterState implements vscode.Disposable {
  private current: ClusterView | undefined;
  private readonly emitter = new vscode.EventEmitter<ClusterView>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];

  constructor(private readonly request: Request) {}

  /** Listens to the server's pushes once the language client runs. */
  attach(client: LanguageClient): void {
    this.subscriptions.push(client.onNotification(ClusterChangedNotification.method, (view: ClusterView) => this.set(view)));
  }

  get view(): ClusterView | undefined {
    return this.current;
  }

  /** Asks the server for the whole view (on start; the notification keeps it fresh afterwards). */
  async refresh(): Promise<ClusterView> {
    const view = await this.request(ClusterViewRequest.type, {});
    this.set(view);
    return view;
  }

  /** The view, fetched if none arrived yet. */
  async get(): Promise<ClusterView> {
    return this.current ?? this.refresh();
  }

  private set(view: ClusterView): void {
    this.current = view;
    this.emitter.fire(view);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
