/**
 * Principal component analysis and best low-rank approximation, both read
 * off the SVD (Eckart–Young–Mirsky).
 */
import { matmul, nrm2 } from './blas';
import { transpose, zeros, type Dense } from './dense';
import { rowsOf } from './rows';
import { LinAlgError } from './errors';
import { toDense, type GuardOptions, type MatrixInput } from './guards';
import { singularValuesDense, svdDense } from './svd';

export interface PcaOptions extends GuardOptions {
  /** Number of components, 1 ≤ k ≤ min(m, n); default min(m, n). */
  k?: number;
}

export interface PcaResult {
  /** Column means of X (length n), subtracted before the SVD. */
  mean: number[];
  /** k×n; row i is the i-th principal axis (unit length), largest-|entry| positive. */
  components: number[][];
  /** Variance along each component: s_i² / (m − 1) (sklearn's ddof = 1). */
  explainedVariance: number[];
  /** explainedVariance / total variance of the centred data (sums to 1 when k = rank). */
  explainedVarianceRatio: number[];
  /** The k largest singular values of the centred data. */
  singularValues: number[];
  /** m×k projections of the centred samples: (X − mean)·componentsᵀ. */
  scores: number[][];
}

function checkK(k: number | undefined, max: number, what: string): number {
  const kk = k ?? max;
  if (!Number.isInteger(kk) || kk < 1 || kk > max) {
    throw new LinAlgError('invalid-argument', `${what} must be an integer between 1 and ${max}, not ${String(k)}.`);
  }
  return kk;
}

/**
 * PCA of X (m samples as rows × n features), sklearn-like conventions:
 * centre the columns, thin SVD of the centred data (QR first when m ≫ n),
 * components = first k rows of Vh. Sign convention (sklearn's svd_flip on
 * the components): in each component the entry of largest magnitude is
 * positive, and its scores column is flipped with it.
 * Throws 'shape' for fewer than 2 samples, 'invalid-argument' for a bad k.
 * Example: `pca([[0, 0], [2, 0]]).components` → [[1, 0], [0, 1]]; explainedVariance [2, 0].
 */
export function pca(X: MatrixInput, opts: PcaOptions = {}): PcaResult {
  const D = toDense(X, opts);
  const m = D.rows;
  const n = D.cols;
  if (m < 2 || n < 1) {
    throw new LinAlgError('shape', `PCA needs at least 2 samples (rows) and 1 feature (column); this matrix is ${m}×${n}.`);
  }
  const k = checkK(opts.k, Math.min(m, n), 'The number of components k');
  const mean = new Float64Array(n);
  const a = D.data;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) mean[j] += a[i * n + j];
  for (let j = 0; j < n; j++) mean[j] /= m;
  const Xc = zeros(m, n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) Xc.data[i * n + j] = a[i * n + j] - mean[j];
  const r = svdDense(Xc, 'right');
  const s = r.s;
  const Vt = r.Vt as Dense;
  const comps = zeros(k, n);
  for (let i = 0; i < k; i++) {
    let big = 0;
    let sign = 1;
    for (let j = 0; j < n; j++) {
      const v = Vt.data[i * n + j];
      if (Math.abs(v) > big) {
        big = Math.abs(v);
        sign = v < 0 ? -1 : 1;
      }
    }
    for (let j = 0; j < n; j++) comps.data[i * n + j] = sign * Vt.data[i * n + j];
  }
  const scores = matmul(Xc, transpose(comps));
  let total = 0;
  for (let i = 0; i < s.length; i++) total += s[i] * s[i];
  const ev: number[] = [];
  const evr: number[] = [];
  for (let i = 0; i < k; i++) {
    ev.push((s[i] * s[i]) / (m - 1));
    evr.push(total > 0 ? (s[i] * s[i]) / total : 0);
  }
  return {
    mean: Array.from(mean),
    components: rowsOf(comps),
    explainedVariance: ev,
    explainedVarianceRatio: evr,
    singularValues: Array.from(s.subarray(0, k)),
    scores: rowsOf(scores),
  };
}

export interface LowRankResult {
  /** The best rank-k approximation U_k·Σ_k·Vh_k (m×n). */
  Ak: number[][];
  k: number;
  /** ‖A − A_k‖₂: Eckart–Young predicts σ_{k+1} (0 when k ≥ min(m, n)). */
  errorSpectral: { predicted: number; measured: number };
  /** ‖A − A_k‖_F: predicted sqrt(σ_{k+1}² + … + σ_r²). */
  errorFrobenius: { predicted: number; measured: number };
  /** All singular values of A, descending. */
  S: number[];
}

/**
 * Best rank-k approximation in both the 2-norm and the Frobenius norm
 * (Eckart–Young–Mirsky), with the predicted and the measured errors.
 * 0 ≤ k ≤ min(m, n) (k = 0 gives the zero matrix).
 * Throws 'invalid-argument' for a bad k, plus the input errors.
 * Example: `lowRank([[3, 0], [0, 1]], 1)` → Ak = [[3, 0], [0, 0]], errorSpectral { predicted: 1, measured: 1 }.
 */
export function lowRank(A: MatrixInput, k: number, opts: GuardOptions = {}): LowRankResult {
  const D = toDense(A, opts);
  const m = D.rows;
  const n = D.cols;
  const p = Math.min(m, n);
  if (!Number.isInteger(k) || k < 0 || k > p) {
    throw new LinAlgError('invalid-argument', `The rank k must be an integer between 0 and ${p}, not ${String(k)}.`);
  }
  const r = svdDense(D, 'thin');
  const s = r.s;
  // A_k = (Ut[:k])ᵀ · diag(s[:k]) · Vt[:k]
  const Ut = r.Ut as Dense;
  const Vt = r.Vt as Dense;
  const SU = zeros(m, k);
  for (let t = 0; t < k; t++) for (let i = 0; i < m; i++) SU.data[i * k + t] = Ut.data[t * m + i] * s[t];
  const Vk: Dense = { rows: k, cols: n, data: Vt.data.subarray(0, k * n) };
  const Ak = k > 0 ? matmul(SU, Vk) : zeros(m, n);
  const E = zeros(m, n);
  for (let i = 0; i < m * n; i++) E.data[i] = D.data[i] - Ak.data[i];
  const tail = s.subarray(k);
  const measuredSpectral = E.data.length ? (singularValuesDense(E)[0] ?? 0) : 0;
  return {
    Ak: rowsOf(Ak),
    k,
    errorSpectral: { predicted: k < p ? s[k] : 0, measured: measuredSpectral },
    errorFrobenius: { predicted: nrm2(tail.length, tail, 0, 1), measured: nrm2(E.data.length, E.data, 0, 1) },
    S: Array.from(s),
  };
}
