/**
 * Cholesky factorisation of a symmetric positive definite matrix, numpy's
 * `cholesky` (lower by default) plus `upper`. Unlike numpy, which reads only
 * the lower triangle, non-symmetric input is refused.
 */
import { EPS, gemmNT } from './blas';
import { zeros, type Dense } from './dense';
import { rowsOf } from './rows';
import { LinAlgError } from './errors';
import { assertSquare, toDense, type GuardOptions, type MatrixInput } from './guards';

/**
 * Symmetry test with a relative tolerance: refuses when
 * ‖A − Aᵀ‖_F > 8·n·eps·‖A‖_F. That is tight enough that factoring the lower
 * triangle keeps ‖A − L·Lᵀ‖ within the backward-error bound of Cholesky
 * itself, and loose enough for matrices symmetric up to rounding (e.g. XᵀX
 * computed in floating point). Returns the offending pair when it refuses.
 */
export function symmetryDefect(A: Dense): { i: number; j: number; rel: number } | null {
  const n = A.rows;
  const a = A.data;
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]));
  if (scale === 0) return null;
  // Scale by a power of two near 1/max|a|: exact, and a multiplication instead of a division per entry.
  const f = 2 ** -Math.min(1022, Math.max(-1022, Math.ceil(Math.log2(scale))));
  let diff = 0;
  let norm = 0;
  let wi = 0;
  let wj = 0;
  let wd = -1;
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < n; j++) {
      const v = a[ri + j] * f;
      norm += v * v;
    }
    for (let j = i + 1; j < n; j++) {
      const d = Math.abs(a[ri + j] * f - a[j * n + i] * f);
      diff += 2 * d * d;
      if (d > wd) {
        wd = d;
        wi = i;
        wj = j;
      }
    }
  }
  const worst = { i: wi, j: wj };
  const rel = Math.sqrt(diff) / Math.sqrt(norm);
  return rel > 8 * Math.max(n, 1) * EPS ? { i: worst.i, j: worst.j, rel } : null;
}

/** Formats a pivot like "−2.0" or "−1.1e-17" for messages. */
function fmt(v: number): string {
  const s = Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6 ? (Number.isInteger(v) ? v.toFixed(1) : String(Number(v.toPrecision(6)))) : v.toExponential(2);
  return s.replace('-', '−');
}

/** Rows per block of the blocked Cholesky. */
const CNB = 32;
/** Up to this order the factorisation is one block (the unblocked Crout, bit for bit as before). */
const CNB_MIN = 64;

/**
 * Lower-triangular L with A = L·Lᵀ (row-oriented Cholesky–Crout: entry (i, j)
 * is a dot product of two contiguous row prefixes of L). Reads the lower
 * triangle. Fails with 'not-positive-definite' at the first pivot that is not
 * strictly positive (LAPACK dpotrf's criterion: pivot ≤ 0 or NaN).
 * Left-looking blocked by CNB rows: for each block row, the contributions of
 * all finished columns are subtracted with one dot-product `gemmNT` per block,
 * so only the short in-block parts of the dot products run in scalar loops.
 * Rows are still finished in order, so the failing pivot is the same row.
 */
export function choleskyDense(A: Dense): Dense {
  const n = A.rows;
  const a = A.data;
  const L = zeros(n, n);
  const l = L.data;
  // L starts as the lower triangle of A and is updated in place.
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) l[ri + j] = a[ri + j];
  }
  const nb = n <= CNB_MIN ? Math.max(n, 1) : CNB;
  for (let i0 = 0; i0 < n; i0 += nb) {
    const i1 = Math.min(i0 + nb, n);
    const bi = i1 - i0;
    // Off-diagonal blocks L[I, J], J < I: subtract L[I, 0:j0]·L[J, 0:j0]ᵀ, then the in-block triangular solve.
    for (let j0 = 0; j0 < i0; j0 += nb) {
      const j1 = j0 + nb;
      if (j0 > 0) gemmNT(bi, nb, j0, -1, l, i0 * n, n, l, j0 * n, n, l, i0 * n + j0, n);
      for (let i = i0; i < i1; i++) crout(l, n, i, j0, j0, j1);
    }
    if (i0 > 0) gemmNT(bi, bi, i0, -1, l, i0 * n, n, l, i0 * n, n, l, i0 * n + i0, n);
    for (let i = i0; i < i1; i++) {
      crout(l, n, i, i0, i0, i);
      const ri = i * n;
      let s0 = 0;
      let s1 = 0;
      let k = i0;
      for (; k + 1 < i; k += 2) {
        s0 += l[ri + k] * l[ri + k];
        s1 += l[ri + k + 1] * l[ri + k + 1];
      }
      if (k < i) s0 += l[ri + k] * l[ri + k];
      const d = l[ri + i] - (s0 + s1);
      if (!(d > 0)) {
        throw new LinAlgError('not-positive-definite', `Matrix is not positive definite: the pivot of row ${i + 1} is ${fmt(d)}`);
      }
      l[ri + i] = Math.sqrt(d);
      // The diagonal block's gemm also wrote above the diagonal: clear it.
      for (let c = i + 1; c < i1; c++) l[ri + c] = 0;
    }
  }
  return L;
}

/**
 * Row i, columns jFrom..jTo−1 of L: l_ij ← (l_ij − Σ_{k0 ≤ k < j} l_ik·l_jk) / l_jj,
 * where l_ij already holds a_ij minus the contributions of columns < k0.
 * Two entries per pass: the row-i prefix is loaded once for both dot
 * products, and two partial sums each break the dependency chains.
 */
function crout(l: Float64Array, n: number, i: number, k0: number, jFrom: number, jTo: number): void {
  const ri = i * n;
  let j = jFrom;
  for (; j + 1 < jTo; j += 2) {
    const rj = j * n;
    const rk = rj + n;
    let a0 = 0;
    let a1 = 0;
    let b0 = 0;
    let b1 = 0;
    let k = k0;
    for (; k + 1 < j; k += 2) {
      const x0 = l[ri + k];
      const x1 = l[ri + k + 1];
      a0 += x0 * l[rj + k];
      a1 += x1 * l[rj + k + 1];
      b0 += x0 * l[rk + k];
      b1 += x1 * l[rk + k + 1];
    }
    if (k < j) {
      a0 += l[ri + k] * l[rj + k];
      b0 += l[ri + k] * l[rk + k];
    }
    const lij = (l[ri + j] - (a0 + a1)) / l[rj + j];
    l[ri + j] = lij;
    l[ri + j + 1] = (l[ri + j + 1] - (b0 + b1) - lij * l[rk + j]) / l[rk + j + 1];
  }
  for (; j < jTo; j++) {
    const rj = j * n;
    let s = 0;
    for (let k = k0; k < j; k++) s += l[ri + k] * l[rj + k];
    l[ri + j] = (l[ri + j] - s) / l[rj + j];
  }
}

export interface CholeskyOptions extends GuardOptions {
  /** false (default): return `{ L }` with A = L·Lᵀ. true: return `{ U }` with A = Uᵀ·U (U = Lᵀ). */
  upper?: boolean;
}

/**
 * Cholesky factor of a symmetric positive definite matrix.
 * Throws 'not-symmetric' (relative test, see `symmetryDefect`), then
 * 'not-positive-definite' naming the failing pivot, e.g.
 * "Matrix is not positive definite: the pivot of row 3 is −2.0";
 * 'not-square', 'not-finite'. The 0×0 matrix gives `{ L: [] }` (numpy).
 * Example: `cholesky([[4, 2], [2, 2]])` → `{ L: [[2, 0], [1, 1]] }`.
 */
export function cholesky(A: MatrixInput, opts: CholeskyOptions & { upper: true }): { U: number[][] };
export function cholesky(A: MatrixInput, opts?: CholeskyOptions): { L: number[][] };
export function cholesky(A: MatrixInput, opts: CholeskyOptions = {}): { L: number[][] } | { U: number[][] } {
  const D = toDense(A, opts);
  assertSquare(D, 'Cholesky');
  const bad = symmetryDefect(D);
  if (bad) {
    throw new LinAlgError(
      'not-symmetric',
      `Matrix is not symmetric: entry (${bad.i + 1}, ${bad.j + 1}) differs from entry (${bad.j + 1}, ${bad.i + 1}) (relative asymmetry ${bad.rel.toExponential(1)}); Cholesky needs a symmetric positive definite matrix.`,
    );
  }
  const L = choleskyDense(D);
  if (opts.upper === true) {
    const n = L.rows;
    const U = zeros(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) U.data[j * n + i] = L.data[i * n + j];
    return { U: rowsOf(U) };
  }
  return { L: rowsOf(L) };
}
