/**
 * Householder reduction of a general square matrix to upper Hessenberg form,
 * H = Qᵀ A Q, acting on the block lo..hi left by balancing (Golub & Van Loan
 * §7.4.3; LAPACK dgehd2/dorghr describe the same unblocked scheme).
 * Row-major storage throughout; both one-sided updates run along rows.
 */
import { reflector, type Reflector } from './eigShared';
import { applyBlock, formT, wyBlock } from './householderWy';
import { gemm } from './blas';

const refl: Reflector = { beta: 0, tau: 0 };

/** Reflectors of a Hessenberg reduction: H_k = I − tau[k] v_k v_kᵀ. */
export interface HessenbergReflectors {
  /** Row k holds v_k (v_k[k+1] = 1, entries outside k+1..hi zero). */
  v: Float64Array;
  tau: Float64Array;
}

/** Reflectors per panel of the blocked reduction. */
const HB = 16;
/** Below this many remaining columns the reduction finishes unblocked. */
const HB_MIN = 64;

/** Reduces `a` (n×n, row-major) in place; entries below the subdiagonal become exact zeros. */
export function hessenberg(a: Float64Array, n: number, lo: number, hi: number): HessenbergReflectors {
  const v = new Float64Array(n * n);
  const tau = new Float64Array(n);
  const w = new Float64Array(n);
  let k = lo;
  if (hi - lo > HB_MIN) {
    const p = new Panel(n, hi);
    for (; hi - k > HB_MIN; k += HB) blockedPanel(a, n, hi, k, v, tau, p);
  }
  for (; k + 1 < hi; k++) {
    const k1 = k + 1;
    const vo = k * n;
    // Scaled norms (LAPACK dlarfg's safeguards): subnormal or 1e-160-sized columns still give an orthogonal reflector.
    reflector(a[k1 * n + k], a, (k1 + 1) * n + k, n, hi - k1, v, vo + k1 + 1, 1, refl);
    const t = refl.tau;
    if (t === 0) continue;
    v[vo + k1] = 1;
    for (let i = k1 + 1; i <= hi; i++) a[i * n + k] = 0;
    a[k1 * n + k] = refl.beta;
    tau[k] = t;
    // Left: rows k1..hi, columns k1..n-1:  A ← A − t v (vᵀ A).
    leftReflect(a, n, v, vo, t, k1, hi, k1, n - 1, w);
    // Right: rows 0..hi, columns k1..hi:  A ← A − t (A v) vᵀ.
    rightReflect(a, n, v, vo, t, 0, hi, k1, hi);
  }
  return { v, tau };
}

/** Scratch of the blocked reduction. */
class Panel {
  /** Vᵀ of the panel, HB rows of length hi − j0 (allocated for the first panel, the longest). */
  vt: Float64Array;
  /** Y = A·V·T, rows 0..hi, HB columns (row-major, ld HB). */
  y: Float64Array;
  T: Float64Array;
  col: Float64Array;
  s: Float64Array;
  work: Float64Array;
  constructor(n: number, hi: number) {
    this.vt = new Float64Array(HB * n);
    this.y = new Float64Array(HB * (hi + 1));
    this.T = new Float64Array(HB * HB);
    this.col = new Float64Array(n);
    this.s = new Float64Array(HB);
    this.work = new Float64Array(HB * n);
  }
}

/**
 * HB steps of the reduction starting at column j0, with the update of the
 * rest of the matrix deferred and done as matrix products (LAPACK's
 * dgehrd/dlahr2 scheme, adapted to row-major storage): the panel's
 * reflectors form Q = I − V·T·Vᵀ, and with Y = A·V·T (A as at the start of
 * the panel) each panel column is brought up to date just before its
 * reflector is made — right side A·Q through Y, left side Qᵀ· through V and
 * T — while the trailing columns get A ← Qᵀ·(A − Y·Vᵀ) at the end, by `gemm`
 * and `applyBlock`. The products A·v with the not yet updated trailing
 * columns stay matrix–vector work, as in LAPACK.
 */
function blockedPanel(a: Float64Array, n: number, hi: number, j0: number, v: Float64Array, tau: Float64Array, p: Panel): void {
  const { vt, y, T, col, s, work } = p;
  const len = hi - j0; // indices j0+1..hi
  const base = j0 + 1;
  vt.fill(0, 0, HB * len);
  T.fill(0);
  for (let i = 0; i < HB; i++) {
    const k = j0 + i;
    const k1 = k + 1;
    if (i > 0) {
      // Right side: column k of A·Q_i = A[:, k] − Y_i·(row k of V_i)ᵀ, rows 0..hi.
      const vk = k - base; // position of index k in the rows of vt
      for (let c = 0; c < i; c++) s[c] = vt[c * len + vk];
      for (let r = 0; r <= hi; r++) {
        const yo = r * HB;
        let acc = 0;
        for (let c = 0; c < i; c++) acc += y[yo + c] * s[c];
        a[r * n + k] -= acc;
      }
      // Left side: rows base..hi of the column ← (I − V_i T_iᵀ V_iᵀ)·column.
      for (let r = 0; r < len; r++) col[r] = a[(base + r) * n + k];
      for (let c = 0; c < i; c++) {
        const vo = c * len;
        let acc = 0;
        for (let r = c; r < len; r++) acc += vt[vo + r] * col[r];
        s[c] = acc;
      }
      // s ← T_iᵀ s (bottom-up: entry c uses s[0..c]).
      for (let c = i - 1; c >= 0; c--) {
        let acc = 0;
        for (let d = 0; d <= c; d++) acc += T[d * HB + c] * s[d];
        s[c] = acc;
      }
      for (let c = 0; c < i; c++) {
        const sc = s[c];
        if (sc === 0) continue;
        const vo = c * len;
        for (let r = c; r < len; r++) col[r] -= vt[vo + r] * sc;
      }
      for (let r = 0; r < len; r++) a[(base + r) * n + k] = col[r];
    }
    // Reflector for rows k1..hi of column k.
    const vo = k * n;
    reflector(a[k1 * n + k], a, (k1 + 1) * n + k, n, hi - k1, v, vo + k1 + 1, 1, refl);
    const t = refl.tau;
    const vr = i * len;
    if (t === 0) continue; // H_k = I: zero row of Vᵀ, zero column of Y and T
    v[vo + k1] = 1;
    for (let r = k1 + 1; r <= hi; r++) a[r * n + k] = 0;
    a[k1 * n + k] = refl.beta;
    tau[k] = t;
    for (let r = k1; r <= hi; r++) vt[vr + r - base] = v[vo + r];
    // s = V_iᵀ v (v is zero before index k1).
    for (let c = 0; c < i; c++) {
      const o = c * len;
      let acc = 0;
      for (let r = k1 - base; r < len; r++) acc += vt[o + r] * vt[vr + r];
      s[c] = acc;
    }
    // Y[:, i] = t·(A[:, k1..hi]·v − Y_i·s) over rows 0..hi, with the columns k1..hi not yet updated.
    // Two rows per pass, two partial sums each: four independent chains share each load of v.
    let r = 0;
    for (; r + 1 <= hi; r += 2) {
      const ro = r * n;
      const ro1 = ro + n;
      let a0 = 0;
      let a1 = 0;
      let b0 = 0;
      let b1 = 0;
      let c = k1;
      for (; c + 1 <= hi; c += 2) {
        const v0 = v[vo + c];
        const v1 = v[vo + c + 1];
        a0 += a[ro + c] * v0;
        a1 += a[ro + c + 1] * v1;
        b0 += a[ro1 + c] * v0;
        b1 += a[ro1 + c + 1] * v1;
      }
      if (c <= hi) {
        const v0 = v[vo + c];
        a0 += a[ro + c] * v0;
        b0 += a[ro1 + c] * v0;
      }
      const yo = r * HB;
      let corr0 = 0;
      let corr1 = 0;
      for (let d = 0; d < i; d++) {
        corr0 += y[yo + d] * s[d];
        corr1 += y[yo + HB + d] * s[d];
      }
      y[yo + i] = t * (a0 + a1 - corr0);
      y[yo + HB + i] = t * (b0 + b1 - corr1);
    }
    for (; r <= hi; r++) {
      const ro = r * n;
      let acc = 0;
      for (let c = k1; c <= hi; c++) acc += a[ro + c] * v[vo + c];
      const yo = r * HB;
      let corr = 0;
      for (let d = 0; d < i; d++) corr += y[yo + d] * s[d];
      y[yo + i] = t * (acc - corr);
    }
    // T[0:i, i] = −t·T_i·s, T[i][i] = t.
    for (let c = 0; c < i; c++) {
      let acc = 0;
      for (let d = c; d < i; d++) acc += T[c * HB + d] * s[d];
      T[c * HB + i] = -t * acc;
    }
    T[i * HB + i] = t;
  }
  // Trailing columns j0+HB..hi: right side A ← A − Y·Vᵀ (rows 0..hi) ...
  const c0 = j0 + HB;
  gemm(hi + 1, hi - c0 + 1, HB, -1, y, 0, HB, 1, vt, c0 - base, len, a, c0, n);
  // ... then the left side Qᵀ· on rows base..hi, columns c0..n−1.
  applyBlock(HB, len, vt, T, true, a, base * n + c0, n, n - c0, work);
}

/**
 * Forms Qᵀ (row-major) for the reduction above. Storing the transpose makes
 * the column updates of the QR iteration (Z ← Z·P) contiguous row updates.
 * Q = H_lo ⋯ H_{hi-2} is accumulated backwards in blocks of `wyBlock`
 * reflectors, each applied as I − V·T·Vᵀ (compact WY, householderWy.ts) to
 * rows and columns after the block's first index only (the rest is still the
 * identity), then transposed.
 */
export function formQt(r: HessenbergReflectors, n: number, lo: number, hi: number): Float64Array {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const { v, tau } = r;
  const k = hi - 1 - lo; // reflectors lo..hi-2
  if (k <= 0) return q;
  const NB = wyBlock(n, n);
  const vt = new Float64Array(Math.min(NB, k) * n);
  const T = new Float64Array(NB * NB);
  const w = new Float64Array(NB);
  const work = new Float64Array(NB * n);
  const tt = new Float64Array(n);
  for (let j = 0; j < k; j++) tt[j] = tau[lo + j];
  const last = Math.floor((k - 1) / NB) * NB;
  for (let j0 = last; j0 >= 0; j0 -= NB) {
    const nb = Math.min(NB, k - j0);
    const s = lo + j0 + 1; // first index the block acts on
    const len = hi - s + 1;
    let any = false;
    for (let rr = 0; rr < nb; rr++) {
      const row = rr * len;
      const src = (lo + j0 + rr) * n + s; // unit entry at s + rr, zeros before
      for (let i = 0; i < rr; i++) vt[row + i] = 0;
      vt[row + rr] = 1;
      for (let i = rr + 1; i < len; i++) vt[row + i] = v[src + i];
      if (tt[j0 + rr] !== 0) any = true;
    }
    if (!any) continue;
    formT(nb, len, vt, tt, j0, T, w);
    applyBlock(nb, len, vt, T, false, q, s * n + s, n, len, work);
  }
  // In place transpose of the block lo+1..hi (the rest is the identity).
  for (let i = lo + 1; i <= hi; i++) {
    for (let j = lo + 1; j < i; j++) {
      const a = q[i * n + j];
      q[i * n + j] = q[j * n + i];
      q[j * n + i] = a;
    }
  }
  return q;
}

/**
 * a[r0..r1][c0..c1] ← (I − t v vᵀ) a, with v = v[vo + r0 .. vo + r1].
 * w = vᵀa accumulates four rows per pass, the update runs two rows per pass,
 * so the inner loops are contiguous and each w entry is loaded less often.
 */
function leftReflect(
  a: Float64Array, n: number, v: Float64Array, vo: number, t: number,
  r0: number, r1: number, c0: number, c1: number, w: Float64Array,
): void {
  for (let j = c0; j <= c1; j++) w[j] = 0;
  let i = r0;
  for (; i + 3 <= r1; i += 4) {
    const o0 = i * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    const v0 = v[vo + i];
    const v1 = v[vo + i + 1];
    const v2 = v[vo + i + 2];
    const v3 = v[vo + i + 3];
    for (let j = c0; j <= c1; j++) w[j] += v0 * a[o0 + j] + v1 * a[o1 + j] + v2 * a[o2 + j] + v3 * a[o3 + j];
  }
  for (; i <= r1; i++) {
    const o = i * n;
    const vi = v[vo + i];
    for (let j = c0; j <= c1; j++) w[j] += vi * a[o + j];
  }
  i = r0;
  for (; i + 1 <= r1; i += 2) {
    const f0 = t * v[vo + i];
    const f1 = t * v[vo + i + 1];
    const o0 = i * n;
    const o1 = o0 + n;
    for (let j = c0; j <= c1; j++) {
      const wj = w[j];
      a[o0 + j] -= f0 * wj;
      a[o1 + j] -= f1 * wj;
    }
  }
  if (i <= r1) {
    const f = t * v[vo + i];
    const o = i * n;
    for (let j = c0; j <= c1; j++) a[o + j] -= f * w[j];
  }
}

/** a[r0..r1][c0..c1] ← a (I − t v vᵀ), with v = v[vo + c0 .. vo + c1]; two rows per pass. */
function rightReflect(
  a: Float64Array, n: number, v: Float64Array, vo: number, t: number,
  r0: number, r1: number, c0: number, c1: number,
): void {
  let r = r0;
  for (; r + 1 <= r1; r += 2) {
    const o0 = r * n;
    const o1 = o0 + n;
    let s0 = 0;
    let s1 = 0;
    for (let j = c0; j <= c1; j++) {
      const vj = v[vo + j];
      s0 += a[o0 + j] * vj;
      s1 += a[o1 + j] * vj;
    }
    s0 *= t;
    s1 *= t;
    for (let j = c0; j <= c1; j++) {
      const vj = v[vo + j];
      a[o0 + j] -= s0 * vj;
      a[o1 + j] -= s1 * vj;
    }
  }
  if (r <= r1) {
    const o = r * n;
    let s = 0;
    for (let j = c0; j <= c1; j++) s += a[o + j] * v[vo + j];
    s *= t;
    for (let j = c0; j <= c1; j++) a[o + j] -= s * v[vo + j];
  }
}
