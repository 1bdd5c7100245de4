/**
 * Exact mode: Gaussian elimination in rational arithmetic (BigInt fractions)
 * for small integer, decimal or fractional matrices, recording every row
 * operation so a panel can replay the elimination step by step.
 *
 * Conventions shared by every function here:
 * - Input entries are numbers or strings ("3", "0.25", "-2/7"), read by `toRational`.
 * - Output fractions are strings in lowest terms: "p/q", or "p" when q = 1.
 * - Row indices in steps are 0-based; `text` repeats the step for people, 1-based ("R2 ← R2 − 3·R1").
 * - Pivoting is "first non-zero entry in the column", as by hand (exact arithmetic
 *   needs no pivoting for accuracy), so the steps are the ones a student expects.
 * - Size limit: at most `MAX_EXACT_DIM` = 12 rows and 12 columns, which keeps
 *   every call well under 100 ms even with the snapshots after each step.
 */
import { LinAlgError } from './errors';
import { Rational } from './exactRational';
import { toRational, type ExactEntry } from './exactParse';

export { toRational, MAX_DECIMAL_DIGITS, type ExactEntry } from './exactParse';
export { Rational } from './exactRational';

/** Largest number of rows and of columns the exact mode accepts. */
export const MAX_EXACT_DIM = 12;

/** One elementary row operation. */
export interface ExactStep {
  /** 'swap': rows[0] ↔ rows[1]; 'scale': rows[0] ← factor·rows[0]; 'add': rows[0] ← rows[0] + factor·rows[1]. */
  op: 'swap' | 'scale' | 'add';
  rows: number[];
  /** The multiplier as a fraction string ("1" for swaps). */
  factor: string;
  /** The whole (for inverses: augmented) matrix after the step, as fraction strings. */
  matrixAfter: string[][];
  /** Human-readable form, 1-based, e.g. "R3 ← R3 − 3/2·R1". */
  text: string;
}

type RMat = Rational[][];

function parseMatrix(a: readonly (readonly ExactEntry[])[], what: string): RMat {
  if (!Array.isArray(a)) throw new LinAlgError('invalid-argument', `${what} expects a matrix given as a list of rows.`);
  const m = a.length;
  const n = m === 0 ? 0 : a[0].length;
  if (m === 0 || n === 0) throw new LinAlgError('empty', `${what} needs at least one row and one column.`);
  if (m > MAX_EXACT_DIM || n > MAX_EXACT_DIM) {
    throw new LinAlgError(
      'too-large',
      `Exact mode is limited to ${MAX_EXACT_DIM}×${MAX_EXACT_DIM} matrices so that it stays instant; this one is ${m}×${n}. Use the floating-point functions instead.`,
    );
  }
  return a.map((row, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      throw new LinAlgError('shape', `Row ${i + 1} has ${Array.isArray(row) ? row.length : 0} entries but row 1 has ${n}.`);
    }
    return row.map((x, j) => {
      try {
        return toRational(x);
      } catch (e) {
        // Say which entry: the messages of toRational name the value, not where it is.
        if (e instanceof LinAlgError) throw new LinAlgError(e.kind, `Entry (${i + 1}, ${j + 1}): ${e.message}`);
        throw e;
      }
    });
  });
}

function show(m: RMat): string[][] {
  return m.map((r) => r.map((x) => x.toString()));
}

/** Records row operations on a working matrix. */
class Recorder {
  readonly steps: ExactStep[] = [];
  constructor(readonly m: RMat) {}

  swap(i: number, j: number): void {
    const t = this.m[i];
    this.m[i] = this.m[j];
    this.m[j] = t;
    this.steps.push({ op: 'swap', rows: [i, j], factor: '1', matrixAfter: show(this.m), text: `R${i + 1} ↔ R${j + 1}` });
  }
  scale(i: number, f: Rational): void {
    this.m[i] = this.m[i].map((x) => x.mul(f));
    this.steps.push({ op: 'scale', rows: [i], factor: f.toString(), matrixAfter: show(this.m), text: `R${i + 1} ← ${f}·R${i + 1}` });
  }
  /** Row i ← row i + f·row j. */
  add(i: number, j: number, f: Rational): void {
    const src = this.m[j];
    this.m[i] = this.m[i].map((x, c) => (src[c].isZero() ? x : x.add(f.mul(src[c]))));
    const mag = f.p < 0n ? f.neg() : f;
    const text = `R${i + 1} ← R${i + 1} ${f.p < 0n ? '−' : '+'} ${mag.equals(Rational.ONE) ? '' : `${mag}·`}R${j + 1}`;
    this.steps.push({ op: 'add', rows: [i, j], factor: f.toString(), matrixAfter: show(this.m), text });
  }
}

/** First row ≥ r with a non-zero entry in column c, or -1. */
function pivotRow(m: RMat, r: number, c: number): number {
  for (let i = r; i < m.length; i++) if (!m[i][c].isZero()) return i;
  return -1;
}

/** Result of `rref`. */
export interface RrefResult {
  /** The reduced row echelon form (pivots 1, zeros above and below). */
  rref: string[][];
  /** 0-based columns that hold a pivot. */
  pivotColumns: number[];
  /** Number of pivots. */
  rank: number;
  steps: ExactStep[];
}

/**
 * Reduced row echelon form by Gauss–Jordan elimination in exact arithmetic.
 * Throws LinAlgError 'empty', 'too-large' (> 12 rows or columns), 'shape', or
 * the entry errors of `toRational`.
 *
 * @example
 * rref([[1, 2], [2, 4]]) // → { rref: [["1","2"],["0","0"]], pivotColumns: [0], rank: 1, steps: [...] }
 */
export function rref(a: readonly (readonly ExactEntry[])[]): RrefResult {
  const rec = new Recorder(parseMatrix(a, 'rref'));
  const { pivotColumns } = gaussJordan(rec, rec.m[0].length);
  return { rref: show(rec.m), pivotColumns, rank: pivotColumns.length, steps: rec.steps };
}

/** Gauss–Jordan on the first `cols` columns (the rest, e.g. an identity, rides along). */
function gaussJordan(rec: Recorder, cols: number): { pivotColumns: number[] } {
  const m = rec.m;
  const pivotColumns: number[] = [];
  let r = 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = pivotRow(m, r, c);
    if (p < 0) continue;
    if (p !== r) rec.swap(r, p);
    const piv = m[r][c];
    if (!piv.equals(Rational.ONE)) rec.scale(r, piv.inv());
    for (let i = 0; i < m.length; i++) if (i !== r && !m[i][c].isZero()) rec.add(i, r, m[i][c].neg());
    pivotColumns.push(c);
    r++;
  }
  return { pivotColumns };
}

/** Result of `exactLu`: P·A = L·U exactly. */
export interface ExactLuResult {
  /** Permutation matrix (entries "0"/"1"). */
  P: string[][];
  /** Unit lower triangular m×m; below-diagonal entries are the elimination multipliers. */
  L: string[][];
  /** Upper (row echelon) m×n. */
  U: string[][];
  /** Number of row swaps (det(P) = (−1)^swaps). */
  swaps: number;
  steps: ExactStep[];
}

/**
 * LU factorisation with row exchanges in exact arithmetic, P·A = L·U, for any
 * m×n matrix (a column without a pivot is skipped, so singular matrices work).
 * Steps record the swaps and the eliminations "R_i ← R_i − l_ik·R_k" on U.
 * Throws like `rref`.
 *
 * @example
 * exactLu([[2, 1], [4, 5]]).L // → [["1","0"],["2","1"]]  (U = [["2","1"],["0","3"]])
 */
export function exactLu(a: readonly (readonly ExactEntry[])[]): ExactLuResult {
  const rec = new Recorder(parseMatrix(a, 'exactLu'));
  const m = rec.m;
  const rows = m.length;
  const cols = m[0].length;
  const perm = Array.from({ length: rows }, (_, i) => i);
  const L: RMat = Array.from({ length: rows }, (_, i) => Array.from({ length: rows }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO)));
  let swaps = 0;
  let r = 0;
  for (let c = 0; c < cols && r < rows; c++) {
    const p = pivotRow(m, r, c);
    if (p < 0) continue;
    if (p !== r) {
      rec.swap(r, p);
      [perm[p], perm[r]] = [perm[r], perm[p]];
      // Multipliers already found move with their rows.
      for (let j = 0; j < r; j++) [L[p][j], L[r][j]] = [L[r][j], L[p][j]];
      swaps++;
    }
    for (let i = r + 1; i < rows; i++) {
      if (m[i][c].isZero()) continue;
      const l = m[i][c].div(m[r][c]);
      L[i][r] = l;
      rec.add(i, r, l.neg());
    }
    r++;
  }
  const P = perm.map((src) => Array.from({ length: rows }, (_, j) => (j === src ? '1' : '0')));
  return { P, L: show(L), U: show(m), swaps, steps: rec.steps };
}

/** Result of `exactDet`. */
export interface ExactDetResult {
  det: string;
  steps: ExactStep[];
}

/**
 * Determinant by elimination in exact arithmetic: (−1)^swaps times the product
 * of the pivots; "0" as soon as a column has no pivot.
 * Throws like `rref`, plus 'not-square'.
 *
 * @example
 * exactDet([[2, 1], [1, 3]]).det // → "5"
 */
export function exactDet(a: readonly (readonly ExactEntry[])[]): ExactDetResult {
  const rec = new Recorder(parseMatrix(a, 'exactDet'));
  const m = rec.m;
  const n = m.length;
  if (m[0].length !== n) throw new LinAlgError('not-square', `The determinant needs a square matrix, but this one is ${n}×${m[0].length}.`);
  let det = Rational.ONE;
  for (let c = 0; c < n; c++) {
    const p = pivotRow(m, c, c);
    if (p < 0) return { det: '0', steps: rec.steps };
    if (p !== c) {
      rec.swap(c, p);
      det = det.neg();
    }
    for (let i = c + 1; i < n; i++) if (!m[i][c].isZero()) rec.add(i, c, m[i][c].div(m[c][c]).neg());
    det = det.mul(m[c][c]);
  }
  return { det: det.toString(), steps: rec.steps };
}

/** Result of `exactInverse`. */
export interface ExactInverseResult {
  inverse: string[][];
  /** Steps on the augmented matrix [A | I] (n × 2n snapshots). */
  steps: ExactStep[];
}

/**
 * Inverse by Gauss–Jordan elimination of [A | I] in exact arithmetic.
 * Throws LinAlgError 'singular' (with the rank) when A has no inverse, plus
 * the errors of `rref` and 'not-square'.
 *
 * @example
 * exactInverse([[1, 2], [3, 4]]).inverse // → [["-2","1"],["3/2","-1/2"]]
 */
export function exactInverse(a: readonly (readonly ExactEntry[])[]): ExactInverseResult {
  const m = parseMatrix(a, 'exactInverse');
  const n = m.length;
  if (m[0].length !== n) throw new LinAlgError('not-square', `Only square matrices have an inverse, but this one is ${n}×${m[0].length}.`);
  const aug = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO))]);
  const rec = new Recorder(aug);
  const { pivotColumns } = gaussJordan(rec, n);
  if (pivotColumns.length < n) {
    const missing = Array.from({ length: n }, (_, c) => c).find((c) => !pivotColumns.includes(c)) ?? 0;
    throw new LinAlgError(
      'singular',
      `The matrix is singular (rank ${pivotColumns.length} < ${n}): column ${missing + 1} has no pivot, so it has no inverse. Its determinant is exactly 0.`,
    );
  }
  return { inverse: rec.m.map((row) => row.slice(n).map((x) => x.toString())), steps: rec.steps };
}
