// The user-level end-to-end suite: the packaged .vsix installed into a fresh
// code-server, driven in headless Chromium exactly as a user would drive it —
// command palette, editor context menu, keyboard selection — and checked in
// the results panel's DOM. Screenshots of the panel are saved on every run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, VSIX } from './lib/paths.mjs';
import { makeProfile, installVsix, startServer } from './lib/server.mjs';
import { openPage } from './lib/browser.mjs';
import {
  until,
  openWorkbench,
  openFile,
  focusEditor,
  goTo,
  selectRight,
  cursorStatus,
  locate,
  runCommand,
  tab,
  webview,
  visibleWebviewHost,
  toast,
  clearNotifications,
  workbenchThemeKind,
  setColorTheme,
} from './lib/workbench.mjs';
import { Runner } from './lib/runner.mjs';

const COMMAND = 'LinAlg Lens: Compute SVD';
const PANEL_TITLE = 'LinAlg Lens: SVD';
const BASICS = 'svd_basics.py';
const ODD = 'odd_inputs.py';

/** Singular values of a matrix with two rows or two columns, from its 2×2 Gram matrix [[a, b], [b, c]]. */
function sv2(a, b, c) {
  const mean = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  return [Math.sqrt(mean + r), Math.sqrt(Math.max(mean - r, 0))];
}

/** The literals the suite works on, all taken from examples/ (the lead's example workspace). */
const CASES = {
  // "A symmetric 2x2: its singular values are 4 and 2."
  A: { file: BASICS, text: 'np.array([[3, 1], [1, 3]])', S: [4, 2] },
  // [[4, 0], [3, -5]]: AᵀA = [[25, -15], [-15, 25]]
  M: { file: BASICS, text: '[[4, 0], [3, -5]]', S: sv2(25, -15, 25) },
  // [[1, 0, 2, -1], [0, 3, -1, 1]]: AAᵀ = [[6, -3], [-3, 11]]
  W: { file: BASICS, text: 'np.array([[1, 0, 2, -1], [0, 3, -1, 1]])', S: sv2(6, -3, 11) },
  ragged: { file: ODD, text: 'np.array([[1, 2, 3], [4, 5]])' },
};

// Theme labels as the Color Theme picker of VS Code 1.139 shows them.
// Dark first: the fresh profile starts light, so every step is a real switch.
const THEMES = [
  { name: 'dark', label: 'Dark Modern', kind: 'dark', bodyClass: 'vscode-dark' },
  { name: 'light', label: 'Light Modern', kind: 'light', bodyClass: 'vscode-light' },
  { name: 'high-contrast', label: 'Dark High Contrast', kind: 'hc-dark', bodyClass: 'vscode-high-contrast' },
];

function where(c) {
  const text = fs.readFileSync(path.join(EXAMPLES, c.file), 'utf8');
  return locate(text, c.text);
}

function close(actual, expected, tol = 1e-9) {
  return actual.length === expected.length && actual.every((v, i) => Math.abs(v - expected[i]) <= tol * Math.max(1, Math.abs(expected[i])));
}

/** Waits until the panel's singular values equal `expected`; returns them. */
async function expectSingularValues(page, expected) {
  const sv = webview(page).locator('[data-testid="singular-values"]');
  let last = '(none)';
  await until(() => `singular values ${JSON.stringify(expected)} in the panel (last seen ${last})`, async () => {
    last = (await sv.getAttribute('data-values', { timeout: 1000 })) ?? '(no data-values)';
    return close(JSON.parse(last), expected);
  }, { timeout: 20_000 });
  return JSON.parse(last);
}

async function expectPanelComplete(page) {
  const view = webview(page);
  await view.locator('[data-testid="verification"]').waitFor({ state: 'visible' });
  await until('KaTeX output in the panel', async () => (await view.locator('.katex').count()) > 0, { timeout: 10_000 });
  const shown = (await view.locator('[data-testid="singular-values"]').innerText()).trim();
  if (!shown) throw new Error('the singular values element is empty');
  await until(`exactly one "${PANEL_TITLE}" tab`, async () => (await tab(page, PANEL_TITLE).count()) === 1, { timeout: 5000 });
}

/** Selects the literal of `c` with the keyboard (Go to Line/Column, then Shift+Right). */
async function selectLiteral(page, c) {
  await focusEditor(page, c.file);
  const { line, column } = where(c);
  await goTo(page, line, column);
  await selectRight(page, c.text.length);
}

async function shotPanel(page, outDir, name) {
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  await visibleWebviewHost(page).screenshot({ path: path.join(outDir, `${name}-panel.png`) });
}

/** DOM rectangle centre of `needle` on the visible editor line that contains it (Monaco may merge tokens, so use a Range). */
async function textPoint(page, needle) {
  return page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.editor-instance .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let full = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, start: full.length });
        full += n.textContent.replace(/\u00a0/g, ' ');
      }
      const at = full.indexOf(needle);
      if (at < 0) continue;
      const pick = (offset) => {
        const hit = nodes.findLast((x) => x.start <= offset);
        return [hit.node, offset - hit.start];
      };
      const range = document.createRange();
      range.setStart(...pick(at));
      range.setEnd(...pick(at + needle.length - 1));
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, needle);
}

/**
 * @param {object} o
 * @param {import('playwright-core').Browser} o.browser
 * @param {string} o.runDir temp dir for this run's profile
 * @param {string} o.outDir test-results folder for screenshots and logs
 */
export async function runUiSuite({ browser, runDir, outDir }) {
  let page;
  const runner = new Runner(outDir, () => page);
  let server;
  let session;
  let profile;
  try {
    await runner.step('install the .vsix into a fresh extensions dir', async () => {
      profile = makeProfile(path.join(runDir, 'ui'));
      await installVsix(profile, VSIX);
    }, { setup: true });

    await runner.step('start code-server (--auth none, 127.0.0.1, free port)', async () => {
      server = await startServer({ profile, logFile: path.join(outDir, 'ui-server.log') });
      console.log(`      ${server.url} (pid ${server.pid})`);
    }, { setup: true });

    await runner.step('open the examples/ workspace in Chromium', async () => {
      session = await openPage(browser, path.join(outDir, 'ui-console.log'));
      page = session.page;
      page.setDefaultTimeout(15_000);
      await openWorkbench(page, server, EXAMPLES);
    }, { setup: true });

    await runner.step(`open ${BASICS}`, async () => {
      await openFile(page, BASICS, 'import numpy as np');
    }, { setup: true });

    await runner.step('selected literal → Compute SVD (F1) shows singular values 4 and 2', async () => {
      await selectLiteral(page, CASES.A);
      await runCommand(page, COMMAND);
      await tab(page, PANEL_TITLE).first().waitFor({ state: 'visible', timeout: 20_000 });
      await expectSingularValues(page, CASES.A.S);
      await expectPanelComplete(page);
      await shotPanel(page, outDir, 'svd-selection');
    });

    await runner.step('cursor inside a literal (no selection) → SVD of that literal', async () => {
      await focusEditor(page, BASICS);
      const { line, column } = where(CASES.M);
      await goTo(page, line, column + CASES.M.text.indexOf('3')); // on the "3", inside the literal
      if ((await cursorStatus(page)).includes('selected')) throw new Error('expected no selection');
      await runCommand(page, COMMAND);
      await expectSingularValues(page, CASES.M.S);
      await expectPanelComplete(page);
      await shotPanel(page, outDir, 'svd-cursor');
    });

    await runner.step('a different literal re-run updates the same panel', async () => {
      const before = await webview(page).locator('[data-testid="singular-values"]').getAttribute('data-values');
      await selectLiteral(page, CASES.W);
      await runCommand(page, COMMAND);
      const after = await expectSingularValues(page, CASES.W.S);
      if (JSON.stringify(after) === before) throw new Error('the panel still shows the previous values');
      await expectPanelComplete(page);
    });

    await runner.step('editor context menu offers "Compute SVD" and runs it', async () => {
      await focusEditor(page, BASICS);
      const { line } = where(CASES.A);
      await goTo(page, line, 1);
      const point = await until('the literal on screen', () => textPoint(page, '[[3, 1], [1, 3]]'));
      await page.mouse.click(point.x, point.y, { button: 'right' });
      const item = page.locator('.monaco-menu .action-item .action-label', { hasText: /^Compute SVD$/ });
      await item.waitFor({ state: 'visible', timeout: 10_000 });
      await page.screenshot({ path: path.join(outDir, 'context-menu.png') });
      await item.click();
      await expectSingularValues(page, CASES.A.S);
    });

    await runner.step('bad input (ragged rows) → error message, file not modified', async () => {
      const file = path.join(EXAMPLES, CASES.ragged.file);
      const onDisk = fs.readFileSync(file, 'utf8');
      await clearNotifications(page);
      await openFile(page, CASES.ragged.file, 'Ragged rows');
      await selectLiteral(page, CASES.ragged);
      await runCommand(page, COMMAND);
      const message = toast(page, /LinAlg Lens:/);
      await message.first().waitFor({ state: 'visible', timeout: 15_000 });
      const text = await message.first().innerText();
      const error = webview(page).locator('[data-testid="error"]');
      await error.waitFor({ state: 'visible', timeout: 10_000 });
      const errorText = (await error.innerText()).trim();
      if (!errorText) throw new Error('the error state is empty');
      console.log(`      notification: ${text.replace(/\s+/g, ' ')}`);
      console.log(`      panel error:  ${errorText.replace(/\s+/g, ' ')}`);
      await shotPanel(page, outDir, 'bad-input');
      const t = tab(page, CASES.ragged.file).first();
      if (/\bdirty\b/.test((await t.getAttribute('class')) ?? '')) throw new Error(`${CASES.ragged.file} is marked modified`);
      if (fs.readFileSync(file, 'utf8') !== onDisk) throw new Error(`${CASES.ragged.file} changed on disk`);
      await clearNotifications(page);
    });

    for (const theme of THEMES) {
      await runner.step(`${theme.name} theme: panel renders (screenshot theme-${theme.name}.png)`, async () => {
        await setColorTheme(page, theme.label);
        await until(`workbench theme ${theme.kind}`, async () => (await workbenchThemeKind(page)) === theme.kind, { timeout: 15_000 });
        await selectLiteral(page, CASES.A);
        await runCommand(page, COMMAND);
        await expectSingularValues(page, CASES.A.S);
        await expectPanelComplete(page);
        await until(`webview body class ${theme.bodyClass}`, async () =>
          ((await webview(page).locator('body').getAttribute('class')) ?? '').split(/\s+/).includes(theme.bodyClass),
        );
        await page.mouse.move(5, 5); // no hover or tooltip over the screenshot
        await shotPanel(page, outDir, `theme-${theme.name}`);
      });
    }

    await runner.step('"Copy U" and "Copy S" put NumPy code on the clipboard (U 2-D, S 1-D as numpy returns it)', async () => {
      await selectLiteral(page, CASES.A);
      await runCommand(page, COMMAND);
      await expectSingularValues(page, CASES.A.S);
      await webview(page).locator('button[data-copy="U"]').click();
      const status = page.locator('.statusbar-item', { hasText: 'copied U as NumPy' });
      await status.first().waitFor({ state: 'visible', timeout: 10_000 });
      const num = '-?\\d[\\d.e+-]*';
      const u = await page.evaluate(() => navigator.clipboard.readText());
      if (!new RegExp(`^U = np\\.array\\(\\[\\[${num}, ${num}\\],\\s+\\[${num}, ${num}\\]\\]\\)$`).test(u)) throw new Error(`clipboard after Copy U: ${JSON.stringify(u)}`);
      await webview(page).locator('button[data-copy="S"]').click();
      await page.locator('.statusbar-item', { hasText: 'copied S as NumPy' }).first().waitFor({ state: 'visible', timeout: 10_000 });
      const s = await page.evaluate(() => navigator.clipboard.readText());
      const m = new RegExp(`^S = np\\.array\\(\\[(${num}), (${num})\\]\\)$`).exec(s);
      if (!m || Math.abs(Number(m[1]) - 4) > 1e-12 || Math.abs(Number(m[2]) - 2) > 1e-12) throw new Error(`clipboard after Copy S: ${JSON.stringify(s)}`);
    });

    await runner.step('the panel comes back after a window reload', async () => {
      await selectLiteral(page, CASES.W);
      await runCommand(page, COMMAND);
      await expectSingularValues(page, CASES.W.S);
      // "Developer: Reload Window" is what users run; it shuts the workbench down
      // properly (state flushed) before the page loads again.
      const reloaded = page.waitForEvent('load', { timeout: 60_000 });
      await runCommand(page, 'Developer: Reload Window').catch(() => undefined); // the palette goes away with the page
      await reloaded;
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await tab(page, PANEL_TITLE).first().waitFor({ state: 'visible', timeout: 30_000 });
      await tab(page, PANEL_TITLE).first().click();
      await expectSingularValues(page, CASES.W.S);
      await expectPanelComplete(page);
      await shotPanel(page, outDir, 'after-reload');
    });

    await runner.step('no Content-Security-Policy violations or page errors in the console', async () => {
      const bad = session.errors.filter((e) => /Content Security Policy|Refused to|Uncaught/i.test(e));
      if (bad.length) throw new Error(bad.slice(0, 5).join('\n'));
    });
  } catch (e) {
    if (e?.constructor?.name !== 'SetupFailed') throw e;
  } finally {
    if (page) await page.screenshot({ path: path.join(outDir, 'ui-final.png') }).catch(() => undefined);
    await session?.close().catch(() => undefined);
    await server?.stop();
  }
  return runner;
}
