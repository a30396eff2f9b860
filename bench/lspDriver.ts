// Drives a language server over stdio for benchmarks: KubeMate's own or yaml-language-server,
// answering the requests a server makes of its client (configuration, schema content).
import { spawn, ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ProtocolConnection,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface Driver {
  connection: ProtocolConnection;
  child: ChildProcess;
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  /** How many publishDiagnostics notifications arrived so far. */
  published(): number;
  /**
   * When the last diagnostics for `uri` arrived (performance.now()) once no work-done progress
   * the server started is running: a server that publishes a file's diagnostics in parts
   * (KubeMate's progressive open) reports the work as a progress that ends after the last part.
   */
  settled(uri: string): Promise<{ at: number; count: number }>;
  rssMiB(): number;
  stop(): Promise<void>;
}

export interface DriverOptions {
  command: string[];
  /** Answers `workspace/configuration` items, in order. */
  configuration?: (items: { section?: string }[]) => unknown[];
  /** Local folder serving yaml-language-server's `vscode/content` requests for this URL prefix. */
  contentPrefix?: { url: string; dir: string };
  afterInitialized?: (c: ProtocolConnection) => void;
  /** Workspace folder URI (default file:///bench, which does not exist). */
  workspaceFolder?: string;
  /** The server's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

export async function startDriver(opts: DriverOptions): Promise<Driver> {
  const child = spawn(opts.command[0], opts.command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'], env: opts.env ?? process.env });
  child.stdin!.on('error', () => undefined); // the server may exit before our last write
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onError(() => undefined);
  const waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  let published = 0;
  const lastPublish = new Map<string, { at: number; count: number }>();
  const running = new Set<string | number>();
  const idle: (() => void)[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published++;
    lastPublish.set(p.uri, { at: performance.now(), count: p.diagnostics.length });
    // yaml-language-server does not always send the version: take the first publish after the change then.
    const i = waiters.findIndex((w) => w.uri === p.uri && (p.version === undefined || p.version === w.version));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(p);
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    opts.configuration ? opts.configuration(p.items) : p.items.map(() => null),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
    running.add(p.token);
    return null;
  });
  connection.onNotification('$/progress', (p: { token: string | number; value: { kind: string } }) => {
    if (p.value.kind !== 'end') return;
    running.delete(p.token);
    if (running.size === 0) for (const f of idle.splice(0)) f();
  });
  connection.onRequest('vscode/content', (params: string[] | string) => {
    const url = Array.isArray(params) ? params[0] : params;
    if (!opts.contentPrefix || !url.startsWith(opts.contentPrefix.url)) throw new Error('not available offline');
    return readFileSync(opts.contentPrefix.dir + '/' + url.slice(opts.contentPrefix.url.length).replace(/#.*$/, ''), 'utf8');
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.workspaceFolder ?? 'file:///bench',
    workspaceFolders: [{ uri: opts.workspaceFolder ?? 'file:///bench', name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
      window: { workDoneProgress: true },
    },
    locale: 'en',
  });
  await connection.sendNotification('initialized', {});
  opts.afterInitialized?.(connection);
  return {
    connection,
    child,
    diagnostics: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })),
    published: () => published,
    async settled(uri) {
      // A progress that never ends gives no number rather than a wrong one.
      if (
        running.size &&
        !(await Promise.race([new Promise<boolean>((r) => idle.push(() => r(true))), new Promise<boolean>((r) => setTimeout(r, 20000, false))]))
      )
        return { at: NaN, count: NaN };
      return lastPublish.get(uri) ?? { at: NaN, count: NaN };
    },
    rssMiB() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
      } catch {
        return NaN;
      }
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        if (child.exitCode === null && !child.stdin!.destroyed) await connection.sendNotification('exit');
        if (child.exitCode === null) await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
      } catch {
        /* already gone */
      }
      connection.dispose();
      child.kill();
    },
  };
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
