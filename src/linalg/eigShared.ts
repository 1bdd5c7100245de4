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
