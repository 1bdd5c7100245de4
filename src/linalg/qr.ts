/**
 * Householder QR of any real m×n matrix (tall, wide, rank-deficient, zero
 * columns, any scale). numpy's `qr(mode)` vocabulary.
 */
import { householder, reflectLeft } from './blas';
import { transpose, zeros, type Dense } from './dense';
import { rowsOf } from './rows';
import { toDense, type GuardOptions, type MatrixInput, assertSizeWithin } from './guards';
import { LinAlgError } from './errors';

/** Householder vectors below the diagonal of `F` (unit leading entry implied) and their τ. */
export interface QrFactors {
  F: Dense;
  tau: Float64Array;
}

/**
 * Overwrites `A` with R on and above the diagonal and the Householder vectors
 * below it (LAPACK's dgeqrf layout), unblocked. Reflector j works on rows j..m−1;
 * the trailing update walks rows (see `reflectLeft`).
 */
export function qrFactor(A: Dense): QrFactors {
  const { rows: m, cols: n, data: a } = A;
  const k = Math.min(m, n);
  const tau = new Float64Array(k);
  const w = new Float64Array(n);
  const v = new Float64Array(m);
  for (let j = 0; j < k; j++) {
    const t = householder(m - j, a, j * n + j, n);
    tau[j] = t;
    if (t === 0 || j + 1 >= n) continue;
    v[j] = 1;
    for (let i = j + 1; i < m; i++) v[i] = a[i * n + j];
    reflectLeft(a, n, j, m, j + 1, n, v, t, w);
  }
  return { F: A, tau };
}

/**
 * The first `qc` columns of Q = H_0·H_1·…·H_{k−1} (m×qc, qc ≥ k or qc = m).
 * Backward accumulation: applying H_j only touches rows and columns ≥ j.
 */
export function formQ(f: QrFactors, qc: number): Dense {
  const { F, tau } = f;
  const m = F.rows;
  const n = F.cols;
  const a = F.data;
  const k = tau.length;
  const Q = zeros(m, qc);
  const q = Q.data;
  for (let i = 0; i < Math.min(m, qc); i++) q[i * qc + i] = 1;
  const w = new Float64Array(qc);
  const v = new Float64Array(m);
  for (let j = k - 1; j >= 0; j--) {
    const t = tau[j];
    if (t === 0) continue;
    v[j] = 1;
    for (let i = j + 1; i < m; i++) v[i] = a[i * n + j];
    reflectLeft(q, qc, j, m, j, qc, v, t, w);
  }
  return Q;
}

/** The upper-triangular (trapezoidal) R with `rr` rows; entries below the diagonal are exactly 0. */
export function extractR(f: QrFactors, rr: number): Dense {
  const { F } = f;
  const n = F.cols;
  const R = zeros(rr, n);
  for (let i = 0; i < Math.min(rr, F.rows, n); i++) {
    R.data.set(F.data.subarray(i * n + i, (i + 1) * n), i * n + i);
  }
  return R;
}

export type QrMode = 'reduced' | 'complete';

export interface QrOptions extends GuardOptions {
  /** 'reduced' (default): Q m×k, R k×n with k = min(m, n). 'complete': Q m×m, R m×n. */
  mode?: QrMode;
}

export interface QrResult {
  Q: number[][];
  R: number[][];
}

/**
 * A = Q·R with orthonormal columns in Q and R upper triangular (exact zeros
 * below the diagonal). Householder reflections with β = −sign(α)‖x‖, so the
 * diagonal of R may be negative (as in LAPACK/numpy); a column that is already
 * reduced is left alone (τ = 0). No absolute thresholds: 1e-200-scaled inputs
 * factor as well as unit-scaled ones.
 * Throws `LinAlgError` for non-finite, ragged or oversized input.
 * Empty input follows numpy: `qr([])` → `{ Q: [], R: [] }`.
 * Example: `qr([[0, 1], [1, 0]])` → Q = [[0, −1], [−1, 0]], R = [[−1, 0], [0, −1]].
 */
export function qr(A: MatrixInput, opts: QrOptions = {}): QrResult {
  const mode = opts.mode ?? 'reduced';
  if (mode !== 'reduced' && mode !== 'complete') {
    throw new LinAlgError('invalid-argument', `qr mode must be 'reduced' or 'complete', not '${String(mode)}'.`);
  }
  const D = toDense(A, opts);
  const m = D.rows;
  const n = D.cols;
  const k = Math.min(m, n);
  const qc = mode === 'complete' ? m : k;
  assertSizeWithin(m, qc, opts.maxEntries, 'Q');
  const f = qrFactor(D);
  const R = extractR(f, qc);
  const Q = formQ(f, qc);
  return { Q: rowsOf(Q), R: rowsOf(R) };
}

/**
 * Only the n×n R of a tall m×n matrix (m ≥ n), computed on the transpose so
 * every Householder vector and every column it updates is a contiguous run of
 * length m − j (long loops pay for tall-skinny inputs such as 10000×50 PCA
 * data, where row-major rows are short). Same reflectors as `qrFactor`.
 */
export function qrRTall(A: Dense): Dense {
  const m = A.rows;
  const n = A.cols;
  const T = transpose(A); // n×m: row c of T is column c of A
  const t = T.data;
  const R = zeros(n, n);
  for (let j = 0; j < n; j++) {
    const vj = j * m + j;
    const tau = householder(m - j, t, vj, 1);
    R.data[j * n + j] = t[vj];
    const len = m - j;
    for (let c = j + 1; c < n; c++) {
      const o = c * m + j;
      if (tau !== 0) {
        // s = vᵀ·col (v[0] = 1), four partial sums against the dependency chain
        let s0 = t[o];
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let i = 1;
        for (; i + 3 < len; i += 4) {
          s0 += t[vj + i] * t[o + i];
          s1 += t[vj + i + 1] * t[o + i + 1];
          s2 += t[vj + i + 2] * t[o + i + 2];
          s3 += t[vj + i + 3] * t[o + i + 3];
        }
        for (; i < len; i++) s0 += t[vj + i] * t[o + i];
        const s = tau * (s0 + s1 + (s2 + s3));
        t[o] -= s;
        for (let q = 1; q < len; q++) t[o + q] -= s * t[vj + q];
      }
      R.data[j * n + c] = t[o];
    }
  }
  return R;
}
