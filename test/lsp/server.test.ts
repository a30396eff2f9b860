// End to end over stdio: the bundled server answers diagnostics, completion, hover and symbols.
import { strict as assert } from 'node:assert';
import { startServer, LspSession } from '../helpers/lspClient';
import { caret } from '../helpers/caret';

const uri = 'file:///work/app.yaml';

describe('language server over stdio (dist/server.js)', function () {
  this.timeout(20000);
  let s: LspSession;
  before(async () => {
    s = await startServer('en');
  });
  after(async () => s.stop());

  const open = async (text: string, version = 1) => {
    const diags = s.nextDiagnostics(uri, version);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    return diags;
  };
  const close = () => s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });

  it('publishes diagnostics with code, source and a precise range', async () => {
    const d = await open('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "three"\n');
    await close();
    const wrong = d.diagnostics.find((x) => x.code === 'wrong-type')!;
    assert.equal(wrong.source, 'kubemate');
    assert.deepEqual(wrong.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 19 } });
    assert.ok(d.diagnostics.some((x) => x.code === 'missing-required' && /selector/.test(String(x.message))));
  });

  it('re-diagnoses after an incremental edit', async () => {
    await open('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    const next = s.nextDiagnostics(uri, 2);
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } }, text: 'ConfigMapp' }],
    });
    const d = await next;
    await close();
    assert.deepEqual(
      d.diagnostics.map((x) => x.code),
      ['unknown-kind'],
    );
  });

  it('publishes only when the diagnostics changed', async () => {
    await open('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n');
    // Every publish for the document from now on is recorded; the wait ends at version 3.
    const versions: number[] = [];
    const third = s.diagnosticsWhere(uri, (p) => (versions.push(p.version ?? -1), p.version === 3));
    const edit = (version: number, text: string) =>
      s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } }, text }],
      });
    // 3 → 4: the same findings at the same places; 4 → "x": a new wrong-type finding.
    void edit(2, '4');
    // A request answered after the edit's publish turn: a publish for version 2 would come first.
    await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    void edit(3, 'x');
    const d = await third;
    void close();
    assert.deepEqual(versions, [3]);
    assert.ok(d.diagnostics.some((x) => x.code === 'wrong-type'));
  });

  it('completes keys and hovers fields', async () => {
    const { text, offset } = caret('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  |\n');
    await open(text.replace('  \n', '  \n'));
    const line = text.slice(0, offset).split('\n').length - 1;
    const completion = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } })) as {
      label: string;
      insertTextFormat: number;
    }[];
    assert.ok(completion.some((c) => c.label === 'replicas'));
    assert.equal(completion.find((c) => c.label === 'template')?.insertTextFormat, 2);
    const hover = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 1 } })) as {
      contents: { value: string };
    };
    assert.match(hover.contents.value, /\*\*Deployment\.spec\*\*/);
    await close();
  });

  it('lists one symbol per document', async () => {
    await open(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n',
    );
    const symbols = (await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string }[];
    await close();
    assert.deepEqual(
      symbols.map((x) => x.name),
      ['Service web', 'ConfigMap cfg'],
    );
  });

  it('speaks Chinese when the client locale is zh-cn', async () => {
    const zh = await startServer('zh-cn');
    const d = new Promise<{ diagnostics: { message: string }[] }>((resolve) => zh.connection.onNotification('textDocument/publishDiagnostics', resolve));
    await zh.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndatas: {}\n' },
    });
    const got = await d;
    await zh.stop();
    assert.equal(got.diagnostics[0].message, 'ConfigMap 中没有字段 "datas"。你是不是想写 "data"？');
  });
});
