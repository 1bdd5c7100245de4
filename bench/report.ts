/** The results table (plain text for stdout, Markdown for docs/benchmarks.md). */
import { OP_LABEL, type BenchCase, type Plan } from './cases';
import { fmtE } from './checks';
import { GOALS, evaluate, goalText, type Cells, type GoalEval, type Key } from './goals';
import type { Machine } from './machine';
import type { NumpyRun } from './numpy';
import { libraries } from './peers/all';
import { medianOf, type CellResult, type Clock } from './result';

export interface Row {
  c: BenchCase;
  cells: Cells;
  goals: GoalEval[];
}

export interface Report {
  /** 1-minute load average before and after the run. */
  load: { before: number; after: number };
  plan: Plan;
  rows: Row[];
  machine: Machine;
  numpy: NumpyRun;
  options: { timeoutMs: number; budgetMs: number; slowMs: number };
  totalSeconds: number;
}

const KEYS: Key[] = ['ours', 'ml', 'mathjs', 'numpy'];
const NAMES: Record<Key, string> = { ours: 'LinAlg Lens', ml: 'ml-matrix', mathjs: 'mathjs', numpy: 'numpy' };

export function makeRows(plan: Plan, cells: Record<string, Cells>): Row[] {
  return plan.cases.map((c) => ({ c, cells: cells[c.id] ?? {}, goals: evaluate(c, cells[c.id] ?? {}) }));
}

export function sizeLabel(c: BenchCase): string {
  return c.rows === c.cols ? String(c.n) : `${c.rows}×${c.cols}`;
}

export function fmtMs(v: number): string {
  if (v < 1) return v.toFixed(3);
  if (v < 10) return v.toFixed(2);
  if (v < 100) return v.toFixed(1);
  return v.toFixed(0);
}

function timeCell(r: CellResult | undefined, clock: Clock): string {
  if (!r) return '—';
  switch (r.status) {
    case 'ok':
      return fmtMs(medianOf(r, clock) as number);
    case 'wrong':
      return `${fmtMs(medianOf(r, clock) as number)} WRONG`;
    case 'error':
      return /converge/i.test(r.error ?? '') ? 'no conv.' : 'error';
    default:
      return r.status;
  }
}

function ratioCell(num: CellResult | undefined, den: CellResult | undefined, clock: Clock): string {
  const a = medianOf(num, clock);
  const b = medianOf(den, clock);
  if (a === undefined || b === undefined) return '—';
  const r = a / b;
  const flag = num?.status === 'wrong' || den?.status === 'wrong' ? ' (wrong)' : '';
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×${flag}`;
}

function worstMetric(r: CellResult | undefined): number | undefined {
  if (!r?.check) return undefined;
  const vals = Object.values(r.check.metrics).filter((v) => Number.isFinite(v));
  return vals.length ? Math.max(...vals) : undefined;
}

function shortError(r: CellResult): string {
  const e = r.error ?? '';
  const conv = /failed to converge|did not converge/i.test(e);
  const after = r.elapsedMs !== undefined ? ` after ${(r.elapsedMs / 1000).toFixed(1)} s` : '';
  if (r.status === 'timeout') return `timeout${after}`;
  if (conv) return `did not converge${after}`;
  return `${e.replace(/^Error: /, '').split(/[.\n]/)[0].slice(0, 70)}${after}`;
}

export function accuracyNote(row: Row): string {
  const problems: string[] = [];
  let worst = 0;
  for (const k of KEYS) {
    const r = row.cells[k];
    if (!r) continue;
    if (r.status === 'wrong') problems.push(`${NAMES[k]} WRONG: ${(r.check?.wrong ?? []).join('; ')}`);
    else if (r.status === 'error' || r.status === 'timeout') problems.push(`${NAMES[k]}: ${shortError(r)}`);
    else if (r.status === 'ok') worst = Math.max(worst, worstMetric(r) ?? 0);
  }
  const okPart = `correct ones ≤ ${fmtE(worst)}`;
  return problems.length ? `${problems.join('; ')}; ${okPart}` : `all correct (≤ ${fmtE(worst)})`;
}

interface Table {
  head: string[];
  body: string[][];
}

function table(rows: Row[], clock: Clock): Table {
  const unit = clock === 'cpu' ? 'CPU ms' : 'wall ms';
  const head = ['operation', 'size', ...KEYS.map((k) => `${NAMES[k]} ${unit}`), 'ml÷ours', 'mathjs÷ours', 'ours÷numpy', 'accuracy', 'goals'];
  const body = rows.map((row) => [
    OP_LABEL[row.c.op],
    sizeLabel(row.c),
    ...KEYS.map((k) => timeCell(row.cells[k], clock)),
    ratioCell(row.cells.ml, row.cells.ours, clock),
    ratioCell(row.cells.mathjs, row.cells.ours, clock),
    ratioCell(row.cells.ours, row.cells.numpy, clock),
    accuracyNote(row),
    row.goals.map(goalText).join('; '),
  ]);
  return { head, body };
}

/** Fixed-width table for the terminal (accuracy/goal columns last so long text does not push numbers around). */
export function textTable(rows: Row[], clock: Clock): string {
  const t = table(rows, clock);
  const numericCols = t.head.length - 2;
  const widths = t.head.slice(0, numericCols).map((h, i) => Math.max(h.length, ...t.body.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells
      .slice(0, numericCols)
      .map((s, i) => (i < 2 ? s.padEnd(widths[i]) : s.padStart(widths[i])))
      .join('  ') + `  ${cells[numericCols + 1]}`;
  const out = [line(t.head), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of t.body) out.push(line(r));
  out.push('', 'accuracy:');
  t.body.forEach((r) => out.push(`  ${r[0]} ${r[1]}: ${r[numericCols]}`));
  return out.join('\n');
}

export function misses(rows: Row[]): string[] {
  const out: string[] = [];
  for (const g of GOALS) {
    const miss = rows.flatMap((r) => r.goals.filter((e) => e.id === g.id && e.met === false).map((e) => `${OP_LABEL[r.c.op]} ${sizeLabel(r.c)}: ${e.detail}`));
    const met = rows.reduce((s, r) => s + r.goals.filter((e) => e.id === g.id && e.met === true).length, 0);
    const undecided = rows.reduce((s, r) => s + r.goals.filter((e) => e.id === g.id && e.met === null).length, 0);
    const total = met + miss.length + undecided;
    if (total === 0) {
      out.push(`${g.id} (${g.text}) — not evaluated: this run has no row at the size it names`);
      continue;
    }
    out.push(`${g.id} (${g.text}) — ${met}/${total} met${undecided ? `, ${undecided} n/a` : ''}${miss.length ? `; NOT met: ${miss.join(', ')}` : ''}`);
  }
  return out;
}

/** Interquartile range of the CPU-time samples relative to their median (NaN with fewer than 4 samples). */
export function spread(r: CellResult | undefined): number {
  const xs = r?.cpuSamples;
  if (!xs || xs.length < 4) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number): number => s[Math.min(s.length - 1, Math.floor(f * (s.length - 1)))];
  return (q(0.75) - q(0.25)) / q(0.5);
}

/** Cells whose repetitions disagree by more than `limit` (IQR/median), a sign of interference from other work. */
export function noisyCells(rows: Row[], limit = 0.15): string[] {
  const out: string[] = [];
  for (const row of rows) {
    for (const k of KEYS) {
      const sp = spread(row.cells[k]);
      if (sp > limit) out.push(`${OP_LABEL[row.c.op]} ${sizeLabel(row.c)} ${NAMES[k]} ±${(100 * sp).toFixed(0)}%`);
    }
  }
  return out;
}

/** Median over LinAlg Lens's cells of wall ÷ CPU time: 1 on an idle machine, above 1 when other processes took the cores. */
export function contention(rows: Row[]): number {
  const r = rows
    .map((row) => row.cells.ours)
    .filter((c): c is CellResult => !!c && c.medianMs !== undefined && !!c.cpuMedianMs)
    .map((c) => (c.medianMs as number) / (c.cpuMedianMs as number));
  if (r.length === 0) return NaN;
  r.sort((a, b) => a - b);
  return r[r.length >> 1];
}

function mdEscape(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function numpyBlas(np: NumpyRun): string {
  if (np.skipped) return `not measured: ${np.skipped}`;
  const i = np.info;
  if (!i) return 'unknown';
  const kernels = (i.openblas ?? []).map((o) => `${o.lib}: kernel ${o.corename ?? '?'}${o.threads !== undefined ? `, ${o.threads} thread(s)` : ''}${o.config ? ` (${o.config})` : ''}`);
  return `numpy ${i.numpy} (Python ${np.python}), BLAS/LAPACK ${i.blas_name ?? '?'} ${i.blas_version ?? ''}; ${kernels.join('; ') || 'OpenBLAS kernel not reported'}; threadpoolctl ${i.threadpoolctl ? 'present' : 'not installed'}`;
}

export const KEEP_MARKER = '<!-- Everything below this line is kept when `npm run bench` regenerates this file. -->';

export function markdown(rep: Report, kept: string): string {
  const { rows, machine: m, numpy: np, plan, options } = rep;
  const t = table(rows, 'cpu');
  const tw = table(rows, 'wall');
  const cont = contention(rows);
  const L: string[] = [];
  L.push('# Benchmarks');
  L.push('');
  L.push(`Generated by \`npm run bench\`${plan.quick ? ' --quick' : ''} on ${m.date} (total ${rep.totalSeconds.toFixed(0)} s). Do not edit above the marker line at the end; it is rewritten on every run.`);
  L.push('');
  L.push('LinAlg Lens, ml-matrix and mathjs run side by side in one node process (each library in its own worker thread, one call at a time) on the same seeded matrices; numpy runs once in a single-threaded Python subprocess on the very same bytes. Benchmarks are not tests: no test asserts a time.');
  L.push('');
  L.push('## Goals');
  L.push('');
  for (const g of GOALS) L.push(`- **${g.id}** ${g.text}`);
  L.push('');
  L.push('A goal against a peer counts as met when the peer failed or answered wrongly (a fast wrong answer does not win); it is never met when our own answer is wrong.');
  L.push('');
  L.push('### Status');
  L.push('');
  for (const s of misses(rows)) L.push(`- ${mdEscape(s)}`);
  L.push('');
  L.push('## Results');
  L.push('');
  L.push(
    `Median **CPU time** per call in milliseconds (user + system time of the process during the call), the figure the goals are judged on: this 2-core machine is shared with other work, and wall-clock time absorbs that load (during this run wall/CPU was ${cont.toFixed(2)} for LinAlg Lens's calls, 1.00 meaning an idle machine; load average ${rep.load.before.toFixed(1)} before and ${rep.load.after.toFixed(1)} after). Wall-clock medians follow below. Every library is single-threaded here, so on an idle machine the two agree.`,
  );
  L.push('');
  L.push('“WRONG” = the answer failed its residual check (time shown, but it does not count as a win); “no conv.” = the library threw a non-convergence error; “timeout” = stopped after the per-call limit; “skipped” = not attempted because the previous size predicted more than the limit; “n/a” = the library has no such operation.');
  L.push('');
  L.push(`| ${t.head.map(mdEscape).join(' | ')} |`);
  L.push(`|${t.head.map((_, i) => (i >= 2 && i < 9 ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const r of t.body) L.push(`| ${r.map(mdEscape).join(' | ')} |`);
  L.push('');
  const noisy = noisyCells(rows);
  L.push(
    `Repeatability: ${noisy.length ? `cells whose CPU-time repetitions spread by more than 15% (IQR/median): ${noisy.join(', ')}. Ratios near a goal's threshold in these rows should be re-measured.` : 'every cell with ≥ 4 repetitions had an IQR within 15% of its median.'} Single-run cells (n = 400 peers, slow mathjs calls) carry no spread estimate.`,
  );
  L.push('');
  L.push('### Wall-clock medians');
  L.push('');
  L.push(`| ${tw.head.slice(0, 9).map(mdEscape).join(' | ')} |`);
  L.push(`|${tw.head.slice(0, 9).map((_, i) => (i >= 2 ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const r of tw.body) L.push(`| ${r.slice(0, 9).map(mdEscape).join(' | ')} |`);
  L.push('');
  L.push('## Accuracy details');
  L.push('');
  L.push('Largest relative residual of each answer (the checks: SVD ‖A − UΣVᵀ‖/‖A‖, ‖UᵀU − I‖, ‖VᵀV − I‖ on V as returned; eigh ‖AV − VΛ‖/‖A‖, ‖VᵀV − I‖; eig ‖AV − VΛ‖/(‖A‖‖V‖) in complex arithmetic and Σλ vs trace; QR ‖A − QR‖/‖A‖, ‖QᵀQ − I‖, triangularity; LU ‖PA − LU‖/‖A‖; Cholesky ‖A − LLᵀ‖/‖A‖; inv ‖AX − I‖/(‖A‖‖X‖); lstsq ‖Aᵀ(Ax − b)‖/(‖A‖(‖A‖‖x‖ + ‖b‖)); PCA reconstruction, orthonormal components, scores = projections). Anything above 1e-8 is wrong.');
  L.push('');
  L.push(`| operation | size | ${KEYS.map((k) => NAMES[k]).join(' | ')} |`);
  L.push(`| --- | --- | ${KEYS.map(() => '---').join(' | ')} |`);
  for (const row of rows) {
    const cells = KEYS.map((k) => {
      const r = row.cells[k];
      if (!r) return '—';
      if (r.status === 'ok') return fmtE(worstMetric(r) ?? 0);
      if (r.status === 'wrong') return `**WRONG** ${mdEscape((r.check?.wrong ?? []).join('; '))}`;
      if (r.status === 'error' || r.status === 'timeout') return mdEscape(shortError(r));
      return r.status;
    });
    L.push(`| ${OP_LABEL[row.c.op]} | ${sizeLabel(row.c)} | ${cells.join(' | ')} |`);
  }
  L.push('');
  const notes: string[] = [];
  for (const row of rows) {
    for (const k of KEYS) {
      const r = row.cells[k];
      if (!r) continue;
      const bits = [...r.notes];
      if (r.error && (r.status === 'error' || r.status === 'timeout')) bits.unshift(r.error);
      if (r.check?.metrics.orthVk !== undefined) bits.push(`leading-k columns of V: ‖VₖᵀVₖ − I‖ = ${fmtE(r.check.metrics.orthVk)}`);
      if (r.status === 'n/a') continue;
      const text = bits.map((b) => (b.length > 220 ? `${b.slice(0, 220)}…` : b)).join(' — ');
      if (bits.length) notes.push(`- ${OP_LABEL[row.c.op]} ${sizeLabel(row.c)}, ${NAMES[k]}: ${mdEscape(text)}`);
    }
  }
  if (notes.length) {
    L.push('## Failures and notes');
    L.push('');
    L.push(...notes);
    L.push('');
  }
  L.push('## How each library is called');
  L.push('');
  L.push('Timed: the public call(s) that give the answer in the library’s own output types (LinAlg Lens takes and returns plain `number[][]`, so its copies in and out are included; ml-matrix is given a `Matrix` built beforehand and its getters for the factors are part of the timed call; mathjs takes and returns arrays). Not timed: building the inputs, converting outputs for the checks, the checks.');
  L.push('');
  L.push('- LinAlg Lens: `svd`, `eigh`, `eig`, `qr`, `lu`, `cholesky`, `inv`, `lstsq`, `pca` from `src/linalg/index.ts` (the public API, `number[][]` in and out).');
  L.push(
    '- ml-matrix: `new SingularValueDecomposition(A)` with default options (so no autoTranspose on the wide case), `EigenvalueDecomposition` (symmetry auto-detected), `QrDecomposition` + `orthogonalMatrix` + `upperTriangularMatrix`, `LuDecomposition` + L, U and pivots, `CholeskyDecomposition` + L, `inverse`, `solve(A, b, true)` (its SVD route, like ours) for lstsq; PCA = column means, centre, `SingularValueDecomposition(Xc, { computeLeftSingularVectors: false, autoTranspose: true })`, scores Xc·V (`ml-pca` is not installed).',
  );
  L.push(
    '- mathjs: `eigs` (Jacobi for symmetric input), `qr`, `lup` (its `p` turned out to be the inverse of the documented `A[p,:] = L·U`; the check inverts it, so the factorisation is judged fairly), `inv`, `lusolve` for the square lstsq (an exact solve: mathjs has no least squares), `qr` + `usolve` on the leading block for the tall lstsq. No SVD or Cholesky: “n/a”.',
  );
  L.push(
    '- numpy: `np.linalg.svd(A, full_matrices=False)`, `eigh`, `eig`, `qr`, `cholesky`, `inv`, `lstsq(A, b, rcond=None)`; LU via `scipy.linalg.lu` (numpy has none; P, L, U returned like ours); PCA = centre + `svd(Xc, full_matrices=False)` + scores U·S.',
  );
  L.push('');
  L.push('## Machine');
  L.push('');
  L.push(`- CPU: ${m.cpu} (${m.cores} logical cores), ${m.memGiB} GiB RAM, ${m.os}`);
  L.push(`- node ${m.node} (V8 ${m.v8}); ml-matrix ${libraries.ml.version}; mathjs ${libraries.mathjs.version}; LinAlg Lens ${libraries.ours.version} at commit ${m.commit}${m.dirtyLinalg.length ? ` with uncommitted changes in ${m.dirtyLinalg.join(', ')} (the working tree was measured)` : ''}; bundle built ${m.bundleBuilt}`);
  L.push(`- numpy: ${mdEscape(numpyBlas(np))}`);
  const removed = Object.entries(np.removedEnv);
  L.push(
    `- numpy environment: OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=MKL_NUM_THREADS=1; ${removed.length ? `removed for the subprocess only: ${removed.map(([k, v]) => `${k}=${v}`).join(', ')}` : 'OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE were not set (they would be removed for the subprocess only)'}`,
  );
  L.push(`- date: ${m.date}`);
  L.push('');
  L.push('## Method');
  L.push('');
  L.push(`- Inputs: xoshiro128** seeded per case from seed ${plan.seed} and the case name; Gaussian entries (Box–Muller). General cases use G (n×n); eigh uses (G + Gᵀ)/2; Cholesky uses GᵀG + n·I; lstsq has a Gaussian right-hand side; the tall lstsq is 2n×n; the wide SVD has twice as many columns as rows; PCA data is Z·W + 1·μᵀ (${rows.find((r) => r.c.op === 'pca')?.c.rows ?? '?'}×50, correlated features, non-zero means).`);
  L.push(`- Timing: every call is timed by wall clock (performance.now() in node, time.perf_counter() in Python) and by CPU time of the process (process.cpuUsage(), time.process_time()); warm-up calls until 600 ms or 300 calls (V8 needs tens of calls to tier up), then 15/9/5/3 timed repetitions at n ≤ 50/100/200/400 (5 for PCA) — more, up to 200, when they fit in 0.5 s, fewer when one call is slow (about ${(options.budgetMs / 1000).toFixed(0)} s of repetitions per cell, at least one); a first call over ${(options.slowMs / 1000).toFixed(0)} s is the only sample. Medians are reported.`);
  L.push(`- Failure capture: any throw is recorded with its message and time; a call running past ${(options.timeoutMs / 1000).toFixed(0)} s is stopped (its worker terminated); a size predicted (∝ n³ from the previous size) to exceed that limit is skipped; every answer is checked and a residual above 1e-8 or a NaN marks it WRONG.`);
  L.push('');
  L.push('## Reproduce');
  L.push('');
  L.push('```sh');
  L.push('npm ci');
  L.push('npm run bench              # full run (n = 50…400, PCA 10000×50), rewrites docs/benchmarks.md, ~5–10 min');
  L.push('npm run bench -- --quick   # smoke run, n ≤ 100, prints only (add --out FILE to write)');
  L.push('npm run bench -- --help    # all flags (--no-numpy, --only, --timeout, --seed, --profile)');
  L.push('```');
  L.push('');
  L.push('numpy needs `python3` with numpy (and scipy for LU) on the PATH, or `PYTHON=/path/to/python`; without it the numpy column is skipped with a note.');
  L.push('');
  L.push(KEEP_MARKER);
  L.push(kept.trimEnd() ? `\n${kept.trim()}\n` : '');
  return L.join('\n');
}
