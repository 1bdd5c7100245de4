/**
 * `npm run bench`: LinAlg Lens vs ml-matrix vs mathjs (one node process) vs
 * single-threaded numpy (one Python subprocess) on the same seeded matrices.
 * Bundled by scripts/build.mjs into dist/bench.js; this same file is also the
 * entry point of the worker threads the runner starts (see worker.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { buildPlan, type Op } from './cases';
import type { Cells } from './goals';
import { machine } from './machine';
import { runNumpy } from './numpy';
import { profileMain } from './profile';
import { KEEP_MARKER, contention, makeRows, markdown, misses, noisyCells, textTable } from './report';
import { runJs } from './runner';
import { startWorker } from './worker';

const HELP = `usage: node dist/bench.js [flags]   (npm run bench -- [flags])
  --quick            smoke run: n = 50, 100; PCA 2000×50; prints only unless --out is given
  --out FILE         write the Markdown report to FILE (default for a full run: docs/benchmarks.md)
  --no-write         do not write any file
  --no-numpy         skip the numpy subprocess
  --only OPS         comma-separated operations (svd,svd-wide,eigh,eig,qr,lu,cholesky,inv,lstsq,lstsq-tall,pca)
  --timeout S        per-call limit in seconds (default 60, quick 20)
  --seed N           base seed (default 20250101)
  --profile OP N     run only LinAlg Lens's OP at size N in this thread, repeatedly (for node --cpu-prof)
  --summarize FILE   summarise a .cpuprofile (self time by function and by source line)`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Flags and how many values follow each; anything else is refused before a run starts. */
const FLAGS: Record<string, number> = {
  '--help': 0, '-h': 0, '--quick': 0, '--out': 1, '--no-write': 0, '--no-numpy': 0, '--only': 1,
  '--timeout': 1, '--seed': 1, '--profile': 1, '--seconds': 1, '--no-inspector': 0, '--save': 1, '--summarize': 1, '--top': 1,
};

/** The first argument that is not a known flag (or a flag's value), if any. */
function unknownArg(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arity = FLAGS[args[i]];
    if (arity === undefined) return args[i];
    i += arity;
    // --profile OP [N]: the size is optional.
    if (args[i - 1] === '--profile' && /^\d+$/.test(args[i + 1] ?? '')) i++;
  }
  return undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return;
  }
  const bad = unknownArg(args);
  if (bad !== undefined) {
    console.error(`bench: unknown argument ${JSON.stringify(bad)}\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  if (profileMain(args)) return;
  const quick = args.includes('--quick');
  const seed = Number(flag(args, '--seed') ?? 20250101);
  const timeoutMs = 1000 * Number(flag(args, '--timeout') ?? (quick ? 20 : 60));
  const options = { timeoutMs, budgetMs: quick ? 1500 : 4000, slowMs: 8000 };
  const plan = buildPlan(quick, seed);
  const only = flag(args, '--only');
  if (only) {
    const ops = new Set(only.split(',') as Op[]);
    const known = new Set(plan.cases.map((c) => c.op));
    const unknown = [...ops].filter((o) => !known.has(o));
    if (unknown.length) {
      console.error(`bench: --only: unknown operation ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
      process.exitCode = 2;
      return;
    }
    plan.cases = plan.cases.filter((c) => ops.has(c.op));
  }
  const root = path.resolve(__dirname, '..');
  const out = args.includes('--no-write') ? undefined : (flag(args, '--out') ?? (quick || only ? undefined : path.join(root, 'docs', 'benchmarks.md')));
  const log = (s: string): void => {
    process.stderr.write(`${s}\n`);
  };
  const started = performance.now();
  const loadBefore = os.loadavg()[0];
  // Commit and working-tree state now, when this bundle's code was fresh: others may commit during the run.
  const m = machine();
  log(`bench: ${plan.cases.length} cases${quick ? ' (quick)' : ''}, per-call timeout ${timeoutMs / 1000} s`);
  const js = await runJs(plan, { ...options, log });
  let np: ReturnType<typeof runNumpy>;
  if (args.includes('--no-numpy')) {
    np = { skipped: 'disabled with --no-numpy', removedEnv: {}, results: {} };
  } else {
    log('bench: numpy subprocess …');
    np = runNumpy(plan.cases, options.budgetMs, options.slowMs, 10 * 60 * 1000);
    if (np.skipped) log(`bench: numpy skipped: ${np.skipped}`);
  }
  const cells: Record<string, Cells> = {};
  for (const c of plan.cases) {
    cells[c.id] = { ...js[c.id] };
    if (np.results[c.id]) cells[c.id].numpy = np.results[c.id];
  }
  const rows = makeRows(plan, cells);
  const totalSeconds = (performance.now() - started) / 1000;
  const load = { before: loadBefore, after: os.loadavg()[0] };
  console.log('median CPU ms per call (goals are judged on CPU time; wall-clock medians are in the Markdown report):');
  console.log(textTable(rows, 'cpu'));
  const noisy = noisyCells(rows);
  if (noisy.length) console.log(`\nnoisy cells (CPU-time IQR/median > 15%): ${noisy.join(', ')}`);
  console.log('');
  console.log('goals:');
  for (const s of misses(rows)) console.log(`  ${s}`);
  console.log('');
  console.log(`${m.cpu}, node ${m.node}; ${np.skipped ? `numpy skipped (${np.skipped})` : `numpy ${np.info?.numpy}, ${(np.info?.openblas ?? []).map((o) => `${o.lib} kernel ${o.corename}`).join(', ')}`}; ${totalSeconds.toFixed(0)} s; wall/CPU ${contention(rows).toFixed(2)}, load ${load.before.toFixed(1)} → ${load.after.toFixed(1)}`);
  if (out) {
    let kept = '';
    if (fs.existsSync(out)) {
      const old = fs.readFileSync(out, 'utf8');
      const at = old.indexOf(KEEP_MARKER);
      if (at >= 0) kept = old.slice(at + KEEP_MARKER.length);
    }
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, markdown({ load, plan, rows, machine: m, numpy: np, options, totalSeconds }, kept));
    log(`bench: wrote ${path.relative(process.cwd(), out)}`);
  }
}

if (isMainThread) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  startWorker();
}
