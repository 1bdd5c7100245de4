// Headless Debian Chromium driven by playwright-core (no browser download).
import * as fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it (apt-get install chromium) or set LINALG_LENS_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', // required when running as root (CI)
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Noise every code-server page logs that says nothing about the extension (see docs/testing.md). */
const HARMLESS = [
  /open-vsx\.org/i,
  /ENOTFOUND/,
  /vsda/,
  /Could not locate the bindings file/, // light install: @vscode/spdlog not built
  /build\/Release\/watchdog/, // light install: @vscode/native-watchdog not built
  /document selector without scheme/i,
  /favicon/i,
];

/**
 * A fresh context + page whose console goes to `logFile`. Returns the page and
 * a list that collects console errors not on the harmless list.
 */
export async function openPage(browser, logFile) {
  // Clipboard permissions let the copy steps read back what the extension wrote.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const out = fs.createWriteStream(logFile, { flags: 'a' });
  const errors = [];
  const listeners = [];
  page.on('console', (msg) => {
    const text = msg.text();
    out.write(`[${msg.type()}] ${text}\n`);
    if (msg.type() === 'error' && !HARMLESS.some((re) => re.test(text))) errors.push(text);
    for (const l of listeners) l(msg.type(), text);
  });
  page.on('pageerror', (err) => {
    out.write(`[pageerror] ${err.stack ?? err.message}\n`);
    errors.push(String(err.message));
  });
  return {
    context,
    page,
    errors,
    /** Calls fn(type, text) for every later console message. */
    onConsole: (fn) => listeners.push(fn),
    close: async () => {
      await context.close();
      out.end();
    },
  };
}
