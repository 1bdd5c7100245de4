/**
 * Blocked Householder transformations in compact WY form (Schreiber & Van
 * Loan, 1989): a block of b reflectors H_0·H_1·…·H_{b−1} = I − V·T·Vᵀ with V
 * unit lower trapezoidal (len×b) and T upper triangular (b×b), so applying the
 * block to a matrix is two matrix products (`gemm`) and a small triangular
 * product instead of b rank-1 updates that each stream the whole matrix.
 *
 * V is held transposed (`vt`, b×len, row r = reflector r, zeros before its
 * unit entry at column r): every reflector is a contiguous run, which is what
 * both the T recurrence (dot products) and `gemm` want.
 */
import { gemm } from './blas';

/**
 * Reflectors per compact-WY block: 8 while the matrix fits comfortably in
 * cache (the triangular T work grows with the block), 16 beyond (each block
 * streams the matrix twice, so fewer blocks pay once it spills). Measured at
 * n = 100–400.
 */
export function wyBlock(rows: number, cols: number): number {
  return rows * cols <= 65536 ? 8 : 16;
}

/**
 * Fills T (b×b row-major, upper; ldT = b) for the reflectors in `vt` with
 * scalars tau[t0..t0+b−1]: T[i][i] = τ_i and T[0:i, i] = −τ_i·T[0:i, 0:i]·(V[:, 0:i]ᵀ·v_i)
 * (the forward, column-wise recurrence of LAPACK's dlarft). `w` is scratch ≥ b.
 */
export function formT(b: number, len: number, vt: Float64Array, tau: Float64Array, t0: number, T: Float64Array, w: Float64Array): void {
  T.fill(0, 0, b * b);
  for (let i = 0; i < b; i++) {
    const ti = tau[t0 + i];
    T[i * b + i] = ti;
    if (ti === 0 || i === 0) continue;
    const vi = i * len;
    // w[j] = v_jᵀ·v_i; v_i is zero before index i.
    for (let j = 0; j < i; j++) {
      const vj = j * len;
      let s0 = 0;
      let s1 = 0;
      let p = i;
      for (; p + 1 < len; p += 2) {
        s0 += vt[vj + p] * vt[vi + p];
        s1 += vt[vj + p + 1] * vt[vi + p + 1];
      }
      if (p < len) s0 += vt[vj + p] * vt[vi + p];
      w[j] = s0 + s1;
    }
    for (let r = 0; r < i; r++) {
      let s = 0;
      for (let c = r; c < i; c++) s += T[r * b + c] * w[c];
      T[r * b + i] = -ti * s;
    }
  }
}

/**
 * X ← (I − V·op(T)·Vᵀ)·X for the len×nc block of row-major X at offset xo
 * (leading dimension ldx); op(T) = Tᵀ when `transT` (that applies
 * Hᵀ = H_{b−1}·…·H_0, the factorisation's direction), T otherwise (applies
 * H_0·…·H_{b−1}, used to form Q). `work` is scratch of at least b·nc.
 */
export function applyBlock(
  b: number,
  len: number,
  vt: Float64Array,
  T: Float64Array,
  transT: boolean,
  x: Float64Array,
  xo: number,
  ldx: number,
  nc: number,
  work: Float64Array,
): void {
  if (nc <= 0 || b <= 0) return;
  // W = Vᵀ·X (b×nc)
  work.fill(0, 0, b * nc);
  gemm(b, nc, len, 1, vt, 0, len, 1, x, xo, ldx, work, 0, nc);
  // W ← op(T)·W in place.
  if (transT) {
    // (TᵀW)[r] = Σ_{c ≤ r} T[c][r]·W[c]: bottom-up, row r still holds W[r] when it is read.
    for (let r = b - 1; r >= 0; r--) {
      const wr = r * nc;
      const d = T[r * b + r];
      for (let j = 0; j < nc; j++) work[wr + j] *= d;
      for (let cc = 0; cc < r; cc++) {
        const t = T[cc * b + r];
        if (t === 0) continue;
        const wc = cc * nc;
        for (let j = 0; j < nc; j++) work[wr + j] += t * work[wc + j];
      }
    }
  } else {
    // (TW)[r] = Σ_{c ≥ r} T[r][c]·W[c]: top-down.
    for (let r = 0; r < b; r++) {
      const wr = r * nc;
      const d = T[r * b + r];
      for (let j = 0; j < nc; j++) work[wr + j] *= d;
      for (let cc = r + 1; cc < b; cc++) {
        const t = T[r * b + cc];
        if (t === 0) continue;
        const wc = cc * nc;
        for (let j = 0; j < nc; j++) work[wr + j] += t * work[wc + j];
      }
    }
  }
  // X −= V·W, V = vtᵀ read with swapped strides.
  gemm(len, nc, b, -1, vt, 0, 1, len, work, 0, nc, x, xo, ldx);
}

/**
 * X ← H_0·H_1·…·H_{n−3}·X for the row-major n×c matrix `x`, where reflector j
 * (I − τ_j·v_j·v_jᵀ) is stored in row j of the row-major n×n `store`: its unit
 * entry at column j+1 (implicit), its tail at columns j+2…n−1. That is how both
 * the tridiagonal reduction (Q) and the bidiagonalisation's right side (P) keep
 * their reflectors. Applied last block first, `nb` reflectors per compact-WY
 * block; `identityShape`: x starts as the identity, so a block starting at index
 * s leaves columns < s alone (they are still unit vectors there).
 */
export function applyStoredReflectors(
  store: Float64Array,
  tau: Float64Array,
  n: number,
  x: Float64Array,
  c: number,
  nb: number,
  identityShape: boolean,
): void {
  const k = n - 2; // reflectors 0..n−3
  if (k <= 0 || c === 0) return;
  const vt = new Float64Array(Math.min(nb, k) * n);
  const T = new Float64Array(nb * nb);
  const w = new Float64Array(nb);
  const work = new Float64Array(nb * c);
  const last = Math.floor((k - 1) / nb) * nb;
  for (let k0 = last; k0 >= 0; k0 -= nb) {
    const b = Math.min(nb, k - k0);
    const s = k0 + 1; // first index the block acts on
    const len = n - s;
    let any = false;
    for (let r = 0; r < b; r++) {
      const row = r * len;
      const src = (k0 + r) * n + s; // zeros, then the unit entry at s + r, then the tail
      for (let i = 0; i < r; i++) vt[row + i] = 0;
      vt[row + r] = 1;
      for (let i = r + 1; i < len; i++) vt[row + i] = store[src + i];
      if (tau[k0 + r] !== 0) any = true;
    }
    if (!any) continue;
    formT(b, len, vt, tau, k0, T, w);
    const c0 = identityShape ? s : 0;
    applyBlock(b, len, vt, T, false, x, s * c + c0, c, c - c0, work);
  }
}
