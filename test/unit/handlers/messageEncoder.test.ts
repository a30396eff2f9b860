// The stdio encoder writes exactly the bytes of JSON.stringify (the transport's default), whether a
// publish's diagnostics come from their memoised JSON, are new, or the message is of another kind.
import { strict as assert } from 'node:assert';
import type { Message } from 'vscode-languageserver/node';
import { encodeMessage, messageEncoder } from '../../../server/src/handlers/messageEncoder';

const diag = (line: number, message = 'Expected integer for "replicas", got string "x".', extra: object = {}) => ({
  range: { start: { line, character: 12 }, end: { line, character: 13 } },
  severity: 1,
  code: 'wrong-type',
  source: 'kubemate',
  message,
  ...extra,
});

const publish = (diagnostics: unknown[], params: object = {}): Message =>
  ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///ws/app.yaml', version: 3, ...params, diagnostics } }) as Message;

const kept = [diag(1), diag(2, '"Rolling" is not a valid value for type.', { data: { replacement: 'RollingUpdate' } })];

describe('messageEncoder', () => {
  const cases: [string, Message][] = [
    ['a publish', publish([diag(0), diag(5)])],
    ['an empty publish', publish([])],
    ['the same diagnostic objects again (their JSON memoised)', publish(kept)],
    ['memoised and new ones, in another order', publish([kept[1], diag(9), kept[0]])],
    ['the same object twice', publish([kept[0], kept[0]])],
    [
      'related information, data, non-ASCII text and escapes',
      publish([
        diag(3, '找不到 ConfigMap “cfg” — 你是说 “cfg2” 吗？\n\t\\ \u2028 😀', {
          data: { replacement: 'cfg2', nested: [1, null, { a: 'b' }] },
          relatedInformation: [{ location: { uri: 'file:///ws/other%20file.yaml', range: diag(0).range }, message: 'dort "definiert"' }],
        }),
      ]),
    ],
    ['undefined fields are left out as JSON.stringify leaves them', publish([diag(4, 'm', { data: undefined, codeDescription: undefined })])],
    ['a uri that spells the key', publish([diag(1)], { uri: 'file:///ws/"diagnostics":[]}}.yaml' })],
    [
      'a publish without a version',
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.yaml', diagnostics: [diag(2)] } } as Message,
    ],
    [
      'params whose last key is not the diagnostics',
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: [diag(2)], uri: 'file:///a.yaml' } } as Message,
    ],
    ['a diagnostic with toJSON', publish([{ ...diag(1), toJSON: () => ({ replaced: true }) }])],
    ['an entry that is no object', publish([diag(1), null, 3])],
    ['another notification', { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'hello “there”' } } as Message],
    ['a response', { jsonrpc: '2.0', id: 7, result: { contents: { kind: 'markdown', value: '**replicas** — 副本数' } } } as Message],
    ['a request', { jsonrpc: '2.0', id: 1, method: 'workspace/configuration', params: { items: [{ section: 'kubemate' }] } } as Message],
  ];
  for (const [name, msg] of cases)
    it(`${name}: the bytes of JSON.stringify`, async () => {
      const expected = Buffer.from(JSON.stringify(msg), 'utf8');
      assert.deepEqual(encodeMessage(msg), expected);
      // Twice: the second time from the memo.
      assert.deepEqual(encodeMessage(msg), expected);
      assert.deepEqual(Buffer.from(await messageEncoder.encode(msg, { charset: 'utf-8' })), expected);
    });

  it("a document's publishes one after another (head and tail copied from the last one) are the bytes of JSON.stringify", () => {
    const a = Array.from({ length: 8 }, (_, i) => diag(i, `finding ${i} “${'é'.repeat(i)}”`));
    const extra = diag(20, 'new one');
    const steps: [string, unknown[]][] = [
      ['the first publish', a],
      ['the same list again', a],
      ['one inserted in the middle', [...a.slice(0, 4), extra, ...a.slice(4)]],
      ['and removed', a],
      ['one removed at the start', a.slice(1)],
      ['one added at the end', [...a.slice(1), extra]],
      ['one replaced at the start', [extra, ...a.slice(1)]],
      ['head and tail only', [a[0], a[7]]],
      ['reversed', [...a].reverse()],
      ['one', [a[3]]],
      ['everything new', [diag(1), diag(2)]],
      ['a copy equal by value', a.map((d) => ({ ...d }))],
      ['a longer list around the last', [extra, ...a, extra]],
      ['empty (the document closed)', []],
      ['after the close', a],
    ];
    for (const [what, list] of steps) {
      const msg = publish(list);
      assert.deepEqual(encodeMessage(msg), Buffer.from(JSON.stringify(msg), 'utf8'), what);
      // Another document's publish between two of this one's.
      const other = publish(list.slice(0, 2), { uri: 'file:///ws/other.yaml', version: 1 });
      assert.deepEqual(encodeMessage(other), Buffer.from(JSON.stringify(other), 'utf8'), `${what} (the other document)`);
    }
  });

  it('another charset is encoded as the default encoder does', async () => {
    const msg = publish([diag(1, 'plain ascii')]);
    assert.deepEqual(Buffer.from(await messageEncoder.encode(msg, { charset: 'ascii' })), Buffer.from(JSON.stringify(msg), 'ascii'));
  });
});
