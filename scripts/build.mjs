// Builds every bundle of the extension with esbuild:
//   dist/extension.js   extension host (Node, CommonJS, `vscode` external)
//   dist/cli.js         the `linalg-lens` terminal command (Node)
//   dist/worker.js      worker thread that runs large computations off the host's event loop
//   dist/webview/*.js   browser side of each panel (IIFE), plus CSS and KaTeX's stylesheet and fonts
//   dist/bench.js       `npm run bench`
// Flags: --production (minify, no source maps), --watch.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const dist = path.join(root, 'dist');

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const common = {
  bundle: true,
  define: { LINALG_LENS_VERSION: JSON.stringify(pkg.version) },
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

const nodeTargets = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['src/engine/worker.ts'], outfile: 'dist/worker.js' },
  { entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js', external: ['ml-matrix', 'mathjs'] },
].filter((t) => fs.existsSync(path.join(root, t.entryPoints[0])));

const webTargets = fs
  .readdirSync(path.join(root, 'src/webviews/app'))
  .filter((f) => /^[a-z][A-Za-z]*\.ts$/.test(f) && !f.endsWith('.d.ts') && fs.readFileSync(path.join(root, 'src/webviews/app', f), 'utf8').includes('@entry'))
  .map((f) => ({ entryPoints: [`src/webviews/app/${f}`], outfile: `dist/webview/${f.replace(/\.ts$/, '.js')}` }));

function copyStatic() {
  const katexDist = path.join(root, 'node_modules/katex/dist');
  const out = path.join(dist, 'webview/katex');
  fs.mkdirSync(path.join(out, 'fonts'), { recursive: true });
  fs.copyFileSync(path.join(katexDist, 'katex.min.css'), path.join(out, 'katex.min.css'));
  for (const f of fs.readdirSync(path.join(katexDist, 'fonts'))) {
    // woff2 is enough for every browser VS Code runs in; the stylesheet lists it first.
    if (f.endsWith('.woff2')) fs.copyFileSync(path.join(katexDist, 'fonts', f), path.join(out, 'fonts', f));
  }
  for (const f of fs.readdirSync(path.join(root, 'media'))) {
    if (f.endsWith('.css') || f.endsWith('.svg') || f.endsWith('.png')) {
      fs.copyFileSync(path.join(root, 'media', f), path.join(dist, 'webview', f));
    }
  }
}

const contexts = [
  ...nodeTargets.map((t) => ({ ...common, ...t, platform: 'node', format: 'cjs', target: 'node20' })),
  ...webTargets.map((t) => ({ ...common, ...t, platform: 'browser', format: 'iife', target: 'es2022' })),
];

fs.mkdirSync(path.join(dist, 'webview'), { recursive: true });
copyStatic();
if (watch) {
  for (const c of contexts) await (await esbuild.context(c)).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(contexts.map((c) => esbuild.build(c)));
  console.log(`built ${contexts.length} bundles into dist/${production ? ' (production)' : ''}`);
}
