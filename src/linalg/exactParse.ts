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
      `Exact mode refuses ${shown}: with ${significant} significant digits it looks like a rounded result ` +
        `(for example of 1/3 or √2), not an exact value. Enter it as a fraction such as "1/3", or round it to at most ${MAX_DECIMAL_DIGITS} digits.`,
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
    return fromDecimal(String(x), String(x));
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
