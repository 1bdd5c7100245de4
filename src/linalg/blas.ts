/**
 * Small dense building blocks shared by the kernels: an overflow-safe 2-norm,
 * Householder reflector generation, Givens rotations, matrix products.
 * Row-major `Float64Array` throughout; inner loops walk contiguous memory.
 */
import { zeros, type Dense } from './dense';
import { wasmGemm, wasmGemmWanted } from './wasmGemm';

export const EPS = 2.220446049250313e-16;
/** Smallest positive normal double. */
export const SAFE_MIN = 2.2250738585072014e-308;

// Squares of magnitudes inside [SQ_LO, SQ_HI] neither underflow nor overflow.
const SQ_LO = 1e-140;
const SQ_HI = 1e140;

/**
 * 2-norm of `n` entries of `x` starting at `off` with stride `inc`. A fast
 * plain sum of squares is used when it is safely in range; otherwise the sum
 * is recomputed with scaling (as LAPACK's dnrm2 does), so 1e-200 or 1e200
 * entries give exact-scale results.
 */
export function nrm2(n: number, x: Float64Array, off: number, inc: number): number {
  let ss = 0;
  let big = 0;
  for (let i = 0, p = off; i < n; i++, p += inc) {
    const v = x[p];
    ss += v * v;
    const a = v < 0 ? -v : v;
    if (a > big) big = a;
  }
  if (big === 0) return 0;
  if (big > SQ_LO && big < SQ_HI) return Math.sqrt(ss);
  let s = 0;
  const inv = 1 / big;
  if (!Number.isFinite(inv)) {
    // big is subnormal: scale up in two steps.
    for (let i = 0, p = off; i < n; i++, p += inc) {
      const v = (x[p] * 2 ** 600) / (big * 2 ** 600);
      s += v * v;
    }
    return big * Math.sqrt(s);
  }
  for (let i = 0, p = off; i < n; i++, p += inc) {
    const v = x[p] * inv;
    s += v * v;
  }
  return big * Math.sqrt(s);
}

/** sqrt(a² + b²) without destructive overflow or underflow. */
export function hypot2(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  const big = x > y ? x : y;
  if (big === 0) return 0;
  if (big > SQ_LO && big < SQ_HI && (x > SQ_LO || x === 0) && (y > SQ_LO || y === 0)) return Math.sqrt(x * x + y * y);
  const sx = x / big;
  const sy = y / big;
  return big * Math.sqrt(sx * sx + sy * sy);
}

// Reflector generation works in a range where β, τ and v are computed to full
// relative precision: below RF_LO (LAPACK's safmin/eps = 2^-969) the vector is
// scaled up by RF_UP, above RF_HI (where α − β could overflow) down by RF_DOWN.
// Powers of two, so the scaling itself is exact (subnormals gain bits, lose none).
const RF_LO = 2 ** -969;
const RF_UP = 2 ** 969;
const RF_HI = 2 ** 1020;
const RF_DOWN = 2 ** -8;
/** Bound on rescaling passes (one always suffices for doubles; the cap only guards the loop). */
const RF_MAX_PASSES = 20;

/**
 * Generates an elementary reflector H = I − τ·v·vᵀ with v[0] = 1 such that
 * H·[α; x] = [β; 0] (LAPACK's dlarfg convention, written from its contract).
 * `x` holds α at `off` followed by `n − 1` more entries with stride `inc`;
 * on return x[off] = β and the tail holds v[1..]. Returns τ (0 when the tail
 * is already zero, so H = I). β = −sign(α)·‖[α; x]‖ with sign(0) = +1, which
 * avoids cancellation in α − β and never divides by zero.
 *
 * Like dlarfg, a vector whose norm is below safmin/eps (subnormal or nearly
 * so) is first scaled up by a power of two, and β, τ, v are formed on the
 * scaled copy; only β is scaled back. Forming them on the raw values would
 * round β onto the subnormal grid and leave τ and v inconsistent (for
 * x = (5e-324, 5e-324): τ = 2, v = (1, 0.5), so H is not orthogonal). Norms
 * near the overflow threshold are scaled down the same way, so α − β stays finite.
 */
export function householder(n: number, x: Float64Array, off: number, inc: number): number {
  if (n <= 1) return 0;
  let xnorm = nrm2(n - 1, x, off + inc, inc);
  if (xnorm === 0) return 0;
  let alpha = x[off];
  let norm = hypot2(alpha, xnorm);
  let back = 1; // β of the scaled vector times `back` is β of the original
  if (!(norm >= RF_LO && norm <= RF_HI)) {
    const f = norm < RF_LO ? RF_UP : RF_DOWN;
    for (let pass = 0; pass < RF_MAX_PASSES && !(norm >= RF_LO && norm <= RF_HI); pass++) {
      for (let i = 0, p = off; i < n; i++, p += inc) x[p] *= f;
      back /= f;
      alpha = x[off];
      xnorm = nrm2(n - 1, x, off + inc, inc);
      norm = hypot2(alpha, xnorm);
    }
  }
  const beta = alpha >= 0 ? -norm : norm;
  const tau = (beta - alpha) / beta;
  const scale = 1 / (alpha - beta);
  if (Number.isFinite(scale) && scale !== 0) {
    for (let i = 1, p = off + inc; i < n; i++, p += inc) x[p] *= scale;
  } else {
    const d = alpha - beta;
    for (let i = 1, p = off + inc; i < n; i++, p += inc) x[p] /= d;
  }
  x[off] = back === 1 ? beta : beta * back;
  return tau;
}

/** Givens rotation output: c·f + s·g = r, −s·f + c·g = 0 (c ≥ 0, r carries the sign of f). */
export const rot = { c: 1, s: 0, r: 0 };

/**
 * Fills `rot` for the pair (f, g); safe against overflow/underflow of f² + g².
 * Outside the range where squares are exact to rounding, c and s are formed
 * from the ratios f/max and g/max (correctly rounded even for subnormal f, g)
 * and only r carries the scale, so c² + s² = 1 to working precision at every
 * scale (c = |f|/r with r rounded onto the subnormal grid would not be).
 */
export function givens(f: number, g: number): void {
  if (g === 0) {
    rot.c = 1;
    rot.s = 0;
    rot.r = f;
    return;
  }
  if (f === 0) {
    rot.c = 0;
    rot.s = g > 0 ? 1 : -1;
    rot.r = Math.abs(g);
    return;
  }
  const af = Math.abs(f);
  const ag = Math.abs(g);
  if (af > SQ_LO && af < SQ_HI && ag > SQ_LO && ag < SQ_HI) {
    const d = Math.sqrt(f * f + g * g);
    const r = f > 0 ? d : -d;
    rot.c = af / d;
    rot.s = g / r;
    rot.r = r;
    return;
  }
  const big = af > ag ? af : ag;
  const sf = af / big;
  const sg = g / big;
  const t = Math.sqrt(sf * sf + sg * sg);
  rot.c = sf / t;
  rot.s = f > 0 ? sg / t : -sg / t;
  rot.r = f > 0 ? big * t : -(big * t);
}

/** C = A·B (row-major; see `gemm`). */
export function matmul(A: Dense, B: Dense): Dense {
  const C = zeros(A.rows, B.cols);
  gemm(A.rows, B.cols, A.cols, 1, A.data, 0, A.cols, 1, B.data, 0, B.cols, C.data, 0, B.cols);
  return C;
}

/** C = Aᵀ·B without forming Aᵀ (A is k×m, B is k×n, C is m×n). */
export function matmulTN(A: Dense, B: Dense): Dense {
  const m = A.cols;
  const C = zeros(m, B.cols);
  gemm(m, B.cols, A.rows, 1, A.data, 0, 1, m, B.data, 0, B.cols, C.data, 0, B.cols);
  return C;
}

/** C = A·Bᵀ (A is m×k, B is n×k); Bᵀ is formed once (O(nk)) so the product runs in `gemm`. */
export function matmulNT(A: Dense, B: Dense): Dense {
  const kk = A.cols;
  const n = B.rows;
  const bt = new Float64Array(kk * n);
  const b = B.data;
  for (let j = 0; j < n; j++) for (let p = 0; p < kk; p++) bt[p * n + j] = b[j * kk + p];
  const C = zeros(A.rows, n);
  gemm(A.rows, n, kk, 1, A.data, 0, kk, 1, bt, 0, n, C.data, 0, n);
  return C;
}

/** Frobenius norm, overflow-safe. */
export function frob(A: Dense): number {
  return nrm2(A.data.length, A.data, 0, 1);
}

/** Largest |entry| (0 for an empty matrix). */
export function maxAbs(A: Dense): number {
  let m = 0;
  const d = A.data;
  for (let i = 0; i < d.length; i++) {
    const v = Math.abs(d[i]);
    if (v > m) m = v;
  }
  return m;
}

/** A copy of the leading `r × c` block of `A`. */
export function block(A: Dense, r: number, c: number): Dense {
  const out = zeros(r, c);
  for (let i = 0; i < r; i++) out.data.set(A.data.subarray(i * A.cols, i * A.cols + c), i * c);
  return out;
}

/** `A` times 2^p, exactly (a power-of-two scale loses no digits). */
export function scalePow2(A: Dense, p: number): void {
  const d = A.data;
  // Split the exponent so neither factor over/underflows on its own.
  const h = Math.trunc(p / 2);
  const f1 = 2 ** h;
  const f2 = 2 ** (p - h);
  for (let i = 0; i < d.length; i++) d[i] = d[i] * f1 * f2;
}

/**
 * C ← C + α·op(A)·B, the one matrix-product kernel the blocked algorithms
 * share. C (m×n) and B (k×n) are row-major with leading dimensions ldc, ldb;
 * op(A)[i][p] = a[ao + i·ars + p·acs], so passing (ars, acs) = (lda, 1) reads
 * A and (1, lda) reads Aᵀ, at no cost in the inner loop (A is only read
 * outside it). Register blocking: four rows of C against four rows of B per
 * pass, the j loop innermost over contiguous memory with sixteen scalars of A
 * held in registers, so each load/store of C serves four multiply-adds.
 * Loop order i-block → p-block → j keeps the four C rows in L1 while B
 * streams from L2.
 *
 * Products with m, n, k ≥ 8, n·k ≥ 256 and m·n·k ≥ 32³ run on the WebAssembly
 * SIMD kernel instead (wasmGemm.ts: packed panels, 3.7× faster at n = 200);
 * without WebAssembly SIMD, or for smaller products, `gemmJs` does the work.
 * A, B and C must not overlap (the blocked callers pass disjoint blocks).
 */
export function gemm(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float64Array,
  ao: number,
  ars: number,
  acs: number,
  b: Float64Array,
  bo: number,
  ldb: number,
  c: Float64Array,
  co: number,
  ldc: number,
): void {
  if (m <= 0 || n <= 0 || k <= 0 || alpha === 0) return;
  if (wasmGemmWanted(m, n, k) && wasmGemm(m, n, k, alpha, a, ao, ars, acs, b, bo, ldb, 1, c, co, ldc)) return;
  gemmJs(m, n, k, alpha, a, ao, ars, acs, b, bo, ldb, c, co, ldc);
}

/** `gemm` on the scalar JS kernel only (the fallback, and the reference for the WASM path). */
export function gemmJs(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float64Array,
  ao: number,
  ars: number,
  acs: number,
  b: Float64Array,
  bo: number,
  ldb: number,
  c: Float64Array,
  co: number,
  ldc: number,
): void {
  if (m <= 0 || n <= 0 || k <= 0 || alpha === 0) return;
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const c0 = co + i * ldc;
    const c1 = c0 + ldc;
    const c2 = c1 + ldc;
    const c3 = c2 + ldc;
    const ai0 = ao + i * ars;
    const ai1 = ai0 + ars;
    const ai2 = ai1 + ars;
    const ai3 = ai2 + ars;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const q0 = p * acs;
      const q1 = q0 + acs;
      const q2 = q1 + acs;
      const q3 = q2 + acs;
      const a00 = alpha * a[ai0 + q0], a01 = alpha * a[ai0 + q1], a02 = alpha * a[ai0 + q2], a03 = alpha * a[ai0 + q3];
      const a10 = alpha * a[ai1 + q0], a11 = alpha * a[ai1 + q1], a12 = alpha * a[ai1 + q2], a13 = alpha * a[ai1 + q3];
      const a20 = alpha * a[ai2 + q0], a21 = alpha * a[ai2 + q1], a22 = alpha * a[ai2 + q2], a23 = alpha * a[ai2 + q3];
      const a30 = alpha * a[ai3 + q0], a31 = alpha * a[ai3 + q1], a32 = alpha * a[ai3 + q2], a33 = alpha * a[ai3 + q3];
      const b0 = bo + p * ldb;
      const b1 = b0 + ldb;
      const b2 = b1 + ldb;
      const b3 = b2 + ldb;
      for (let j = 0; j < n; j++) {
        const x0 = b[b0 + j];
        const x1 = b[b1 + j];
        const x2 = b[b2 + j];
        const x3 = b[b3 + j];
        c[c0 + j] += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
        c[c1 + j] += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
        c[c2 + j] += a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
        c[c3 + j] += a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
      }
    }
    for (; p < k; p++) {
      const q = p * acs;
      const a0 = alpha * a[ai0 + q], a1 = alpha * a[ai1 + q], a2 = alpha * a[ai2 + q], a3 = alpha * a[ai3 + q];
      const b0 = bo + p * ldb;
      for (let j = 0; j < n; j++) {
        const x = b[b0 + j];
        c[c0 + j] += a0 * x;
        c[c1 + j] += a1 * x;
        c[c2 + j] += a2 * x;
        c[c3 + j] += a3 * x;
      }
    }
  }
  for (; i < m; i++) {
    const c0 = co + i * ldc;
    const ai = ao + i * ars;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const q0 = p * acs;
      const a0 = alpha * a[ai + q0], a1 = alpha * a[ai + q0 + acs], a2 = alpha * a[ai + q0 + 2 * acs], a3 = alpha * a[ai + q0 + 3 * acs];
      const b0 = bo + p * ldb;
      const b1 = b0 + ldb;
      const b2 = b1 + ldb;
      const b3 = b2 + ldb;
      for (let j = 0; j < n; j++) c[c0 + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
    }
    for (; p < k; p++) {
      const a0 = alpha * a[ai + p * acs];
      const b0 = bo + p * ldb;
      for (let j = 0; j < n; j++) c[c0 + j] += a0 * b[b0 + j];
    }
  }
}

/**
 * C ← C + α·A·Bᵀ with A (m×k) and B (n×k) both row-major (leading dimensions
 * lda, ldb): every entry is a dot product of two contiguous rows, for
 * products whose shared dimension is the long, contiguous one (e.g. the
 * tall-skinny QR on a transposed matrix). Two rows of A against four rows of
 * B per pass: eight independent accumulators, six loads per eight multiply-adds.
 * Large products go to the WebAssembly kernel as in `gemm` (Bᵀ is read
 * through strides while packing).
 */
export function gemmNT(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float64Array,
  ao: number,
  lda: number,
  b: Float64Array,
  bo: number,
  ldb: number,
  c: Float64Array,
  co: number,
  ldc: number,
): void {
  if (m <= 0 || n <= 0 || k <= 0 || alpha === 0) return;
  if (wasmGemmWanted(m, n, k) && wasmGemm(m, n, k, alpha, a, ao, lda, 1, b, bo, 1, ldb, c, co, ldc)) return;
  gemmNTJs(m, n, k, alpha, a, ao, lda, b, bo, ldb, c, co, ldc);
}

/** `gemmNT` on the scalar JS kernel only. */
export function gemmNTJs(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float64Array,
  ao: number,
  lda: number,
  b: Float64Array,
  bo: number,
  ldb: number,
  c: Float64Array,
  co: number,
  ldc: number,
): void {
  if (m <= 0 || n <= 0 || k <= 0 || alpha === 0) return;
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const x0 = ao + i * lda;
    const x1 = x0 + lda;
    const ci = co + i * ldc;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const y0 = bo + j * ldb;
      const y1 = y0 + ldb;
      const y2 = y1 + ldb;
      const y3 = y2 + ldb;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let p = 0; p < k; p++) {
        const u = a[x0 + p];
        const v = a[x1 + p];
        const b0 = b[y0 + p];
        const b1 = b[y1 + p];
        const b2 = b[y2 + p];
        const b3 = b[y3 + p];
        s00 += u * b0;
        s01 += u * b1;
        s02 += u * b2;
        s03 += u * b3;
        s10 += v * b0;
        s11 += v * b1;
        s12 += v * b2;
        s13 += v * b3;
      }
      c[ci + j] += alpha * s00;
      c[ci + j + 1] += alpha * s01;
      c[ci + j + 2] += alpha * s02;
      c[ci + j + 3] += alpha * s03;
      c[ci + ldc + j] += alpha * s10;
      c[ci + ldc + j + 1] += alpha * s11;
      c[ci + ldc + j + 2] += alpha * s12;
      c[ci + ldc + j + 3] += alpha * s13;
    }
    for (; j < n; j++) {
      const y0 = bo + j * ldb;
      let s0 = 0;
      let s1 = 0;
      for (let p = 0; p < k; p++) {
        const bv = b[y0 + p];
        s0 += a[x0 + p] * bv;
        s1 += a[x1 + p] * bv;
      }
      c[ci + j] += alpha * s0;
      c[ci + ldc + j] += alpha * s1;
    }
  }
  for (; i < m; i++) {
    const x0 = ao + i * lda;
    const ci = co + i * ldc;
    for (let j = 0; j < n; j++) {
      const y0 = bo + j * ldb;
      let s0 = 0;
      let s1 = 0;
      let p = 0;
      for (; p + 1 < k; p += 2) {
        s0 += a[x0 + p] * b[y0 + p];
        s1 += a[x0 + p + 1] * b[y0 + p + 1];
      }
      if (p < k) s0 += a[x0 + p] * b[y0 + p];
      c[ci + j] += alpha * (s0 + s1);
    }
  }
}
