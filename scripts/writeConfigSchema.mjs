// Writes schemas/kubemate-config.schema.json — the JSON schema of .kubemate.yaml — from the
// rule codes the sources declare, so completion of `rules:` keys never lags behind the rules.
// `npm run build` runs it; test/unit/cli/projectConfig.test.ts checks the committed file is fresh.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function codesIn(file, re) {
  return [...readFileSync(file, 'utf8').matchAll(re)].map((m) => m[1]);
}

export function configSchema() {
  const lint = readdirSync('server/src/features/lint/rules').flatMap((f) => [
    ...codesIn(join('server/src/features/lint/rules', f), /\bid: '([a-z0-9-]+)'/g),
    ...codesIn(join('server/src/features/lint/rules', f), /hostNamespaceRule\('([a-z0-9-]+)'/g),
  ]);
  const block = readFileSync('server/src/features/crossRefs/crossRefCodes.ts', 'utf8').split('CROSS_REF_CODES = {')[1].split('}')[0];
  const cross = [...block.matchAll(/^\s*'?([a-z0-9-]+)'?:/gm)].map((m) => m[1]);
  const codes = [...new Set([...lint, ...cross])].sort();
  const level = { enum: ['off', 'error', 'warning', 'information', 'hint'] };
  const toggle = { oneOf: [{ type: 'boolean' }, { type: 'object', additionalProperties: false, properties: { enabled: { type: 'boolean' } } }] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'kubemate-config.schema.json',
    title: 'KubeMate project configuration (.kubemate.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      lint: { ...toggle, description: 'Best-practice lints on (default) or off.' },
      crossFile: { ...toggle, description: 'Cross-file rules (missing ConfigMaps, Services selecting nothing …) on (default) or off.' },
      rules: {
        type: 'object',
        description: 'Rule code → off | error | warning | information | hint. Applies to lint and cross-file codes.',
        additionalProperties: false,
        properties: Object.fromEntries(codes.map((c) => [c, level])),
      },
      ignore: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Paths or globs, relative to this file, that are neither checked nor indexed (e.g. charts/**).',
      },
      cluster: {
        type: 'object',
        additionalProperties: false,
        properties: { profile: { type: 'string', description: 'Cluster profile file, relative to this file.' } },
      },
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('schemas/kubemate-config.schema.json', JSON.stringify(configSchema(), null, 2) + '\n');
}
