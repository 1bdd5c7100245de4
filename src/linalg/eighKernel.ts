/**
 * Kernels of the symmetric eigensolver: Householder reduction to tridiagonal
 * form, explicit formation of the orthogonal factor, and implicit QL sweeps
 * with Wilkinson shifts on the tridiagonal matrix.
 *
 * Algorithm sources: Golub & Van Loan, "Matrix Computations", §8.3 (tridiagonal
 * reduction, symmetric QR/QL step); LAPACK's dsytd2/dorgtr/dsteqr
 * documentation for the deflation test and iteration limit; LAPACK's
 * dsytrd/dlatrd/dsyr2k (Dongarra, Sorensen & Hammarling, "Block reduction of
 * matrices to condensed forms for eigenvalue computations", J. Comput. Appl.
 * Math. 27, 1989) for the panel scheme of the blocked reduction.
 * All matrices are row-major n×n `Float64Array`s; the kernels trust their input.
 */
import { EPS, SAFE_MIN, hypot2, reflector, type Reflector } from './eigShared';
import { gemm } from './blas';
import { applyStoredReflectors, wyBlock } from './householderWy';

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
 *
 * From order `TRI_BLOCK_MIN` on, the leading columns are reduced in panels of
 * `triPanel(n)` columns (LAPACK's dsytrd/dlatrd scheme, see `reducePanel`):
 * the trailing matrix is updated once per panel by a rank-2·nb product
 * (`syr2kTrailing`: `gemm` below the diagonal), so half of the 4n³/3 flops
 * leave the matrix–vector form; the other half stays in the symmetric
 * matrix–vector product of each column. The last `TRI_NX` columns, and
 * matrices below `TRI_BLOCK_MIN`, use the column-by-column kernel.
 * Same contract either way (d, e, v rows with v_k[k+1] = 1, τ; τ = 0 and a
 * zero row of v where the column is already reduced); the results differ
 * from the unblocked kernel only by rounding.
 */
export function tridiagonalize(a: Float64Array, n: number): Tridiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const v = new Float64Array(n * n);
  const tau = new Float64Array(n);
  const p = new Float64Array(n);
  let k0 = 0;
  if (n >= TRI_BLOCK_MIN) {
    const nb = triPanel(n);
    const z = new Float64Array(3 * nb * n);
    const cols = new Float64Array(nb * n);
    const cw = new Float64Array(2 * nb);
    for (; n - k0 > TRI_NX; k0 += nb) {
      reducePanel(a, n, k0, nb, d, e, v, tau, z, cols, p, cw);
      syr2kTrailing(a, n, k0 + nb, nb, z);
    }
  }
  reduceUnblocked(a, n, k0, d, e, v, tau, p);
  return { d, e, v, tau };
}

/**
 * `tridiagonalize` without panels: the column-by-column kernel on the whole
 * matrix (same contract). The reference the blocked path is tested against.
 */
export function tridiagonalizeUnblocked(a: Float64Array, n: number): Tridiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const v = new Float64Array(n * n);
  const tau = new Float64Array(n);
  reduceUnblocked(a, n, 0, d, e, v, tau, new Float64Array(n));
  return { d, e, v, tau };
}

/**
 * Column-by-column reduction (dsytd2 style) of columns k0.. of the trailing
 * matrix a[k0:, k0:] (lower triangle), which must already hold every update of
 * the reflectors before k0. Fills d, e from k0 on, including the final 2×2.
 */
function reduceUnblocked(
  a: Float64Array, n: number, k0: number,
  d: Float64Array, e: Float64Array, v: Float64Array, tau: Float64Array, p: Float64Array,
): void {
  for (let k = k0; k + 2 < n; k++) {
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
    // p = t · A22 · v using only the lower triangle of A22 = A[k1:, k1:] (scaled by t below).
    symvLower(a, n, k1, v, vo, p);
    let pv = 0;
    for (let i = k1; i < n; i++) {
      p[i] *= t;
      pv += p[i] * v[vo + i];
    }
    // w = p - (t/2)(pᵀv) v, then A22 -= v wᵀ + w vᵀ (lower triangle only).
    const half = -0.5 * t * pv;
    for (let i = k1; i < n; i++) p[i] += half * v[vo + i];
    let i = k1;
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
}

/**
 * Columns per panel of the blocked reduction at order n (even: `syr2kTriangle`
 * takes its 2·nb terms four at a time). Narrow panels keep the panel's
 * correction products (≈ 4·nb·m flops per column, scalar code) small; wider
 * ones give `gemm` a deeper product (its WebAssembly path runs faster at
 * k = 16 than at 8). Measured (CPU time, n = 100–400): 4 ahead below about
 * 230 (1.25× vs 1.1× at 100), 8 from 250 on (1.75× vs 1.65× at 400), 16
 * slower everywhere.
 */
export function triPanel(n: number): number {
  return n < TRI_WIDE ? 4 : 8;
}
/** Order from which `triPanel` takes 8 columns. */
const TRI_WIDE = 240;
/** Columns left to the unblocked kernel at the end (≥ panel width + 2, so every panel column has a reflector). */
export const TRI_NX = 16;
/**
 * Smallest order reduced in panels. Measured crossover (CPU time, blocked vs
 * unblocked, interleaved, loaded machine): unblocked ahead below 40, even at
 * 40–52, blocked 1.05–1.15× at 56–64, 1.2× at 80, 1.25× at 100, 1.45× at
 * 200, 1.55× at 300, 1.7× at 400.
 */
export const TRI_BLOCK_MIN = 56;

/**
 * Reduces the nb columns k0.. of the trailing matrix (LAPACK's dlatrd,
 * lower case, rewritten for row-major lower storage). The trailing matrix
 * a[k0:, k0:] is NOT updated inside the panel: with V = [v_k0 …] and
 * W = [w_k0 …] the columns so far, the current matrix is
 * A − V·Wᵀ − W·Vᵀ, and each step only needs
 *   – its own column, updated by those terms before the reflector is formed;
 *   – p = A_cur·v = A·v − V·(Wᵀv) − W·(Vᵀv): one pass of the stale lower
 *     triangle (`symvLower`) plus 4·r·m flops of corrections;
 *   – w = τp − (τ²/2)(pᵀv)·v, so that H·A_cur·H = A_cur − v·wᵀ − w·vᵀ.
 * The panel's whole rank-2·nb update is then one `syr2kTrailing`.
 *
 * `z` (3·nb rows of n) receives [V; W] as its first rows, for `syr2kTrailing`;
 * `cols` (nb rows of n) holds the panel's columns, `p` is n-scratch, `cw`
 * 2·nb scratch.
 */
function reducePanel(
  a: Float64Array, n: number, k0: number, nb: number,
  d: Float64Array, e: Float64Array, v: Float64Array, tau: Float64Array,
  z: Float64Array, cols: Float64Array, p: Float64Array, cw: Float64Array,
): void {
  const wBase = nb * n; // row r of W starts at z[wBase + r·n]
  // The panel's columns below the diagonal, transposed into rows of `cols`
  // (one pass over rows k0.. instead of a strided walk per column).
  for (let j = k0; j < n; j++) {
    const row = j * n + k0;
    const m = j - k0 < nb ? j - k0 + 1 : nb;
    for (let c = 0; c < m; c++) cols[c * n + j] = a[row + c];
  }
  for (let r = 0; r < nb; r++) {
    const k = k0 + r;
    const k1 = k + 1;
    // Current column k (rows k..n-1): stale entries minus the panel's terms.
    const co = r * n;
    for (let q = 0; q < r; q++) {
      cw[q] = z[(nb + q) * n + k]; // w_q[k] multiplies v_q
      cw[nb + q] = z[q * n + k]; // v_q[k] multiplies w_q
    }
    panelAxpy(cols, co, k, n, z, n, nb, r, cw);
    d[k] = cols[co + k];
    const vo = k * n;
    reflector(cols[co + k1], cols, co + k1 + 1, 1, n - k1 - 1, v, vo + k1 + 1, 1, refl);
    e[k] = refl.beta;
    const t = refl.tau;
    tau[k] = t;
    const vr = r * n;
    const wr = wBase + vr;
    if (t === 0) {
      // H_k = I: v_k stays zero and w_k = 0, so neither enters any update.
      for (let j = k1; j < n; j++) {
        z[vr + j] = 0;
        z[wr + j] = 0;
      }
      continue;
    }
    v[vo + k1] = 1;
    symvLower(a, n, k1, v, vo, p);
    // p −= V·(Wᵀv) + W·(Vᵀv) over rows k1..n-1.
    panelDots(v, vo, k1, n, z, n, nb, r, cw);
    panelAxpy(p, 0, k1, n, z, n, nb, r, cw);
    let pv = 0;
    for (let j = k1; j < n; j++) {
      const x = t * p[j];
      p[j] = x;
      pv += x * v[vo + j];
    }
    const half = -0.5 * t * pv;
    for (let j = k1; j < n; j++) {
      const x = v[vo + j];
      z[vr + j] = x;
      z[wr + j] = p[j] + half * x;
    }
  }
}

/**
 * dst[dOff + j] −= Σ_{q<r} (V_q[j]·c[q] + W_q[j]·c[nb + q]) for j in lo..hi−1, with
 * V_q = z row q and W_q = z row nb + q (stride ld). Two q per pass, so each
 * load and store of dst serves four multiply-adds.
 */
function panelAxpy(dst: Float64Array, dOff: number, lo: number, hi: number, z: Float64Array, ld: number, nb: number, r: number, c: Float64Array): void {
  let q = 0;
  for (; q + 1 < r; q += 2) {
    const v0 = q * ld;
    const v1 = v0 + ld;
    const w0 = v0 + nb * ld;
    const w1 = w0 + ld;
    const a0 = c[q];
    const a1 = c[q + 1];
    const b0 = c[nb + q];
    const b1 = c[nb + q + 1];
    for (let j = lo; j < hi; j++) dst[dOff + j] -= z[v0 + j] * a0 + z[w0 + j] * b0 + z[v1 + j] * a1 + z[w1 + j] * b1;
  }
  if (q < r) {
    const v0 = q * ld;
    const w0 = v0 + nb * ld;
    const a0 = c[q];
    const b0 = c[nb + q];
    for (let j = lo; j < hi; j++) dst[dOff + j] -= z[v0 + j] * a0 + z[w0 + j] * b0;
  }
}

/**
 * c[q] = W_qᵀx and c[nb + q] = V_qᵀx over entries lo..hi−1 (x = x[xo + j]),
 * q < r, rows of z as in `panelAxpy`: the coefficients that turn the stale
 * product A·x into the current one.
 */
function panelDots(x: Float64Array, xo: number, lo: number, hi: number, z: Float64Array, ld: number, nb: number, r: number, c: Float64Array): void {
  let q = 0;
  for (; q + 1 < r; q += 2) {
    const v0 = q * ld;
    const v1 = v0 + ld;
    const w0 = v0 + nb * ld;
    const w1 = w0 + ld;
    let sv0 = 0;
    let sv1 = 0;
    let sw0 = 0;
    let sw1 = 0;
    for (let j = lo; j < hi; j++) {
      const xj = x[xo + j];
      sv0 += z[v0 + j] * xj;
      sw0 += z[w0 + j] * xj;
      sv1 += z[v1 + j] * xj;
      sw1 += z[w1 + j] * xj;
    }
    c[q] = sw0;
    c[q + 1] = sw1;
    c[nb + q] = sv0;
    c[nb + q + 1] = sv1;
  }
  if (q < r) {
    const v0 = q * ld;
    const w0 = v0 + nb * ld;
    let sv0 = 0;
    let sw0 = 0;
    for (let j = lo; j < hi; j++) {
      const xj = x[xo + j];
      sv0 += z[v0 + j] * xj;
      sw0 += z[w0 + j] * xj;
    }
    c[q] = sw0;
    c[nb + q] = sv0;
  }
}

/**
 * Order of the diagonal triangles `syr2kTrailing` leaves to `syr2kTriangle`
 * (below it the halving stops; the rectangles between go to `gemm`).
 */
const SYR2K_LEAF = 32;

/**
 * a[s:, s:] −= V·Wᵀ + W·Vᵀ on the lower triangle (LAPACK's dsyr2k, lower,
 * no transpose), V the panel's reflectors and W its w vectors, as the
 * rank-2·nb product U·Yᵀ with U = [V W] and Y = [W V]. `z` holds V and W
 * as rows 0..2nb−1; V is copied to rows 2nb..3nb−1, so that U is rows
 * 0..2nb−1 (read transposed by `gemm`) and Y rows nb..3nb−1. The triangle is
 * halved recursively: the square below the diagonal of each split is one
 * `gemm` (which takes its fast path for the large ones), the small diagonal
 * triangles run in `syr2kTriangle`. Nothing above the diagonal is written.
 */
function syr2kTrailing(a: Float64Array, n: number, s: number, nb: number, z: Float64Array): void {
  if (s >= n) return;
  for (let r = 0; r < nb; r++) z.copyWithin((2 * nb + r) * n + s, r * n + s, (r + 1) * n);
  syr2kSplit(a, n, s, n, nb, z);
}

/** Rows and columns lo..hi−1 of the update of `syr2kTrailing` (lower triangle). */
function syr2kSplit(a: Float64Array, n: number, lo: number, hi: number, nb: number, z: Float64Array): void {
  const m = hi - lo;
  if (m <= SYR2K_LEAF) {
    syr2kTriangle(a, n, lo, hi, nb, z);
    return;
  }
  const mid = lo + ((m >> 3) << 2); // about half, a multiple of four rows
  syr2kSplit(a, n, lo, mid, nb, z);
  // Rows mid..hi−1, columns lo..mid−1: a full rectangle.
  gemm(hi - mid, mid - lo, 2 * nb, -1, z, mid, 1, n, z, nb * n + lo, n, a, mid * n + lo, n);
  syr2kSplit(a, n, mid, hi, nb, z);
}

/**
 * The update of `syr2kTrailing` on the triangle i, j in lo..hi−1, j ≤ i.
 * Register blocking as in `gemm`: four rows of A against four of the
 * 2·nb terms per pass, the j loop innermost over contiguous memory, each
 * row stopping at the diagonal.
 */
function syr2kTriangle(a: Float64Array, n: number, lo: number, hi: number, nb: number, z: Float64Array): void {
  const k2 = 2 * nb; // a multiple of 4 (nb even)
  const yb = nb * n; // Y_p = z row nb + p
  let i = lo;
  for (; i + 3 < hi; i += 4) {
    const c0 = i * n;
    const c1 = c0 + n;
    const c2 = c1 + n;
    const c3 = c2 + n;
    for (let p = 0; p < k2; p += 4) {
      const u0 = p * n;
      const u1 = u0 + n;
      const u2 = u1 + n;
      const u3 = u2 + n;
      const y0 = yb + u0;
      const y1 = yb + u1;
      const y2 = yb + u2;
      const y3 = yb + u3;
      const a00 = z[u0 + i], a01 = z[u1 + i], a02 = z[u2 + i], a03 = z[u3 + i];
      const a10 = z[u0 + i + 1], a11 = z[u1 + i + 1], a12 = z[u2 + i + 1], a13 = z[u3 + i + 1];
      const a20 = z[u0 + i + 2], a21 = z[u1 + i + 2], a22 = z[u2 + i + 2], a23 = z[u3 + i + 2];
      const a30 = z[u0 + i + 3], a31 = z[u1 + i + 3], a32 = z[u2 + i + 3], a33 = z[u3 + i + 3];
      // Columns lo..i: below or on the diagonal for all four rows.
      for (let j = lo; j <= i; j++) {
        const x0 = z[y0 + j];
        const x1 = z[y1 + j];
        const x2 = z[y2 + j];
        const x3 = z[y3 + j];
        a[c0 + j] -= a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
        a[c1 + j] -= a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
        a[c2 + j] -= a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
        a[c3 + j] -= a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
      }
      // The rest of the 4×4 diagonal block.
      for (let j = i + 1; j <= i + 3; j++) {
        const x0 = z[y0 + j];
        const x1 = z[y1 + j];
        const x2 = z[y2 + j];
        const x3 = z[y3 + j];
        a[c3 + j] -= a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
        if (j <= i + 2) a[c2 + j] -= a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
        if (j === i + 1) a[c1 + j] -= a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
      }
    }
  }
  for (; i < hi; i++) {
    const c0 = i * n;
    for (let p = 0; p < k2; p++) {
      const u = z[p * n + i];
      const y = yb + p * n;
      for (let j = lo; j <= i; j++) a[c0 + j] -= u * z[y + j];
    }
  }
}

/**
 * y[i] = Σ_j A[i][j]·x[xo + j] for i, j in lo..n−1, A symmetric with only its
 * lower triangle read (dsymv). Four rows per pass: each entry below the
 * diagonal feeds both the row's dot product and the column's accumulation,
 * and the loads of x and y are shared by the four rows.
 */
function symvLower(a: Float64Array, n: number, lo: number, x: Float64Array, xo: number, y: Float64Array): void {
  for (let i = lo; i < n; i++) y[i] = 0;
  let i = lo;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    const x0 = x[xo + i];
    const x1 = x[xo + i + 1];
    const x2 = x[xo + i + 2];
    const x3 = x[xo + i + 3];
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = lo; j < i; j++) {
      const xj = x[xo + j];
      const a0 = a[r0 + j];
      const a1 = a[r1 + j];
      const a2 = a[r2 + j];
      const a3 = a[r3 + j];
      s0 += a0 * xj;
      s1 += a1 * xj;
      s2 += a2 * xj;
      s3 += a3 * xj;
      y[j] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
    }
    // The 4×4 diagonal block, aqc = A[i+q][i+c] for c ≤ q.
    const a00 = a[r0 + i];
    const a10 = a[r1 + i];
    const a11 = a[r1 + i + 1];
    const a20 = a[r2 + i];
    const a21 = a[r2 + i + 1];
    const a22 = a[r2 + i + 2];
    const a30 = a[r3 + i];
    const a31 = a[r3 + i + 1];
    const a32 = a[r3 + i + 2];
    const a33 = a[r3 + i + 3];
    y[i] += s0 + a00 * x0 + a10 * x1 + a20 * x2 + a30 * x3;
    y[i + 1] += s1 + a10 * x0 + a11 * x1 + a21 * x2 + a31 * x3;
    y[i + 2] += s2 + a20 * x0 + a21 * x1 + a22 * x2 + a32 * x3;
    y[i + 3] += s3 + a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
  }
  for (; i < n; i++) {
    const r0 = i * n;
    const x0 = x[xo + i];
    let s0 = 0;
    for (let j = lo; j < i; j++) {
      const a0 = a[r0 + j];
      s0 += a0 * x[xo + j];
      y[j] += a0 * x0;
    }
    y[i] += s0 + a[r0 + i] * x0;
  }
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
  applyStoredReflectors(t.v, t.tau, n, q, n, wyBlock(n, n), true);
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
  // 8 reflectors per block at every size: all n columns are updated (no
  // identity part to skip as in formQ), so the triangular T·W step, which
  // grows with the block, outweighs the saved passes (measured n = 100–400).
  applyStoredReflectors(t.v, t.tau, n, x, n, 8, false);
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
