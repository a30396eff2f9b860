// The bytes of each message the server writes over stdio: exactly what JSON.stringify writes (the
// transport's default encoder), but a publishDiagnostics is put together from each Diagnostic's
// JSON, kept for as long as the Diagnostic object lives. Diagnostics are memoised per finding
// (handlers/diagnosticsHandler toDiagnostic) and never changed once made, so a keystroke in a
// 1,000-document file serialises the few diagnostics it changed instead of 800 (≈ 290 KB of JSON
// and as much heap per publish: most of a keystroke's time and garbage, issue 11). Over IPC (the
// extension) Node serialises the message itself and this encoder is not used.
import { inspect } from 'node:util';
import {
  type Connection,
  type ContentTypeEncoder,
  createConnection,
  type Message,
  type MessageWriter,
  ProposedFeatures,
  type RemoteConsole,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';
/** How the params of a publish end when `diagnostics` is their last key and holds nothing. */
const EMPTY_TAIL = '"diagnostics":[]}}';

/** A Diagnostic's JSON and its length in UTF-8 bytes. */
interface Encoded {
  json: string;
  bytes: number;
}

const encoded = new WeakMap<object, Encoded>();

function encodedOf(d: object): Encoded {
  let e = encoded.get(d);
  if (!e) {
    const json = JSON.stringify(d);
    encoded.set(d, (e = { json, bytes: Buffer.byteLength(json, 'utf8') }));
  }
  return e;
}

/** The diagnostics of a publish that can be spliced: the message's last key is `params`, theirs `diagnostics`, every entry a plain object. */
function splicedDiagnostics(msg: Message): object[] | undefined {
  const m = msg as { method?: unknown; params?: unknown };
  if (m.method !== PUBLISH || typeof m.params !== 'object' || m.params === null) return undefined;
  const params = m.params as { diagnostics?: unknown };
  const list = params.diagnostics;
  if (!Array.isArray(list) || lastKey(msg) !== 'params' || lastKey(params) !== 'diagnostics') return undefined;
  for (let i = 0; i < list.length; i++) {
    const d: unknown = list[i];
    if (typeof d !== 'object' || d === null || Array.isArray(d) || 'toJSON' in d) return undefined;
  }
  return list as object[];
}

function lastKey(o: object): string | undefined {
  const keys = Object.keys(o);
  return keys[keys.length - 1];
}

/** `JSON.stringify(msg)` as UTF-8 bytes; the diagnostics of a publish from each one's memoised JSON. */
export function encodeMessage(msg: Message): Buffer {
  const list = splicedDiagnostics(msg);
  if (!list || list.length === 0) return Buffer.from(JSON.stringify(msg, undefined, 0), 'utf8');
  const m = msg as unknown as { params: object };
  // The message with an empty list, then each diagnostic's JSON written between its brackets.
  const shell = JSON.stringify({ ...m, params: { ...m.params, diagnostics: [] } }, undefined, 0);
  if (!shell.endsWith(EMPTY_TAIL)) return Buffer.from(JSON.stringify(msg, undefined, 0), 'utf8');
  const head = shell.slice(0, shell.length - 3);
  const tail = shell.slice(shell.length - 3);
  const parts: Encoded[] = new Array(list.length);
  let bytes = Buffer.byteLength(head, 'utf8') + Buffer.byteLength(tail, 'utf8') + list.length - 1;
  for (let i = 0; i < list.length; i++) bytes += (parts[i] = encodedOf(list[i])).bytes;
  const out = Buffer.allocUnsafe(bytes);
  let at = out.write(head, 0, 'utf8');
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) out[at++] = 0x2c; // ','
    at += out.write(parts[i].json, at, 'utf8');
  }
  out.write(tail, at, 'utf8');
  return out;
}

/** The transport's content-type encoder with encodeMessage for UTF-8 (any other charset: as the default does). */
export const messageEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(msg, options) {
    try {
      const charset = options.charset ?? 'utf-8';
      const bytes = charset === 'utf-8' ? encodeMessage(msg) : Buffer.from(JSON.stringify(msg, undefined, 0), charset);
      return Promise.resolve(bytes);
    } catch (e) {
      return Promise.reject(e);
    }
  },
};

/**
 * The connection for `--stdio`, as createConnection makes it from the command line (stdin, stdout,
 * the console sent to the client, not to stdout where it would break the stream), but writing
 * through messageEncoder.
 */
export function stdioConnection(): Connection {
  // createConnection takes a stream or a reader on each side (its typings pair them): stdin as a
  // stream keeps its exit when the client closes the pipe.
  const create = createConnection as (features: typeof ProposedFeatures.all, input: NodeJS.ReadableStream, writer: MessageWriter) => Connection;
  const connection = create(ProposedFeatures.all, process.stdin, new StreamMessageWriter(process.stdout, { contentTypeEncoder: messageEncoder }));
  routeConsole(connection.console);
  return connection;
}

/** console.* to the client's log, as createConnection does for `--stdio`. */
function routeConsole(remote: RemoteConsole): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => remote.log(text(args));
  console.debug = (...args: unknown[]) => remote.log(text(args));
  console.info = (...args: unknown[]) => remote.info(text(args));
  console.warn = (...args: unknown[]) => remote.warn(text(args));
  console.error = (...args: unknown[]) => remote.error(text(args));
  console.dir = (arg: unknown, options?: object) => remote.log(inspect(arg, options));
  console.trace = (...args: unknown[]) => remote.log(`Trace${args.length ? `: ${text(args)}` : ''}\n${(new Error().stack ?? '').replace(/(.+\n){2}/, '')}`);
  const counts = new Map<string, number>();
  console.count = (label = 'default') => {
    const name = String(label);
    counts.set(name, (counts.get(name) ?? 0) + 1);
    remote.log(`${name}: ${counts.get(name)}`);
  };
  console.countReset = (label?: string) => (label === undefined ? counts.clear() : counts.delete(String(label)));
  console.assert = (assertion?: unknown, ...args: unknown[]) => {
    if (assertion) return;
    remote.error(args.length ? `Assertion failed: ${String(args[0])} ${text(args.slice(1))}` : 'Assertion failed');
  };
}
