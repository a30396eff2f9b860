// A minimal LSP client for tests and benchmarks: starts `node dist/server.js --stdio` and
// speaks JSON-RPC over its pipes.
import { spawn, ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ProtocolConnection,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface LspSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** Resolves with the first diagnostics published for `uri` from now on that satisfy `pred`. */
  diagnosticsWhere(uri: string, pred: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** Everything the server wrote to stderr so far (also forwarded to this process's stderr unless `init.captureStderr`). */
  stderr(): string;
  stop(): Promise<void>;
}

/** How the server process is started: extra node options (e.g. `--require` a preload) and its environment. */
export interface ServerProcessOptions {
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

export function serverPath(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const p = join(dir, 'dist', 'server.js');
    if (require('node:fs').existsSync(p)) return p;
    dir = join(dir, '..');
  }
  throw new Error('dist/server.js not found: run npm run build');
}

/** `init`: workspace folders and client capabilities for the initialize request (none by default). */
export async function startServer(
  locale = 'en',
  initializationOptions: object = {},
  beforeListen?: (c: ProtocolConnection) => void,
  init: { workspaceFolders?: { uri: string; name: string }[]; capabilities?: object; captureStderr?: boolean } = {},
  node: ServerProcessOptions = {},
): Promise<LspSession> {
  const child = spawn(process.execPath, [...(node.execArgv ?? []), serverPath(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: node.env ?? process.env });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
    if (!init.captureStderr) process.stderr.write(c);
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; version?: number; pred?: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const i = waiters.findIndex((w) => w.uri === p.uri && (w.version === undefined || w.version === p.version) && (!w.pred || w.pred(p)));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(p);
  });
  // Handlers for notifications the server may send right after `initialized` (e.g. a warning).
  beforeListen?.(connection);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: init.capabilities ?? {},
    locale,
    initializationOptions,
    workspaceFolders: init.workspaceFolders ?? null,
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    nextDiagnostics: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })),
    diagnosticsWhere: (uri, pred) => new Promise((resolve) => waiters.push({ uri, pred, resolve })),
    stderr: () => stderr,
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      await new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
    },
  };
}
