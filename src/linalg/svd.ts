/**
 * Singular value decomposition of any real m×n matrix, numpy's `svd`
 * vocabulary: A = U · diag(S) · Vh.
 *
 * Algorithm (LAPACK dgesvd's path): scale A into a safe exponent range by a
 * power of two (exact), QR first when m ≥ 1.6·n, Householder
 * bidiagonalization, then implicit-shift bidiagonal QR (bdsqr.ts). Wide
 * matrices are handled through Aᵀ = V·Σ·Uᵀ. Divide-and-conquer would be faster
 * for large n but needs far more code; bidiagonal QR is backward stable, keeps
 * both U and V orthogonal to working precision and computes tiny singular
 * values of the bidiagonal to high relative accuracy.
 */
import { bdsqr } from './bdsqr';
import { bidiagonalize, formP } from './bidiag';
import { EPS, SAFE_MIN, matmul, maxAbs, scalePow2 } from './blas';
import { clone, identity, transpose, zeros, type Dense } from './dense';
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
const BIGNUM = 1 / SMLNUM;

/** Kernel result with the singular vectors as COLUMNS (U: m×k or m×m, V: n×k or n×n). */
interface SvdCols {
  s: Float64Array;
  U: Dense | null;
  V: Dense | null;
}

/** As `svdDense`, but the vectors stay as columns (no transposes; `svd` writes them out directly). */
function svdDenseCols(A: Dense, want: SvdVectors): SvdCols {
  if (A.rows < A.cols) {
    if (want === 'right') {
      // Right vectors of A are the left vectors of Aᵀ.
      const r = svdTall(transpose(A), 'thin');
      return { s: r.s, U: null, V: r.U };
    }
    const r = svdTall(transpose(A), want);
    return { s: r.s, U: r.V, V: r.U };
  }
  return svdTall(clone(A), want);
}

/** SVD kernel for finite input; `A` is not modified. */
export function svdDense(A: Dense, want: SvdVectors): SvdDense {
  const r = svdDenseCols(A, want);
  return { s: r.s, Ut: r.U ? transpose(r.U) : null, Vt: r.V ? transpose(r.V) : null };
}

/** Singular values only (descending), O(mn·min(m,n)) without vector accumulation. */
export function singularValuesDense(A: Dense): Float64Array {
  return svdDense(A, 'none').s;
}

// m ≥ n; W is a scratch copy that may be overwritten.
function svdTall(W: Dense, want: SvdVectors): SvdCols {
  const m = W.rows;
  const n = W.cols;
  const rowsU = want === 'full' ? m : n;
  const anrm = maxAbs(W);
  if (n === 0 || anrm === 0) {
    const s = new Float64Array(n);
    if (want === 'none') return { s, U: null, V: null };
    const U0 = zeros(m, rowsU);
    for (let i = 0; i < Math.min(rowsU, m); i++) U0.data[i * rowsU + i] = 1;
    return { s, U: U0, V: identity(n) };
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
    if (want !== 'none') V = formP(b);
    bdsqr(n, b.d, b.e, V ? V.data : null, n, n, null, 0, 0);
    s = b.d;
  } else if (m >= 1.6 * n && n > 1) {
    // QR first: the bidiagonal work then happens on the n×n R.
    const f = qrFactor(W);
    const b = bidiagonalize(extractR(f, n));
    let UR: Dense | null = null;
    if (want !== 'none') V = formP(b);
    if (wantU) UR = formQ({ F: b.F, tau: b.tauq }, n);
    bdsqr(n, b.d, b.e, V ? V.data : null, n, n, UR ? UR.data : null, n, n);
    s = b.d;
    if (UR && rowsU === n) {
      // U = Q·[U_R; 0], applying the QR's reflectors to the m×n block (no Q, no product).
      const Ux = zeros(m, n);
      Ux.data.set(UR.data);
      applyQ(f, Ux);
      U = Ux;
    } else if (UR) {
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
    if (want !== 'none') V = formP(b);
    if (wantU) U = formQ({ F: b.F, tau: b.tauq }, rowsU);
    bdsqr(n, b.d, b.e, V ? V.data : null, n, n, U ? U.data : null, m, rowsU);
    s = b.d;
  }
  if (p !== 0) {
    const f = 2 ** -p;
    for (let i = 0; i < n; i++) s[i] *= f;
  }
  return { s, U, V };
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
 * oversized ('too-large') input, and 'no-convergence' if the QR iteration
 * exceeds its cap (6·k² steps; never observed on finite input).
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
 * Example: `singularValues([[3, 4]])` → [5].
 */
export function singularValues(A: MatrixInput, opts: GuardOptions = {}): number[] {
  return Array.from(singularValuesDense(toDense(A, opts)));
}
