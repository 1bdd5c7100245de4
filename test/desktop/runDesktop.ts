/**
 * Runs the extension-host suite (test/e2e/suite) in desktop VS Code through
 * @vscode/test-electron, for contributors who have desktop VS Code or a network
 * connection that can download it. `npm test` does not run this: the CI machine
 * cannot download VS Code, and runs the same suite in code-server instead
 * (npm run test:e2e).
 *
 * Usage: npm run test:desktop
 *   LINALG_LENS_VSCODE_EXECUTABLE=/path/to/code   use an installed VS Code instead of downloading
 *   LINALG_LENS_VSCODE_VERSION=1.139.1            version to download (default: stable)
 */
import * as fs from 'fs';
import * as path from 'path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';

/** out/test/desktop → repository root */
const ROOT = path.resolve(__dirname, '../../..');

async function main(): Promise<number> {
  const extensionTestsPath = path.join(ROOT, 'out/test/e2e/suite/index.js');
  const resultsFile = path.join(ROOT, 'test-results/desktop-api-results.json');
  const vscodeExecutablePath = process.env.LINALG_LENS_VSCODE_EXECUTABLE || undefined;
  fs.rmSync(resultsFile, { force: true });
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      vscodeExecutablePath,
      version: vscodeExecutablePath ? undefined : process.env.LINALG_LENS_VSCODE_VERSION || 'stable',
      timeout: 30_000,
      launchArgs: [path.join(ROOT, 'examples'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { LINALG_LENS_TEST_RESULTS: resultsFile },
    });
    console.log(`desktop API suite passed (results: ${path.relative(ROOT, resultsFile)})`);
    return 0;
  } catch (e) {
    if (e instanceof TestRunFailedError) {
      console.error(`desktop API suite failed: ${e.message} (results: ${path.relative(ROOT, resultsFile)})`);
      return 1;
    }
    const why = e instanceof Error ? e.message : String(e);
    console.error(
      [
        `Could not ${vscodeExecutablePath ? `start VS Code at ${vscodeExecutablePath}` : 'download desktop VS Code'}: ${why}`,
        'This machine is probably offline or cannot reach update.code.visualstudio.com.',
        'Either set LINALG_LENS_VSCODE_EXECUTABLE to an installed VS Code binary, or run the same suite',
        'in code-server with `npm run test:e2e` (what `npm test` and CI do).',
      ].join('\n'),
    );
    return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
