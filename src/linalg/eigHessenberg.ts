/**
 * Householder reduction of a general square matrix to upper Hessenberg form,
 * H = Qᵀ A Q, acting on the block lo..hi left by balancing (Golub & Van Loan
 * §7.4.3; LAPACK dgehd2/dorghr describe the same unblocked scheme).
 * Row-major storage throughout; both one-sided updates run along rows.
 */
import { reflector, type Reflector } from './eigShared';

const refl: Reflector = { beta: 0, tau: 0 };

/** Reflectors of a Hessenberg reduction: H_k = I − tau[k] v_k v_kᵀ. */
export interface HessenbergReflectors {
  /** Row k holds v_k (v_k[k+1] = 1, entries outside k+1..hi zero). */
  v: Float64Array;
  tau: Float64Array;
}

/** Reduces `a` (n×n, row-major) in place; entries below the subdiagonal become exact zeros. */
export function hessenberg(a: Float64Array, n: number, lo: number, hi: number): HessenbergReflectors {
  const v = new Float64Array(n * n);
  const tau = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = lo; k + 1 < hi; k++) {
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

/**
 * Forms Qᵀ (row-major) for the reduction above. Storing the transpose makes
 * the column updates of the QR iteration (Z ← Z·P) contiguous row updates.
 * Built as Qᵀ = H_{hi-2} ⋯ H_lo from the right, so each step touches only
 * the rows and columns k+1..hi.
 */
export function formQt(r: HessenbergReflectors, n: number, lo: number, hi: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  const { v, tau } = r;
  for (let k = hi - 2; k >= lo; k--) {
    const t = tau[k];
    if (t === 0) continue;
    const vo = k * n;
    const k1 = k + 1;
    rightReflect(m, n, v, vo, t, k1, hi, k1, hi);
  }
  return m;
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
