/**
 * Exact rational numbers p/q over BigInt, always in lowest terms with q > 0,
 * for the exact (teaching) mode. Immutable; every operation returns a new value.
 */
import { LinAlgError } from './errors';

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export class Rational {
  /** Numerator (sign carrier). */
  readonly p: bigint;
  /** Denominator, > 0. */
  readonly q: bigint;

  private constructor(p: bigint, q: bigint) {
    this.p = p;
    this.q = q;
  }

  /** p/q in lowest terms; q must be non-zero. */
  static of(p: bigint, q: bigint = 1n): Rational {
    if (q === 0n) throw new LinAlgError('invalid-argument', 'A fraction cannot have denominator 0.');
    if (q < 0n) {
      p = -p;
      q = -q;
    }
    const g = gcd(p, q);
    return g === 1n || g === 0n ? new Rational(p, q) : new Rational(p / g, q / g);
  }

  static readonly ZERO = Rational.of(0n);
  static readonly ONE = Rational.of(1n);

  isZero(): boolean {
    return this.p === 0n;
  }
  add(b: Rational): Rational {
    return this.q === b.q ? Rational.of(this.p + b.p, this.q) : Rational.of(this.p * b.q + b.p * this.q, this.q * b.q);
  }
  sub(b: Rational): Rational {
    return this.add(b.neg());
  }
  mul(b: Rational): Rational {
    return Rational.of(this.p * b.p, this.q * b.q);
  }
  div(b: Rational): Rational {
    if (b.p === 0n) throw new LinAlgError('singular', 'Division by zero in exact arithmetic.');
    return Rational.of(this.p * b.q, this.q * b.p);
  }
  neg(): Rational {
    return new Rational(-this.p, this.q);
  }
  inv(): Rational {
    return Rational.ONE.div(this);
  }
  equals(b: Rational): boolean {
    return this.p === b.p && this.q === b.q;
  }
  /** "p/q", or "p" when q = 1, e.g. "-3/2", "5". */
  toString(): string {
    return this.q === 1n ? this.p.toString() : `${this.p}/${this.q}`;
  }
  /** Nearest double (exact for small values; ratio of big integers otherwise). */
  toNumber(): number {
    const n = Number(this.p) / Number(this.q);
    if (Number.isFinite(n)) return n;
    // Huge numerator and denominator: shift both down before dividing.
    const shift = BigInt(Math.max(this.p.toString(2).length, this.q.toString(2).length) - 1000);
    return Number(this.p >> shift) / Number(this.q >> shift);
  }
}
