// The bytes of each message the server writes over stdio: exactly what JSON.stringify writes (the
// transport's default encoder), but a publishDiagnostics is put together from the last publish of
// its document (the unchanged head and tail of the list, copied as bytes) and each other
// Diagnostic's JSON, kept for as long as the Diagnostic object lives. Diagnostics are memoised per
// finding (handlers/diagnosticList toDiagnostic) and never changed once made, so a keystroke in a
// 1,000-document file serialises the few diagnostics it changed instead of 800 (≈ 290 KB of JSON
// and as much heap per publish: most of a keystroke's time and garbage, issue 11). It holds the
// last publish's bytes per open document (dropped by the empty publish of its close). Over IPC
// (the extension) Node serialises the message itself and this encoder is not used.
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

/** A publish whose diagnostics can be written one by one: the message's last key is `params`, theirs `diagnostics`. */
function publishOf(msg: Message): { uri: string; list: readonly unknown[] } | undefined {
  const m = msg as { method?: unknown; params?: unknown };
  if (m.method !== PUBLISH || typeof m.params !== 'object' || m.params === null) return undefined;
  const params = m.params as { uri?: unknown; diagnostics?: unknown };
  const list = params.diagnostics;
  if (typeof params.uri !== 'string' || !Array.isArray(list) || lastKey(msg) !== 'params' || lastKey(params) !== 'diagnostics') return undefined;
  return { uri: params.uri, list };
}

function lastKey(o: object): string | undefined {
  const keys = Object.keys(o);
  return keys[keys.length - 1];
}

/** An entry JSON.stringify writes as it writes the same object on its own. */
function plainObject(d: unknown): d is object {
  return typeof d === 'object' && d !== null && !Array.isArray(d) && !('toJSON' in d);
}

/** The last publish written for a uri: its diagnostics, its bytes, and where each diagnostic's JSON starts and ends in them. Never changed once made. */
export interface Written {
  list: readonly unknown[];
  bytes: Buffer;
  start: Uint32Array;
  end: Uint32Array;
}

/** By uri; an empty publish (a closed document's) drops its entry. */
const lastWritten = new Map<string, Written>();

/** What the stdio transport last wrote for `uri` (undefined over IPC, where this encoder is not used). */
export function lastWrittenFor(uri: string): Written | undefined {
  return lastWritten.get(uri);
}

const plain = (msg: Message) => Buffer.from(JSON.stringify(msg, undefined, 0), 'utf8');

/**
 * `JSON.stringify(msg)` as UTF-8 bytes. A publish shares a head and a tail of diagnostics (the
 * same objects) with the last one written for its uri: their bytes are copied from it in one piece
 * each, and the diagnostics between are written from each one's memoised JSON. `written`: the
 * last publishes by uri, read and updated (the transport's own, or a copy: handlers/editWarmUp).
 */
export function encodeMessage(msg: Message, written: Map<string, Written> = lastWritten): Buffer {
  const publish = publishOf(msg);
  if (!publish) return plain(msg);
  const { uri, list } = publish;
  if (list.length === 0) {
    written.delete(uri);
    return plain(msg);
  }
  const last = written.get(uri);
  const prev = last?.list ?? [];
  const n = list.length;
  const m = prev.length;
  const shorter = Math.min(n, m);
  let headN = 0;
  while (headN < shorter && list[headN] === prev[headN]) headN++;
  let tailN = 0;
  while (tailN < shorter - headN && list[n - 1 - tailN] === prev[m - 1 - tailN]) tailN++;
  const middle: Encoded[] = new Array(n - headN - tailN);
  for (let i = headN; i < n - tailN; i++) {
    const d = list[i];
    if (!plainObject(d)) return plain(msg);
    middle[i - headN] = encodedOf(d);
  }
  // The message with an empty list, then the diagnostics written between its brackets.
  const message = msg as unknown as { params: object };
  const shell = JSON.stringify({ ...message, params: { ...message.params, diagnostics: [] } }, undefined, 0);
  if (!shell.endsWith(EMPTY_TAIL)) return plain(msg);
  const open = shell.slice(0, shell.length - 3);
  const close = shell.slice(shell.length - 3);
  // Spans copied from the last publish hold the commas between their own entries.
  const headSpan = last && headN ? last.end[headN - 1] - last.start[0] : 0;
  const tailSpan = last && tailN ? last.end[m - 1] - last.start[m - tailN] : 0;
  let size = Buffer.byteLength(open, 'utf8') + headSpan + tailSpan + Buffer.byteLength(close, 'utf8');
  size += n - 1 - Math.max(0, headN - 1) - Math.max(0, tailN - 1);
  for (const e of middle) size += e.bytes;
  const out = Buffer.allocUnsafe(size);
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  let at = out.write(open, 0, 'utf8');
  if (last && headN) {
    const base = last.start[0];
    last.bytes.copy(out, at, base, last.end[headN - 1]);
    for (let i = 0; i < headN; i++) {
      start[i] = last.start[i] - base + at;
      end[i] = last.end[i] - base + at;
    }
    at += headSpan;
  }
  for (let i = headN; i < n - tailN; i++) {
    if (i > 0) out[at++] = 0x2c; // ','
    start[i] = at;
    at += out.write(middle[i - headN].json, at, 'utf8');
    end[i] = at;
  }
  if (last && tailN) {
    if (n - tailN > 0) out[at++] = 0x2c;
    const base = last.start[m - tailN];
    last.bytes.copy(out, at, base, last.end[m - 1]);
    for (let j = 0; j < tailN; j++) {
      start[n - tailN + j] = last.start[m - tailN + j] - base + at;
      end[n - tailN + j] = last.end[m - tailN + j] - base + at;
    }
    at += tailSpan;
  }
  out.write(close, at, 'utf8');
  written.set(uri, { list, bytes: out, start, end });
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
