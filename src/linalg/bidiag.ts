/**
 * Householder bidiagonalization of a tall (m ≥ n) matrix, A = Q·B·Pᵀ with B
 * upper bidiagonal, plus the accumulation of P. (Q is accumulated by qr.ts's
 * `formQ`: the left vectors sit below the diagonal exactly as in a QR.)
 */
import { householder } from './blas';
import { applyStoredReflectors, wyBlock } from './householderWy';
import { zeros, type Dense } from './dense';

export interface Bidiag {
  /** A overwritten: left vectors below the diagonal (column k), right vectors right of the superdiagonal (row k). */
  F: Dense;
  d: Float64Array;
  e: Float64Array;
  tauq: Float64Array;
  taup: Float64Array;
}

/**
 * Reduces `A` (m×n, m ≥ n) in place. Each step applies the left reflector
 * and then the right one; the two trailing updates are fused into one pass
 * over the rows (left update of a row, then its right update while it is in
 * cache). The same pass also accumulates z = Σ_i x_i·A[i, :] over the rows
 * of the next column x as they become final, so the next step's
 * w = τ·vᵀA (v = x scaled by the reflector) needs no pass of its own: the
 * trailing matrix is streamed once per step instead of twice.
 */
export function bidiagonalize(A: Dense): Bidiag {
  const { rows: m, cols: n, data: a } = A;
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(0, n - 1));
  const tauq = new Float64Array(n);
  const taup = new Float64Array(n);
  const w = new Float64Array(n);
  const v = new Float64Array(m);
  const u = new Float64Array(n);
  const z = new Float64Array(n);
  let zReady = false; // z holds Σ_{i>k} A[i][k]·A[i][c] (c > k) for the current k
  for (let k = 0; k < n; k++) {
    const kk = k * n + k;
    const alpha = a[kk];
    const tq = householder(m - k, a, kk, n);
    tauq[k] = tq;
    d[k] = a[kk];
    if (k === n - 1) break;
    const rk = k * n;
    const c0 = k + 1;
    // w = τq·vᵀ·A[k:, k+1:].
    if (tq !== 0) {
      v[k] = 1;
      for (let i = k + 1; i < m; i++) v[i] = a[i * n + k];
      // v_i = x_i/(α − β): w follows from z without another pass, unless that
      // divisor is so extreme that the unscaled products could lose range.
      const den = alpha - a[kk];
      const aden = Math.abs(den);
      if (zReady && aden > 1e-100 && aden < 1e100) {
        const scale = 1 / den;
        for (let c = c0; c < n; c++) w[c] = tq * (a[rk + c] + z[c] * scale);
      } else {
        for (let c = c0; c < n; c++) w[c] = a[rk + c];
        let i = k + 1;
        for (; i + 1 < m; i += 2) {
          const p = i * n;
          const q = p + n;
          const v0 = v[i];
          const v1 = v[i + 1];
          for (let c = c0; c < n; c++) w[c] += v0 * a[p + c] + v1 * a[q + c];
        }
        if (i < m) {
          const p = i * n;
          const v0 = v[i];
          for (let c = c0; c < n; c++) w[c] += v0 * a[p + c];
        }
        for (let c = c0; c < n; c++) w[c] *= tq;
      }
      for (let c = c0; c < n; c++) a[rk + c] -= w[c];
    }
    // Right reflector from the (updated) row k, entries k+1..n−1.
    let tp = 0;
    if (k < n - 2) tp = householder(n - k - 1, a, rk + c0, 1);
    taup[k] = tp;
    e[k] = a[rk + c0];
    if (tq === 0 && tp === 0) {
      zReady = false;
      continue;
    }
    u[c0] = 1;
    for (let c = c0 + 1; c < n; c++) u[c] = a[rk + c];
    const vq = tq !== 0;
    // z for step k+1 collects rows ≥ k+2 against columns ≥ k+2 (only if there is such a step).
    const c1 = c0 + 1;
    const wantZ = c0 < n - 1;
    for (let c = c1; c < n; c++) z[c] = 0;
    // Row k+1 first (it is the head of the next column, so it adds nothing to
    // z), then four rows per pass: left update fused with the dot products for
    // the right reflector, then the right update fused with the accumulation of
    // z; each load of w, u and z serves four rows.
    updateRow(a, (k + 1) * n, c0, n, vq ? v[k + 1] : 0, w, u, tp, z, false);
    let i = k + 2;
    if (tp !== 0) {
      for (; i + 3 < m; i += 4) {
        const p0 = i * n;
        const p1 = p0 + n;
        const p2 = p1 + n;
        const p3 = p2 + n;
        const v0 = vq ? v[i] : 0;
        const v1 = vq ? v[i + 1] : 0;
        const v2 = vq ? v[i + 2] : 0;
        const v3 = vq ? v[i + 3] : 0;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let c = c0; c < n; c++) {
          const wc = w[c];
          const uc = u[c];
          const x0 = a[p0 + c] - v0 * wc;
          const x1 = a[p1 + c] - v1 * wc;
          const x2 = a[p2 + c] - v2 * wc;
          const x3 = a[p3 + c] - v3 * wc;
          a[p0 + c] = x0;
          a[p1 + c] = x1;
          a[p2 + c] = x2;
          a[p3 + c] = x3;
          s0 += x0 * uc;
          s1 += x1 * uc;
          s2 += x2 * uc;
          s3 += x3 * uc;
        }
        s0 *= tp;
        s1 *= tp;
        s2 *= tp;
        s3 *= tp;
        // u[c0] = 1
        const g0 = a[p0 + c0] - s0;
        const g1 = a[p1 + c0] - s1;
        const g2 = a[p2 + c0] - s2;
        const g3 = a[p3 + c0] - s3;
        a[p0 + c0] = g0;
        a[p1 + c0] = g1;
        a[p2 + c0] = g2;
        a[p3 + c0] = g3;
        for (let c = c1; c < n; c++) {
          const uc = u[c];
          const x0 = a[p0 + c] - s0 * uc;
          const x1 = a[p1 + c] - s1 * uc;
          const x2 = a[p2 + c] - s2 * uc;
          const x3 = a[p3 + c] - s3 * uc;
          a[p0 + c] = x0;
          a[p1 + c] = x1;
          a[p2 + c] = x2;
          a[p3 + c] = x3;
          z[c] += g0 * x0 + g1 * x1 + (g2 * x2 + g3 * x3);
        }
      }
    }
    for (; i < m; i++) updateRow(a, i * n, c0, n, vq ? v[i] : 0, w, u, tp, z, wantZ);
    zReady = wantZ;
  }
  return { F: A, d, e, tauq, taup };
}

/**
 * One row of a bidiagonalization step: x = row − v_i·w, then x −= τp·(x·u)·u,
 * and (addZ) z[c] += x[c0]·x[c] for c > c0.
 */
function updateRow(
  a: Float64Array,
  p: number,
  c0: number,
  n: number,
  vi: number,
  w: Float64Array,
  u: Float64Array,
  tp: number,
  z: Float64Array,
  addZ: boolean,
): void {
  let s0 = 0;
  for (let c = c0; c < n; c++) {
    const x = a[p + c] - vi * w[c];
    a[p + c] = x;
    s0 += x * u[c];
  }
  if (tp !== 0) {
    s0 *= tp;
    for (let c = c0; c < n; c++) a[p + c] -= s0 * u[c];
  }
  if (addZ) {
    const g = a[p + c0];
    for (let c = c0 + 1; c < n; c++) z[c] += g * a[p + c];
  }
}


/**
 * P = G_0·G_1·…·G_{n−3} (n×n), where G_k acts on indices k+1..n−1 with its
 * vector stored in row k of F. Blocked backward accumulation: `wyBlock` reflectors
 * at a time as I − U·T·Uᵀ (compact WY, see householderWy.ts) on the rows and
 * columns ≥ the block's first index; the vectors are already contiguous rows.
 */
export function formP(b: Bidiag): Dense {
  const n = b.F.cols;
  const X = zeros(n, n);
  for (let i = 0; i < n; i++) X.data[i * n + i] = 1;
  applyPBlocks(b, X.data, n, true);
  return X;
}

/**
 * X ← P·X in place for X n×c (n = the bidiagonalized matrix's column count),
 * without forming P: the same blocked reflectors as `formP`, on all c columns.
 */
export function applyP(b: Bidiag, X: Dense): void {
  applyPBlocks(b, X.data, X.cols, false);
}

/**
 * Blocks of P's reflectors applied last to first to the n×c row-major x;
 * `identityShape`: x starts as the identity, so each block only touches the
 * columns ≥ its first index.
 */
function applyPBlocks(b: Bidiag, x: Float64Array, c: number, identityShape: boolean): void {
  const n = b.F.cols;
  applyStoredReflectors(b.F.data, b.taup, n, x, c, wyBlock(n, c), identityShape);
}
