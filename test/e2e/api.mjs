// Driver for the extension-host (API) suite in code-server: loads this
// repository as the development extension and out/test/e2e/suite/index.js as
// the tests, the way @vscode/test-electron would on the desktop. code-server's
// web workbench only honours these payload keys with the server flag
// `--vscode-option enable-smoke-test-driver`. The host's exit code says
// nothing (it is 0 even when tests fail), so the suite writes a results file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, EXAMPLES, API_SUITE } from './lib/paths.mjs';
import { makeProfile, startServer } from './lib/server.mjs';
import { openPage } from './lib/browser.mjs';
import { until, openWorkbench } from './lib/workbench.mjs';
import { Runner, ms } from './lib/runner.mjs';

/**
 * @param {object} o
 * @param {import('playwright-core').Browser} o.browser
 * @param {string} o.runDir temp dir for this run's profile
 * @param {string} o.outDir test-results folder for logs and screenshots
 * @returns {Promise<Runner>} one runner step per extension-host test
 */
export async function runApiSuite({ browser, runDir, outDir }) {
  let page;
  const runner = new Runner(outDir, () => page);
  const resultsFile = path.join(runDir, 'api-results.json');
  let server;
  let session;
  try {
    if (!fs.existsSync(API_SUITE)) throw new Error(`${path.relative(ROOT, API_SUITE)} is missing; run tsc -p tsconfig.test.json`);
    const profile = makeProfile(path.join(runDir, 'api'));
    server = await startServer({ profile, logFile: path.join(outDir, 'api-server.log'), smokeTestDriver: true });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(API_SUITE)],
      ['extensionEnvironment', JSON.stringify({ LINALG_LENS_TEST_RESULTS: resultsFile })],
    ];
    session = await openPage(browser, path.join(outDir, 'api-console.log'));
    page = session.page;
    const t0 = performance.now();
    await openWorkbench(page, server, EXAMPLES, payload);
    const results = await until('the extension-host suite to write its results', () => fs.existsSync(resultsFile) && JSON.parse(fs.readFileSync(resultsFile, 'utf8')), {
      timeout: 180_000,
      interval: 250,
    });
    console.log(`      ${results.host.vscodeVersion} (${results.host.uiKind}, Node ${results.host.node}), suite finished ${ms(performance.now() - t0)} after page load started`);
    if (results.tests.length === 0) throw new Error('the extension-host suite ran no tests');
    for (const t of results.tests) {
      runner.results.push({ name: t.title, ok: t.state !== 'failed', ms: t.durationMs, error: t.error });
      const mark = t.state === 'failed' ? '✗' : t.state === 'pending' ? '-' : '✓';
      console.log(`  ${mark} ${t.title} (${ms(t.durationMs)})${t.error ? `\n      ${t.error.split('\n').slice(0, 6).join('\n      ')}` : ''}`);
    }
  } catch (e) {
    const shot = path.join(outDir, 'FAILED-api-suite.png');
    if (page) await page.screenshot({ path: shot }).catch(() => undefined);
    runner.results.push({ name: 'extension-host suite', ok: false, ms: 0, error: e.message, screenshot: shot });
    console.log(`  ✗ extension-host suite\n      ${e.message}\n      screenshot: ${path.relative(process.cwd(), shot)}`);
  } finally {
    if (page) await page.screenshot({ path: path.join(outDir, 'api-final.png') }).catch(() => undefined);
    await session?.close().catch(() => undefined);
    await server?.stop();
  }
  return runner;
}
