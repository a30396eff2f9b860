// Bundles the extension client, the language server and the CLI with esbuild.
// `--tests` bundles every test/**/*.test.ts into out/test/ so mocha runs plain JavaScript.
// `--fuzz` bundles the fuzz harness (test/fuzz/fuzzHarness.ts → out/fuzz/fuzzHarness.js) for scripts/fuzz.mjs.
// `--integration` bundles the suite that runs inside VS Code's extension host
// (test/integration/suite/*.ts → out/integration/suite/) and its @vscode/test-electron runner.
// `--webview` bundles test/webview/*.test.ts (they drive headless Chromium) into out/webview/.
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // yaml-language-server is only a benchmark peer; vscode is provided by the editor.
  external: ['vscode', 'mocha'],
};

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    // integration/ runs inside VS Code (it imports `vscode`), e2e/ and webview/ drive a browser: not unit tests.
    if (name === 'fixtures' || name === 'e2e' || name === 'integration' || name === 'webview') continue;
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

if (process.argv.includes('--tests')) {
  await build({ ...common, entryPoints: findTests('test'), outdir: 'out/test', outbase: 'test' });
} else if (process.argv.includes('--fuzz')) {
  // `npm run fuzz` (scripts/fuzz.mjs) loads the harness as a library: bundled as the entry point, the
  // CLI's and the server's `require.main === module` would start them inside the harness.
  await build({ ...common, entryPoints: ['test/fuzz/fuzzHarness.ts', 'test/fuzz/hostileProbe.ts'], outdir: 'out/fuzz', outbase: 'test/fuzz' });
} else if (process.argv.includes('--webview')) {
  await build({
    ...common,
    entryPoints: findTests('test/webview'),
    outdir: 'out/webview',
    outbase: 'test/webview',
    external: [...common.external, 'playwright-core'],
  });
} else if (process.argv.includes('--integration')) {
  const suite = readdirSync('test/integration/suite')
    .filter((n) => n.endsWith('.ts'))
    .map((n) => join('test/integration/suite', n));
  await build({ ...common, entryPoints: suite, outdir: 'out/integration/suite' });
  await build({
    ...common,
    entryPoints: ['test/integration/runElectron.ts'],
    outdir: 'out/integration',
    external: [...common.external, '@vscode/test-electron'],
  });
} else {
  const minify = process.argv.includes('--minify');
  await Promise.all([
    build({ ...common, minify, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist' }),
    build({ ...common, minify, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' }),
    build({ ...common, minify, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  ]);
}
