import * as assert from 'assert';
import fc from 'fast-check';
import { lstsq, lstsqNormal } from '../../../src/linalg/lstsq';
import { verifyLstsq } from '../../../src/linalg/verify';
import { LinAlgError } from '../../../src/linalg/errors';
import { computeCases, mul, num, nums, randn, rng, tr, vnorm } from './helpers';
import { EPS } from './tolerance';

describe('lstsq: every reference case meets the README bound', () => {
  for (const kase of computeCases()) {
    it(kase.c.id, () => {
      const { A, m, n, N, ref } = kase;
      const b = nums(ref.lstsq_b);
      const xr = nums(ref.lstsq_x);
      const r = lstsq(A, b);
      assert.strictEqual(r.rank, num(ref.lstsq_rank), 'rank');
      const x = r.x as number[];
      assert.strictEqual(x.length, n);
      const s = nums(ref.singular_values);
      const kept = s.filter((v) => v > Math.max(m, n) * EPS * s[0]);
      const kr = kept.length ? kept[0] / kept[kept.length - 1] : 1;
      const nx = vnorm(xr);
      const diff = vnorm(x.map((v, i) => v - xr[i]));
      if (nx === 0) {
        assert.ok(diff === 0, `x should be 0, got norm ${diff}`);
      } else {
        const rho = num(ref.lstsq_residual_norm) / (s[0] * nx);
        const bound = Math.min(1, 1000 * N * EPS * (kr + kr * kr * rho));
        assert.ok(diff / nx <= bound, `‖x − x_ref‖/‖x_ref‖ = ${diff / nx} > ${bound}`);
      }
      // numpy semantics for residuals
      if (r.rank === n && m > n) {
        assert.strictEqual(r.residuals.length, 1);
        const rr = num(ref.lstsq_residual_norm);
        assert.ok(Math.abs(Math.sqrt(r.residuals[0]) - rr) <= 1e-8 * Math.max(1, rr) + 1000 * N * EPS * vnorm(b), `residual ${Math.sqrt(r.residuals[0])} vs ${rr}`);
      } else {
        assert.deepStrictEqual(r.residuals, []);
      }
      const v = verifyLstsq(A, b, x);
      assert.ok(v.optimality < 1000 * N * EPS, `optimality ${v.optimality}`);
    });
  }
});

describe('lstsq: semantics', () => {
  it('documented example and matrix right-hand sides', () => {
    const r = lstsq([[1], [1]], [1, 3]);
    assert.ok(Math.abs((r.x as number[])[0] - 2) < 1e-15);
    assert.ok(Math.abs(r.residuals[0] - 2) < 1e-14);
    assert.strictEqual(r.rank, 1);
    const A = randn(6, 3, rng(1));
    const B = randn(6, 2, rng(2));
    const R = lstsq(A, B);
    const X = R.x as number[][];
    assert.strictEqual(X.length, 3);
    assert.strictEqual(X[0].length, 2);
    assert.strictEqual(R.residuals.length, 2);
    for (let c = 0; c < 2; c++) {
      const xc = (lstsq(A, B.map((row) => row[c])).x as number[]);
      for (let i = 0; i < 3; i++) assert.ok(Math.abs(xc[i] - X[i][c]) < 1e-13);
    }
  });
  it('rank-deficient: minimum-norm solution (no 1e15 entries)', () => {
    const A = [[1, 1], [1, 1], [1, 1]];
    const r = lstsq(A, [1, 2, 3]);
    const x = r.x as number[];
    assert.ok(Math.abs(x[0] - 1) < 1e-14 && Math.abs(x[1] - 1) < 1e-14, `x = ${x}`);
    assert.strictEqual(r.rank, 1);
    assert.deepStrictEqual(r.residuals, []);
  });
  it('random systems satisfy the normal equations (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer(), (m, n, seed) => {
        const r = rng(seed);
        const A = randn(m, n, r);
        const b = randn(m, 1, r).map((row) => row[0]);
        const x = lstsq(A, b).x as number[];
        const res = b.map((bi, i) => bi - A[i].reduce((s, a, j) => s + a * x[j], 0));
        const g = mul(tr(A), res.map((v) => [v]));
        const gn = vnorm(g.map((row) => row[0]));
        assert.ok(gn <= 1e-11 * (1 + vnorm(b)), `‖Aᵀr‖ = ${gn}`);
        if (m < n) assert.ok(vnorm(res) < 1e-11 * (1 + vnorm(b)), 'wide systems are solved exactly');
      }),
      { seed: 5, numRuns: 200 },
    );
  });
  it('errors: wrong length, bad rcond, non-finite b', () => {
    assert.throws(() => lstsq([[1, 2], [3, 4]], [1, 2, 3]), (e: unknown) => e instanceof LinAlgError && e.kind === 'shape');
    assert.throws(() => lstsq([[1]], [1], { rcond: NaN }), (e: unknown) => e instanceof LinAlgError && e.kind === 'invalid-argument');
    assert.throws(() => lstsq([[1]], [NaN]), (e: unknown) => e instanceof LinAlgError && e.kind === 'not-finite');
  });
});

describe('lstsqNormal', () => {
  it('solves a well-conditioned system without a warning', () => {
    const r = lstsqNormal([[1, 0], [0, 1], [1, 1]], [1, 1, 2]);
    const x = r.x as number[];
    assert.ok(Math.abs(x[0] - 1) < 1e-14 && Math.abs(x[1] - 1) < 1e-14);
    assert.strictEqual(r.warning, undefined);
    assert.ok(r.digitsLost < 1);
  });
  it('warns with the number of digits at risk for an ill-conditioned Vandermonde', () => {
    const kase = computeCases().find((k) => k.c.id === 'vandermonde_8');
    assert.ok(kase);
    const r = lstsqNormal(kase.A, nums(kase.ref.lstsq_b));
    assert.ok(r.warning && /about 11 of the ~16 significant digits/.test(r.warning), r.warning);
    const x = r.x as number[];
    const xr = nums(kase.ref.lstsq_x);
    const err = vnorm(x.map((v, i) => v - xr[i])) / vnorm(xr);
    assert.ok(err < 1e-2, `normal equations error ${err}`);
  });
  it('refuses dependent columns with a pointer to lstsq', () => {
    assert.throws(() => lstsqNormal([[1, 1], [1, 1], [1, 1]], [1, 2, 3]), (e: unknown) => e instanceof LinAlgError && e.kind === 'singular' && /lstsq/.test(e.message));
  });
});
