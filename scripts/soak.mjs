// `npm run soak`: bundles bench/soak.ts to out/bench/ and runs it (arguments are passed on).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['bench/soak.ts'],
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  outdir: 'out/bench',
  logLevel: 'warning',
  sourcemap: true,
});
const r = spawnSync(process.execPath, ['--enable-source-maps', 'out/bench/soak.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
