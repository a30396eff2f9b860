// Preloaded into the language server by the soak test (`node --expose-gc --require
// scripts/heapProbe.cjs dist/server.js --stdio`): answers on file descriptor 3, so the LSP
// pipes are untouched. `heap\n` → a full GC, then process.memoryUsage() as one JSON line;
// `snapshot <path>\n` → a full GC, then v8.writeHeapSnapshot(path) and `{"snapshot": path}`.
'use strict';
const net = require('node:net');
const v8 = require('node:v8');

let probe;
try {
  probe = new net.Socket({ fd: 3, readable: true, writable: true });
} catch {
  probe = undefined; // started without the probe pipe: nothing to answer
}
if (probe) {
  probe.unref();
  probe.on('error', () => undefined);
  let buffered = '';
  probe.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      answer(line);
    }
  });
}

function fullGc() {
  if (typeof global.gc !== 'function') return;
  // Twice: the first pass can leave finalizers and weak callbacks for the second.
  global.gc();
  global.gc();
}

function answer(line) {
  fullGc();
  if (line.startsWith('snapshot ')) {
    const path = v8.writeHeapSnapshot(line.slice('snapshot '.length));
    probe.write(JSON.stringify({ snapshot: path }) + '\n');
  } else {
    probe.write(JSON.stringify(process.memoryUsage()) + '\n');
  }
}
