// A large file opened progressively (handlers/progressiveOpen: the version cache parses it a
// slice of documents per turn, each slice is checked on its own, the first documents' own
// findings are published before the rest is parsed) must end with exactly the diagnostics a
// synchronous open computes: a fresh parse, a fresh index, one pass of the pipeline. Over every
// YAML file of the fixtures and examples, all examples as one file, and a generated file.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DocumentCache } from '../../../server/src/yaml/documentCache';
import { ChunkCache, FileDocument, parseFile } from '../../../server/src/yaml/parsedFile';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { fileDiagnostics, DiagnosticsInputs } from '../../../server/src/pipeline/fileDiagnostics';
import { loadSchema } from '../../../server/src/schema/schema';
import { DEFAULT_LINT_SETTINGS } from '../../../server/src/features/lint/lintConfig';
import { makeSchedulingProbe } from '../../../server/src/pipeline/schedulingProbe';
import { generateManifests } from '../../../bench/manifestGenerator';

const URI = 'file:///ws/big.yaml';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
    });
}

const files = [...yamlFiles(resolve('examples')), ...yamlFiles(resolve('test/fixtures'))];
const examples = yamlFiles(resolve('examples')).map((f) => readFileSync(f, 'utf8').replace(/\n*$/, '\n'));

/** name, text, documents per slice */
const CASES: [string, string, number][] = [
  ...files.map((f): [string, string, number] => [f.slice(resolve('.').length + 1), readFileSync(f, 'utf8'), 1]),
  ['every example as one file', examples.join('---\n'), 4],
  ['301 generated documents', generateManifests(301), 25],
];

describe('progressive open = synchronous open', function () {
  this.timeout(20000);
  const schema = loadSchema();
  const probe = makeSchedulingProbe();
  const inputs = (index?: WorkspaceIndex): DiagnosticsInputs => ({
    schema,
    lint: DEFAULT_LINT_SETTINGS,
    workspace: index && { index, scheduling: { probe, generation: 0 } },
  });

  function synchronous(text: string) {
    const chunks = new ChunkCache();
    const index = new WorkspaceIndex(chunks);
    const file = parseFile(text, chunks);
    index.setEditorFile(URI, file);
    return fileDiagnostics(inputs(index), URI, file);
  }

  /** What the server does: slices checked on their own, a first publish, then the finished parse indexed and checked. */
  function progressive(text: string, perSlice: number) {
    const cache = new DocumentCache();
    const parse = cache.begin(URI, 1, text, 0);
    assert.ok(parse, 'a file of one or more documents starts a progressive parse');
    let first: ReturnType<typeof fileDiagnostics> | undefined;
    while (parse.parsed < parse.total) {
      const slice: FileDocument[] = [];
      for (let d = parse.step(); d; d = slice.length < perSlice ? parse.step() : undefined) slice.push(d);
      fileDiagnostics(inputs(), URI, parse.partial(slice));
      first ??= fileDiagnostics(inputs(), URI, parse.partial());
    }
    assert.equal(cache.pendingParse(URI, 1), parse, 'still pending until the version is asked for');
    const file = cache.get(URI, 1, () => text);
    assert.equal(cache.pendingParse(URI, 1), undefined);
    const index = new WorkspaceIndex(cache.chunks);
    index.setEditorFile(URI, file);
    return { first: first ?? [], final: fileDiagnostics(inputs(index), URI, file) };
  }

  for (const [name, text, perSlice] of CASES) {
    it(`${name} (${perSlice} per slice)`, () => {
      const { final } = progressive(text, perSlice);
      assert.deepEqual(final, synchronous(text));
    });
  }

  it('publishes the first documents’ own findings first, all of them in the final diagnostics, cross-file ones withheld', () => {
    const text = generateManifests(301); // the last Deployment's ConfigMap would be document 303
    const { first, final } = progressive(text, 25);
    const key = (f: { code: string; range: unknown; message: string }) => JSON.stringify([f.code, f.range, f.message]);
    const finalKeys = new Set(final.map(key));
    assert.ok(first.length > 0 && first.length < final.length, `${first.length} first of ${final.length}`);
    assert.deepEqual(
      first.filter((f) => !finalKeys.has(key(f))),
      [],
    );
    assert.ok(final.some((f) => f.code === 'missing-configmap') && !first.some((f) => f.code === 'missing-configmap'));
  });

  it('finishes a pending parse at once when the version is asked for, and forgets it on close', () => {
    const text = generateManifests(10);
    const cache = new DocumentCache();
    assert.equal(cache.begin(URI, 1, text, 10), undefined, 'ten documents are not more than ten');
    const parse = cache.begin(URI, 1, text, 9);
    assert.ok(parse);
    parse.step();
    assert.equal(cache.get(URI, 1, () => text).documents.length, 10);
    cache.begin(URI, 2, text, 0);
    cache.delete(URI);
    assert.equal(cache.pendingParse(URI, 2), undefined);
  });
});
