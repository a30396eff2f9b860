// `npm run bench`: bundles bench/*.bench.ts to out/bench/ and runs each in turn.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const entries = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => `bench/${f}`);
await build({
  entryPoints: entries,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  outdir: 'out/bench',
  logLevel: 'warning',
  sourcemap: true,
});
let failed = false;
for (const e of entries) {
  const js = e.replace(/^bench\//, 'out/bench/').replace(/\.ts$/, '.js');
  console.log(`\n=== ${e}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', js], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
