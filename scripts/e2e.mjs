#!/usr/bin/env node
// End-to-end tests of LinAlg Lens in a real VS Code (code-server) in headless
// Chromium. Two layers, both against a fresh editor profile in a temp folder:
//   ui   the packaged .vsix, installed with --install-extension, driven through
//        the workbench UI (test/e2e/ui.mjs)
//   api  the mocha suite test/e2e/suite inside code-server's extension host, with
//        this repository as the development extension (test/e2e/api.mjs)
// Screenshots, server logs and browser console logs of every run land in
// test-results/e2e/ (replaced on each run).
//
// Usage: node scripts/e2e.mjs [--only ui|api] [--skip-package] [--keep]
//   --only          run one layer
//   --skip-package  reuse dist/linalg-lens.vsix and out/ from an earlier run
//   --keep          keep the temp folder with the editor profiles (its path is printed)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, RESULTS, VSIX, CHROMIUM, NODE24, CODE_SERVER } from '../test/e2e/lib/paths.mjs';
import { killAllServersSync } from '../test/e2e/lib/server.mjs';
import { launchBrowser } from '../test/e2e/lib/browser.mjs';
import { ms } from '../test/e2e/lib/runner.mjs';
import { runUiSuite } from '../test/e2e/ui.mjs';
import { runApiSuite } from '../test/e2e/api.mjs';

const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
if (only && only !== 'ui' && only !== 'api') {
  console.error('--only takes ui or api');
  process.exit(2);
}
const skipPackage = argv.includes('--skip-package');
const keep = argv.includes('--keep');

const outDir = path.join(RESULTS, 'e2e');
const timings = [];
const tStart = performance.now();

process.on('exit', killAllServersSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping code-server`);
    killAllServersSync();
    process.exit(130);
  });
}

async function timed(name, fn) {
  const t0 = performance.now();
  console.log(`\n▶ ${name}`);
  try {
    return await fn();
  } finally {
    const dt = performance.now() - t0;
    timings.push({ name, ms: dt });
    console.log(`  (${name}: ${ms(dt)})`);
  }
}

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

async function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  await timed('editor (code-server + Node 24)', async () => {
    sh('bash', ['scripts/install-editor.sh']);
    if (!fs.existsSync(NODE24) || !fs.existsSync(CODE_SERVER)) throw new Error('the editor install is incomplete');
    if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run "bash scripts/ensure-deps.sh --browser" as root, or set LINALG_LENS_CHROMIUM`);
  });
  if (!skipPackage) {
    await timed('package the extension (npm run package → dist/linalg-lens.vsix)', async () => sh('npm', ['run', '--silent', 'package']));
    await timed('compile the extension-host suite (tsc -p tsconfig.test.json)', async () => sh('npx', ['tsc', '-p', 'tsconfig.test.json']));
  }
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing`);

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linalg-lens-e2e-'));
  const browser = await timed('launch headless Chromium', () => launchBrowser());
  const runners = [];
  try {
    if (only !== 'api') runners.push(['ui', await timed('UI suite (.vsix in code-server, driven in Chromium)', () => runUiSuite({ browser, runDir, outDir }))]);
    if (only !== 'ui') runners.push(['api', await timed('extension-host suite (mocha in code-server)', () => runApiSuite({ browser, runDir, outDir }))]);
  } finally {
    await browser.close().catch(() => undefined);
    killAllServersSync();
    if (keep) console.log(`\nkept editor profiles in ${runDir}`);
    else fs.rmSync(runDir, { recursive: true, force: true });
  }

  const all = runners.flatMap(([layer, r]) => r.results.map((x) => ({ layer, ...x })));
  const failed = all.filter((r) => !r.ok);
  const total = performance.now() - tStart;
  fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify({ totalMs: total, timings, tests: all }, null, 2) + '\n');

  console.log('\n── timings ──');
  for (const t of timings) console.log(`  ${ms(t.ms).padStart(8)}  ${t.name}`);
  console.log(`  ${ms(total).padStart(8)}  total`);
  const shots = fs.readdirSync(outDir).filter((f) => f.endsWith('.png'));
  console.log(`\nscreenshots and logs: ${path.relative(process.cwd(), outDir) || outDir} (${shots.length} screenshots)`);
  if (failed.length) {
    console.log(`\n✗ ${failed.length} of ${all.length} e2e checks failed:`);
    for (const f of failed) console.log(`  - [${f.layer}] ${f.name}`);
    return 1;
  }
  console.log(`\n✓ all ${all.length} e2e checks passed`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`\ne2e harness error: ${e instanceof Error ? e.stack : e}`);
    process.exit(1);
  },
);
