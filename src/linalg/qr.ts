/**
 * Householder QR of any real m×n matrix (tall, wide, rank-deficient, zero
 * columns, any scale). numpy's `qr(mode)` vocabulary.
 */
import { gemm, gemmNT, householder, maxAbs, scalePow2 } from './blas';
import { applyBlock, formT, wyBlock } from './householderWy';
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
 * Factors the panel A[j0:m, j0:j0+b] through a transposed copy `pt` (b×len,
 * len = m − j0): each column of the panel, and so each Householder vector,
 * becomes a contiguous run, and the panel's own updates are dot products and
 * axpys over it. Writes the factored panel back into A and leaves `pt` holding
 * Vᵀ (zeros before each unit entry) for the blocked update.
 */
function factorPanel(a: Float64Array, n: number, j0: number, b: number, len: number, tau: Float64Array, pt: Float64Array): void {
  for (let r = 0; r < b; r++) {
    const row = r * len;
    for (let i = 0, q = j0 * n + j0 + r; i < len; i++, q += n) pt[row + i] = a[q];
  }
  for (let r = 0; r < b; r++) {
    const vr = r * len + r;
    const t = householder(len - r, pt, vr, 1);
    tau[j0 + r] = t;
    if (t === 0) continue;
    const cnt = len - r;
    for (let q = r + 1; q < b; q++) {
      const o = q * len + r;
      let s0 = pt[o];
      let s1 = 0;
      let i = 1;
      for (; i + 1 < cnt; i += 2) {
        s0 += pt[vr + i] * pt[o + i];
        s1 += pt[vr + i + 1] * pt[o + i + 1];
      }
      if (i < cnt) s0 += pt[vr + i] * pt[o + i];
      const s = t * (s0 + s1);
      pt[o] -= s;
      for (let p = 1; p < cnt; p++) pt[o + p] -= s * pt[vr + p];
    }
  }
  for (let r = 0; r < b; r++) {
    const row = r * len;
    for (let i = 0, q = j0 * n + j0 + r; i < len; i++, q += n) a[q] = pt[row + i];
    for (let i = 0; i < r; i++) pt[row + i] = 0;
    pt[row + r] = 1;
  }
}

/**
 * Overwrites `A` with R on and above the diagonal and the Householder vectors
 * below it (LAPACK's dgeqrf layout). Blocked right-looking algorithm: a panel
 * of `wyBlock` columns is factored (`factorPanel`), then the trailing columns get the
 * whole block at once as I − V·Tᵀ·Vᵀ (compact WY, two `gemm` products). Same
 * reflectors as the unblocked algorithm, only the update is reassociated.
 */
export function qrFactor(A: Dense): QrFactors {
  const { rows: m, cols: n, data: a } = A;
  const k = Math.min(m, n);
  const tau = new Float64Array(k);
  if (k === 0) return { F: A, tau };
  const NB = wyBlock(m, n);
  const pt = new Float64Array(Math.min(NB, k) * m);
  const T = new Float64Array(NB * NB);
  const w = new Float64Array(NB);
  const work = new Float64Array(NB * n);
  for (let j0 = 0; j0 < k; j0 += NB) {
    const b = Math.min(NB, k - j0);
    const len = m - j0;
    factorPanel(a, n, j0, b, len, tau, pt);
    const nc = n - j0 - b;
    if (nc <= 0) continue;
    formT(b, len, pt, tau, j0, T, w);
    applyBlock(b, len, pt, T, true, a, j0 * n + j0 + b, n, nc, work);
  }
  return { F: A, tau };
}

/**
 * X ← Q·X for Q = H_0·H_1·…·H_{k−1} and row-major X (m×c, leading dimension
 * ldx). Blocks are applied last to first as I − V·T·Vᵀ on rows ≥ the block's
 * first index; with `identityShape` X is taken to start as the identity
 * (columns before the block's first index are untouched by it then).
 */
function applyQBlocks(f: QrFactors, x: Float64Array, ldx: number, c: number, identityShape: boolean): void {
  const { F, tau } = f;
  const m = F.rows;
  const n = F.cols;
  const a = F.data;
  const k = tau.length;
  if (k === 0 || c === 0) return;
  const NB = wyBlock(m, c);
  const vt = new Float64Array(Math.min(NB, k) * m);
  const T = new Float64Array(NB * NB);
  const w = new Float64Array(NB);
  const work = new Float64Array(NB * c);
  const last = Math.floor((k - 1) / NB) * NB;
  for (let j0 = last; j0 >= 0; j0 -= NB) {
    const b = Math.min(NB, k - j0);
    const len = m - j0;
    let any = false;
    for (let r = 0; r < b; r++) {
      const row = r * len;
      for (let i = 0; i < r; i++) vt[row + i] = 0;
      vt[row + r] = 1;
      for (let i = r + 1, p = (j0 + i) * n + j0 + r; i < len; i++, p += n) vt[row + i] = a[p];
      if (tau[j0 + r] !== 0) any = true;
    }
    if (!any) continue;
    formT(b, len, vt, tau, j0, T, w);
    const c0 = identityShape ? Math.min(j0, c) : 0;
    applyBlock(b, len, vt, T, false, x, j0 * ldx + c0, ldx, c - c0, work);
  }
}

/**
 * The first `qc` columns of Q = H_0·H_1·…·H_{k−1} (m×qc, qc ≥ k or qc = m).
 * Blocked backward accumulation: blocks are applied last to first, each as
 * I − V·T·Vᵀ on rows and columns ≥ its first index (the rest is still identity).
 */
export function formQ(f: QrFactors, qc: number): Dense {
  const m = f.F.rows;
  const Q = zeros(m, qc);
  const q = Q.data;
  for (let i = 0; i < Math.min(m, qc); i++) q[i * qc + i] = 1;
  applyQBlocks(f, q, qc, qc, true);
  return Q;
}

/** X ← Q·X in place (X is m×c, m = the factored matrix's row count), without forming Q. */
export function applyQ(f: QrFactors, X: Dense): void {
  applyQBlocks(f, X.data, X.cols, X.cols, false);
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
 * factor as well as unit-scaled ones, and entries near 1e308 are factored
 * after an exact power-of-two scaling.
 * Throws `LinAlgError` for non-finite, ragged or oversized input, and
 * 'overflow' when R itself has an entry beyond the double range
 * (qr([[1.7e308], [1.7e308]]) has R = [[−2.4e308]]).
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
  // Entries near the overflow threshold: factor A·2^p instead (exact), so no
  // column norm or reflector update overflows, and scale R back at the end.
  // Q does not depend on the scale. Only the few bits needed are shifted, so
  // small entries elsewhere in A keep their precision.
  const anrm = maxAbs(D);
  // log2 of a bound on intermediate magnitudes (16·√m·max|a_ij|), taken in logs so it cannot overflow itself.
  const reach = anrm > 0 ? Math.log2(anrm) + 4 + 0.5 * Math.log2(Math.max(m, 1)) : -Infinity;
  const p = reach > QR_BIG_LOG2 ? Math.floor(QR_BIG_LOG2 - reach) : 0;
  if (p !== 0) scalePow2(D, p);
  const f = qrFactor(D);
  const R = extractR(f, qc);
  const Q = formQ(f, qc);
  if (p !== 0) {
    scalePow2(R, -p);
    const r = R.data;
    for (let i = 0; i < r.length; i++) {
      if (!Number.isFinite(r[i])) {
        throw new LinAlgError(
          'overflow',
          `R has an entry beyond the double range (±1.8e308) at (row ${Math.floor(i / n) + 1}, column ${(i % n) + 1}): a column of A has a 2-norm above 1.8e308, so A = Q·R cannot be represented; scale A down first.`,
        );
      }
    }
  }
  return { Q: rowsOf(Q), R: rowsOf(R) };
}

/** log2 of the largest magnitude the QR's intermediate values may reach without risk of overflow. */
const QR_BIG_LOG2 = 1020;

/** Reflectors per block in `qrRTall` (small: its panel work is level-2, the rest is `gemm`). */
const NB_TALL = 4;

/**
 * Only the n×n R of a tall m×n matrix (m ≥ n), computed on the transpose so
 * every Householder vector and every column it updates is a contiguous run of
 * length m − j (long loops pay for tall-skinny inputs such as 10000×50 PCA
 * data, where row-major rows are short). Blocked: NB_TALL reflectors are
 * generated on their own rows, then the remaining columns get the block as
 * I − V·Tᵀ·Vᵀ through two products over the long dimension (`gemmNT`, `gemm`).
 * Same reflectors as `qrFactor`.
 */
export function qrRTall(A: Dense): Dense {
  const m = A.rows;
  const n = A.cols;
  const T = transpose(A); // n×m: row c of T is column c of A
  const t = T.data;
  const R = zeros(n, n);
  const tau = new Float64Array(n);
  const vt = new Float64Array(NB_TALL * m);
  const TT = new Float64Array(NB_TALL * NB_TALL);
  const w = new Float64Array(NB_TALL);
  const W = new Float64Array(n * NB_TALL);
  const Y = new Float64Array(n * NB_TALL);
  for (let j0 = 0; j0 < n; j0 += NB_TALL) {
    const b = Math.min(NB_TALL, n - j0);
    const len = m - j0;
    // Panel: columns j0..j0+b−1, unblocked.
    for (let r = 0; r < b; r++) {
      const j = j0 + r;
      const vj = j * m + j;
      const tj = householder(m - j, t, vj, 1);
      tau[j] = tj;
      if (tj === 0) continue;
      const cnt = m - j;
      for (let c = j + 1; c < j0 + b; c++) {
        const o = c * m + j;
        let s0 = t[o];
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let i = 1;
        for (; i + 3 < cnt; i += 4) {
          s0 += t[vj + i] * t[o + i];
          s1 += t[vj + i + 1] * t[o + i + 1];
          s2 += t[vj + i + 2] * t[o + i + 2];
          s3 += t[vj + i + 3] * t[o + i + 3];
        }
        for (; i < cnt; i++) s0 += t[vj + i] * t[o + i];
        const s = tj * (s0 + s1 + (s2 + s3));
        t[o] -= s;
        for (let q = 1; q < cnt; q++) t[o + q] -= s * t[vj + q];
      }
    }
    const c0 = j0 + b;
    const nc = n - c0;
    if (nc <= 0) continue;
    // Vᵀ of the panel (zeros before each unit entry), then T.
    for (let r = 0; r < b; r++) {
      const row = r * len;
      const src = (j0 + r) * m + j0;
      for (let i = 0; i < r; i++) vt[row + i] = 0;
      vt[row + r] = 1;
      for (let i = r + 1; i < len; i++) vt[row + i] = t[src + i];
    }
    formT(b, len, vt, tau, j0, TT, w);
    // W = C·V (nc×b) for the trailing columns C (rows c0.. of T), Y = W·T, C −= Y·Vᵀ.
    W.fill(0, 0, nc * b);
    gemmNT(nc, b, len, 1, t, c0 * m + j0, m, vt, 0, len, W, 0, b);
    for (let c = 0; c < nc; c++) {
      const o = c * b;
      for (let r = 0; r < b; r++) {
        let s = 0;
        for (let q = 0; q <= r; q++) s += W[o + q] * TT[q * b + r];
        Y[o + r] = s;
      }
    }
    gemm(nc, len, b, -1, Y, 0, b, 1, vt, 0, len, t, c0 * m + j0, m);
  }
  for (let j = 0; j < n; j++) for (let c = j; c < n; c++) R.data[j * n + c] = t[c * m + j];
  return R;
}
