/**
 * Small pieces shared by `eigh` and `eig`: input guards that turn a JSON
 * `number[][]` into a checked square `Dense`, and exact power-of-two scaling
 * that keeps the kernels away from overflow and underflow.
 */
import type { Dense } from './dense';
import { assertSquare, toDense, type GuardOptions, type MatrixInput } from './guards';

/** Unit roundoff of IEEE double precision (numpy's `finfo(float).eps`). */
export const EPS = 2.220446049250313e-16;
/** Smallest positive normal double. */
export const SAFE_MIN = 2.2250738585072014e-308;

/**
 * Validates a square, finite, non-ragged matrix through the shared guards and
 * copies it into a `Dense`. `what` names the operation in messages ("eig").
 * Throws LinAlgError 'invalid-argument' / 'shape' (ragged), 'too-large',
 * 'not-finite', 'not-square'. An empty 0×0 input is accepted.
 */
export function squareFiniteDense(a: MatrixInput, what: string, opts: GuardOptions = {}): Dense {
  const d = toDense(a, opts);
  assertSquare(d, what);
  return d;
}

/** Largest absolute entry. */
export function maxAbs(data: Float64Array): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) {
    const v = Math.abs(data[i]);
    if (v > m) m = v;
  }
  return m;
}

const BIG = 2 ** 400;
const SMALL = 2 ** -400;

/**
 * A power of two `s` such that `s · maxAbs` lies in [2^-400, 2^400], or 1 when
 * it already does. Multiplying by a power of two is exact (barring underflow of
 * entries far below the largest one, which are negligible against it), so
 * eigenvalues of the scaled matrix are exactly `s` times the original ones.
 * 2^400 leaves room for squares and sums of squares in the kernels.
 */
export function powerOfTwoScale(m: number): number {
  if (m === 0 || (m >= SMALL && m <= BIG)) return 1;
  const e = Math.floor(Math.log2(m));
  // Aim just inside the window rather than at 1, so little is lost to underflow.
  return m > BIG ? 2 ** (400 - e - 1) : 2 ** (-400 - e + 1);
}

/** Multiplies every entry by `s` in place. */
export function scaleInPlace(data: Float64Array, s: number): void {
  if (s === 1) return;
  for (let i = 0; i < data.length; i++) data[i] *= s;
}

/** Squares of magnitudes in [2^-480, 2^480] neither underflow nor overflow, sums of n ≤ 2^60 of them neither. */
const SQ_LO = 2 ** -480;
const SQ_HI = 2 ** 480;

/**
 * Euclidean norm of x[off], x[off + inc], … (len entries) without spurious
 * underflow or overflow: the plain sum of squares when the largest entry is
 * in a safe range (one pass), otherwise a second pass over entries scaled by
 * a power of two near the largest one. Subnormal entries are handled exactly.
 */
export function safeNorm(x: Float64Array, off: number, inc: number, len: number): number {
  let ss = 0;
  let big = 0;
  for (let i = 0, p = off; i < len; i++, p += inc) {
    const v = x[p];
    ss += v * v;
    const a = v < 0 ? -v : v;
    if (a > big) big = a;
  }
  if (big === 0 || (big >= SQ_LO && big <= SQ_HI)) return Math.sqrt(ss);
  // 2^-e · big lies in [1, 2); 2^-e may itself overflow for subnormal big, so apply it in two halves.
  const e = exponentOf(big);
  const h1 = 2 ** -Math.trunc(e / 2);
  const h2 = 2 ** -(e - Math.trunc(e / 2));
  let s = 0;
  for (let i = 0, p = off; i < len; i++, p += inc) {
    const v = x[p] * h1 * h2;
    s += v * v;
  }
  return Math.sqrt(s) / h1 / h2;
}

/** floor(log2 |x|) for finite nonzero x (exact, also for subnormals). */
export function exponentOf(x: number): number {
  let a = x < 0 ? -x : x;
  let e = Math.floor(Math.log2(a));
  // log2 can be off by one next to powers of two; fix it exactly.
  a = a * 2 ** -Math.trunc(e / 2) * 2 ** -(e - Math.trunc(e / 2));
  if (a >= 2) e += 1;
  else if (a < 1) e -= 1;
  return e;
}

/** |β| below this makes 1/(α − β) inexact or infinite: the reflector is then built from a rescaled copy. */
const TINY_BETA = SAFE_MIN / EPS;
const UP = 2 ** 600;

/** Output of `reflector`: the new leading entry β and the scalar τ of H = I − τ v vᵀ. */
export interface Reflector {
  beta: number;
  tau: number;
}

/**
 * Householder reflector H = I − τ v vᵀ (v = (1, v_2, …)) with H·(α, x) = (β, 0, …, 0),
 * in the manner of LAPACK's dlarfg: ‖x‖ by `safeNorm`, and when |β| is so small
 * that 1/(α − β) would overflow or lose digits, α and x are first multiplied
 * by 2^600 (exact), so entries down to the subnormal range give an exactly
 * orthogonal H. Reads x from src[so + i·si], writes v_2… to dst[doff + i·di]
 * (i < len); τ = 0 (H = I, β = α, dst untouched) when x = 0.
 */
export function reflector(
  alpha: number, src: Float64Array, so: number, si: number, len: number,
  dst: Float64Array, doff: number, di: number, out: Reflector,
): void {
  let xnorm = safeNorm(src, so, si, len);
  if (xnorm === 0) {
    out.beta = alpha;
    out.tau = 0;
    return;
  }
  let beta = hypot2(alpha, xnorm);
  let up = 1;
  if (beta < TINY_BETA) {
    up = UP;
    alpha *= UP;
    xnorm = safeNormScaled(src, so, si, len, UP);
    beta = hypot2(alpha, xnorm);
  }
  if (alpha >= 0) beta = -beta;
  const inv = 1 / (alpha - beta);
  if (up === 1) {
    for (let i = 0, p = so, q = doff; i < len; i++, p += si, q += di) dst[q] = src[p] * inv;
  } else {
    for (let i = 0, p = so, q = doff; i < len; i++, p += si, q += di) dst[q] = src[p] * up * inv;
  }
  out.tau = (beta - alpha) / beta;
  out.beta = beta / up;
}

function safeNormScaled(x: Float64Array, off: number, inc: number, len: number, f: number): number {
  const t = new Float64Array(len);
  for (let i = 0, p = off; i < len; i++, p += inc) t[i] = x[p] * f;
  return safeNorm(t, 0, 1, len);
}

/** `Math.sign` that gives +1 for zero, as the kernels need a definite sign. */
export function signOf(x: number): number {
  return x < 0 ? -1 : 1;
}

/**
 * sqrt(a² + b²) without spurious overflow or underflow. `Math.hypot` is
 * correct but slow in V8 (it is variadic); this is the hot path of every
 * plane rotation.
 */
export function hypot2(a: number, b: number): number {
  const x = a < 0 ? -a : a;
  const y = b < 0 ? -b : b;
  const m = x > y ? x : y;
  if (m > 1e-150 && m < 1e150) return Math.sqrt(a * a + b * b);
  if (m === 0 || m === Infinity) return m;
  const u = x / m;
  const w = y / m;
  return m * Math.sqrt(u * u + w * w);
}
