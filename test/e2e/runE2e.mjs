#!/usr/bin/env node
// End-to-end UI test of the packaged extension in a real VS Code (code-server + headless Chromium):
// build the VSIX, install it into fresh folders, open the tutorial manifests (examples/k8s-combat),
// hover `replicas` (Chinese docs), dry-run apply from the command palette, read pods and endpoints
// in the Simulated Cluster view, delete a pod and watch its replacement appear, then dry-run a
// crash-looping Deployment (examples/simulation, with its cluster profile as
// .kubemate/cluster.yaml) and see CrashLoopBackOff on its pods in the tree. Screenshots go to
// test/e2e/screenshots/, logs and timings to test/e2e/artifacts/.
//
// usage: npm run test:e2e [-- --skip-package] [-- --readme] [-- --via-palette]
//   --skip-package      use the existing kubemate.vsix (or $KUBEMATE_VSIX) instead of `npm run package`
//   --readme            copy the dry-run view and hover screenshots to media/readme/ for the README
//   --via-palette       open the view with `KubeMate: Show Simulated Cluster` instead of the summary
//                       notification's button
//   env: KEEP_TMP=1 keeps the temporary folders; E2E_TIMEOUT_MS (default 480000) bounds the whole run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  EXTENSION_ID,
  REPO,
  Steps,
  extHostLogLines,
  freshDirs,
  installVsix,
  keepLogs,
  killStartedServers,
  launchChromium,
  newPage,
  removeDirs,
  resolveTools,
  startCodeServer,
} from './lib/codeServer.mjs';
import { commandTitle } from './lib/manifest.mjs';
import {
  collapseRows,
  expandUntil,
  hoverWord,
  openExplorerFile,
  openWorkbench,
  retry,
  runCommand,
  runningExtensionActivationMs,
  startupPerformance,
  scrollOutputToTop,
  treeRows,
  viewPane,
  widenSideBar,
} from './lib/workbench.mjs';

const SHOTS = path.join(REPO, 'test/e2e/screenshots');
const ARTIFACTS = path.join(REPO, 'test/e2e/artifacts');
const README_SHOTS = path.join(REPO, 'media/readme');
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 480_000);
const argv = new Set(process.argv.slice(2));

// The workbench stays English offline: code-server has no Chinese language pack without the
// marketplace, so the Chinese side is chosen through KubeMate's own settings.
const SETTINGS = { 'kubemate.language': 'zh-cn', 'kubemate.docs.language': 'zh-cn' };
const POD = /^k8s-combat-[a-z0-9]+-[a-z0-9]{5}$/;
const ENDPOINT = /10\.244\.\d+\.\d+:8081/;
// KubeMate's own UI strings (notifications, tree labels) follow kubemate.language, not the workbench:
// look them up in the bundle the client uses, so the test reads what a Chinese-reading user sees.
const BUNDLE = SETTINGS['kubemate.language'] === 'zh-cn' ? JSON.parse(fs.readFileSync(path.join(REPO, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) : {};
const ui = (text) => BUNDLE[text] ?? text;
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const uiRe = (...texts) => new RegExp(`^(${texts.map((x) => escapeRe(ui(x))).join('|')})$`);
const OPEN_VIEW_BUTTON = ui('Open Simulated Cluster');
const CRASH_POD = /^crasher-[a-z0-9]+-[a-z0-9]{5}$/;
const CHECKS = 7;

async function main() {
  const steps = new Steps();
  for (const d of [SHOTS, ARTIFACTS]) {
    fs.rmSync(d, { recursive: true, force: true });
    fs.mkdirSync(d, { recursive: true });
  }
  const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  const vsix = buildVsix(steps);
  const tools = resolveTools();
  steps.mark('tools ready (code-server, Node 24, Chromium)');

  const dirs = freshDirs('kubemate-e2e-', { settings: SETTINGS });
  fs.cpSync(path.join(REPO, 'examples/k8s-combat'), dirs.workspace, { recursive: true });

  await installVsix(tools, dirs, vsix);
  steps.mark(`VSIX installed into ${dirs.extensions}`);

  const server = await startCodeServer(tools, dirs);
  steps.mark(`code-server healthy on ${server.url} (process group ${server.pid})`);
  let browser;
  let page;
  const report = { ok: false, vsixBytes: fs.statSync(vsix).size };
  const consoleErrors = [];
  try {
    browser = await launchChromium(tools);
    page = await newPage(browser, server, { width: 1600, height: 1000 });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await openWorkbench(page, server, dirs.workspace);
    steps.mark('workbench loaded, Explorer lists the tutorial manifests');
    await shot(page, '01-workbench');

    // 1. Open the Deployment: onLanguage:yaml activates KubeMate.
    const editor = await openExplorerFile(page, 'deployment.yaml');
    await page
      .locator('.statusbar-item', { hasText: /^YAML$/ })
      .first()
      .waitFor();
    steps.mark('deployment.yaml open (language mode YAML)');

    // 2. Hover `replicas`: the Chinese docs appear.
    const hover = await hoverWord(page, editor, 'replicas', /副本/);
    if (!/replicas/.test(hover.text)) throw new Error(`the hover does not name the field: ${hover.text}`);
    report.hover = hover.text.split('\n').filter(Boolean).slice(0, 3);
    steps.mark(`Chinese hover on replicas after ${hover.attempts} attempt(s): "${report.hover[1] ?? ''}"`);
    await shot(page, '02-hover');
    const token = editor.locator('.view-line span span', { hasText: /^replicas$/ }).first();
    await page.screenshot({ path: path.join(SHOTS, '02-hover-detail.png'), clip: await around(page, editor, [hover.hover, token]) });
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);

    // 3. Dry-run apply the whole folder from the command palette (F1 → title).
    await editor.click({ position: { x: 300, y: 40 } });
    const dryRun = commandTitle('kubemate.dryRunFolder', 'kubemate.dryRun');
    await runCommand(page, dryRun.palette);
    steps.mark(`ran "${dryRun.palette}" from the command palette`);
    if (dryRun.id === 'kubemate.dryRunFolder') await acceptFolderDialog(page, dirs.workspace);

    // 4. The Simulated Cluster view shows the pods and the Service's endpoints.
    const { pane, summary } = await openClusterView(page);
    report.summary = summary;
    steps.mark(`summary notification "${summary}"; Simulated Cluster view open`);
    // Tidy first: the list is virtualised, and the nodes and events lists would push the Service off screen.
    const collapse = uiRe('Nodes', 'Events', 'Ingresses', 'ConfigMaps', 'Secrets');
    const serviceAccounts = escapeRe(ui('{0} objects').replace('{0}', 'ServiceAccount'));
    await collapseRows(pane, new RegExp(`${collapse.source}|^${serviceAccounts}$`));
    const pods = await expandUntil(
      pane,
      'two Running k8s-combat pods under the Deployment in the Simulated Cluster view',
      (rows) => {
        const p = runningPods(rows);
        return p.length === 2 && p;
      },
      { expand: new RegExp(`${uiRe('Namespaces', 'default', 'Deployments', 'k8s-combat').source}|^k8s-combat-[a-z0-9]+$`) },
    );
    const endpoints = await expandUntil(
      pane,
      'two endpoints 10.244.x.x:8081 under the k8s-combat Service',
      (rows) => {
        const e = rows.filter((r) => ENDPOINT.test(`${r.label} ${r.description}`));
        return e.length >= 2 && [...new Set(e.map((r) => `${r.label} ${r.description}`.trim()))];
      },
      { expand: uiRe('Namespaces', 'default', 'Services', 'k8s-combat') },
    );
    report.pods = pods;
    report.endpoints = endpoints;
    steps.mark(`view shows pods ${pods.join(', ')} and endpoints ${endpoints.join(', ')}`);
    await widenSideBar(page, 560);
    await scrollOutputToTop(page);
    await page.mouse.move(5, 5);
    await shot(page, '03-cluster-view');

    // 4b. Send Request… from the Service's context menu: the trace names the pod that answered.
    report.request = await sendRequestFromTree(page, pane, 'k8s-combat');
    steps.mark(`Send Request… on Service k8s-combat: "${report.request}"`);
    await shot(page, '03b-send-request');
    // The same request as a picture: the topology webview (an iframe in an iframe) lists its hops.
    const picture = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    await picture.locator('section.request ol.hops li').first().waitFor({ timeout: 20_000 });
    report.requestPicture = await picture.locator('section.request').innerText();
    steps.mark(`topology shows the request's path (${await picture.locator('.box.onPath').count()} boxes on it)`);
    await shot(page, '03c-request-topology');

    // 5. Delete a pod from its context menu: the ReplicaSet creates a replacement with a new name.
    const victim = pods[0];
    await deletePodFromTree(page, pane, victim);
    const after = await expandUntil(pane, `a replacement for ${victim}`, (rows) => {
      const p = runningPods(rows);
      return p.length === 2 && !p.includes(victim) && p;
    });
    report.replacedPod = { deleted: victim, now: after };
    steps.mark(`deleted ${victim}; pods now ${after.join(', ')}`);
    await shot(page, '04-pod-replaced');

    // 6. A simulation profile (busybox:crash exits 3 s after it starts) as .kubemate/cluster.yaml,
    // loaded by saving it from "Open Cluster Profile"; then dry-run the crash-looping Deployment:
    // its pods show CrashLoopBackOff in the tree. (Written only now: the tutorial folder's dry-run
    // above stays as it was.)
    fs.mkdirSync(path.join(dirs.workspace, '.kubemate'), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'examples/simulation/cluster.yaml'), path.join(dirs.workspace, '.kubemate/cluster.yaml'));
    fs.copyFileSync(path.join(REPO, 'examples/simulation/crashloop.yaml'), path.join(dirs.workspace, 'crashloop.yaml'));
    await runCommand(page, commandTitle('kubemate.openClusterProfile').palette);
    await page.locator('.tabs-container .tab', { hasText: 'cluster.yaml' }).first().waitFor({ timeout: 15_000 });
    const profileEditor = page.locator('.editor-instance .monaco-editor').first();
    await profileEditor.locator('.view-lines').waitFor();
    await profileEditor.click({ position: { x: 300, y: 40 } });
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await runCommand(page, 'File: Save');
    await page
      .locator('.notifications-toasts .notification-list-item', { hasText: /profile|节点|nodes/i })
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(() => {});
    steps.mark('cluster profile with the SimulationProfile saved and loaded');
    await runCommand(page, 'View: Show Explorer');
    const crashEditor = await openExplorerFile(page, 'crashloop.yaml');
    await crashEditor.click({ position: { x: 300, y: 40 } });
    await runCommand(page, commandTitle('kubemate.dryRun').palette);
    await runCommand(page, commandTitle('kubemate.showClusterView').palette);
    await pane.locator('.monaco-list-row').first().waitFor({ timeout: 15_000 });
    const crashing = await expandUntil(
      pane,
      'two crasher pods in CrashLoopBackOff in the Simulated Cluster view',
      (rows) => {
        const p = [...new Set(rows.filter((r) => CRASH_POD.test(r.label) && /CrashLoopBackOff/.test(r.description)).map((r) => `${r.label} ${r.description}`))];
        return p.length === 2 && p;
      },
      { expand: new RegExp(`${uiRe('Namespaces', 'default', 'Deployments', 'crasher').source}|^crasher-[a-z0-9]+$`) },
    );
    report.crashLoop = crashing;
    steps.mark(`crash-looping Deployment dry-run: ${crashing.join(', ')}`);
    await page.mouse.move(5, 5);
    await shot(page, '05-crashloop');

    // 6b. Its explanation: the "Why? CrashLoopBackOff" child under a crashing pod, in the UI language.
    const whyLabel = ui('Why? {0}').replace('{0}', 'CrashLoopBackOff');
    const why = await expandUntil(
      pane,
      `"${whyLabel}" under a crasher pod`,
      (rows) => {
        const r = rows.find((x) => x.label === whyLabel);
        return r && `${r.label} ${r.description}`;
      },
      { expand: new RegExp(`${uiRe('Namespaces', 'default', 'Deployments', 'crasher').source}|^crasher-[a-z0-9]+$|^crasher-[a-z0-9]+-[a-z0-9]+$`) },
    );
    report.crashLoopWhy = why;
    steps.mark(`crash loop explained in the tree: ${why}`);
    await shot(page, '05b-crashloop-why');

    // 7. Activation, as the editor measured it.
    const activation = await runningExtensionActivationMs(page, 'KubeMate');
    await shot(page, '06-running-extensions');
    await activation.close();
    const perf = await startupPerformance(page, EXTENSION_ID);
    report.activation = { runningExtensions: activation.text, ms: activation.ms, ...perf, log: activationLogLine(dirs) };
    if (perf.event !== 'onLanguage:yaml' || !/activationEvent: 'onLanguage:yaml'/.test(report.activation.log ?? '')) {
      throw new Error(`KubeMate was activated by ${perf.event} (extension host log: ${report.activation.log}), expected onLanguage:yaml`);
    }
    steps.mark(
      `activation: ${activation.text}; load code ${perf.loadCodeMs} ms (bundle alone ${perf.codeLoadOnlyMs} ms), ` +
        `call activate ${perf.callActivateMs} ms, activate() resolved after ${perf.finishActivateMs} ms`,
    );
    report.ok = true;
  } catch (err) {
    if (page) await shot(page, '99-failure').catch(() => {});
    throw err;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    steps.mark('code-server process group stopped');
    keepLogs(dirs, ARTIFACTS);
    removeDirs(dirs);
    report.consoleErrors = consoleErrors.length;
    report.totalMs = steps.total();
    report.steps = steps.list;
    fs.writeFileSync(path.join(ARTIFACTS, 'report.json'), JSON.stringify(report, null, 2));
  }
  if (argv.has('--readme')) {
    fs.mkdirSync(README_SHOTS, { recursive: true });
    fs.copyFileSync(path.join(SHOTS, '03-cluster-view.png'), path.join(README_SHOTS, 'cluster-view.png'));
    fs.copyFileSync(path.join(SHOTS, '02-hover-detail.png'), path.join(README_SHOTS, 'hover-zh.png'));
    console.log(`README screenshots updated in ${path.relative(REPO, README_SHOTS)}/`);
  }
  // What was verified: Chinese hover, summary notification, pods, endpoints, replacement pod, CrashLoopBackOff, activation event.
  console.log(`e2e: ${CHECKS} passed, 0 failed`);
  console.log(
    `E2E PASSED in ${(steps.total() / 1000).toFixed(1)} s — screenshots in ${path.relative(REPO, SHOTS)}/, report in ${path.relative(REPO, ARTIFACTS)}/report.json`,
  );
}

/** A screenshot clip from the editor's left edge (line numbers) around the elements, with a margin. */
async function around(page, editor, locators, margin = 24) {
  const boxes = (await Promise.all(locators.map((l) => l.boundingBox()))).filter(Boolean);
  const x0 = (await editor.boundingBox()).x;
  const y0 = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const x1 = Math.max(...boxes.map((b) => b.x + b.width)) + margin;
  const y1 = Math.max(...boxes.map((b) => b.y + b.height)) + 4 * margin;
  const { width, height } = page.viewportSize();
  return { x: x0, y: y0, width: Math.min(width, x1) - x0, height: Math.min(height, y1) - y0 };
}

/** Names of the Running k8s-combat pods among the rows (a pod shows under its ReplicaSet and its node). */
function runningPods(rows) {
  return [...new Set(rows.filter((r) => POD.test(r.label) && /Running/.test(r.description)).map((r) => r.label))];
}

function buildVsix(steps) {
  const vsix = path.resolve(process.env.KUBEMATE_VSIX ?? path.join(REPO, 'kubemate.vsix'));
  if (!argv.has('--skip-package') && !process.env.KUBEMATE_VSIX) {
    const r = spawnSync('npm', ['run', 'package'], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status})`);
  }
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found (run npm run package)`);
  steps.mark(`VSIX ${path.basename(vsix)}: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB`);
  return vsix;
}

/**
 * The dry-run ends with a summary notification (`6 created — 2 pods Running`) whose button opens
 * the Simulated Cluster view and reveals what changed: click it, as a person would
 * (--via-palette: `KubeMate: Show Simulated Cluster` instead).
 */
async function openClusterView(page) {
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: OPEN_VIEW_BUTTON }).first();
  await toast.waitFor({ timeout: 20_000 }).catch(() => {
    throw new Error('no dry-run summary notification (with an "Open Simulated Cluster" button) appeared');
  });
  const summary = (await toast.locator('.notification-list-item-message').innerText()).trim();
  if (argv.has('--via-palette')) await runCommand(page, commandTitle('kubemate.showClusterView').palette);
  else await toast.locator('.monaco-button', { hasText: OPEN_VIEW_BUTTON }).first().click();
  const pane = viewPane(page, 'Simulated Cluster');
  await pane
    .locator('.monaco-list-row')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => {
      throw new Error('the Simulated Cluster view did not appear (view id kubemate.clusterView)');
    });
  return { pane, summary };
}

/** From the palette, the folder dry-run asks which folder (VS Code's simple file dialog, prefilled with the workspace): accept it. */
async function acceptFolderDialog(page, folder) {
  const quickInput = page.locator('.quick-input-widget');
  const input = quickInput.locator('input').first();
  await retry(`the folder dialog to offer ${folder}`, async () => (await input.inputValue()).replace(/\/$/, '') === folder, { timeoutMs: 10_000 });
  await quickInput.locator('.monaco-button').first().click(); // the dialog's OK button ("Dry-run apply")
  await quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
}

async function deletePodFromTree(page, pane, pod) {
  const row = pane.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: pod }) }).first();
  await row.click({ button: 'right' });
  const title = commandTitle('kubemate.deletePod').title;
  const item = page.locator('.monaco-menu .action-item', { hasText: title }).first();
  await item.waitFor({ timeout: 10_000 }).catch(() => {
    throw new Error(`no "${title}" in the pod's context menu`);
  });
  await item.click();
  // A confirmation (modal dialog or notification) may guard the action; accept it if one shows.
  const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: uiRe('Delete') }).first();
  if (
    await confirm.waitFor({ timeout: 1500 }).then(
      () => true,
      () => false,
    )
  )
    await confirm.click();
  await retry(`${pod} to leave the view`, async () => !(await treeRows(pane)).some((r) => r.label === pod), { timeoutMs: 15_000 });
}

/** Right-click the Service row, "Send Request…", accept the prefilled target and origin, send 10: the notification names the pod. */
async function sendRequestFromTree(page, pane, service) {
  const row = pane
    .locator('.monaco-list-row', { has: page.locator('.label-description', { hasText: /ClusterIP/ }) })
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${service}$`) }) })
    .first();
  await row.click({ button: 'right' });
  const title = commandTitle('kubemate.sendRequest').title;
  const item = page.locator('.monaco-menu .action-item', { hasText: title }).first();
  await item.waitFor({ timeout: 10_000 }).catch(() => {
    throw new Error(`no "${title}" in the Service's context menu`);
  });
  await item.click();
  const quickInput = page.locator('.quick-input-widget');
  const input = quickInput.locator('input').first();
  await retry('the target prefilled with the Service name and port', async () => /k8s-combat:8081/.test(await input.inputValue()), { timeoutMs: 10_000 });
  await page.keyboard.press('Enter');
  await retry('the origin pick', async () => (await quickInput.innerText()).includes(ui('From a temporary pod in namespace {0}').replace('{0}', 'default')), {
    timeoutMs: 10_000,
  });
  await page.keyboard.press('Enter');
  await retry('the count input', async () => (await input.inputValue()) === '1', { timeoutMs: 10_000 });
  await input.fill('10');
  await page.keyboard.press('Enter');
  const toast = page
    .locator('.notifications-toasts .notification-list-item', {
      hasText: new RegExp(escapeRe(ui('{0}: answered by pod {1}.')).replace('\\{0\\}', '.*').replace('\\{1\\}', 'default/k8s-combat-\\S+')),
    })
    .first();
  await toast.waitFor({ timeout: 15_000 }).catch(() => {
    throw new Error('no notification naming the pod that answered the request');
  });
  return (await toast.locator('.notification-list-item-message').innerText()).trim();
}

function activationLogLine(dirs) {
  const re = new RegExp(`_doActivateExtension ${EXTENSION_ID.replace('.', '\\.')}`);
  return extHostLogLines(dirs, re)[0] ?? null;
}

const guard = setTimeout(() => {
  console.error(`E2E FAILED: still running after ${TIMEOUT_MS / 1000}s`);
  killStartedServers();
  process.exit(2);
}, TIMEOUT_MS);
guard.unref();

main().catch((err) => {
  console.error(`E2E FAILED: ${err.stack ?? err}`);
  process.exitCode = 1;
});
