/**
 * Householder bidiagonalization of a tall (m ≥ n) matrix, A = Q·B·Pᵀ with B
 * upper bidiagonal, plus the accumulation of Qᵀ and Pᵀ in row form (their
 * rows are the left/right vectors the bidiagonal QR then rotates).
 */
import { householder } from './blas';
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
 * cache), so the trailing matrix is streamed twice per step instead of four times.
 */
export function bidiagonalize(A: Dense): Bidiag {
  const { rows: m, cols: n, data: a } = A;
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(0, n - 1));
  const tauq = new Float64Array(n);
  const taup = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const kk = k * n + k;
    const tq = householder(m - k, a, kk, n);
    tauq[k] = tq;
    d[k] = a[kk];
    if (k === n - 1) break;
    const rk = k * n;
    // w = τq · vᵀ·A[k:, k+1:]
    if (tq !== 0) {
      for (let c = k + 1; c < n; c++) w[c] = a[rk + c];
      for (let i = k + 1; i < m; i++) {
        const ri = i * n;
        const vi = a[ri + k];
        if (vi === 0) continue;
        for (let c = k + 1; c < n; c++) w[c] += vi * a[ri + c];
      }
      for (let c = k + 1; c < n; c++) {
        w[c] *= tq;
        a[rk + c] -= w[c];
      }
    }
    // Right reflector from the (updated) row k, entries k+1..n−1.
    let tp = 0;
    if (k < n - 2) tp = householder(n - k - 1, a, rk + k + 1, 1);
    taup[k] = tp;
    e[k] = a[rk + k + 1];
    if (tq === 0 && tp === 0) continue;
    for (let i = k + 1; i < m; i++) {
      const ri = i * n;
      if (tq !== 0) {
        const vi = a[ri + k];
        if (vi !== 0) for (let c = k + 1; c < n; c++) a[ri + c] -= vi * w[c];
      }
      if (tp !== 0) {
        let s = a[ri + k + 1];
        for (let c = k + 2; c < n; c++) s += a[ri + c] * a[rk + c];
        s *= tp;
        a[ri + k + 1] -= s;
        for (let c = k + 2; c < n; c++) a[ri + c] -= s * a[rk + c];
      }
    }
  }
  return { F: A, d, e, tauq, taup };
}

/**
 * Qᵀ in row form restricted to its first `rowsU` rows (rowsU = n for the thin
 * SVD, m for the full one): X = I(rowsU, m)·H_{n−1}·…·H_0. Applying H_j only
 * changes rows ≥ j and columns ≥ j, which keeps the work at LAPACK's dorgbr count.
 */
export function formQt(b: Bidiag, rowsU: number): Dense {
  const { F, tauq } = b;
  const m = F.rows;
  const n = F.cols;
  const a = F.data;
  const X = zeros(rowsU, m);
  const x = X.data;
  for (let i = 0; i < rowsU; i++) x[i * m + i] = 1;
  const v = new Float64Array(m);
  for (let j = n - 1; j >= 0; j--) {
    const t = tauq[j];
    if (t === 0) continue;
    v[j] = 1;
    for (let i = j + 1; i < m; i++) v[i] = a[i * n + j];
    for (let r = j; r < rowsU; r++) {
      const o = r * m;
      let s = 0;
      for (let i = j; i < m; i++) s += x[o + i] * v[i];
      if (s === 0) continue;
      s *= t;
      for (let i = j; i < m; i++) x[o + i] -= s * v[i];
    }
  }
  return X;
}

/** Pᵀ (n×n) in row form: I·G_{n−3}·…·G_0, where G_k acts on indices k+1..n−1. */
export function formPt(b: Bidiag): Dense {
  const { F, taup } = b;
  const n = F.cols;
  const a = F.data;
  const X = zeros(n, n);
  const x = X.data;
  for (let i = 0; i < n; i++) x[i * n + i] = 1;
  const u = new Float64Array(n);
  for (let k = n - 3; k >= 0; k--) {
    const t = taup[k];
    if (t === 0) continue;
    u[k + 1] = 1;
    for (let c = k + 2; c < n; c++) u[c] = a[k * n + c];
    for (let r = k + 1; r < n; r++) {
      const o = r * n;
      let s = 0;
      for (let c = k + 1; c < n; c++) s += x[o + c] * u[c];
      if (s === 0) continue;
      s *= t;
      for (let c = k + 1; c < n; c++) x[o + c] -= s * u[c];
    }
  }
  return X;
}
