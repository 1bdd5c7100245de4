/**
 * Conversion of user entries to exact rationals for the exact mode: integers,
 * short decimals (0.25, -1.5e-3) and fraction strings ("1/3").
 */
import { LinAlgError } from './errors';
import { Rational } from './exactRational';

/**
 * Most significant digits a decimal may have to be taken at face value.
 * Longer ones (0.3333333333333333, 0.30000000000000004) are almost always
 * rounded results of a computation, whose intended exact value is unknown.
 */
export const MAX_DECIMAL_DIGITS = 12;

/** Largest denominator `simpleFraction` tries. */
export const MAX_DENOMINATOR = 1_000_000;

function significantDigits(text: string): number {
  const m = DECIMAL.exec(text);
  if (m === null) return 0;
  return (m[2] + (m[3] ?? '')).replace(/^0+/, '').replace(/0+$/, '').length;
}

/**
 * [p, q] with 0 < q ≤ MAX_DENOMINATOR and p/q rounding to exactly `x` (the
 * first convergent of x's continued fraction that does), or null. JS division
 * of integers below 2^53 is correctly rounded, so `p / q === x` is an exact test.
 * Example: simpleFraction(1 / 3) → [1, 3]; simpleFraction(Math.SQRT2) → null.
 */
export function simpleFraction(x: number): [number, number] | null {
  if (!Number.isFinite(x)) return null;
  const sign = x < 0 ? -1 : 1;
  let r = Math.abs(x);
  if (r >= 2 ** 52) return null;
  // Convergents h/k of the continued fraction [a0; a1, a2, …].
  let h0 = 1;
  let h1 = Math.floor(r);
  let k0 = 0;
  let k1 = 1;
  let frac = r - h1;
  for (let i = 0; i < 64; i++) {
    if (sign * h1 / k1 === x) return [sign * h1, k1];
    if (frac === 0) return null;
    r = 1 / frac;
    const a = Math.floor(r);
    frac = r - a;
    const h2 = a * h1 + h0;
    const k2 = a * k1 + k0;
    if (k2 > MAX_DENOMINATOR || h2 > Number.MAX_SAFE_INTEGER) return null;
    h0 = h1;
    h1 = h2;
    k0 = k1;
    k1 = k2;
  }
  return null;
}

/** An entry of the exact mode: a number, or a string such as "3", "-0.25" or "2/7". */
export type ExactEntry = number | string;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function fromDecimal(text: string, shown: string): Rational {
  const m = DECIMAL.exec(text);
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) {
    throw new LinAlgError('invalid-argument', `Exact mode cannot read "${shown}": use an integer, a decimal such as 0.25, or a fraction such as 1/3.`);
  }
  const intPart = m[2];
  const frac = m[3] ?? '';
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  const digits = (intPart + frac).replace(/^0+/, '');
  const significant = digits.replace(/0+$/, '').length;
  if (significant > MAX_DECIMAL_DIGITS) {
    throw new LinAlgError(
      'invalid-argument',
      `Exact mode refuses ${shown}: it has ${significant} significant digits and no fraction with a denominator up to ` +
        `${MAX_DENOMINATOR.toLocaleString('en-US')} gives exactly this number, so it looks like a rounded irrational (√2, π) or a measured value, ` +
        `not an exact one. Write it as a fraction such as 1/3, or round it to at most ${MAX_DECIMAL_DIGITS} digits.`,
    );
  }
  if (Math.abs(exp) > 400) throw new LinAlgError('too-large', `Exact mode refuses ${shown}: its exponent is too large.`);
  let p = BigInt((intPart + frac) || '0');
  let q = 1n;
  const e = exp - frac.length;
  if (e >= 0) p *= 10n ** BigInt(e);
  else q = 10n ** BigInt(-e);
  if (m[1] === '-') p = -p;
  return Rational.of(p, q);
}

/**
 * The exact rational an entry denotes. A JS number is read through its
 * shortest decimal form (0.1 → 1/10, 0.25 → 1/4, 3 → 3), so what the user
 * typed is what is used, not the binary approximation. Strings may be
 * integers, decimals or fractions "p/q" (p, q integers or decimals).
 *
 * Throws LinAlgError 'not-finite' (NaN, ±Infinity) or 'invalid-argument'
 * (unreadable text, zero denominator, or a decimal with more than
 * `MAX_DECIMAL_DIGITS` significant digits, e.g. 0.1 + 0.2 = 0.30000000000000004).
 *
 * @example
 * toRational(0.25).toString()   // "1/4"
 * toRational('-6/4').toString() // "-3/2"
 */
export function toRational(x: ExactEntry): Rational {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) {
      throw new LinAlgError('not-finite', `Exact mode cannot use ${String(x)}: only finite numbers have an exact value.`);
    }
    if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return Rational.of(BigInt(x));
    const text = String(x);
    if (significantDigits(text) > MAX_DECIMAL_DIGITS) {
      // A long decimal that is exactly the double nearest to a simple fraction (1/3, -2/7,
      // 5/12) is what a literal such as `1/3` evaluates to: read it as that fraction.
      const f = simpleFraction(x);
      if (f !== null) return Rational.of(BigInt(f[0]), BigInt(f[1]));
    }
    return fromDecimal(text, text);
  }
  if (typeof x !== 'string') throw new LinAlgError('invalid-argument', 'Exact mode entries must be numbers or strings such as "1/3".');
  const s = x.trim().replace(/−/g, '-');
  const slash = s.indexOf('/');
  if (slash < 0) return fromDecimal(s, `"${x}"`);
  const num = fromDecimal(s.slice(0, slash).trim(), `"${x}"`);
  const den = fromDecimal(s.slice(slash + 1).trim(), `"${x}"`);
  if (den.isZero()) throw new LinAlgError('invalid-argument', `Exact mode cannot use "${x}": the denominator is 0.`);
  return num.div(den);
}
