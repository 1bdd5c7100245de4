#!/usr/bin/env node
// Regenerates the README's product image, docs/images/results-panel.png: the
// packaged extension in a fresh code-server, the SVD of a literal from
// examples/svd_basics.py in the default light theme. Run after `npm run package`.
// (Test runs write their screenshots to test-results/, which is never committed.)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXAMPLES, ROOT, VSIX } from '../test/e2e/lib/paths.mjs';
import { makeProfile, installVsix, startServer } from '../test/e2e/lib/server.mjs';
import { launchBrowser, openPage } from '../test/e2e/lib/browser.mjs';
import { openWorkbench, openFile, focusEditor, goTo, locate, runCommand, webview, until } from '../test/e2e/lib/workbench.mjs';

const out = path.join(ROOT, 'docs', 'images', 'results-panel.png');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linalg-lens-shot-'));
const profile = makeProfile(dir);
await installVsix(profile, VSIX);
const server = await startServer({ profile, logFile: path.join(dir, 'server.log') });
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, path.join(dir, 'console.log'));
  await openWorkbench(page, server, EXAMPLES);
  await openFile(page, 'pca_and_lora.py', 'import numpy as np');
  const text = fs.readFileSync(path.join(EXAMPLES, 'pca_and_lora.py'), 'utf8');
  const start = locate(text, 'np.array([\n    [0.2');
  await focusEditor(page, 'pca_and_lora.py');
  await goTo(page, start.line, start.column + 3);
  await runCommand(page, 'LinAlg Lens: Compute SVD');
  await webview(page).locator('[data-testid="verification"]').waitFor({ state: 'visible', timeout: 30_000 });
  await until('KaTeX rendered', async () => (await webview(page).locator('.katex').count()) > 3);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(500);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${path.relative(ROOT, out)}`);
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
