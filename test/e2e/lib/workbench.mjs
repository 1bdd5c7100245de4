// Small, explicit helpers for driving the VS Code workbench in code-server.
// Every helper waits for an observable result (a status bar text, a tab, a
// DOM attribute) instead of sleeping, which is what keeps the suite stable.

/** Polls `fn` until it returns a truthy value; on timeout throws, naming `what` (a string or a function giving one) and the last error. */
export async function until(what, fn, { timeout = 15_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const label = typeof what === 'function' ? what() : what;
      throw new Error(`timed out after ${timeout} ms waiting for ${label}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The address that opens `folder` in the workbench, with an optional payload (array of [key, value]). */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Loads the workbench on `folder` and waits until the explorer shows it. */
export async function openWorkbench(page, server, folder, payload) {
  await page.goto(workbenchUrl(server, folder, payload));
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout: 60_000 });
}

/** The tab (in any editor group) for `label` (its aria-label starts with it, e.g. "svd_basics.py" or "LinAlg Lens: SVD"). */
export function tab(page, label) {
  return page.locator(`.tabs-container .tab[aria-label^="${label.replace(/"/g, '\\"')}"]`);
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Opens a workspace file by its path relative to the folder and waits until its
 * editor is active and shows `expectText`. Top-level files are clicked in the
 * Explorer (fast); others go through Quick Open (Ctrl+P), whose first file
 * search takes several seconds.
 */
export async function openFile(page, relPath, expectText) {
  const name = relPath.split('/').pop();
  if (!relPath.includes('/')) {
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).click({ timeout: 20_000 });
  } else {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(relPath);
    await page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: name })
      .waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');
  }
  await tab(page, name).and(page.locator('.active')).first().waitFor({ state: 'visible', timeout: 20_000 });
  if (expectText) {
    await page.locator('.editor-instance .view-lines', { hasText: expectText }).first().waitFor({ state: 'visible' });
  }
}

/** Makes the text editor of `fileName` the active, focused editor. */
export async function focusEditor(page, fileName) {
  await tab(page, fileName).first().click();
  await until(`${fileName} to be the focused editor`, async () =>
    page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')),
  );
}

/** Text of the editor's cursor/selection status bar item, e.g. "Ln 4, Col 14 (26 selected)". */
export async function cursorStatus(page) {
  return (await page.locator('#status\\.editor\\.selection').textContent({ timeout: 5000 })) ?? '';
}

/** Puts the cursor at 1-based `line`:`column` with Go to Line (Ctrl+G) and checks the status bar. */
export async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`); // Go to Line is Quick Open with a ":" prefix
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await until(`cursor at Ln ${line}, Col ${column}`, async () => (await cursorStatus(page)).startsWith(`Ln ${line}, Col ${column}`), {
    timeout: 5000,
  });
}

/** Selects `length` characters to the right of the cursor (same line) and checks the count. */
export async function selectRight(page, length) {
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
  await until(`${length} characters selected`, async () => (await cursorStatus(page)).includes(`(${length} selected)`), { timeout: 5000 });
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
export function locate(text, needle) {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not found in the file`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * In an open Quick Input list, moves the focus to the row labelled exactly `label`
 * and presses Enter. Fuzzy ranking can put another row first ("Browse Color
 * Themes…" above "Color Theme"), so we check which row is focused before Enter.
 */
export async function chooseQuickPick(page, label) {
  const exact = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) }) });
  await exact.first().waitFor({ state: 'visible', timeout: 10_000 });
  for (let i = 0; i < 20; i++) {
    if (await exact.and(page.locator('.focused')).count()) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not focus the Quick Input row "${label}"`);
}

/** Runs a command by its palette title (F1) and waits for the palette to close. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await chooseQuickPick(page, title);
  await input.waitFor({ state: 'hidden' });
}

/** The outer webview iframe that is currently visible (one panel on screen). */
export function visibleWebviewHost(page) {
  return page.locator('iframe.webview.ready').filter({ visible: true }).first();
}

/** The document inside the visible webview: iframe.webview.ready → #active-frame. */
export function webview(page) {
  return visibleWebviewHost(page).contentFrame().locator('#active-frame').contentFrame();
}

/** Visible notification toasts whose message matches `re`. */
export function toast(page, re) {
  return page.locator('.notifications-toasts .notification-list-item-message').filter({ hasText: re });
}

/** Closes every visible notification toast (so one test's message can't satisfy the next). */
export async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await until('no notification toasts', async () => (await page.locator('.notifications-toasts .notification-list-item').count()) === 0, {
    timeout: 5000,
  });
}

/** The workbench theme kind from its root classes: 'light' | 'dark' | 'hc-dark' | 'hc-light'. */
export async function workbenchThemeKind(page) {
  const cls = (await page.locator('.monaco-workbench').getAttribute('class')) ?? '';
  if (/\bhc-black\b/.test(cls)) return 'hc-dark';
  if (/\bhc-light\b/.test(cls)) return 'hc-light';
  if (/\bvs-dark\b/.test(cls)) return 'dark';
  if (/\bvs\b/.test(cls)) return 'light';
  return 'unknown';
}

/**
 * Switches the colour theme the way a user does: F1 → "Preferences: Color Theme",
 * type the theme's label, Enter. (Rewriting settings.json on disk is not picked
 * up reliably by a running code-server, so the harness does not rely on it.)
 */
export async function setColorTheme(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Preferences: Color Theme');
  await chooseQuickPick(page, 'Preferences: Color Theme');
  // The palette is replaced by the theme picker: wait for its rows before typing.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: /Modern|High Contrast/ }).first().waitFor({ state: 'visible' });
  await input.fill(label);
  await chooseQuickPick(page, label);
  await input.waitFor({ state: 'hidden' });
}
