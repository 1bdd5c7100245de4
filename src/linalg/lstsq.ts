/**
 * Linear least squares: `lstsq` (SVD, minimum-norm, numpy semantics) and
 * `lstsqNormal` (normal equations by Cholesky, for comparison, with an honest
 * warning about the digits it loses).
 */
import { EPS, matmul, matmulTN, nrm2 } from './blas';
import { choleskyDense } from './cholesky';
import { zeros, type Dense } from './dense';
import { rowsOf } from './rows';
import { LinAlgError, isLinAlgError } from './errors';
import { toDense, toRhs, type GuardOptions, type MatrixInput } from './guards';
import { assertFiniteResult } from './spectral';
import { singularValuesDense, svdDense } from './svd';

export type Rhs = readonly number[] | MatrixInput;

export interface LstsqOptions extends GuardOptions {
  /** Relative cutoff: singular values ≤ rcond·s_max count as zero. Default max(m, n)·eps (numpy's rcond=None). */
  rcond?: number;
}

export interface LstsqResult {
  /** Minimum-norm least-squares solution: length n for a vector b, n×k for an m×k b. */
  x: number[] | number[][];
  /**
   * numpy semantics: squared 2-norm of each column of b − A·x, but only when
   * rank = n and m > n; otherwise empty.
   */
  residuals: number[];
  /** Effective rank (singular values above rcond·s_max). */
  rank: number;
  /** All min(m, n) singular values of A, descending. */
  s: number[];
}

function residualColumns(A: Dense, X: Dense, B: Dense): number[] {
  const AX = matmul(A, X);
  const out: number[] = [];
  const R = new Float64Array(B.rows);
  for (let c = 0; c < B.cols; c++) {
    for (let i = 0; i < B.rows; i++) R[i] = B.data[i * B.cols + c] - AX.data[i * B.cols + c];
    const r = nrm2(B.rows, R, 0, 1);
    out.push(r * r);
  }
  return out;
}

/**
 * Least-squares solution of A·x ≈ b by the SVD (numpy's `lstsq`): for
 * rank-deficient A it returns the minimum-norm solution x = V·Σ⁺·Uᵀ·b (a plain
 * QR solve would return 1e15-sized entries there). `b` is a vector of length m
 * or an m×k matrix of right-hand sides.
 * Throws 'shape' (b has the wrong length), 'not-finite', 'invalid-argument',
 * and 'overflow' when x, the squared residuals or the singular values (σ₁ of
 * entries near 1e308) exceed the double range, instead of returning Infinity.
 * Example: `lstsq([[1], [1]], [1, 3])` → `{ x: [2], residuals: [2], rank: 1, s: [1.414…] }`.
 */
export function lstsq(A: MatrixInput, b: Rhs, opts: LstsqOptions = {}): LstsqResult {
  const D = toDense(A, opts);
  const m = D.rows;
  const n = D.cols;
  const { B, vector } = toRhs(b, m, opts);
  const rcond = opts.rcond ?? Math.max(m, n) * EPS;
  if (!(rcond >= 0)) throw new LinAlgError('invalid-argument', `rcond must be a number ≥ 0, not ${rcond}.`);
  const r = svdDense(D, 'thin');
  const s = r.s;
  const k = s.length;
  const cutoff = k ? rcond * s[0] : 0;
  let rank = 0;
  while (rank < k && s[rank] > cutoff) rank++;
  const nb = B.cols;
  // C = Σ⁻¹·(Ut[:rank]·B), then X = Vt[:rank]ᵀ·C
  const Ur: Dense = { rows: rank, cols: m, data: (r.Ut as Dense).data.subarray(0, rank * m) };
  const C = matmul(Ur, B);
  for (let i = 0; i < rank; i++) for (let c = 0; c < nb; c++) C.data[i * nb + c] /= s[i];
  const Vr: Dense = { rows: rank, cols: n, data: (r.Vt as Dense).data.subarray(0, rank * n) };
  const X = rank > 0 ? matmulTN(Vr, C) : zeros(n, nb);
  assertFiniteResult(X, 'least-squares solution', 'A has nonzero singular values so small (subnormal entries) that x = V·Σ⁺·Uᵀ·b exceeds the largest double; scale A up or b down first');
  const residuals = rank === n && m > n ? residualColumns(D, X, B) : [];
  for (let c = 0; c < residuals.length; c++) {
    if (!Number.isFinite(residuals[c])) {
      throw new LinAlgError(
        'overflow',
        `The squared residual norm ‖b − A·x‖² of right-hand side ${c + 1} exceeds the double range (±1.8e308), so numpy's \`residuals\` cannot be represented; scale b down first.`,
      );
    }
  }
  return { x: vector ? Array.from(X.data) : rowsOf(X), residuals, rank, s: Array.from(s) };
}

export interface LstsqNormalResult {
  /** Solution of AᵀA·x = Aᵀb (length n, or n×k). */
  x: number[] | number[][];
  /** 2-norm condition number of A; the normal equations work with its square. */
  cond: number;
  /** log10(κ(A)²): decimal digits the normal equations may lose (vs log10 κ(A) for lstsq). */
  digitsLost: number;
  /** Present when digitsLost ≥ 6: a sentence saying how many digits are at risk. */
  warning?: string;
}

/**
 * Least squares through the normal equations AᵀA·x = Aᵀb solved by
 * Cholesky — fast but it squares the condition number, so it is offered for
 * comparison with `lstsq`. Needs m ≥ n and full column rank.
 * Throws 'singular' when AᵀA is not numerically positive definite (dependent
 * columns), plus the input errors of `lstsq`.
 * Example: `lstsqNormal([[1, 0], [0, 1], [1, 1]], [1, 1, 2]).x` → [1, 1].
 */
export function lstsqNormal(A: MatrixInput, b: Rhs, opts: GuardOptions = {}): LstsqNormalResult {
  const D = toDense(A, opts);
  const m = D.rows;
  const n = D.cols;
  const { B, vector } = toRhs(b, m, opts);
  const s = singularValuesDense(D);
  const cond = s.length === 0 ? 1 : s[s.length - 1] === 0 ? Infinity : s[0] / s[s.length - 1];
  const G = matmulTN(D, D);
  const rhs = matmulTN(D, B);
  let L: Dense;
  try {
    L = choleskyDense(G);
  } catch (e) {
    if (isLinAlgError(e)) {
      throw new LinAlgError(
        'singular',
        `The normal equations failed: AᵀA is not positive definite in floating point (κ(A) ≈ ${cond.toExponential(1)}, columns are numerically dependent). Use lstsq (SVD) instead.`,
      );
    }
    throw e;
  }
  const nb = B.cols;
  const X = zeros(n, nb);
  const x = X.data;
  x.set(rhs.data);
  const l = L.data;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const lij = l[i * n + j];
      for (let c = 0; c < nb; c++) x[i * nb + c] -= lij * x[j * nb + c];
    }
    for (let c = 0; c < nb; c++) x[i * nb + c] /= l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      const lji = l[j * n + i];
      for (let c = 0; c < nb; c++) x[i * nb + c] -= lji * x[j * nb + c];
    }
    for (let c = 0; c < nb; c++) x[i * nb + c] /= l[i * n + i];
  }
  const digitsLost = cond === Infinity ? Infinity : Math.max(0, 2 * Math.log10(cond));
  const out: LstsqNormalResult = { x: vector ? Array.from(x) : rowsOf(X), cond, digitsLost };
  if (digitsLost >= 6) {
    const kept = Math.max(0, 15.95 - digitsLost);
    out.warning =
      `Normal equations square the condition number: κ(A) ≈ ${cond.toExponential(1)}, so κ(AᵀA) ≈ ${(cond * cond).toExponential(1)} ` +
      `and about ${Math.round(digitsLost)} of the ~16 significant digits may be lost (≈ ${Math.round(kept)} left). ` +
      `lstsq (SVD) loses only about ${Math.round(Math.log10(cond))}.`;
  }
  return out;
}
