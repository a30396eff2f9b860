// Preloaded (`node --require`) into the language server by test/lsp/untrustedWorkspace.test.ts:
// records every process start and every file-system write of the process to the file named by
// KUBEMATE_EFFECTS_LOG (one "spawn <command>" or "write <path>" line each), then lets it happen.
const fs = require('node:fs');
const childProcess = require('node:child_process');
const log = process.env.KUBEMATE_EFFECTS_LOG;
const append = fs.appendFileSync.bind(fs);
let recording = false;
// appendFileSync itself calls the (wrapped) writeFileSync: record only the outermost call.
const record = (line) => {
  if (recording) return;
  recording = true;
  try {
    append(log, line + '\n');
  } finally {
    recording = false;
  }
};
const pathOf = (p) => (typeof p === 'string' ? p : p instanceof URL ? p.pathname : Buffer.isBuffer(p) ? p.toString() : typeof p === 'number' ? `fd:${p}` : String(p));

for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const original = childProcess[name];
  childProcess[name] = function (command, ...rest) {
    record(`spawn ${command}`);
    return original.call(this, command, ...rest);
  };
}

const writers = ['writeFile', 'appendFile', 'rename', 'mkdir', 'unlink', 'rm', 'rmdir', 'copyFile', 'symlink', 'link', 'truncate', 'chmod', 'utimes'];
const wrap = (target, name) => {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function (p, ...rest) {
    record(`write ${pathOf(p)}`);
    return original.call(this, p, ...rest);
  };
};
for (const w of writers) {
  wrap(fs, w);
  wrap(fs, `${w}Sync`);
  wrap(fs.promises, w);
}
const writeFlag = (flags) => typeof flags === 'string' && /[wa+]/.test(flags);
for (const name of ['open', 'openSync']) {
  const original = fs[name];
  fs[name] = function (p, flags, ...rest) {
    if (writeFlag(flags)) record(`write ${pathOf(p)}`);
    return original.call(this, p, flags, ...rest);
  };
}
const originalStream = fs.createWriteStream;
fs.createWriteStream = function (p, ...rest) {
  record(`write ${pathOf(p)}`);
  return originalStream.call(this, p, ...rest);
};
