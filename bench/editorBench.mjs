#!/usr/bin/env node
// `npm run bench:editor` — speed as a user meets it in a real VS Code (code-server + headless
// Chromium, the e2e harness of test/e2e): the packaged VSIX, a workspace with a one-document
// file and the 1,000-document benchmark file (bench/manifestGenerator.ts). Every time is taken
// inside the page (performance.now() at the click or key press → the frame where VS Code shows it):
//   • first open: click one.yaml in the Explorer → its error squiggle is drawn (extension
//     activation and language server start included);
//   • 1,000 documents: click big.yaml → the status bar's problem counts first change, and when they
//     last change (the complete diagnostics);
//   • keystrokes: `replicas: 3` → `x` and back on lines of big.yaml, key press → the status bar's
//     counts change, and → the new error squiggle is drawn (p50/p99);
//   • hover: the pointer on a field → the hover is drawn (p50/p99).
// Needs the editor tools (scripts/installE2eTools.sh, as the e2e does); not part of `npm test`.
// usage: npm run bench:editor [-- --skip-package] [-- --profile DIR]   env: KUBEMATE_VSIX=<another build's VSIX>
//   --profile DIR   the language server writes a CPU profile of the run to DIR (KUBEMATE_CPU_PROFILE)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import {
  REPO,
  freshDirs,
  installVsix,
  killStartedServers,
  launchChromium,
  newPage,
  removeDirs,
  resolveTools,
  startCodeServer,
} from '../test/e2e/lib/codeServer.mjs';
import { openExplorerFile, openWorkbench, retry } from '../test/e2e/lib/workbench.mjs';

const argv = new Set(process.argv.slice(2));
const KEYSTROKES = 20;
const HOVERS = 20;

async function generator() {
  const out = path.join(REPO, 'out/bench/manifestGenerator.cjs');
  await build({
    entryPoints: [path.join(REPO, 'bench/manifestGenerator.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(out).generateManifests;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : Number.NaN;
};
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'n/a');

/** In the page: watch a selector's text and note when it changes, from a start mark. */
async function watch(page, selector) {
  await page.evaluate((sel) => {
    const squiggles = () => document.querySelectorAll('.squiggly-error').length;
    const w = (window.__kmWatch = {
      changes: [],
      squiggleChanges: [],
      squiggles: squiggles(),
      start: 0,
      last: document.querySelector(sel)?.getAttribute('aria-label') ?? '',
    });
    const seen = () => {
      const t = performance.now();
      const now = document.querySelector(sel)?.getAttribute('aria-label') ?? '';
      if (now !== w.last) {
        w.last = now;
        w.changes.push({ t, text: now });
      }
      const n = squiggles();
      if (n !== w.squiggles) {
        w.squiggles = n;
        w.squiggleChanges.push(t);
      }
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, selector);
}
const resetWatch = (page) =>
  page.evaluate(() => {
    window.__kmWatch.changes = [];
    window.__kmWatch.squiggleChanges = [];
    window.__kmWatch.start = performance.now();
  });
const changes = (page) =>
  page.evaluate(() => ({
    start: window.__kmWatch.start,
    changes: window.__kmWatch.changes,
    squiggleChanges: window.__kmWatch.squiggleChanges,
    last: window.__kmWatch.last,
  }));

async function settle(page, quietMs, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  let since = Date.now();
  for (;;) {
    const n = (await changes(page)).changes.length;
    if (n !== seen) {
      seen = n;
      since = Date.now();
    } else if (n > 0 && Date.now() - since > quietMs) return;
    if (Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Ctrl+G to each line's column, select one character, type `x`: key press → counts change, → a new squiggle; then undo. */
async function keystrokes(page, lines, column) {
  const keys = [];
  const squiggleKeys = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const line = lines[(i * 7) % lines.length];
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowRight');
    await resetWatch(page);
    const before = (await changes(page)).last;
    const tk = await page.evaluate(() => performance.now());
    await page.keyboard.type('x');
    const seen = await retry(
      'the problem counts to change after a keystroke',
      async () => {
        const c = await changes(page);
        return c.last !== before && c.changes[0]?.t;
      },
      { timeoutMs: 10_000, intervalMs: 20 },
    ).catch(() => Number.NaN);
    keys.push(seen - tk);
    const drawn = await retry('a new squiggle after a keystroke', async () => (await changes(page)).squiggleChanges[0], {
      timeoutMs: 10_000,
      intervalMs: 20,
    }).catch(() => Number.NaN);
    squiggleKeys.push(drawn - tk);
    // Undo: back to `3` (its diagnostics go; not timed).
    await page.keyboard.press('Control+Z');
    await retry('the counts to come back', async () => (await changes(page)).last === before, { timeoutMs: 10_000, intervalMs: 20 }).catch(() => undefined);
  }
  return { keys, squiggleKeys };
}

async function main() {
  const generate = await generator();
  // KUBEMATE_VSIX: another build's VSIX (an A/B against an older commit), as the e2e accepts.
  const vsix = path.resolve(process.env.KUBEMATE_VSIX ?? path.join(REPO, 'kubemate.vsix'));
  if (!argv.has('--skip-package') && !process.env.KUBEMATE_VSIX) {
    const r = spawnSync('npm', ['run', 'package'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status})`);
  }
  const tools = resolveTools();
  const dirs = freshDirs('kubemate-bench-editor-', { settings: { 'editor.hover.delay': 100, ...JSON.parse(process.env.BENCH_SETTINGS ?? '{}') } });
  const big = generate(1000);
  const one = generate(1).replace('replicas: 3', 'replicas: "three"');
  fs.writeFileSync(path.join(dirs.workspace, 'one.yaml'), one);
  fs.writeFileSync(path.join(dirs.workspace, 'big.yaml'), big);
  await installVsix(tools, dirs, vsix);
  const args = process.argv.slice(2);
  const profileDir = args.includes('--profile') ? path.resolve(args[args.indexOf('--profile') + 1]) : undefined;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const server = await startCodeServer(tools, dirs, { extraEnv: profileDir ? { KUBEMATE_CPU_PROFILE: profileDir } : {} });
  const browser = await launchChromium(tools);
  const results = {};
  try {
    const page = await newPage(browser, server, { width: 1600, height: 1000 });
    await openWorkbench(page, server, dirs.workspace);
    const problems = '.statusbar-item[id="status.problems"]';
    await page.locator(problems).waitFor();
    await watch(page, problems);

    // First open: the click → the error squiggle of `replicas: "three"`.
    await resetWatch(page);
    const t0 = await page.evaluate(() => performance.now());
    await openExplorerFile(page, 'one.yaml');
    const squiggle = await retry('the error squiggle in one.yaml', () => page.evaluate(() => document.querySelector('.squiggly-error') && performance.now()), {
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    results.firstOpen = squiggle - t0;
    const c1 = await changes(page);
    if (c1.changes.length) results.firstOpen = Math.min(results.firstOpen, c1.changes[0].t - t0);

    // The 1,000-document file: first and last change of the problem counts.
    await resetWatch(page);
    const t1 = await page.evaluate(() => performance.now());
    const editor = await openExplorerFile(page, 'big.yaml');
    await settle(page, 3000, 60_000);
    const c2 = await changes(page);
    results.bigFirst = c2.changes.length ? c2.changes[0].t - t1 : Number.NaN;
    results.bigLast = c2.changes.length ? c2.changes[c2.changes.length - 1].t - t1 : Number.NaN;
    results.bigCounts = c2.last;

    // Keystrokes: `replicas: 3` → `x` (a new wrong-type error) in the 1,000-document file, and as a
    // control the same in the one-document file (`type: RollingUpdate` → `xollingUpdate`).
    const lineNumbers = (text, prefix) =>
      text
        .split('\n')
        .map((l, i) => (l.startsWith(prefix) ? i + 1 : -1))
        .filter((i) => i > 0);
    results.big = await keystrokes(page, lineNumbers(big, '  replicas: 3'), 13);
    await openExplorerFile(page, 'one.yaml');
    results.one = await keystrokes(page, lineNumbers(one, '    type: RollingUpdate'), 11);
    await openExplorerFile(page, 'big.yaml');

    // Hovers: `kind` on the first lines, the pointer moved away and back.
    await page.keyboard.press('Control+Home');
    const hovers = [];
    const token = editor.locator('.view-line span span', { hasText: /^replicas$/ }).first();
    await token.waitFor();
    for (let i = 0; i < HOVERS; i++) {
      await page.mouse.move(5, 5);
      await page
        .locator('.monaco-hover:not(.hidden)')
        .first()
        .waitFor({ state: 'hidden', timeout: 5000 })
        .catch(() => undefined);
      const box = await token.boundingBox();
      const th = await page.evaluate(() => performance.now());
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const shown = await retry(
        'a hover',
        () =>
          page.evaluate(() => {
            const h = document.querySelector('.monaco-hover:not(.hidden)');
            return h && /replicas/.test(h.textContent ?? '') && performance.now();
          }),
        { timeoutMs: 10_000, intervalMs: 10 },
      ).catch(() => Number.NaN);
      hovers.push(shown - th);
    }
    results.hovers = hovers;
  } finally {
    await browser.close().catch(() => undefined);
    if (profileDir) {
      // SIGTERM first: the language server writes its profile on it (killStartedServers sends SIGKILL).
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {}
      await new Promise((r) => setTimeout(r, 3000));
    }
    killStartedServers();
    removeDirs(dirs);
  }
  console.log('KubeMate in VS Code (code-server + headless Chromium), times taken in the page:');
  console.log(`  first open (click one.yaml → error squiggle; activation and server start included): ${ms(results.firstOpen)}`);
  console.log(
    `  1,000-document file (click → problem counts first change / last change): ${ms(results.bigFirst)} / ${ms(results.bigLast)}  [${results.bigCounts}]`,
  );
  for (const [name, k] of [
    ['1,000-document file', results.big],
    ['one-document file', results.one],
  ])
    console.log(
      `  keystroke in the ${name} → problem counts change: p50 ${ms(pct(k.keys, 50))} / p99 ${ms(pct(k.keys, 99))}; → its squiggle drawn: p50 ${ms(pct(k.squiggleKeys, 50))} / p99 ${ms(pct(k.squiggleKeys, 99))} (n=${k.keys.length})`,
    );
  console.log(
    `  hover (pointer on \`replicas\` → hover drawn, editor.hover.delay 100 ms included): p50 ${ms(pct(results.hovers, 50))} / p99 ${ms(pct(results.hovers, 99))} (n=${results.hovers.length})`,
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench:editor failed: ${e.message ?? e}`);
    killStartedServers();
    process.exit(1);
  },
);
