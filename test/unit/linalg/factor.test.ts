import * as assert from 'assert';
import fc from 'fast-check';
import { qr } from '../../../src/linalg/qr';
import { det, lu, slogdet, solve } from '../../../src/linalg/lu';
import { inv } from '../../../src/linalg/spectral';
import { cholesky } from '../../../src/linalg/cholesky';
import { verifyCholesky, verifyLu, verifyQr } from '../../../src/linalg/verify';
import { LinAlgError } from '../../../src/linalg/errors';
import { computeCases, fro, mul, orthCols, randn, relDiff, rng, shape, tr, type M } from './helpers';
import { withinEps } from './tolerance';

function checkQr(what: string, A: M, mode: 'reduced' | 'complete'): void {
  const [m, n] = shape(A);
  const N = Math.max(m, n, 1);
  const k = Math.min(m, n);
  const { Q, R } = qr(A, { mode });
  const qc = mode === 'complete' ? m : k;
  assert.deepStrictEqual(shape(Q), [m, qc], `${what}: Q shape`);
  if (qc > 0) assert.deepStrictEqual(shape(R), [qc, n], `${what}: R shape`);
  for (let i = 0; i < R.length; i++) for (let j = 0; j < Math.min(i, n); j++) assert.strictEqual(R[i][j], 0, `${what}: R[${i}][${j}] not exactly 0`);
  withinEps(`${what} QR reconstruction`, relDiff(A, mul(Q, R)), N, 100);
  withinEps(`${what} QᵀQ − I`, orthCols(Q), N, 100);
}

function permute(A: M, perm: number[]): M {
  return perm.map((p) => A[p]);
}

function checkLu(what: string, A: M): void {
  const [m, n] = shape(A);
  const N = Math.max(m, n, 1);
  const k = Math.min(m, n);
  const { P, L, U, perm } = lu(A);
  assert.deepStrictEqual(shape(L), [m, k], `${what}: L shape`);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < k; j++) {
      if (j > i) assert.strictEqual(L[i][j], 0, `${what}: L not lower`);
      if (j === i) assert.strictEqual(L[i][j], 1, `${what}: L not unit`);
      assert.ok(Math.abs(L[i][j]) <= 1, `${what}: |L[${i}][${j}]| > 1`);
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < Math.min(i, n); j++) assert.strictEqual(U[i][j], 0, `${what}: U not upper`);
  assert.deepStrictEqual(mul(P, A), permute(A, perm), `${what}: P and perm disagree`);
  const PA = permute(A, perm);
  const nA = fro(A);
  const growth = nA === 0 ? 1 : Math.max(1, (fro(L) * fro(U)) / nA);
  withinEps(`${what} PA − LU`, relDiff(PA, mul(L, U)), N, 100 * growth);
}

describe('qr / lu: every reference case', () => {
  for (const kase of computeCases()) {
    it(kase.c.id, () => {
      checkQr(`${kase.c.id} reduced`, kase.A, 'reduced');
      checkQr(`${kase.c.id} complete`, kase.A, 'complete');
      checkLu(kase.c.id, kase.A);
    });
  }
});

describe('qr: hard cases', () => {
  it('zero pivot permutation (mathjs#1669) and zero columns', () => {
    const { Q, R } = qr([[0, 1], [1, 0]]);
    assert.deepStrictEqual(mul(Q, R), [[0, 1], [1, 0]]);
    checkQr('zero column', [[0, 1, 2], [0, 3, 4], [0, 5, 7]], 'complete');
    checkQr('zero matrix', [[0, 0], [0, 0], [0, 0]], 'complete');
  });
  it('wide, tall and tiny scales (no absolute thresholds)', () => {
    const r = rng(2);
    for (const s of [1, 1e-20, 1e-160, 1e-300, 1e160]) {
      const A = randn(4, 7, r).map((row) => row.map((v) => v * s));
      checkQr(`wide ×${s}`, A, 'reduced');
      checkQr(`tall ×${s}`, tr(A), 'complete');
      const R = qr(A).R;
      assert.ok(Math.abs(R[3][3]) > 1e-3 * s, `R lost its scale at ${s}`);
    }
  });
  it('random shapes (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer(), (m, n, seed) => {
        const A = randn(m, n, rng(seed));
        if (seed % 4 === 0) for (const row of A) row[n - 1] = 0;
        checkQr(`fc ${m}×${n}`, A, seed % 2 === 0 ? 'reduced' : 'complete');
      }),
      { seed: 42, numRuns: 200 },
    );
  });
  it('verifyQr agrees and rejects a bad mode', () => {
    const A = randn(5, 3, rng(9));
    const v = verifyQr(A, qr(A));
    withinEps('verifyQr reconstruction', v.reconstruction, 5, 100);
    withinEps('verifyQr orthogonality', v.orthogonality, 5, 100);
    assert.strictEqual(v.belowDiagonal, 0);
    assert.throws(() => qr(A, { mode: 'r' as 'reduced' }), (e: unknown) => e instanceof LinAlgError && e.kind === 'invalid-argument');
    assert.deepStrictEqual(qr([]), { Q: [], R: [] });
  });
});

describe('lu', () => {
  it('documented example: P·A = L·U with perm', () => {
    const r = lu([[1, 2], [3, 4]]);
    assert.deepStrictEqual(r.perm, [1, 0]);
    assert.deepStrictEqual(r.P, [[0, 1], [1, 0]]);
    assert.deepStrictEqual(r.U[0], [3, 4]);
    assert.ok(Math.abs(r.L[1][0] - 1 / 3) < 1e-16);
  });
  it('rectangular, singular and random (fast-check)', () => {
    checkLu('singular', [[1, 2, 3], [2, 4, 6], [1, 1, 1]]);
    checkLu('zero column', [[0, 1], [0, 2], [0, 3]]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer(), (m, n, seed) => {
        checkLu(`fc ${m}×${n}`, randn(m, n, rng(seed)));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
  it('verifyLu figures', () => {
    const A = randn(6, 6, rng(1));
    const v = verifyLu(A, lu(A));
    withinEps('verifyLu', v.reconstruction, 6, 100 * Math.max(1, v.growth));
    assert.ok(v.maxMultiplier <= 1);
  });
});

describe('lu, det and slogdet at the edges of the double range', () => {
  it('lu refuses a U entry that overflows, naming where, instead of returning Infinity', () => {
    assert.throws(
      () => lu([[1e308, 1e308], [-1e308, 1e308]]),
      (e: unknown) => e instanceof LinAlgError && e.kind === 'overflow' && e.message.includes('row 2, column 2'),
    );
    const r = lu([[1e308, 0], [0, 1e-300]]);
    assert.strictEqual(r.U[1][1], 1e-300);
  });
  it('det and slogdet scale rows first: no NaN from 1e308 rows, no lost digits in 1e-300 rows', () => {
    // det = 1e308·1e308 + 1e308·1e308 = 2e616: slogdet exact, det overflows to Infinity (numpy's det does too).
    const big = slogdet([[1e308, 1e308], [-1e308, 1e308]]);
    assert.strictEqual(big.sign, 1);
    assert.ok(Math.abs(big.logabsdet - (Math.log(2) + 2 * Math.log(1e308))) < 1e-12, String(big.logabsdet));
    assert.strictEqual(det([[1e308, 1e308], [-1e308, 1e308]]), Infinity);
    assert.ok(Math.abs(det([[1e308, 0], [0, 1e-300]]) - 1e8) < 1e-6);
    const tiny = slogdet([[1e-300, 2e-300], [3e-300, 4e-300]]);
    assert.strictEqual(tiny.sign, -1);
    assert.ok(Math.abs(tiny.logabsdet - (Math.log(2) - 600 * Math.LN10)) < 1e-9, String(tiny.logabsdet));
    const mixed = det([[1e200, 0, 0], [0, 1e200, 0], [0, 0, 1e-250]]);
    assert.ok(Math.abs(mixed / 1e150 - 1) < 1e-14, String(mixed));
  });
  it('rows scaled by 2^±600 shift log|det| by exactly their exponents', () => {
    const r = rng(11);
    for (let t = 0; t < 20; t++) {
      const A = randn(5, 5, r);
      const scaled = A.map((row, i) => row.map((x) => x * 2 ** (i % 2 === 0 ? 600 : -600)));
      // Rows 0, 2, 4 up by 2^600, rows 1, 3 down: det grows by 2^600.
      const want = slogdet(A).logabsdet + 600 * Math.LN2;
      assert.ok(Math.abs(slogdet(scaled).logabsdet - want) < 1e-12 * Math.abs(want), `${slogdet(scaled).logabsdet} vs ${want}`);
      assert.strictEqual(slogdet(scaled).sign, slogdet(A).sign);
    }
  });
});

describe('blocked triangular solves (inverse and many right-hand sides)', () => {
  for (const n of [47, 48, 49, 97, 130]) {
    it(`n = ${n}: inv and solve with 20 right-hand sides have residuals at machine precision`, () => {
      const A = randn(n, n, rng(n));
      const X = inv(A);
      const AX = mul(A, X);
      let worst = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(AX[i][j] - (i === j ? 1 : 0)));
      withinEps(`‖A·inv(A) − I‖max / (‖A‖_F‖inv(A)‖_F)`, worst / (fro(A) * fro(X)), n, 10);
      const B = randn(n, 20, rng(n + 1));
      const Y = solve(A, B) as number[][];
      withinEps(`‖A·Y − B‖_F / (‖A‖_F‖Y‖_F)`, fro(mul(A, Y).map((row, i) => row.map((v, j) => v - B[i][j]))) / (fro(A) * fro(Y)), n, 10);
    });
  }
});

describe('cholesky: succeeds iff ref.cholesky_ok', () => {
  for (const kase of computeCases().filter((k) => k.m === k.n)) {
    it(kase.c.id, () => {
      if (kase.ref.cholesky_ok === true) {
        const { L } = cholesky(kase.A);
        for (let i = 0; i < kase.n; i++) for (let j = i + 1; j < kase.n; j++) assert.strictEqual(L[i][j], 0);
        withinEps(`${kase.c.id} A − LLᵀ`, relDiff(kase.A, mul(L, tr(L))), kase.N, 100);
        const { U } = cholesky(kase.A, { upper: true });
        withinEps(`${kase.c.id} A − UᵀU`, relDiff(kase.A, mul(tr(U), U)), kase.N, 100);
        withinEps('verifyCholesky', verifyCholesky(kase.A, { L }).reconstruction, kase.N, 100);
      } else {
        const kind = kase.ref.symmetric === false ? 'not-symmetric' : 'not-positive-definite';
        assert.throws(() => cholesky(kase.A), (e: unknown) => e instanceof LinAlgError && e.kind === kind, `${kase.c.id}: expected ${kind}`);
      }
    });
  }
});

describe('cholesky: messages and edge cases', () => {
  it('names the failing pivot', () => {
    assert.throws(
      () => cholesky([[1, 0, 0], [0, 1, 0], [0, 0, -2]]),
      (e: unknown) => e instanceof LinAlgError && e.message === 'Matrix is not positive definite: the pivot of row 3 is −2.0',
    );
  });
  it('refuses non-symmetric input (mathnet#1029) but accepts rounding-level asymmetry', () => {
    assert.throws(() => cholesky([[2, 0], [1, 2]]), (e: unknown) => e instanceof LinAlgError && e.kind === 'not-symmetric' && /entry \(1, 2\)/.test(e.message));
    const r = rng(4);
    const C = randn(8, 5, r);
    const G = mul(tr(C), C).map((row, i) => row.map((v, j) => (i === j ? v + 1 : v) * (1 + (i < j ? 2e-16 : 0))));
    assert.doesNotThrow(() => cholesky(G));
  });
  it('random SPD matrices factor (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer(), (n, seed) => {
        const C = randn(n + 2, n, rng(seed));
        const G = mul(tr(C), C);
        const S = G.map((row, i) => row.map((v, j) => (i === j ? v + 1e-3 : (v + G[j][i]) / 2)));
        const { L } = cholesky(S);
        withinEps(`fc chol ${n}`, relDiff(S, mul(L, tr(L))), n, 100);
      }),
      { seed: 3, numRuns: 150 },
    );
  });
  it('0×0 follows numpy, non-square refused', () => {
    assert.deepStrictEqual(cholesky([]), { L: [] });
    assert.throws(() => cholesky([[1, 2]]), (e: unknown) => e instanceof LinAlgError && e.kind === 'not-square');
  });
});
