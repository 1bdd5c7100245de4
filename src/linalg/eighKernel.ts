/**
 * Kernels of the symmetric eigensolver: Householder reduction to tridiagonal
 * form, explicit formation of the orthogonal factor, and implicit QL sweeps
 * with Wilkinson shifts on the tridiagonal matrix.
 *
 * Algorithm sources: Golub & Van Loan, "Matrix Computations", §8.3 (tridiagonal
 * reduction, symmetric QR/QL step); LAPACK's dsytd2/dorgtr/dsteqr
 * documentation for the deflation test and iteration limit.
 * All matrices are row-major n×n `Float64Array`s; the kernels trust their input.
 */
import { EPS, SAFE_MIN, hypot2, reflector, type Reflector } from './eigShared';
import { applyBlock, formT, wyBlock } from './householderWy';

const refl: Reflector = { beta: 0, tau: 0 };

/** Result of `tridiagonalize`: T = Qᵀ A Q with diagonal `d` and off-diagonal `e`. */
export interface Tridiagonal {
  /** Diagonal, length n. */
  d: Float64Array;
  /** e[i] = T[i][i+1] for i < n-1; e[n-1] = 0. */
  e: Float64Array;
  /** Householder vectors, row k holds v_k (v_k[k+1] = 1, zero before). */
  v: Float64Array;
  /** Householder scalars: H_k = I - tau[k] v_k v_kᵀ. */
  tau: Float64Array;
}

/**
 * Reduces the symmetric matrix whose lower triangle is in `a` (destroyed) to
 * tridiagonal form. Only entries (i, j) with j ≤ i are read. Keeping the lower
 * triangle of a row-major matrix lets both the product A·v and the rank-2
 * update run along contiguous rows.
 */
export function tridiagonalize(a: Float64Array, n: number): Tridiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const v = new Float64Array(n * n);
  const tau = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k + 2 < n; k++) {
    const k1 = k + 1;
    // Reflector that maps column k below the diagonal onto a multiple of e_{k+1}
    // (norms scaled, so subnormal and 1e-160-sized entries give an orthogonal H).
    const vo = k * n;
    d[k] = a[k * n + k];
    reflector(a[k1 * n + k], a, (k1 + 1) * n + k, n, n - k1 - 1, v, vo + k1 + 1, 1, refl);
    e[k] = refl.beta;
    const t = refl.tau;
    tau[k] = t;
    if (t === 0) continue; // already zero below the subdiagonal: H_k = I
    v[vo + k1] = 1;
    // p = t · A22 · v using only the lower triangle of A22 = A[k1:, k1:].
    // Rows are taken in pairs so the loads of v and p are shared.
    for (let i = k1; i < n; i++) p[i] = 0;
    let i = k1;
    for (; i + 1 < n; i += 2) {
      const r0 = i * n;
      const r1 = r0 + n;
      const v0 = v[vo + i];
      const v1 = v[vo + i + 1];
      let s0 = 0;
      let s1 = 0;
      for (let j = k1; j < i; j++) {
        const a0 = a[r0 + j];
        const a1 = a[r1 + j];
        const vj = v[vo + j];
        s0 += a0 * vj;
        s1 += a1 * vj;
        p[j] += a0 * v0 + a1 * v1;
      }
      const a10 = a[r1 + i];
      p[i] += s0 + a[r0 + i] * v0 + a10 * v1;
      p[i + 1] += s1 + a10 * v0 + a[r1 + i + 1] * v1;
    }
    if (i < n) {
      const r0 = i * n;
      const v0 = v[vo + i];
      let s0 = 0;
      for (let j = k1; j < i; j++) {
        const a0 = a[r0 + j];
        s0 += a0 * v[vo + j];
        p[j] += a0 * v0;
      }
      p[i] += s0 + a[r0 + i] * v0;
    }
    let pv = 0;
    for (let i = k1; i < n; i++) {
      p[i] *= t;
      pv += p[i] * v[vo + i];
    }
    // w = p - (t/2)(pᵀv) v, then A22 -= v wᵀ + w vᵀ (lower triangle only).
    const half = -0.5 * t * pv;
    for (let i = k1; i < n; i++) p[i] += half * v[vo + i];
    i = k1;
    for (; i + 1 < n; i += 2) {
      const r0 = i * n;
      const r1 = r0 + n;
      const v0 = v[vo + i];
      const w0 = p[i];
      const v1 = v[vo + i + 1];
      const w1 = p[i + 1];
      for (let j = k1; j <= i; j++) {
        const pj = p[j];
        const vj = v[vo + j];
        a[r0 + j] -= v0 * pj + w0 * vj;
        a[r1 + j] -= v1 * pj + w1 * vj;
      }
      a[r1 + i + 1] -= 2 * v1 * w1;
    }
    if (i < n) {
      const r0 = i * n;
      const v0 = v[vo + i];
      const w0 = p[i];
      for (let j = k1; j <= i; j++) a[r0 + j] -= v0 * p[j] + w0 * v[vo + j];
    }
  }
  if (n >= 2) {
    d[n - 2] = a[(n - 2) * n + n - 2];
    e[n - 2] = a[(n - 1) * n + n - 2];
  }
  if (n >= 1) d[n - 1] = a[(n - 1) * n + n - 1];
  return { d, e, v, tau };
}

/**
 * Forms Q = H_0 H_1 … H_{n-3} explicitly (row-major). Blocked backward
 * accumulation: `wyBlock` reflectors at a time as I − V·T·Vᵀ (compact WY,
 * householderWy.ts), applied to the rows and columns after the block's first
 * index (the leading part of Q is still the identity there), so the work is
 * two `gemm` products per block instead of one rank-1 pass per reflector.
 */
export function formQ(t: Tridiagonal, n: number): Float64Array {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const k = n - 2; // reflectors 0..n-3
  if (k <= 0) return q;
  const { v, tau } = t;
  const NB = wyBlock(n, n);
  const vt = new Float64Array(Math.min(NB, k) * n);
  const T = new Float64Array(NB * NB);
  const w = new Float64Array(NB);
  const work = new Float64Array(NB * n);
  const last = Math.floor((k - 1) / NB) * NB;
  for (let k0 = last; k0 >= 0; k0 -= NB) {
    const nb = Math.min(NB, k - k0);
    const s = k0 + 1; // first index the block acts on
    const len = n - s;
    let any = false;
    for (let r = 0; r < nb; r++) {
      const row = r * len;
      const src = (k0 + r) * n + s; // v_{k0+r}[s..n-1]: zeros, then the unit entry at s + r
      for (let i = 0; i < r; i++) vt[row + i] = 0;
      vt[row + r] = 1;
      for (let i = r + 1; i < len; i++) vt[row + i] = v[src + i];
      if (tau[k0 + r] !== 0) any = true;
    }
    if (!any) continue;
    formT(nb, len, vt, tau, k0, T, w);
    applyBlock(nb, len, vt, T, false, q, s * n + s, n, len, work);
  }
  return q;
}

/**
 * X ← Q·X for the row-major n×n matrix X, with Q = H_0 H_1 … H_{n-3} the
 * orthogonal factor of `tridiagonalize` (LAPACK's dormtr for side = L,
 * trans = N), without forming Q: the reflectors are applied right to left,
 * `wyBlock` at a time in compact WY form, each block to rows k0+1.. of all
 * columns. Turns the eigenvectors of T into those of A.
 */
export function applyQ(t: Tridiagonal, n: number, x: Float64Array): void {
  const k = n - 2; // reflectors 0..n-3
  if (k <= 0) return;
  const { v, tau } = t;
  // 8 reflectors per block at every size: all n columns are updated (no
  // identity part to skip as in formQ), so the triangular T·W step, which
  // grows with the block, outweighs the saved passes (measured n = 100–400).
  const NB = 8;
  const vt = new Float64Array(Math.min(NB, k) * n);
  const T = new Float64Array(NB * NB);
  const w = new Float64Array(NB);
  const work = new Float64Array(NB * n);
  const last = Math.floor((k - 1) / NB) * NB;
  for (let k0 = last; k0 >= 0; k0 -= NB) {
    const nb = Math.min(NB, k - k0);
    const s = k0 + 1;
    const len = n - s;
    let any = false;
    for (let r = 0; r < nb; r++) {
      const row = r * len;
      const src = (k0 + r) * n + s;
      for (let i = 0; i < r; i++) vt[row + i] = 0;
      vt[row + r] = 1;
      for (let i = r + 1; i < len; i++) vt[row + i] = v[src + i];
      if (tau[k0 + r] !== 0) any = true;
    }
    if (!any) continue;
    formT(nb, len, vt, tau, k0, T, w);
    applyBlock(nb, len, vt, T, false, x, s * n, n, n, work);
  }
}

/**
 * Implicit QL iteration with Wilkinson-type shifts on the tridiagonal (d, e),
 * in place: on return `d` holds the eigenvalues (unsorted). When `z` is given
 * (row-major n×n, usually Q from `formQ`), every rotation sequence of a sweep
 * is applied to its columns, so columns of z become eigenvectors.
 * Returns false when the iteration limit (30 sweeps per eigenvalue on average,
 * as LAPACK's dsteqr) is exhausted.
 */
export function tridiagonalQL(d: Float64Array, e: Float64Array, n: number, z: Float64Array | null): boolean {
  const cs = new Float64Array(n);
  const sn = new Float64Array(n);
  let budget = 30 * n;
  e[n - 1] = 0;
  // Deflation: an off-diagonal is dropped when it is negligible relative to its
  // two diagonal neighbours (LAPACK dsteqr's test, which keeps tiny eigenvalues
  // of graded matrices accurate) or below eps·‖T‖∞ (EISPACK's absolute test,
  // still normwise backward stable; it saves the clean-up sweep that the
  // relative test often needs after a near-perfect shift).
  let tnorm = 0;
  for (let i = 0; i < n; i++) {
    const t = Math.abs(d[i]) + Math.abs(e[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0);
    if (t > tnorm) tnorm = t;
  }
  const absTol = EPS * tnorm;
  // With vectors, the rotations dominate the cost. Computing the eigenvalues
  // first (O(n²)) and snapping each Wilkinson shift to the nearest of them makes
  // most segments deflate after a single sweep instead of about two.
  let known: Float64Array | null = null;
  if (z !== null && n > 2) {
    const dd = new Float64Array(d);
    const ee = new Float64Array(e);
    if (tridiagonalQL(dd, ee, n, null)) known = dd.sort();
  }
  for (let l = 0; l < n; l++) {
    for (let its = 0; ; its++) {
      // Find the first negligible off-diagonal at or below l (relative test, as dsteqr).
      let m = l;
      for (; m < n - 1; m++) {
        const em = Math.abs(e[m]);
        if (em === 0) break;
        if (em <= absTol || em * em <= EPS * EPS * Math.abs(d[m]) * Math.abs(d[m + 1]) + SAFE_MIN) {
          e[m] = 0;
          break;
        }
      }
      if (m === l) break;
      if (budget-- <= 0) return false;
      // Wilkinson-type shift from the leading 2×2 block of the active segment.
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = hypot2(g, 1);
      let shift = d[l] - e[l] / (g + (g >= 0 ? r : -r));
      if (known !== null && its < 3) shift = nearest(known, shift);
      g = d[m] - shift;
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      let early = false;
      for (; i >= l; i--) {
        const f = s * e[i];
        const b = c * e[i];
        r = hypot2(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // Underflow split: the rotation chain stops here and the segment restarts.
          d[i + 1] -= p;
          e[m] = 0;
          early = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        cs[i] = c;
        sn[i] = s;
      }
      const first = early ? i + 1 : l;
      if (z !== null && first <= m - 1) applyRotations(z, n, first, m, cs, sn);
      if (early) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  return true;
}

/** The entry of the ascending array `xs` closest to `x`. */
function nearest(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? xs[lo] : xs[hi];
}

/**
 * Applies the rotations of one sweep, i = hi-1 down to lo, each mixing columns
 * i and i+1, to every row of z. Carrying the running column value through the
 * whole sequence row by row reads and writes each entry once per sweep.
 */
function applyRotations(z: Float64Array, n: number, lo: number, hi: number, cs: Float64Array, sn: Float64Array): void {
  // Six rows at a time: the carried value is a serial dependency chain, and
  // interleaving independent rows hides its latency (six measured best in V8).
  let row = 0;
  for (; row + 5 < n; row += 6) {
    const o0 = row * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    const o4 = o3 + n;
    const o5 = o4 + n;
    let x0 = z[o0 + hi];
    let x1 = z[o1 + hi];
    let x2 = z[o2 + hi];
    let x3 = z[o3 + hi];
    let x4 = z[o4 + hi];
    let x5 = z[o5 + hi];
    for (let i = hi - 1; i >= lo; i--) {
      const c = cs[i];
      const s = sn[i];
      const y0 = z[o0 + i];
      const y1 = z[o1 + i];
      const y2 = z[o2 + i];
      const y3 = z[o3 + i];
      const y4 = z[o4 + i];
      const y5 = z[o5 + i];
      z[o0 + i + 1] = s * y0 + c * x0;
      z[o1 + i + 1] = s * y1 + c * x1;
      z[o2 + i + 1] = s * y2 + c * x2;
      z[o3 + i + 1] = s * y3 + c * x3;
      z[o4 + i + 1] = s * y4 + c * x4;
      z[o5 + i + 1] = s * y5 + c * x5;
      x0 = c * y0 - s * x0;
      x1 = c * y1 - s * x1;
      x2 = c * y2 - s * x2;
      x3 = c * y3 - s * x3;
      x4 = c * y4 - s * x4;
      x5 = c * y5 - s * x5;
    }
    z[o0 + lo] = x0;
    z[o1 + lo] = x1;
    z[o2 + lo] = x2;
    z[o3 + lo] = x3;
    z[o4 + lo] = x4;
    z[o5 + lo] = x5;
  }
  for (; row < n; row++) {
    const o = row * n;
    let x = z[o + hi];
    for (let i = hi - 1; i >= lo; i--) {
      const y = z[o + i];
      const c = cs[i];
      const s = sn[i];
      z[o + i + 1] = s * y + c * x;
      x = c * y - s * x;
    }
    z[o + lo] = x;
  }
}
