// Asks the client to re-request CodeLenses (workspace/codeLens/refresh) after the workspace
// index or a lens setting changed; debounced, because a scan or a burst of edits changes a lot
// at once. Owned by ServerContext.
import type { Connection } from 'vscode-languageserver/node';

const DELAY_MS = 300;

export class LensRefresher {
  /** The client announced workspace.codeLens.refreshSupport. */
  supported = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly connection: Connection) {}

  refresh(): void {
    if (!this.supported) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }, DELAY_MS);
  }
}
