// dist/schema.json keeps one-letter keys (small file); only schemaTypes.ts knows them, and the
// build skips regenerating it when its inputs did not change.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { COMPACT_KEYS, expandSchemaFile, SchemaFile } from '../../server/src/schema/schemaTypes';
import { loadSchema } from '../../server/src/schema/schema';

describe('schema file: compact on disk, readable in code', () => {
  const file = JSON.parse(readFileSync('dist/schema.json', 'utf8')) as SchemaFile;
  it('every stored field-type key is one of COMPACT_KEYS', () => {
    const known = new Set<string>(Object.values(COMPACT_KEYS));
    const unknown = new Set<string>();
    const visit = (ft: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(ft)) {
        if (!known.has(k)) unknown.add(k);
        if ((k === 'i' || k === 'v') && v) visit(v as Record<string, unknown>);
      }
    };
    for (const def of Object.values(file.types)) for (const ft of Object.values(def.f)) visit(ft as unknown as Record<string, unknown>);
    assert.deepEqual([...unknown], []);
  });
  const rows: [string, string, object][] = [
    ['apps.v1.DeploymentSpec', 'replicas', { kind: 'integer' }],
    ['apps.v1.DeploymentSpec', 'selector', { kind: 'ref', ref: 'meta.v1.LabelSelector', required: true }],
    ['core.v1.Container', 'imagePullPolicy', { kind: 'string', enum: ['Always', 'IfNotPresent', 'Never'] }],
    ['core.v1.PodSpec', 'containers', { kind: 'array', items: { kind: 'ref', ref: 'core.v1.Container' }, required: true }],
  ];
  for (const [type, field, expected] of rows) {
    it(`expands ${type}.${field}`, () => {
      assert.deepEqual(expandSchemaFile(file).types[type].fields[field], expected);
      assert.deepEqual(loadSchema().type(type)?.fields[field], expected);
    });
  }
  it('the build skips regeneration when the generator and input package versions are unchanged', () => {
    const out = execFileSync(process.execPath, ['scripts/generateSchema.mjs'], { encoding: 'utf8' });
    assert.match(out, /schema: up to date/);
  });
});
