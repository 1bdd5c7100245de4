/**
 * Exact mode: hand-checked cases, exact invariants (P·A = L·U, A·A⁻¹ = I,
 * rref shape) re-verified in rational arithmetic, and agreement with the
 * floating-point det on reference cases and random small integer matrices.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { exactDet, exactInverse, exactLu, rref, toRational, Rational, MAX_EXACT_DIM, type ExactStep } from '../../../src/linalg/exact';
import { det } from '../../../src/linalg/lu';
import { LinAlgError } from '../../../src/linalg/errors';
import { computeCases, num } from './helpers';
import { simpleFraction } from '../../../src/linalg/exactParse';

type Q = Rational[][];
const R = (m: string[][]): Q => m.map((r) => r.map((x) => toRational(x)));
const times = (a: Q, b: Q): Q => a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s.add(x.mul(b[k][j])), Rational.ZERO)));
const same = (a: Q, b: Q): boolean => a.length === b.length && a.every((row, i) => row.every((x, j) => x.equals(b[i][j])));
const eyeQ = (n: number): Q => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO)));
const isKind = (kind: string) => (e: unknown): boolean => e instanceof LinAlgError && e.kind === kind;

/** Replays recorded steps from the start matrix and checks each snapshot. */
function replay(start: Q, steps: ExactStep[]): Q {
  let m = start.map((r) => r.slice());
  for (const s of steps) {
    const f = toRational(s.factor);
    const [i, j] = s.rows;
    if (s.op === 'swap') [m[i], m[j]] = [m[j], m[i]];
    else if (s.op === 'scale') m[i] = m[i].map((x) => x.mul(f));
    else m[i] = m[i].map((x, c) => x.add(f.mul(m[j][c])));
    assert.ok(same(m, R(s.matrixAfter)), `snapshot after "${s.text}" does not match the operation`);
    m = m.map((r) => r.slice());
  }
  return m;
}

describe('exact: rationals and parsing', () => {
  it('reads integers, decimals and fractions exactly', () => {
    assert.strictEqual(toRational(0.25).toString(), '1/4');
    assert.strictEqual(toRational(0.1).toString(), '1/10');
    assert.strictEqual(toRational(-3).toString(), '-3');
    assert.strictEqual(toRational('-6/4').toString(), '-3/2');
    assert.strictEqual(toRational('1.5/0.5').toString(), '3');
    assert.strictEqual(toRational(2.5e-3).toString(), '1/400');
    assert.strictEqual(toRational('1e3').toString(), '1000');
  });
  it('refuses rounded-looking floats, non-finite values and junk clearly', () => {
    assert.throws(() => toRational(0.1 + 0.2), (e: unknown) => isKind('invalid-argument')(e) && /fraction/.test((e as Error).message));
    assert.throws(() => toRational(Math.SQRT2), (e: unknown) => isKind('invalid-argument')(e) && /√2/.test((e as Error).message));
    assert.throws(() => toRational(Math.PI), isKind('invalid-argument'));
    assert.throws(() => toRational(NaN), isKind('not-finite'));
    assert.throws(() => toRational(Infinity), isKind('not-finite'));
    assert.throws(() => toRational('x/2'), isKind('invalid-argument'));
    assert.throws(() => toRational('1/0'), isKind('invalid-argument'));
  });
});

describe('exact: doubles that are a simple fraction', () => {
  it('reads the double nearest to p/q (what a literal `1/3` evaluates to) as p/q', () => {
    assert.strictEqual(toRational(1 / 3).toString(), '1/3');
    assert.strictEqual(toRational(-2 / 7).toString(), '-2/7');
    assert.strictEqual(toRational(5 / 12).toString(), '5/12');
    assert.strictEqual(toRational(22 / 7).toString(), '22/7');
    assert.strictEqual(toRational(1 / 999983).toString(), '1/999983');
    assert.deepStrictEqual(simpleFraction(1 / 3), [1, 3]);
  });
  it('finds no fraction for irrationals, rounding noise and huge denominators', () => {
    assert.strictEqual(simpleFraction(Math.SQRT2), null);
    assert.strictEqual(simpleFraction(Math.PI), null);
    assert.strictEqual(simpleFraction(0.1 + 0.2), null);
    assert.strictEqual(simpleFraction(1 / 1000003), null);
  });
  it('a refused entry is named by its row and column', () => {
    assert.throws(() => rref([[1, 2], [Math.SQRT2, 2]]), (e: unknown) => e instanceof LinAlgError && e.message.startsWith('Entry (2, 1): '));
  });
    it('steps on [[1/2, 1/3], [1, 2]] run exactly', () => {
    assert.deepStrictEqual(exactInverse([[1 / 2, 1 / 3], [1, 2]]).inverse, [['3', '-1/2'], ['-3/2', '3/4']]);
  });
});

describe('exact: hand cases', () => {
  it('det [[2,1],[1,3]] = 5 and inverse [[1,2],[3,4]] = [[-2,1],[3/2,-1/2]]', () => {
    assert.strictEqual(exactDet([[2, 1], [1, 3]]).det, '5');
    assert.deepStrictEqual(exactInverse([[1, 2], [3, 4]]).inverse, [['-2', '1'], ['3/2', '-1/2']]);
  });
  it('a swap flips the determinant sign; a missing pivot gives exactly 0', () => {
    const d = exactDet([[0, 1], [1, 0]]);
    assert.strictEqual(d.det, '-1');
    assert.strictEqual(d.steps[0].op, 'swap');
    assert.strictEqual(exactDet([[1, 2], [2, 4]]).det, '0');
  });
  it('rref of a rank-2 3×3 matrix with its pivot columns', () => {
    const r = rref([[1, 2, 3], [2, 4, 6], [1, 0, 1]]);
    assert.deepStrictEqual(r.rref, [['1', '0', '1'], ['0', '1', '1'], ['0', '0', '0']]);
    assert.deepStrictEqual(r.pivotColumns, [0, 1]);
    assert.strictEqual(r.rank, 2);
    assert.deepStrictEqual(r.steps[0], { op: 'add', rows: [1, 0], factor: '-2', matrixAfter: [['1', '2', '3'], ['0', '0', '0'], ['1', '0', '1']], text: 'R2 ← R2 − 2·R1' });
  });
  it('exactLu of [[0,1],[2,3]] needs a swap', () => {
    const f = exactLu([[0, 1], [2, 3]]);
    assert.deepStrictEqual(f.P, [['0', '1'], ['1', '0']]);
    assert.deepStrictEqual(f.U, [['2', '3'], ['0', '1']]);
    assert.strictEqual(f.swaps, 1);
  });
  it('Hilbert 6 as fractions has determinant 1/186313420339200000', () => {
    const H = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => `1/${i + j + 1}`));
    assert.strictEqual(exactDet(H).det, '1/186313420339200000');
    assert.ok(same(times(R(H), R(exactInverse(H).inverse)), eyeQ(6)));
  });
  it('refuses singular inverses, oversize, empty and ragged input', () => {
    assert.throws(() => exactInverse([[1, 2], [2, 4]]), (e: unknown) => isKind('singular')(e) && /rank 1 < 2/.test((e as Error).message));
    const big = Array.from({ length: MAX_EXACT_DIM + 1 }, () => Array.from({ length: 2 }, () => 1));
    assert.throws(() => rref(big), isKind('too-large'));
    assert.throws(() => exactDet([]), isKind('empty'));
    assert.throws(() => exactDet([[1, 2], [3]]), isKind('shape'));
    assert.throws(() => exactDet([[1, 2, 3]]), isKind('not-square'));
  });
});

const smallInt = fc.integer({ min: -6, max: 6 });
const intMatrix = (maxN: number) =>
  fc.integer({ min: 1, max: maxN }).chain((n) => fc.array(fc.array(smallInt, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }));

describe('exact: invariants on random integer matrices (seeded)', () => {
  it('P·A = L·U exactly, L unit lower, U echelon, steps replay', () => {
    fc.assert(
      fc.property(intMatrix(6), (A) => {
        const f = exactLu(A);
        const Aq = R(A.map((r) => r.map(String)));
        assert.ok(same(times(R(f.P), Aq), times(R(f.L), R(f.U))), 'P·A ≠ L·U');
        f.L.forEach((row, i) => row.forEach((x, j) => assert.ok(j < i || x === (i === j ? '1' : '0'))));
        assert.ok(same(replay(Aq, f.steps), R(f.U)));
      }),
      { seed: 7, numRuns: 150 },
    );
  });
  it('det agrees with the floating-point det; inverse satisfies A·X = I exactly', () => {
    fc.assert(
      fc.property(intMatrix(6), (A) => {
        const d = toRational(exactDet(A).det).toNumber();
        const f = det(A);
        assert.ok(Math.abs(d - f) <= 1e-9 * Math.max(1, Math.abs(d)), `exact ${d} vs float ${f}`);
        if (d !== 0) {
          const X = R(exactInverse(A).inverse);
          assert.ok(same(times(R(A.map((r) => r.map(String))), X), eyeQ(A.length)));
        } else {
          assert.throws(() => exactInverse(A), isKind('singular'));
        }
      }),
      { seed: 11, numRuns: 150 },
    );
  });
  it('rref: pivots are 1, pivot columns are unit vectors, zero rows last, replay matches', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (m, n, s) => {
        const A = Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => (((i * 7 + j * 3 + s) % 5) - 2) * ((i + j + s) % 3)));
        const r = rref(A);
        const M = R(r.rref);
        r.pivotColumns.forEach((c, k) => M.forEach((row, i) => assert.ok(row[c].equals(i === k ? Rational.ONE : Rational.ZERO))));
        for (let i = r.rank; i < m; i++) assert.ok(M[i].every((x) => x.isZero()), 'non-zero row below the pivots');
        assert.ok(same(replay(R(A.map((x) => x.map(String))), r.steps), M));
      }),
      { seed: 5, numRuns: 150 },
    );
  });
});

describe('exact: reference cases with exact entries', () => {
  const exactable = computeCases().filter(
    (k) => k.m <= MAX_EXACT_DIM && k.n <= MAX_EXACT_DIM && k.A.every((r) => r.every((x) => Number.isInteger(x) && Math.abs(x) < 1e6)),
  );
  it('has integer cases to check', () => assert.ok(exactable.length >= 10, `only ${exactable.length}`));
  for (const k of exactable) {
    it(k.c.id, () => {
      assert.strictEqual(rref(k.A).rank, k.ref.rank, 'rank');
      if (k.m === k.n) {
        const d = toRational(exactDet(k.A).det).toNumber();
        const dRef = num(k.ref.det);
        const s = (k.ref.singular_values as number[]) ?? [];
        const bound = 100 * k.n * 2.220446049250313e-16 * s.slice(0, k.n - 1).reduce((p, x) => p * x, s[0] ?? 1);
        assert.ok(Math.abs(d - dRef) <= Math.max(bound, 1e-9 * Math.abs(d)), `det ${d} vs ref ${dRef}`);
        if (d !== 0 && Array.isArray(k.ref.inv)) {
          const X = exactInverse(k.A).inverse.map((r) => r.map((x) => toRational(x).toNumber()));
          const ref = k.ref.inv as number[][];
          X.forEach((row, i) => row.forEach((x, j) => assert.ok(Math.abs(x - ref[i][j]) <= 1e-8 * Math.max(1, Math.abs(x)), `inv[${i}][${j}]`)));
        }
      }
    });
  }
});
