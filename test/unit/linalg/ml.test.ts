import * as assert from 'assert';
import fc from 'fast-check';
import { pca, lowRank } from '../../../src/linalg/pca';
import { attention } from '../../../src/linalg/attention';
import { svd } from '../../../src/linalg/svd';
import { LinAlgError } from '../../../src/linalg/errors';
import { computeCases, fro, mul, nums, orthRows, randn, relDiff, rng, tr } from './helpers';
import { EPS, withinEps } from './tolerance';

describe('pca', () => {
  it('documented example', () => {
    const r = pca([[0, 0], [2, 0]]);
    assert.deepStrictEqual(r.mean, [1, 0]);
    assert.deepStrictEqual(r.components[0], [1, 0]);
    assert.ok(Math.abs(r.explainedVariance[0] - 2) < 1e-15);
    assert.strictEqual(r.explainedVariance[1], 0);
  });
  it('matches the covariance eigen-structure on random data (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (m, n, seed) => {
        const X = randn(m, n, rng(seed)).map((row) => row.map((v, j) => v * (j + 1) + 3));
        const k = Math.min(m, n);
        const r = pca(X);
        assert.strictEqual(r.components.length, k);
        withinEps('components orthonormal', orthRows(r.components), Math.max(m, n), 100);
        for (const c of r.components) {
          const big = c.reduce((a, v) => (Math.abs(v) > Math.abs(a) ? v : a), 0);
          assert.ok(big >= 0, 'largest-|entry| of a component is positive');
        }
        const Xc = X.map((row) => row.map((v, j) => v - r.mean[j]));
        // scores = Xc·Cᵀ and Xc = scores·C when k = min(m, n) spans the data
        withinEps('scores', relDiff(mul(Xc, tr(r.components)), r.scores), Math.max(m, n), 1000);
        if (k === n) withinEps('reconstruct', relDiff(Xc, mul(r.scores, r.components)), Math.max(m, n), 1000);
        const total = Xc.reduce((s, row) => s + row.reduce((t, v) => t + v * v, 0), 0) / (m - 1);
        const sum = r.explainedVariance.reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(sum - total) <= 1e-12 * total + 1e-300, `variance ${sum} vs ${total}`);
        const ratio = r.explainedVarianceRatio.reduce((a, b) => a + b, 0);
        if (total > 0) assert.ok(Math.abs(ratio - 1) < 1e-12);
        for (let i = 1; i < k; i++) assert.ok(r.explainedVariance[i] <= r.explainedVariance[i - 1]);
      }),
      { seed: 11, numRuns: 100 },
    );
  });
  it('k components, tall data (QR path), refusals', () => {
    const X = randn(500, 8, rng(3));
    const r = pca(X, { k: 3 });
    assert.strictEqual(r.components.length, 3);
    assert.strictEqual(r.scores[0].length, 3);
    assert.strictEqual(r.singularValues.length, 3);
    assert.throws(() => pca(X, { k: 0 }), (e: unknown) => e instanceof LinAlgError && e.kind === 'invalid-argument');
    assert.throws(() => pca(X, { k: 9 }), (e: unknown) => e instanceof LinAlgError && e.kind === 'invalid-argument');
    assert.throws(() => pca([[1, 2]]), (e: unknown) => e instanceof LinAlgError && e.kind === 'shape');
  });
});

describe('lowRank: Eckart–Young on every reference case', () => {
  for (const kase of computeCases()) {
    it(kase.c.id, () => {
      const { A, m, n, N } = kase;
      const s = nums(kase.ref.singular_values);
      const p = Math.min(m, n);
      for (const k of new Set([0, 1, Math.floor(p / 2), p])) {
        const r = lowRank(A, k);
        assert.strictEqual(r.Ak.length, m);
        const tol = 100 * N * EPS * (s[0] || 1);
        assert.ok(Math.abs(r.errorSpectral.predicted - (k < p ? s[k] : 0)) <= tol, 'predicted spectral');
        assert.ok(Math.abs(r.errorSpectral.measured - r.errorSpectral.predicted) <= tol, `spectral measured ${r.errorSpectral.measured} vs ${r.errorSpectral.predicted}`);
        assert.ok(Math.abs(r.errorFrobenius.measured - r.errorFrobenius.predicted) <= tol * Math.sqrt(p), 'frobenius');
        assert.ok(svd(r.Ak).S.filter((v) => v > tol).length <= k, 'rank of A_k');
      }
    });
  }
  it('bad k refused', () => {
    assert.throws(() => lowRank([[1, 2]], 2), (e: unknown) => e instanceof LinAlgError && e.kind === 'invalid-argument');
    assert.throws(() => lowRank([[1, 2]], 0.5), (e: unknown) => e instanceof LinAlgError && e.kind === 'invalid-argument');
  });
});

describe('attention', () => {
  it('documented example and row sums', () => {
    const r = attention([[1, 0]], [[1, 0], [0, 1]], [[1], [0]]);
    const e = Math.exp(1 / Math.SQRT2);
    assert.ok(Math.abs(r.weights[0][0] - e / (e + 1)) < 1e-15);
    assert.ok(Math.abs(r.output[0][0] - e / (e + 1)) < 1e-15);
    assert.ok(Math.abs(r.scores[0][0] - 1 / Math.SQRT2) < 1e-16);
  });
  it('stable softmax: scores of 1e4 neither overflow nor give NaN', () => {
    const Q = [[1e4, 0], [0, 1e4]];
    const K = [[1e4, 0], [0, 1e4], [2e4, 2e4]];
    const V = [[1, 0], [0, 1], [5, 5]];
    const r = attention(Q, K, V);
    for (const row of r.weights) {
      assert.ok(row.every(Number.isFinite));
      assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-15);
    }
    assert.deepStrictEqual(r.output, [[5, 5], [5, 5]]);
  });
  it('masks: causal and boolean; fully masked rows refused', () => {
    const X = randn(4, 3, rng(1));
    const r = attention(X, X, X, { mask: 'causal' });
    assert.strictEqual(r.weights[0][1], 0);
    assert.strictEqual(r.scores[0][3], -Infinity);
    assert.ok(Math.abs(r.weights[0][0] - 1) < 1e-16);
    const m = [[true, false, true, true], [true, true, true, true], [false, false, false, true], [true, true, true, true]];
    const b = attention(X, X, X, { mask: m });
    assert.strictEqual(b.weights[0][1], 0);
    assert.ok(Math.abs(b.weights[2][3] - 1) < 1e-16);
    assert.throws(() => attention(X, X, X, { mask: [[false, false, false, false], ...m.slice(1)] }), /hides every key from query 1/);
    assert.throws(() => attention(X, X, X, { mask: [[true]] }), (e: unknown) => e instanceof LinAlgError && e.kind === 'invalid-argument');
    assert.throws(() => attention([[1, 2]], [[1]], [[1]]), (e: unknown) => e instanceof LinAlgError && e.kind === 'shape');
    assert.throws(() => attention([[1]], [[1]], [[1], [2]]), (e: unknown) => e instanceof LinAlgError && e.kind === 'shape');
  });
  it('output = weights·V', () => {
    const r = rng(9);
    const Q = randn(3, 4, r);
    const K = randn(5, 4, r);
    const V = randn(5, 2, r);
    const a = attention(Q, K, V);
    assert.ok(relDiff(mul(a.weights, V), a.output) < 1e-15);
    assert.ok(fro(a.output) > 0);
  });
});
