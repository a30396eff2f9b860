#!/usr/bin/env node
// Runs the mocha integration suite (out/integration/suite/index.js) inside code-server's Node
// extension host — the @vscode/test-electron contract on a machine that cannot download VS Code.
//
// code-server is started with `--vscode-option enable-smoke-test-driver`: only then does a built
// workbench honour the URL `payload` that names extensionDevelopmentPath/extensionTestsPath
// (as vscode-remote:// URIs, so the server-side Node extension host runs them). When run()
// settles, the workbench calls window.codeAutomationExit(code, logs), which we expose with Playwright.
//
// usage: npm run test:integration      (builds dist/ and the suite first)
//   env: KUBEMATE_TEST_GREP=<regex> (one test), KEEP_TMP=1, INTEGRATION_TIMEOUT_MS (default 300000)
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { REPO, Steps, freshDirs, keepLogs, launchChromium, remoteUri, removeDirs, resolveTools, startCodeServer } from '../e2e/lib/codeServer.mjs';

const SUITE = path.join(REPO, 'out/integration/suite/index.js');
const ARTIFACTS = path.join(REPO, 'test/integration/artifacts');
const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 300_000);
// Workbench chatter that is harmless offline (marketplace, auth, connection setup).
const NOISE =
  /workbench\.js|ENOTFOUND|EAI_AGAIN|getaddrinfo|open-vsx|^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|Timed out waiting for authentication provider)|^\[[\w:. -]+\] /;

async function main() {
  if (!fs.existsSync(SUITE)) throw new Error(`${SUITE} missing: run node scripts/build.mjs --integration`);
  if (!fs.existsSync(path.join(REPO, 'dist/client.js'))) throw new Error('dist/client.js missing: run npm run build');
  const steps = new Steps();
  const tools = resolveTools();
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const dirs = freshDirs('kubemate-it-');
  fs.cpSync(path.join(REPO, 'test/fixtures/integration-workspace'), dirs.workspace, { recursive: true });
  const resultFile = path.join(dirs.root, 'result.json');

  const extraEnv = { KUBEMATE_TEST_RESULT: resultFile };
  if (process.env.KUBEMATE_TEST_GREP) extraEnv.KUBEMATE_TEST_GREP = process.env.KUBEMATE_TEST_GREP;
  const server = await startCodeServer(tools, dirs, { extraArgs: ['--vscode-option', 'enable-smoke-test-driver'], extraEnv });
  steps.mark(`code-server (smoke-test driver) on ${server.url}`);

  let browser;
  let exitCode;
  const log = fs.createWriteStream(path.join(ARTIFACTS, 'automation.log'));
  try {
    browser = await launchChromium(tools);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let settle;
    const exited = new Promise((r) => {
      settle = r;
    });
    // The extension host's console (mocha's spec reporter) and the workbench log arrive here.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      log.write(`[${type}] ${line}\n`);
      if (process.env.VERBOSE || !NOISE.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      for (const l of logs ?? []) {
        const dest = path.join(ARTIFACTS, 'window-logs', l.relativePath);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.writeFileSync(dest, l.contents);
      }
      settle(code);
    });
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, REPO)],
      ['extensionTestsPath', remoteUri(server, SUITE)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    steps.mark('workbench loaded; mocha runs in the extension host');
    let timer;
    exitCode = await Promise.race([
      exited,
      new Promise((r) => {
        timer = setTimeout(() => r('timeout'), TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    await page.screenshot({ path: path.join(ARTIFACTS, 'after-tests.png') }).catch(() => {});
    steps.mark(`extension host reported exit code ${exitCode}`);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    log.end();
    keepLogs(dirs, ARTIFACTS);
    if (fs.existsSync(resultFile)) fs.copyFileSync(resultFile, path.join(ARTIFACTS, 'result.json'));
    removeDirs(dirs);
    steps.mark('code-server stopped');
  }
  const result = fs.existsSync(path.join(ARTIFACTS, 'result.json')) ? JSON.parse(fs.readFileSync(path.join(ARTIFACTS, 'result.json'), 'utf8')) : null;
  if (result) console.log(`integration: ${result.passes} passed, ${result.failures} failed`);
  if (exitCode === 'timeout') throw new Error(`no result from the extension host within ${TIMEOUT_MS / 1000}s (logs: ${ARTIFACTS})`);
  if (exitCode !== 0) throw new Error(`integration tests failed (exit code ${exitCode}; logs: ${ARTIFACTS})`);
  console.log(`integration tests passed in code-server (${(steps.total() / 1000).toFixed(1)} s)`);
}

main().catch((err) => {
  console.error(`INTEGRATION FAILED: ${err.message ?? err}`);
  process.exit(1);
});
