/**
 * Singular value decomposition of any real m×n matrix, numpy's `svd`
 * vocabulary: A = U · diag(S) · Vh.
 *
 * Algorithm (LAPACK's dgesdd/dgesvd paths): scale A into a safe exponent
 * range by a power of two (exact), QR first when m ≥ 1.6·n, Householder
 * bidiagonalization A = Q·B·Pᵀ, then the SVD of the bidiagonal B. Wide
 * matrices are handled through Aᵀ = V·Σ·Uᵀ. When singular vectors are
 * wanted and n ≥ DC_CROSSOVER, B = U_B·Σ·V_Bᵀ is computed by divide and
 * conquer (bidiagDC.ts) and the Householder reflectors are applied directly
 * to U_B and V_B (U = Q·U_B, V = P·V_B; Q and P are never formed). Otherwise
 * (values only, small n, or a graded bidiagonal, see `useDC`) implicit-shift
 * bidiagonal QR (bdsqr.ts) runs on the explicitly formed Q and P; it also
 * computes tiny singular values of the bidiagonal to high relative accuracy.
 * Both are backward stable and keep U and V orthogonal to working precision.
 */
import { bdsqr } from './bdsqr';
import { applyP, bidiagonalize, formP, type Bidiag } from './bidiag';
import { bidiagDC } from './bidiagDC';
import { EPS, SAFE_MIN, matmul, maxAbs, scalePow2 } from './blas';
import { clone, identity, transpose, zeros, type Dense } from './dense';
import { LinAlgError } from './errors';
import { rowsOf, rowsOfTransposed } from './rows';
import { assertSizeWithin, toDense, type GuardOptions, type MatrixInput } from './guards';
import { applyQ, extractR, formQ, qrFactor, qrRTall } from './qr';

/** What the kernel should compute besides the singular values ('right': Vt only, no U). */
export type SvdVectors = 'none' | 'thin' | 'full' | 'right';

/** Kernel result: singular vectors as ROWS (Ut: left vectors, Vt: right vectors). */
export interface SvdDense {
  s: Float64Array;
  /** k×m (thin) or m×m (full) — row i is the i-th left singular vector; null for 'none'. */
  Ut: Dense | null;
  /** k×n (thin) or n×n (full) — row i is the i-th right singular vector; null for 'none'. */
  Vt: Dense | null;
}

const SMLNUM = Math.sqrt(SAFE_MIN) / (EPS / 2);

/**
 * Smallest n (columns of the tall problem) for which the singular vectors
 * come from divide and conquer instead of bidiagonal QR; measured (CPU time,
 * square random matrices) as the point where divide and conquer with the
 * reflectors applied to U_B, V_B overtakes formQ/formP + bdsqr.
 */
export const DC_CROSSOVER = 80;
const BIGNUM = 1 / SMLNUM;

/**
 * Kernel result with the singular vectors as COLUMNS (U: m×k or m×m, V: n×k or n×n).
 * The singular values of A are s·2^exp: the kernel works on A scaled by an exact
 * power of two, and `exp` undoes that scaling (0 once `unscale` has run).
 */
interface SvdCols {
  s: Float64Array;
  U: Dense | null;
  V: Dense | null;
  exp: number;
}

/** As `svdDense`, but the vectors stay as columns and the singular values of A are s·2^exp. */
function svdScaledCols(A: Dense, want: SvdVectors): SvdCols {
  if (A.rows < A.cols) {
    if (want === 'right') {
      // Right vectors of A are the left vectors of Aᵀ.
      const r = svdTall(transpose(A), 'thin');
      return { s: r.s, U: null, V: r.U, exp: r.exp };
    }
    const r = svdTall(transpose(A), want);
    return { s: r.s, U: r.V, V: r.U, exp: r.exp };
  }
  return svdTall(clone(A), want);
}

/** s·2^exp in decimal scientific notation ("2.00e+308"), for values beyond the double range. */
export function decimal(s: number, exp: number): string {
  const l = Math.log10(s) + exp * Math.LOG10E * Math.LN2;
  let e = Math.floor(l);
  let m = 10 ** (l - e);
  if (m >= 9.995) {
    m /= 10;
    e += 1;
  }
  return `${m.toFixed(2)}e+${e}`;
}

/**
 * Multiplies the scaled singular values back to A's scale. Throws
 * `LinAlgError('overflow')` when the largest one exceeds the double range
 * (e.g. [[1e308, 1e308], [1e308, 1e308]] has σ₁ = 2e308), instead of
 * returning Infinity as if it were a singular value.
 */
function unscale(r: SvdCols): SvdCols {
  if (r.exp === 0) return r;
  const s = r.s;
  const f = 2 ** r.exp;
  if (s.length > 0 && !Number.isFinite(s[0] * f)) {
    throw new LinAlgError(
      'overflow',
      `The largest singular value of this matrix, ≈ ${decimal(s[0], r.exp)}, exceeds the double range (±1.8e308), so its singular values cannot be represented; scale the matrix down first (singular values scale with it).`,
    );
  }
  for (let i = 0; i < s.length; i++) s[i] *= f;
  r.exp = 0;
  return r;
}

/** As `svdDense`, but the vectors stay as columns (no transposes; `svd` writes them out directly). */
function svdDenseCols(A: Dense, want: SvdVectors): SvdCols {
  return unscale(svdScaledCols(A, want));
}

/**
 * SVD kernel for finite input; `A` is not modified.
 * Throws `LinAlgError('overflow')` when σ₁ exceeds the double range.
 */
export function svdDense(A: Dense, want: SvdVectors): SvdDense {
  const r = svdDenseCols(A, want);
  return { s: r.s, Ut: r.U ? transpose(r.U) : null, Vt: r.V ? transpose(r.V) : null };
}

/**
 * As `svdDense`, but the singular values are returned scaled: those of A are
 * s·2^exp. Never overflows; for quantities that are scale-invariant (ratios
 * such as the condition number) or that shrink with σ (the pseudo-inverse).
 */
export function svdDenseScaled(A: Dense, want: SvdVectors): SvdDense & { exp: number } {
  const r = svdScaledCols(A, want);
  return { s: r.s, Ut: r.U ? transpose(r.U) : null, Vt: r.V ? transpose(r.V) : null, exp: r.exp };
}

/** Singular values only (descending), O(mn·min(m,n)) without vector accumulation. Throws 'overflow' as `svdDense`. */
export function singularValuesDense(A: Dense): Float64Array {
  return svdDense(A, 'none').s;
}

// m ≥ n; W is a scratch copy that may be overwritten. The singular values come back as s·2^exp.
function svdTall(W: Dense, want: SvdVectors): SvdCols {
  const m = W.rows;
  const n = W.cols;
  const rowsU = want === 'full' ? m : n;
  const anrm = maxAbs(W);
  if (n === 0 || anrm === 0) {
    const s = new Float64Array(n);
    if (want === 'none') return { s, U: null, V: null, exp: 0 };
    const U0 = zeros(m, rowsU);
    for (let i = 0; i < Math.min(rowsU, m); i++) U0.data[i * rowsU + i] = 1;
    return { s, U: U0, V: identity(n), exp: 0 };
  }
  let p = 0;
  if (anrm < SMLNUM) p = Math.floor(Math.log2(SMLNUM / anrm));
  else if (anrm > BIGNUM) p = Math.ceil(Math.log2(BIGNUM / anrm));
  if (p !== 0) scalePow2(W, p);

  // U (m×rowsU) and V (n×n) hold the singular vectors as columns while the QR iteration runs.
  let s: Float64Array;
  let U: Dense | null = null;
  let V: Dense | null = null;
  const wantU = want === 'thin' || want === 'full';
  if (m >= 1.6 * n && n > 1 && !wantU) {
    // Only R is needed: QR on the transpose, then the SVD of R.
    const b = bidiagonalize(qrRTall(W));
    if (want === 'right' && useDC(b)) {
      V = dcVectors(b, n, 0).V;
    } else {
      if (want !== 'none') V = formP(b);
      bdsqr(n, b.d, b.e, V ? V.data : null, n, n, null, 0, 0);
    }
    s = b.d;
  } else if (m >= 1.6 * n && n > 1) {
    // QR first: the bidiagonal work then happens on the n×n R.
    const f = qrFactor(W);
    const b = bidiagonalize(extractR(f, n));
    let UR: Dense;
    if (useDC(b)) {
      const r = dcVectors(b, n, n);
      UR = r.U as Dense;
      V = r.V;
    } else {
      V = formP(b);
      UR = formQ({ F: b.F, tau: b.tauq }, n);
      bdsqr(n, b.d, b.e, V.data, n, n, UR.data, n, n);
    }
    s = b.d;
    if (rowsU === n) {
      // U = Q·[U_R; 0], applying the QR's reflectors to the m×n block (no Q, no product).
      const Ux = zeros(m, n);
      Ux.data.set(UR.data);
      applyQ(f, Ux);
      U = Ux;
    } else {
      // U = Q·[U_R 0; 0 I]
      const Q = formQ(f, rowsU);
      const head: Dense = { rows: m, cols: n, data: new Float64Array(m * n) };
      for (let i = 0; i < m; i++) head.data.set(Q.data.subarray(i * rowsU, i * rowsU + n), i * n);
      const QU = matmul(head, UR);
      for (let i = 0; i < m; i++) Q.data.set(QU.data.subarray(i * n, (i + 1) * n), i * rowsU);
      U = Q;
    }
  } else {
    const b = bidiagonalize(W);
    if (want !== 'none' && useDC(b)) {
      const r = dcVectors(b, m, wantU ? rowsU : 0);
      U = r.U;
      V = r.V;
    } else {
      if (want !== 'none') V = formP(b);
      if (wantU) U = formQ({ F: b.F, tau: b.tauq }, rowsU);
      bdsqr(n, b.d, b.e, V ? V.data : null, n, n, U ? U.data : null, m, rowsU);
    }
    s = b.d;
  }
  return { s, U, V, exp: -p };
}

/**
 * Divide and conquer for the bidiagonal of `b`? Not below DC_CROSSOVER, and
 * not when its nonzero entries span more than 30 decades (graded): there
 * bdsqr's tiny singular values keep high relative accuracy, while divide and
 * conquer (like LAPACK's dbdsdc) is accurate only relative to ‖B‖.
 * Bidiagonals of rank-deficient matrices (roundoff-level tails, exact zeros)
 * are not graded in this sense.
 */
function useDC(b: Bidiag): boolean {
  const n = b.d.length;
  if (n < DC_CROSSOVER) return false;
  let big = 0;
  let small = Infinity;
  for (let i = 0; i < n; i++) {
    const x = Math.abs(b.d[i]);
    if (x > big) big = x;
    if (x !== 0 && x < small) small = x;
    if (i < n - 1) {
      const y = Math.abs(b.e[i]);
      if (y > big) big = y;
      if (y !== 0 && y < small) small = y;
    }
  }
  return !(small < 1e-30 * big);
}

/**
 * Divide and conquer on the bidiagonal of `b` (m×n, m ≥ n): b.d becomes the
 * singular values (descending); returns V = P·V_B (n×n) and, for rowsU = n or
 * m, U = Q·[U_B 0; 0 I] (m×rowsU; null for rowsU = 0), the reflectors applied
 * in blocks to U_B and V_B (Q and P are never formed).
 */
function dcVectors(b: Bidiag, m: number, rowsU: number): { U: Dense | null; V: Dense } {
  const n = b.d.length;
  const f = bidiagDC(n, b.d, b.e);
  const V: Dense = { rows: n, cols: n, data: f.V };
  applyP(b, V);
  if (rowsU === 0) return { U: null, V };
  const U = zeros(m, rowsU);
  for (let i = 0; i < n; i++) U.data.set(f.U.subarray(i * n, i * n + n), i * rowsU);
  for (let i = n; i < rowsU; i++) U.data[i * rowsU + i] = 1;
  applyQ({ F: b.F, tau: b.tauq }, U);
  return { U, V };
}

export interface SvdOptions extends GuardOptions {
  /** false (default): thin, U m×k and Vh k×n with k = min(m, n). true: U m×m and Vh n×n. */
  full?: boolean;
}

export interface SvdResult {
  /** Left singular vectors as columns: m×k (thin) or m×m (full). */
  U: number[][];
  /** Singular values, descending, ≥ 0; length k = min(m, n). */
  S: number[];
  /** Right singular vectors as ROWS (numpy's Vh = Vᵀ): k×n (thin) or n×n (full). */
  Vh: number[][];
}

/**
 * A = U · diag(S) · Vh for any real m×n matrix (tall, wide, square,
 * rank-deficient, zero). Singular vectors are unique only up to sign (and up
 * to rotation within repeated or zero singular values); no sign is normalised.
 * Throws `LinAlgError` for non-finite ('not-finite'), ragged ('shape') or
 * oversized ('too-large') input, 'overflow' when the largest singular value
 * exceeds the double range (entries near 1e308: [[1e308, 1e308], [1e308, 1e308]]
 * has σ₁ = 2e308), and 'no-convergence' if a bidiagonal QR iteration (the
 * whole bidiagonal, or a divide-and-conquer leaf) exceeds its cap (6·k² steps;
 * never observed on finite input).
 * Empty input follows numpy: `svd([])` → `{ U: [], S: [], Vh: [] }`.
 * Example: `svd([[3, 0], [0, -2]])` → S = [3, 2], U = [[1, 0], [0, 1]], Vh = [[1, 0], [0, -1]].
 */
export function svd(A: MatrixInput, opts: SvdOptions = {}): SvdResult {
  const D = toDense(A, opts);
  const full = opts.full === true;
  if (full) {
    assertSizeWithin(D.rows, D.rows, opts.maxEntries, 'U');
    assertSizeWithin(D.cols, D.cols, opts.maxEntries, 'Vh');
  }
  const r = svdDenseCols(D, full ? 'full' : 'thin');
  return {
    U: rowsOf(r.U as Dense),
    S: Array.from(r.s),
    Vh: rowsOfTransposed(r.V as Dense),
  };
}

/**
 * Singular values only, descending (numpy's `svd(A, compute_uv=False)`).
 * Throws 'overflow' when the largest exceeds the double range (see `svd`).
 * Example: `singularValues([[3, 4]])` → [5].
 */
export function singularValues(A: MatrixInput, opts: GuardOptions = {}): number[] {
  return Array.from(singularValuesDense(toDense(A, opts)));
}
