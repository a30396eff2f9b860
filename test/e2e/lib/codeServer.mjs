// Runs a real VS Code (code-server: the VS Code workbench in a browser, with a Node extension host)
// on loopback and drives it with Debian's Chromium through playwright-core. Shared by the UI test
// (test/e2e/runE2e.mjs), the mocha runner (test/integration/runCodeServer.mjs) and
// scripts/measureActivation.mjs. The recipe (Node 24, smoke-test driver, vscode-remote URIs) is the
// one ../shared/docs/E2E.md describes as working on this machine kind.
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_ID = 'kubemate.kubemate';

/** Paths of code-server, Node 24 and Chromium: from the environment, else from the (cached) installer. */
export function resolveTools() {
  let tools = {
    CODE_SERVER: process.env.CODE_SERVER,
    NODE24_BIN: process.env.NODE24_BIN,
    CHROMIUM: process.env.CHROMIUM,
  };
  if (!tools.CODE_SERVER || !tools.NODE24_BIN || !tools.CHROMIUM) {
    // Idempotent: a no-op (well under a second) when .kubemate-tools/ has the right versions.
    const out = execFileSync('bash', [path.join(REPO, 'scripts/installE2eTools.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const found = Object.fromEntries(
      out
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    tools = { ...found, ...Object.fromEntries(Object.entries(tools).filter(([, v]) => v)) };
  }
  for (const [k, v] of Object.entries(tools)) {
    if (!v || !fs.existsSync(v)) throw new Error(`${k} not found (${v}); run scripts/installE2eTools.sh or set ${k}`);
  }
  return tools;
}

/** Settings that keep the workbench quiet and deterministic: no welcome page, chat, tips, updates. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'workbench.colorTheme': 'Default Light Modern',
};

/** Fresh user-data, extensions and workspace folders under one temporary root. */
export function freshDirs(prefix, { settings = {}, argv = null } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    config: path.join(root, 'config.yaml'),
    log: path.join(root, 'code-server.log'),
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  fs.mkdirSync(dirs.workspace, { recursive: true });
  // Our own config, so ~/.config/code-server/config.yaml (password, bind address) is never read or written.
  fs.writeFileSync(dirs.config, 'auth: none\n');
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  if (argv) fs.writeFileSync(path.join(dirs.userData, 'User', 'argv.json'), JSON.stringify(argv, null, 2));
  return dirs;
}

export function removeDirs(dirs) {
  if (process.env.KEEP_TMP) console.log(`kept ${dirs.root}`);
  else fs.rmSync(dirs.root, { recursive: true, force: true });
}

function env(tools, extra = {}) {
  const e = { ...process.env, ...extra, PATH: `${tools.NODE24_BIN}:${process.env.PATH}` };
  // Started from a VS Code terminal these would send the CLI to that editor instead of ours.
  for (const k of ['VSCODE_IPC_HOOK_CLI', 'VSCODE_IPC_HOOK', 'CODE_SERVER_PARENT_PID', 'VSCODE_PROXY_URI', 'PASSWORD', 'HASHED_PASSWORD', 'PORT']) delete e[k];
  return e;
}

const baseArgs = (dirs) => ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

export async function installVsix(tools, dirs, vsix) {
  const { stdout, stderr } = await promisify(execFile)(tools.CODE_SERVER, [...baseArgs(dirs), '--install-extension', vsix, '--force'], {
    env: env(tools),
    timeout: 120_000,
  });
  const out = `${stdout}${stderr}`;
  if (!/successfully installed/i.test(out)) throw new Error(`code-server --install-extension ${vsix} failed:\n${out}`);
  const installed = JSON.parse(fs.readFileSync(path.join(dirs.extensions, 'extensions.json'), 'utf8'));
  if (!installed.some((e) => e.identifier.id === EXTENSION_ID)) throw new Error(`${EXTENSION_ID} missing from extensions.json after install`);
  return out.trim();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function status(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.setTimeout(2000, () => req.destroy(new Error('timeout')));
  });
}

/**
 * Starts code-server on 127.0.0.1:<free port> in its own process group (it starts an extension
 * host, a file watcher and other helpers; stop() kills the whole group) and waits for /healthz.
 */
// Process groups started here and not stopped yet, so a timeout or Ctrl-C can end exactly those.
const running = new Set();

/** Kills the process groups this process started (and only those). */
export function killStartedServers() {
  for (const pid of running) killGroup(pid, 'SIGKILL');
  running.clear();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killStartedServers();
    process.exit(130);
  });
}

export async function startCodeServer(tools, dirs, { extraArgs = [], extraEnv = {}, folder = dirs.workspace, timeoutMs = 60_000 } = {}) {
  const port = await freePort();
  const args = [
    ...baseArgs(dirs),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...extraArgs,
    folder,
  ];
  const out = fs.openSync(dirs.log, 'a');
  const child = spawn(tools.CODE_SERVER, args, { env: env(tools, extraEnv), stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  running.add(child.pid);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const url = `http://127.0.0.1:${port}`;
  const server = {
    port,
    url,
    pid: child.pid,
    async stop() {
      running.delete(child.pid);
      if (exited) return killGroup(child.pid, 'SIGKILL'); // leftovers of the group, if any
      const gone = new Promise((r) => child.once('exit', r));
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
      killGroup(child.pid, 'SIGKILL'); // children that ignored SIGTERM
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited early ${JSON.stringify(exited)}; see ${dirs.log}:\n${tail(dirs.log)}`);
    try {
      if ((await status(`${url}/healthz`)) === 200) return server;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server not healthy within ${timeoutMs / 1000}s; see ${dirs.log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* group already gone */
  }
}

function tail(file, n = 20) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

/** `vscode-remote://` URI of a local path, as the workbench expects it for the server's file system. */
export function remoteUri(server, p) {
  return `vscode-remote://127.0.0.1:${server.port}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(tools, { lang = 'en-US' } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: tools.CHROMIUM, args: [...CHROMIUM_ARGS, `--lang=${lang}`] });
}

/** A page on the workbench's origin that may read the clipboard (see startupPerformance). */
export async function newPage(browser, server, { width = 1440, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

/** Lines of the extension host logs (remoteexthost.log) matching re. */
export function extHostLogLines(dirs, re) {
  const hits = [];
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'remoteexthost.log')
        hits.push(
          ...fs
            .readFileSync(p, 'utf8')
            .split('\n')
            .filter((l) => re.test(l)),
        );
    }
  };
  walk(path.join(dirs.userData, 'logs'));
  return hits;
}

/** Copies code-server's logs (extension host, output channels) next to the test's artifacts. */
export function keepLogs(dirs, dest) {
  fs.mkdirSync(dest, { recursive: true });
  const logs = path.join(dirs.userData, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(dest, 'server-logs'), { recursive: true });
  if (fs.existsSync(dirs.log)) fs.copyFileSync(dirs.log, path.join(dest, 'code-server.log'));
}

/** Step log with timings, printed as it goes and saved as JSON at the end. */
export class Steps {
  constructor() {
    this.t0 = Date.now();
    this.last = this.t0;
    this.list = [];
  }
  mark(name) {
    const now = Date.now();
    const step = { step: name, ms: now - this.last, atMs: now - this.t0 };
    this.list.push(step);
    this.last = now;
    console.log(`[${(step.atMs / 1000).toFixed(1).padStart(5)}s] ${name} (+${step.ms} ms)`);
  }
  total() {
    return Date.now() - this.t0;
  }
}
