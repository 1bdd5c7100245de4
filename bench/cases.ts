/**
 * What is measured: operations × sizes, the seeded input of each case and the
 * repetition policy.
 */
import { Rng, caseSeed, gaussian, pcaData, spdFrom, symmetricFrom } from './rng';

export type Op = 'svd' | 'svd-wide' | 'eigh' | 'eig' | 'qr' | 'lu' | 'cholesky' | 'inv' | 'lstsq' | 'lstsq-tall' | 'pca';

/** One benchmark input, shared by every library. Matrices are row-major. */
export interface BenchCase {
  id: string;
  op: Op;
  /** Size used for goals and for scaling predictions (n of an n×n case, columns otherwise). */
  n: number;
  rows: number;
  cols: number;
  a: Float64Array;
  /** Right-hand side (lstsq): length `rows`. */
  b?: Float64Array;
  /** Timed repetitions wanted after warm-up (the runner may take fewer for slow calls). */
  reps: number;
  /** Exponent of the cost model (time ∝ n^p) used to predict the next size. */
  costPower: number;
}

export interface Plan {
  quick: boolean;
  seed: number;
  sizes: number[];
  cases: BenchCase[];
}

const SQUARE_OPS: Op[] = ['svd', 'eigh', 'eig', 'qr', 'lu', 'cholesky', 'inv', 'lstsq'];

export const OP_LABEL: Record<Op, string> = {
  svd: 'svd',
  'svd-wide': 'svd (wide)',
  eigh: 'eigh',
  eig: 'eig (general)',
  qr: 'qr',
  lu: 'lu',
  cholesky: 'cholesky',
  inv: 'inv',
  lstsq: 'lstsq',
  'lstsq-tall': 'lstsq (tall)',
  pca: 'pca',
};

function repsFor(entries: number): number {
  if (entries <= 2_500) return 15;
  if (entries <= 10_000) return 9;
  if (entries <= 40_000) return 5;
  return 3;
}

/** The seeded input of one case; `rows`/`cols` describe its shape (n = the size used for goals). */
export function makeCase(op: Op, rows: number, cols: number, seed: number): BenchCase {
  const id = `${op}:${rows}x${cols}`;
  const rng = new Rng(caseSeed(seed, id));
  let a: Float64Array;
  let b: Float64Array | undefined;
  if (op === 'pca') {
    a = pcaData(rng, rows, cols);
  } else {
    const g = gaussian(rng, rows, cols);
    a = op === 'eigh' ? symmetricFrom(g, rows) : op === 'cholesky' ? spdFrom(g, rows) : g;
    if (op === 'lstsq' || op === 'lstsq-tall') b = gaussian(rng, rows, 1);
  }
  const n = op === 'pca' || op === 'lstsq-tall' ? cols : Math.max(rows, cols);
  const reps = op === 'pca' ? 5 : repsFor(rows * cols);
  return { id, op, n, rows, cols, a, b, reps, costPower: 3 };
}

/** The shape of `op` at size n as the plan uses it (square, wide 1×2, tall 2×1, PCA m×50). */
export function shapeFor(op: Op, n: number, quick: boolean): [number, number] {
  if (op === 'svd-wide') return [n / 2, n];
  if (op === 'lstsq-tall') return [2 * n, n];
  if (op === 'pca') return [quick ? 2000 : 10000, 50];
  return [n, n];
}

export function buildPlan(quick: boolean, seed: number): Plan {
  const sizes = quick ? [50, 100] : [50, 100, 200, 400];
  const cases: BenchCase[] = [];
  const add = (op: Op, n: number): void => {
    const [rows, cols] = shapeFor(op, n, quick);
    cases.push(makeCase(op, rows, cols, seed));
  };
  for (const op of SQUARE_OPS) for (const n of sizes) add(op, n);
  // A wide SVD (m < n) to exercise each library's handling of more columns than rows.
  add('svd-wide', quick ? 100 : 200);
  // A genuinely over-determined least-squares problem.
  add('lstsq-tall', quick ? 50 : 200);
  add('pca', 50);
  return { quick, seed, sizes, cases };
}
