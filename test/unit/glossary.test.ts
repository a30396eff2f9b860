// One Chinese term per concept (server/src/schema/glossary.json, docs/GLOSSARY.md): no shipped
// Chinese text — field docs, learning notes, value meanings, reasons, diagnostics, UI bundles,
// package.nls, walkthroughs, snippets, README.zh-CN — may use a banned variant.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Term {
  en: string;
  zhCn: string;
  kubernetesIo: string;
  follows: boolean;
  why?: string;
  banned: string[];
}

const glossary = JSON.parse(readFileSync('server/src/schema/glossary.json', 'utf8')) as { terms: Term[] };

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const CJK = /[\u4e00-\u9fff]/;

/** Every string value with Chinese in it, at any depth of a JSON document. */
function chineseStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') {
    if (CJK.test(v)) out.push(v);
  } else if (v && typeof v === 'object') for (const x of Object.values(v)) chineseStrings(x, out);
  return out;
}

/** String literals with Chinese in TypeScript sources (comments are not shipped text). */
function chineseLiterals(ts: string): string[] {
  const code = ts.replace(/^\s*(\/\/|\*).*$/gm, '');
  return [...code.matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g)].map((m) => m[2]).filter((s) => CJK.test(s));
}

/** The Chinese text of every shipped file, as [file, text]. */
function shippedChinese(): [string, string][] {
  const json = [
    ...walk('server/src').filter((f) => f.endsWith('.json') && !f.endsWith('glossary.json')),
    'l10n/bundle.l10n.zh-cn.json',
    'package.nls.zh-cn.json',
    'snippets/kubernetes.json',
  ];
  const markdown = [
    ...walk('media/walkthrough/zh-cn').filter((f) => f.endsWith('.md')),
    ...walk('server/src').filter((f) => f.endsWith('.md')),
    'README.zh-CN.md',
  ];
  const ts = [...walk('server/src'), ...walk('client/src')].filter((f) => f.endsWith('.ts'));
  return [
    ...json.filter(existsSync).map((f): [string, string] => [f, chineseStrings(JSON.parse(readFileSync(f, 'utf8'))).join('\n')]),
    ...markdown.filter(existsSync).map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
    ...ts.map((f): [string, string] => [f, chineseLiterals(readFileSync(f, 'utf8')).join('\n')]),
  ].filter(([, text]) => CJK.test(text));
}

describe('glossary: one Chinese term per concept', () => {
  it('every term says what kubernetes.io/zh-cn uses, and why where we deviate', () => {
    assert.ok(glossary.terms.length >= 30, `${glossary.terms.length} terms`);
    assert.deepEqual(
      glossary.terms.filter((t) => !t.zhCn || !t.kubernetesIo || (!t.follows && !t.why)).map((t) => t.en),
      [],
    );
  });
  it('a preferred term is never banned by its own rules', () => {
    const bad = glossary.terms.flatMap((t) => t.banned.filter((b) => new RegExp(b).test(t.zhCn.split('（')[0])).map((b) => `${t.en}: ${b}`));
    assert.deepEqual(bad, []);
  });
  it('no shipped Chinese text uses a banned variant', () => {
    const texts = shippedChinese();
    assert.ok(texts.length > 20, `only ${texts.length} files scanned`);
    const bad: string[] = [];
    for (const term of glossary.terms) {
      for (const b of term.banned) {
        const re = new RegExp(`.{0,12}(?:${b}).{0,8}`, 'g');
        for (const [file, text] of texts) for (const m of text.matchAll(re)) bad.push(`${file}: «${m[0]}» → ${term.zhCn}`);
      }
    }
    assert.deepEqual(bad, []);
  });
  it('the ban works (a planted variant is found)', () => {
    const sample = '调整选择算符后，就绪检查会失败；动态供应的卷；没有对应容忍的 Pod。';
    const hits = glossary.terms.filter((t) => t.banned.some((b) => new RegExp(b).test(sample))).map((t) => t.en);
    assert.deepEqual(hits, ['selector', 'readiness probe', 'provisioner / provisioning', 'toleration']);
  });
  it('docs/GLOSSARY.md lists every term', () => {
    const md = readFileSync('docs/GLOSSARY.md', 'utf8');
    assert.deepEqual(
      glossary.terms.filter((t) => !md.includes(t.zhCn) || !md.includes(t.en)).map((t) => t.en),
      [],
    );
  });
});
