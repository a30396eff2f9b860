// Entry point the extension host loads (extensionTestsPath), the @vscode/test-electron contract:
// export run(): Promise<void>, rejected when a test fails. Both runners use it: runElectron.ts
// (desktop VS Code) and runCodeServer.mjs (code-server, where it reports through the workbench).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 60_000,
    // KUBEMATE_TEST_GREP narrows the run while debugging one test.
    ...(process.env.KUBEMATE_TEST_GREP ? { grep: process.env.KUBEMATE_TEST_GREP } : {}),
  });
  // Alphabetical: activation runs first, on a host where KubeMate has not been activated yet.
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        // A machine-readable result for the runner, besides the exit code the host reports.
        if (process.env.KUBEMATE_TEST_RESULT) {
          const passes = runner.stats?.passes ?? 0;
          writeFileSync(process.env.KUBEMATE_TEST_RESULT, JSON.stringify({ passes, failures, at: new Date().toISOString() }));
        }
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
