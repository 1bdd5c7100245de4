import * as assert from 'assert';
import fc from 'fast-check';
import { svd, singularValues } from '../../../src/linalg/svd';
import { verifySvd } from '../../../src/linalg/verify';
import { LinAlgError } from '../../../src/linalg/errors';
import { computeCases, diagMul, mul, nums, orthCols, orthRows, randn, relDiff, rng, shape, type M } from './helpers';
import { withinEps } from './tolerance';

function checkSvd(what: string, A: M, full: boolean, sRef?: number[]): void {
  const [m, n] = shape(A);
  const N = Math.max(m, n);
  const k = Math.min(m, n);
  const r = svd(A, { full });
  assert.strictEqual(r.S.length, k, `${what}: k`);
  assert.deepStrictEqual(shape(r.U), full ? [m, m] : [m, k], `${what}: U shape`);
  if (!(full ? n === 0 : k === 0)) assert.deepStrictEqual(shape(r.Vh), full ? [n, n] : [k, n], `${what}: Vh shape`);
  for (let i = 0; i < k; i++) {
    assert.ok(r.S[i] >= 0, `${what}: S[${i}] = ${r.S[i]} < 0`);
    if (i > 0) assert.ok(r.S[i] <= r.S[i - 1], `${what}: S not descending at ${i}`);
  }
  const Uk = r.U.map((row) => row.slice(0, k));
  const Vk = r.Vh.slice(0, k);
  withinEps(`${what} reconstruction`, relDiff(A, mul(diagMul(Uk, r.S), Vk)), N, 100);
  withinEps(`${what} orthogonality U`, orthCols(r.U), N, 100);
  withinEps(`${what} orthogonality V`, orthRows(r.Vh), N, 100);
  if (sRef && sRef.length) {
    for (let i = 0; i < k; i++) withinEps(`${what} s[${i}]`, Math.abs(r.S[i] - sRef[i]) / (sRef[0] || 1), N, 100);
  }
}

describe('svd: every reference case (thin and full)', () => {
  for (const kase of computeCases()) {
    it(kase.c.id, () => {
      const sRef = nums(kase.ref.singular_values);
      checkSvd(`${kase.c.id} thin`, kase.A, false, sRef);
      checkSvd(`${kase.c.id} full`, kase.A, true, sRef);
      const s = singularValues(kase.A);
      for (let i = 0; i < s.length; i++) withinEps(`${kase.c.id} values-only s[${i}]`, Math.abs(s[i] - sRef[i]) / (sRef[0] || 1), kase.N, 100);
    });
  }
});

describe('svd: shapes, scales and structure', () => {
  const r = rng(7);
  const shapes: [number, number][] = [[1, 1], [1, 7], [7, 1], [3, 5], [5, 3], [12, 4], [4, 12], [30, 30], [64, 9], [9, 64], [40, 25]];
  for (const [m, n] of shapes) {
    it(`random ${m}×${n}, thin and full`, () => {
      const A = randn(m, n, r);
      checkSvd(`${m}×${n}`, A, false);
      checkSvd(`${m}×${n}`, A, true);
    });
  }
  for (const s of [1e-300, 1e-150, 1e-20, 1e20, 1e150, 1e300]) {
    it(`scaled by ${s}: singular values scale exactly`, () => {
      const A = randn(6, 4, rng(3));
      const base = svd(A).S;
      const As = A.map((row) => row.map((v) => v * s));
      checkSvd(`scaled ${s}`, As, false);
      const S = svd(As).S;
      for (let i = 0; i < 4; i++) withinEps(`scaled s[${i}]`, Math.abs(S[i] / s - base[i]) / base[0], 6, 100);
    });
  }
  it('graded columns 1e200 … 1e-200 keep U and V orthogonal', () => {
    const A = randn(5, 5, rng(11)).map((row) => row.map((v, j) => v * 10 ** (200 - 100 * j)));
    checkSvd('graded', A, false);
    checkSvd('graded wide', A.slice(0, 3), true);
  });
  it('rank-deficient wide and tall, repeated and zero singular values', () => {
    const u = [1, -2, 0.5];
    const v = [2, 0, -1, 3, 1];
    const rank1 = u.map((a) => v.map((b) => a * b));
    checkSvd('rank1 3×5', rank1, true);
    checkSvd('rank1 5×3', rank1[0].map((_, j) => rank1.map((row) => row[j])), true);
    checkSvd('zero 3×4', [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], true);
    const S = svd([[2, 0, 0], [0, 2, 0], [0, 0, 0]]).S;
    assert.deepStrictEqual(S, [2, 2, 0]);
  });
  it('exact results for diagonal and permutation matrices', () => {
    assert.deepStrictEqual(svd([[3, 0], [0, -2]]).S, [3, 2]);
    assert.deepStrictEqual(svd([[0, 1], [1, 0]]).S, [1, 1]);
    assert.deepStrictEqual(singularValues([[3, 4]]), [5]);
  });
  it('verifySvd reports the same small figures and detects a broken factor', () => {
    const A = randn(6, 4, rng(5));
    const r = svd(A);
    const v = verifySvd(A, r);
    withinEps('verify reconstruction', v.reconstruction, 6, 100);
    withinEps('verify U', v.orthogonalityU, 6, 100);
    withinEps('verify V', v.orthogonalityV, 6, 100);
    const bad = { ...r, S: r.S.map((s, i) => (i === 0 ? s * 1.01 : s)) };
    assert.ok(verifySvd(A, bad).reconstruction > 1e-4);
  });
});

describe('svd: property checks (fast-check, seeded)', () => {
  it('invariants hold for random small matrices of any shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer(), fc.boolean(), (m, n, seed, full) => {
        const A = randn(m, n, rng(seed));
        // sprinkle exact zeros and duplicated columns to hit degenerate paths
        if (seed % 3 === 0) for (const row of A) row[0] = 0;
        if (seed % 5 === 0 && n > 1) for (const row of A) row[n - 1] = row[0];
        checkSvd(`fc ${m}×${n} seed ${seed}`, A, full);
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });
});

describe('svd: refusals and empty input', () => {
  it('refuses NaN and Infinity naming the entry', () => {
    assert.throws(() => svd([[1, NaN], [0, 1]]), (e: unknown) => e instanceof LinAlgError && e.kind === 'not-finite' && /row 1, column 2/.test(e.message));
    assert.throws(() => svd([[0, 0], [Infinity, 1]]), (e: unknown) => e instanceof LinAlgError && /row 2, column 1\) is \+Infinity/.test(e.message));
  });
  it('refuses ragged rows and oversized requests', () => {
    assert.throws(() => svd([[1, 2], [3]]), (e: unknown) => e instanceof LinAlgError && e.kind === 'shape');
    assert.throws(() => svd([[1, 2, 3]], { maxEntries: 2 }), (e: unknown) => e instanceof LinAlgError && e.kind === 'too-large');
    const tall = Array.from({ length: 50 }, () => [1]);
    assert.throws(() => svd(tall, { full: true, maxEntries: 100 }), (e: unknown) => e instanceof LinAlgError && e.kind === 'too-large');
  });
  it('empty input follows numpy (empty results)', () => {
    assert.deepStrictEqual(svd([]), { U: [], S: [], Vh: [] });
    assert.deepStrictEqual(singularValues([]), []);
    const r = svd([[], []], { full: true });
    assert.deepStrictEqual(r.S, []);
    assert.deepStrictEqual(r.U, [[1, 0], [0, 1]]);
  });
});
