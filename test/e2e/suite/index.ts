/**
 * Entry point of the extension-host test suite, in the shape @vscode/test-electron
 * expects for `extensionTestsPath`: a module exporting `run()`.
 *
 * The same compiled file runs in two hosts:
 * - code-server's remote extension host (scripts/e2e.mjs, via the workbench's
 *   `extensionTestsPath` payload). There the host exits with code 0 whether or not
 *   tests fail, so `run()` also writes a results file that the driver polls.
 * - desktop VS Code (test/desktop/runDesktop.ts), where a rejected `run()` is
 *   what fails the run.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** One test as reported in the results file. */
export interface TestOutcome {
  /** Suite and test title joined, as mocha's fullTitle(). */
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  /** The failure's message and stack, for failed tests. */
  error?: string;
}

/** Contents of the file named by LINALG_LENS_TEST_RESULTS. */
export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  tests: TestOutcome[];
  /** Environment the suite ran in, to make reports self-explaining. */
  host: { vscodeVersion: string; uiKind: string; node: string };
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  const tests: TestOutcome[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      writeResults({
        passes: tests.filter((t) => t.state === 'passed').length,
        failures: tests.filter((t) => t.state === 'failed').length,
        pending: tests.filter((t) => t.state === 'pending').length,
        tests,
        host: hostInfo(),
      });
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending', durationMs: 0 }));
    runner.on('fail', (t, err: Error) =>
      tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: err.stack ?? err.message }),
    );
  });
}

function hostInfo(): SuiteResults['host'] {
  return { vscodeVersion: vscode.version, uiKind: vscode.UIKind[vscode.env.uiKind], node: process.version };
}

function writeResults(results: SuiteResults): void {
  const file = process.env.LINALG_LENS_TEST_RESULTS;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so the polling driver never reads half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
