/**
 * Householder reduction of a general square matrix to upper Hessenberg form,
 * H = Qᵀ A Q, acting on the block lo..hi left by balancing (Golub & Van Loan
 * §7.4.3; LAPACK dgehd2/dorghr describe the same unblocked scheme).
 * Row-major storage throughout; both one-sided updates run along rows.
 */

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
    const alpha = a[k1 * n + k];
    let ss = 0;
    for (let i = k1 + 1; i <= hi; i++) {
      const x = a[i * n + k];
      ss += x * x;
    }
    if (ss === 0) continue;
    const beta = alpha >= 0 ? -Math.sqrt(alpha * alpha + ss) : Math.sqrt(alpha * alpha + ss);
    const t = (beta - alpha) / beta;
    const inv = 1 / (alpha - beta);
    const vo = k * n;
    v[vo + k1] = 1;
    for (let i = k1 + 1; i <= hi; i++) {
      v[vo + i] = a[i * n + k] * inv;
      a[i * n + k] = 0;
    }
    a[k1 * n + k] = beta;
    tau[k] = t;
    // Left: rows k1..hi, columns k1..n-1:  A ← A − t v (vᵀ A).
    for (let j = k1; j < n; j++) w[j] = 0;
    for (let i = k1; i <= hi; i++) {
      const vi = v[vo + i];
      const ro = i * n;
      for (let j = k1; j < n; j++) w[j] += vi * a[ro + j];
    }
    for (let i = k1; i <= hi; i++) {
      const f = t * v[vo + i];
      const ro = i * n;
      for (let j = k1; j < n; j++) a[ro + j] -= f * w[j];
    }
    // Right: rows 0..hi, columns k1..hi:  A ← A − t (A v) vᵀ.
    for (let r = 0; r <= hi; r++) {
      const ro = r * n;
      let s = 0;
      for (let j = k1; j <= hi; j++) s += a[ro + j] * v[vo + j];
      s *= t;
      for (let j = k1; j <= hi; j++) a[ro + j] -= s * v[vo + j];
    }
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
    for (let row = k1; row <= hi; row++) {
      const ro = row * n;
      let s = 0;
      for (let j = k1; j <= hi; j++) s += m[ro + j] * v[vo + j];
      s *= t;
      if (s === 0) continue;
      for (let j = k1; j <= hi; j++) m[ro + j] -= s * v[vo + j];
    }
  }
  return m;
}
