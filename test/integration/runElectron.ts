// Runs the integration suite in desktop VS Code downloaded by @vscode/test-electron — for machines
// that can reach the VS Code download service (this build machine cannot: it uses runCodeServer.mjs).
// usage: npm run test:integration:electron   (env VSCODE_VERSION: 'stable' by default, or e.g. '1.91.0')
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // Bundled to out/integration/runElectron.js: the repository is two levels up.
  const repo = resolve(__dirname, '../..');
  const root = mkdtempSync(join(tmpdir(), 'kubemate-electron-'));
  const workspace = join(root, 'workspace');
  cpSync(join(repo, 'test/fixtures/integration-workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath: join(repo, 'out/integration/suite/index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions', // only KubeMate (and VS Code's built-ins)
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        join(root, 'user-data'),
        '--extensions-dir',
        join(root, 'extensions'),
      ],
      extensionTestsEnv: { KUBEMATE_TEST_RESULT: join(root, 'result.json') },
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error('integration tests failed:', err);
  process.exit(1);
});
