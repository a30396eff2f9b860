// Preload for the hostile-input runs: on exit, appends this process's peak resident memory
// (Linux VmHWM, in MB) to the file named by KUBEMATE_RSS_LOG.
'use strict';
const fs = require('node:fs');
process.on('exit', () => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m && process.env.KUBEMATE_RSS_LOG) fs.appendFileSync(process.env.KUBEMATE_RSS_LOG, `${Math.round(Number(m[1]) / 1024)}\n`);
  } catch {
    // not Linux: no figure
  }
});
