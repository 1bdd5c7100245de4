/**
 * Quantities read off the SVD: norms, rank, condition number, pseudo-inverse,
 * orthonormal bases of the null and column spaces; and `inv`, whose
 * singularity decision uses the same rank rule as numpy's `matrix_rank`.
 */
import { EPS, frob, matmulTN, maxAbs, scalePow2 } from './blas';
import { zeros, type Dense } from './dense';
import { rowsOf } from './rows';
import { LinAlgError } from './errors';
import { assertNonEmpty, assertSquare, toDense, type GuardOptions, type MatrixInput } from './guards';
import { luFactor, luInverseDense } from './lu';
import { singularValuesDense, svdDense, svdDenseScaled } from './svd';

/** numpy's default rank tolerance: s_max · max(m, n) · eps. */
export function defaultRankTol(s: ArrayLike<number>, m: number, n: number): number {
  // max(m, n)·eps first: s_max·max(m, n) could overflow for s_max near 1.8e308.
  return s.length === 0 ? 0 : s[0] * (Math.max(m, n) * EPS);
}

/**
 * Refuses a result with an entry beyond the double range (Infinity, or NaN
 * from Infinity − Infinity) instead of returning it as an answer.
 */
export function assertFiniteResult(X: Dense, what: string, why: string): void {
  const x = X.data;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      const r = Math.floor(i / X.cols) + 1;
      const c = (i % X.cols) + 1;
      throw new LinAlgError(
        'overflow',
        `The ${what} has an entry beyond the double range (±1.8e308) at (row ${r}, column ${c}), so it cannot be represented: ${why}.`,
      );
    }
  }
}

function countAbove(s: ArrayLike<number>, tol: number): number {
  let r = 0;
  for (let i = 0; i < s.length; i++) if (s[i] > tol) r++;
  return r;
}

/**
 * Spectral norm ‖A‖₂ = largest singular value (0 for empty or zero matrices).
 * Throws 'overflow' when it exceeds the double range (‖[[1e308, 1e308], [1e308, 1e308]]‖₂ = 2e308).
 * Example: `norm2([[3, 0], [0, -4]])` → 4.
 */
export function norm2(A: MatrixInput, opts: GuardOptions = {}): number {
  const s = singularValuesDense(toDense(A, opts));
  return s.length ? s[0] : 0;
}

/**
 * Frobenius norm sqrt(Σ a_ij²), computed with scaling so 1e200 entries do not overflow.
 * Example: `normF([[3, 4]])` → 5.
 */
export function normF(A: MatrixInput, opts: GuardOptions = {}): number {
  return frob(toDense(A, opts));
}

export interface RankOptions extends GuardOptions {
  /** Absolute threshold: singular values > tol count. Default s_max·max(m, n)·eps (numpy). */
  tol?: number;
}

/**
 * Numerical rank: the number of singular values above `tol` (numpy's
 * `matrix_rank`), returned with the tolerance used. Throws 'overflow' when the
 * largest singular value (and so the default tolerance's scale) exceeds the double range.
 * Example: `matrixRank([[1, 2], [2, 4]])` → `{ rank: 1, tol: 8.9e-16 }`.
 */
export function matrixRank(A: MatrixInput, opts: RankOptions = {}): { rank: number; tol: number } {
  const D = toDense(A, opts);
  const s = singularValuesDense(D);
  const tol = opts.tol ?? defaultRankTol(s, D.rows, D.cols);
  if (!(tol >= 0)) throw new LinAlgError('invalid-argument', `The rank tolerance must be a number ≥ 0, not ${tol}.`);
  return { rank: countAbove(s, tol), tol };
}

/**
 * 2-norm condition number s_max / s_min over min(m, n) singular values
 * (numpy's `cond(A)`); Infinity when s_min = 0 or the ratio overflows.
 * The ratio is taken of the singular values of A scaled by a power of two,
 * so it is right even when s_max itself exceeds the double range
 * (cond of 1.5e308·[[1, 1], [−1, 1]] is 1, not Infinity/Infinity).
 * Throws 'empty' for an empty matrix (numpy refuses too).
 * Example: `cond([[1, 0], [0, 1e-3]])` → 1000.
 */
export function cond(A: MatrixInput, opts: GuardOptions = {}): number {
  const D = toDense(A, opts);
  assertNonEmpty(D, 'The condition number');
  const s = svdDenseScaled(D, 'none').s;
  const smin = s[s.length - 1];
  if (smin === 0) return Infinity;
  return s[0] / smin;
}

export interface PinvOptions extends GuardOptions {
  /** Relative cutoff: singular values ≤ rcond·s_max are treated as zero. Default 1e-15 (numpy's `pinv`). */
  rcond?: number;
}

/**
 * Pseudo-inverse kernel: V·Σ⁺·Uᵀ over the singular values above rcond·s_max.
 * Works with the singular values of A scaled by a power of two (σ = s·2^exp),
 * so a matrix whose σ₁ exceeds the double range still has its (tiny) pseudo-
 * inverse; only X itself is scaled back. `s` and `cutoff` are in the scaled units.
 * Throws 'overflow' when an entry of X exceeds the double range (A has
 * subnormal singular values above the cutoff, e.g. pinv([[5e-324]]) = 2e323).
 */
export function pinvDense(A: Dense, rcond: number): { X: Dense; rank: number; cutoff: number; s: Float64Array; exp: number } {
  const m = A.rows;
  const n = A.cols;
  const r = svdDenseScaled(A, 'thin');
  const s = r.s;
  const cutoff = s.length ? rcond * s[0] : 0;
  const rank = countAbove(s, cutoff);
  const Ut = r.Ut as Dense;
  const Vt = r.Vt as Dense;
  // X = Σ_i v_i · (1/s_i) · u_iᵀ = (Vt[:rank])ᵀ · (Σ⁻¹ · Ut[:rank])
  const W = zeros(rank, m);
  for (let i = 0; i < rank; i++) {
    const inv = 1 / s[i];
    for (let j = 0; j < m; j++) W.data[i * m + j] = Ut.data[i * m + j] * inv;
  }
  const Vr: Dense = { rows: rank, cols: n, data: Vt.data.subarray(0, rank * n) };
  const X = matmulTN(Vr, W);
  if (r.exp !== 0) scalePow2(X, -r.exp);
  assertFiniteResult(X, 'pseudoinverse', 'A has nonzero singular values above the cutoff so small (subnormal entries) that their reciprocals exceed the largest double');
  return { X, rank, cutoff, s, exp: r.exp };
}

/**
 * Moore–Penrose pseudo-inverse (n×m) via the SVD, with a RELATIVE cutoff
 * rcond·s_max (never absolute), like numpy's `pinv(a, rcond=1e-15)`.
 * Throws 'overflow' when an entry of the pseudo-inverse exceeds the double
 * range (pinv([[5e-324]]) would be 2e323).
 * Example: `pinv([[1, 2], [1, 2]])` → [[0.1, 0.1], [0.2, 0.2]].
 */
export function pinv(A: MatrixInput, opts: PinvOptions = {}): number[][] {
  const D = toDense(A, opts);
  const rcond = opts.rcond ?? 1e-15;
  if (!(rcond >= 0)) throw new LinAlgError('invalid-argument', `rcond must be a number ≥ 0, not ${rcond}.`);
  return rowsOf(pinvDense(D, rcond).X);
}

/**
 * Inverse of a square matrix by LU with partial pivoting (numpy's `inv`).
 * Refuses numerically singular matrices — rank < n under numpy's
 * `matrix_rank` rule s_min ≤ s_max·n·eps — with 'singular' instead of
 * returning 1e15-sized garbage. The rule is decided cheaply when possible:
 * κ_F = ‖A‖_F‖A⁻¹‖_F ≥ κ₂, so κ_F < 1/(n·eps) proves full rank; only
 * otherwise are the singular values computed.
 * Throws 'singular', 'not-square', 'not-finite', and 'overflow' when the
 * inverse of a full-rank matrix has entries beyond the double range
 * (inv([[5e-324]]) = 2e323). inv of 0×0 is [] (numpy).
 * Example: `inv([[2, 0], [0, 4]])` → [[0.5, 0], [0, 0.25]].
 */
export function inv(A: MatrixInput, opts: GuardOptions = {}): number[][] {
  const D = toDense(A, opts);
  assertSquare(D, 'inv');
  const n = D.rows;
  if (n === 0) return [];
  // LU works on A·2^p when A's entries are near the overflow threshold (where
  // U's entries or the pivots' sums could overflow, and a U entry of Infinity
  // inverts to a silent 0) or so small that the pivots lose digits to the
  // subnormal grid; inv(2^p·A) = 2^-p·inv(A) is scaled back at the end, exactly.
  const As: Dense = { rows: n, cols: n, data: new Float64Array(D.data) };
  const anrm = maxAbs(As);
  const lg = anrm > 0 ? Math.log2(anrm) : 0;
  const hi = 1016 - Math.log2(n); // leaves room for the growth of partial pivoting
  const p = lg > hi ? Math.floor(hi - lg) : lg < -900 ? Math.floor(-lg) : 0;
  if (p !== 0) scalePow2(As, p);
  const normA = frob(As);
  const f = luFactor(As);
  const refuse = (how: string): LinAlgError =>
    new LinAlgError('singular', `The matrix is singular to working precision (${how}), so it has no usable inverse; try pinv or lstsq.`);
  if (f.zeroPivot >= 0) throw refuse(`pivot ${f.zeroPivot + 1} is exactly zero`);
  const X = luInverseDense(f);
  const kF = normA * frob(X); // scale-invariant
  const limit = 1 / (n * EPS);
  if (!(kF < limit)) {
    // Scaled singular values: the rank rule is scale-invariant, and σ₁ may exceed the double range.
    const s = svdDenseScaled(D, 'none').s;
    const tol = defaultRankTol(s, n, n);
    const rank = countAbove(s, tol);
    if (rank < n) throw refuse(`numerical rank ${rank} < ${n}; condition number ≈ ${(s[0] / s[n - 1]).toExponential(1)}`);
  }
  if (p !== 0) scalePow2(X, p);
  assertFiniteResult(X, 'inverse', 'A has full numerical rank, but its scale is so small (subnormal entries or pivots) that the entries of its inverse exceed the largest double');
  return rowsOf(X);
}

/** Orthonormal basis with the tolerance that decided its dimension. */
export interface Basis {
  /** Basis vectors as COLUMNS (n×d for the null space, m×r for the column space). */
  basis: number[][];
  /** Its dimension d (or r). */
  dim: number;
  /** The rank and the singular-value threshold used (numpy's default unless given). */
  rank: number;
  tol: number;
}

function basisColumns(V: Dense, from: number, to: number): number[][] {
  // Rows from..to−1 of V (vectors as rows) become columns of the result.
  const len = V.cols;
  const out: number[][] = [];
  for (let j = 0; j < len; j++) {
    const row: number[] = [];
    for (let i = from; i < to; i++) row.push(V.data[i * len + j]);
    out.push(row);
  }
  return out;
}

/**
 * Orthonormal basis of the null space {x : A·x = 0} from the right singular
 * vectors beyond the numerical rank (scipy's `null_space`). Columns of `basis`
 * are the vectors (n×d; `basis` is n rows of d entries, empty rows when d = 0).
 * Example: `nullSpace([[1, 1]])` → dim 1, basis ≈ [[−0.7071], [0.7071]] (sign free).
 */
export function nullSpace(A: MatrixInput, opts: RankOptions = {}): Basis {
  const D = toDense(A, opts);
  const r = svdDense(D, 'full');
  const tol = opts.tol ?? defaultRankTol(r.s, D.rows, D.cols);
  const rank = countAbove(r.s, tol);
  const Vt = r.Vt as Dense;
  return { basis: basisColumns(Vt, rank, D.cols), dim: D.cols - rank, rank, tol };
}

/**
 * Orthonormal basis of the column space (range) of A from the left singular
 * vectors of the numerical rank (scipy's `orth`). `basis` is m×r.
 * Example: `columnSpace([[1, 2], [2, 4]])` → dim 1, basis ≈ [[0.4472], [0.8944]] (sign free).
 */
export function columnSpace(A: MatrixInput, opts: RankOptions = {}): Basis {
  const D = toDense(A, opts);
  const r = svdDense(D, 'thin');
  const tol = opts.tol ?? defaultRankTol(r.s, D.rows, D.cols);
  const rank = countAbove(r.s, tol);
  return { basis: basisColumns(r.Ut as Dense, 0, rank), dim: rank, rank, tol };
}
