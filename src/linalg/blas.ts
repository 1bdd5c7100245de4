/**
 * Small dense building blocks shared by the kernels: an overflow-safe 2-norm,
 * Householder reflector generation, Givens rotations, matrix products.
 * Row-major `Float64Array` throughout; inner loops walk contiguous memory.
 */
import { zeros, type Dense } from './dense';

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

/**
 * Generates an elementary reflector H = I − τ·v·vᵀ with v[0] = 1 such that
 * H·[α; x] = [β; 0] (LAPACK's dlarfg convention, written from its contract).
 * `x` holds α at `off` followed by `n − 1` more entries with stride `inc`;
 * on return x[off] = β and the tail holds v[1..]. Returns τ (0 when the tail
 * is already zero, so H = I). β = −sign(α)·‖[α; x]‖ with sign(0) = +1, which
 * avoids cancellation in α − β and never divides by zero.
 */
export function householder(n: number, x: Float64Array, off: number, inc: number): number {
  if (n <= 1) return 0;
  const alpha = x[off];
  const xnorm = nrm2(n - 1, x, off + inc, inc);
  if (xnorm === 0) return 0;
  const norm = hypot2(alpha, xnorm);
  const beta = alpha >= 0 ? -norm : norm;
  const tau = (beta - alpha) / beta;
  const scale = 1 / (alpha - beta);
  if (Number.isFinite(scale) && scale !== 0) {
    for (let i = 1, p = off + inc; i < n; i++, p += inc) x[p] *= scale;
  } else {
    const d = alpha - beta;
    for (let i = 1, p = off + inc; i < n; i++, p += inc) x[p] /= d;
  }
  x[off] = beta;
  return tau;
}

/** Givens rotation output: c·f + s·g = r, −s·f + c·g = 0 (c ≥ 0, r carries the sign of f). */
export const rot = { c: 1, s: 0, r: 0 };

/** Fills `rot` for the pair (f, g); safe against overflow/underflow of f² + g². */
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
  const d = hypot2(f, g);
  const r = f > 0 ? d : -d;
  rot.c = Math.abs(f) / d;
  rot.s = g / r;
  rot.r = r;
}

/** C = A·B (row-major, i-k-j order so the innermost loop is an axpy over a row of B). */
export function matmul(A: Dense, B: Dense): Dense {
  const m = A.rows;
  const kk = A.cols;
  const n = B.cols;
  const C = zeros(m, n);
  const a = A.data;
  const b = B.data;
  const c = C.data;
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    const ai = i * kk;
    for (let k = 0; k < kk; k++) {
      const aik = a[ai + k];
      if (aik === 0) continue;
      const bk = k * n;
      for (let j = 0; j < n; j++) c[ci + j] += aik * b[bk + j];
    }
  }
  return C;
}

/** C = Aᵀ·B without forming Aᵀ (A is k×m, B is k×n, C is m×n). */
export function matmulTN(A: Dense, B: Dense): Dense {
  const kk = A.rows;
  const m = A.cols;
  const n = B.cols;
  const C = zeros(m, n);
  const a = A.data;
  const b = B.data;
  const c = C.data;
  for (let k = 0; k < kk; k++) {
    const ak = k * m;
    const bk = k * n;
    for (let i = 0; i < m; i++) {
      const aki = a[ak + i];
      if (aki === 0) continue;
      const ci = i * n;
      for (let j = 0; j < n; j++) c[ci + j] += aki * b[bk + j];
    }
  }
  return C;
}

/** C = A·Bᵀ (A is m×k, B is n×k): every entry is a dot product of two contiguous rows. */
export function matmulNT(A: Dense, B: Dense): Dense {
  const m = A.rows;
  const kk = A.cols;
  const n = B.rows;
  const C = zeros(m, n);
  const a = A.data;
  const b = B.data;
  const c = C.data;
  for (let i = 0; i < m; i++) {
    const ai = i * kk;
    for (let j = 0; j < n; j++) {
      const bj = j * kk;
      let s = 0;
      for (let k = 0; k < kk; k++) s += a[ai + k] * b[bj + k];
      c[i * n + j] = s;
    }
  }
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
 * A[r0:r1, c0:c1] ← (I − τ·v·vᵀ)·A[r0:r1, c0:c1] for row-major A with leading
 * dimension ld; v is indexed by row (v[r0..r1−1]) and w is scratch of length ≥ c1.
 * Two passes over the block (w = τ·vᵀA, then A −= v·wᵀ), each walking two
 * rows at a time so every load of w serves two rows.
 */
export function reflectLeft(
  a: Float64Array,
  ld: number,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
  v: Float64Array,
  tau: number,
  w: Float64Array,
): void {
  if (tau === 0 || c0 >= c1) return;
  for (let c = c0; c < c1; c++) w[c] = 0;
  let i = r0;
  for (; i + 1 < r1; i += 2) {
    const p = i * ld;
    const q = p + ld;
    const v0 = v[i];
    const v1 = v[i + 1];
    for (let c = c0; c < c1; c++) w[c] += v0 * a[p + c] + v1 * a[q + c];
  }
  if (i < r1) {
    const p = i * ld;
    const v0 = v[i];
    for (let c = c0; c < c1; c++) w[c] += v0 * a[p + c];
  }
  for (let c = c0; c < c1; c++) w[c] *= tau;
  i = r0;
  for (; i + 1 < r1; i += 2) {
    const p = i * ld;
    const q = p + ld;
    const v0 = v[i];
    const v1 = v[i + 1];
    for (let c = c0; c < c1; c++) {
      const t = w[c];
      a[p + c] -= v0 * t;
      a[q + c] -= v1 * t;
    }
  }
  if (i < r1) {
    const p = i * ld;
    const v0 = v[i];
    for (let c = c0; c < c1; c++) a[p + c] -= v0 * w[c];
  }
}
