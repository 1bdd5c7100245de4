/**
 * eig / eigh invariants on seeded random matrices (fast-check) and on hand-made
 * hard cases: scaling, similarity-hidden Jordan blocks, repeated eigenvalues,
 * orthogonal and companion matrices, and termination.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { eig, eigvals } from '../../../src/linalg/eig';
import { eigh, eigvalsh } from '../../../src/linalg/eigh';
import { LinAlgError } from '../../../src/linalg/errors';
import { fro, mul, randn, rng, tr, type M } from './helpers';
import { checkEigh, checkEigStructure } from './eigCheck';
import { withinEps } from './tolerance';

const sizes = fc.integer({ min: 1, max: 12 });
const seeds = fc.integer({ min: 1, max: 1 << 30 });

function symmetric(n: number, seed: number): M {
  const G = randn(n, n, rng(seed));
  return G.map((row, i) => row.map((x, j) => x + G[j][i]));
}

/** Q from Gram–Schmidt of a random matrix (orthogonal up to rounding). */
function randomOrthogonal(n: number, seed: number): M {
  const G = randn(n, n, rng(seed));
  const Q: number[][] = [];
  for (let j = 0; j < n; j++) {
    let v = G.map((r) => r[j]);
    for (let pass = 0; pass < 2; pass++) {
      for (const q of Q) {
        const d = q.reduce((s, x, i) => s + x * v[i], 0);
        v = v.map((x, i) => x - d * q[i]);
      }
    }
    const nv = Math.hypot(...v);
    Q.push(v.map((x) => x / nv));
  }
  return tr(Q);
}

describe('eigh: random symmetric matrices (seeded)', () => {
  it('orthonormal eigenvectors, small residual, ascending eigenvalues, agrees with eigvalsh and the trace', () => {
    fc.assert(
      fc.property(sizes, seeds, fc.integer({ min: -300, max: 300 }), (n, seed, e) => {
        const A = symmetric(n, seed).map((r) => r.map((x) => x * 2 ** e));
        const r = eigh(A);
        checkEigh(`n=${n} seed=${seed} scale=2^${e}`, A, r);
        const vals = eigvalsh(A);
        const nA = fro(A);
        vals.forEach((v, i) => withinEps(`eigvalsh[${i}]`, Math.abs(v - r.eigenvalues[i]) / nA, n, 100));
        const trace = A.reduce((s, row, i) => s + row[i], 0);
        withinEps('trace', Math.abs(trace - r.eigenvalues.reduce((s, x) => s + x, 0)) / nA, n, 100);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
  it('repeated eigenvalues still give an orthonormal basis (Q·diag(1,1,1,2,2,5)·Qᵀ)', () => {
    const Q = randomOrthogonal(6, 3);
    const A = mul(mul(Q, [1, 1, 1, 2, 2, 5].map((d, i) => Array.from({ length: 6 }, (_, j) => (i === j ? d : 0)))), tr(Q));
    const S = A.map((row, i) => row.map((x, j) => (i < j ? x : A[j][i]))); // exactly symmetric
    checkEigh('repeated', S, eigh(S), [1, 1, 1, 2, 2, 5], 5);
  });
  it('rejects a non-symmetric matrix with a message naming the entries', () => {
    assert.throws(() => eigh([[1, 2], [3, 4]]), (e: unknown) => e instanceof LinAlgError && e.kind === 'not-symmetric' && /\(2, 1\)/.test(e.message));
    // Within the relative tolerance the symmetric part is used.
    assert.doesNotThrow(() => eigh([[1, 2], [2 + 1e-14, 4]]));
  });
});

describe('eig: random general matrices (seeded)', () => {
  it('exact conjugate pairs, unit eigenvectors, per-pair residual, sum = trace, eigvals agrees', () => {
    fc.assert(
      fc.property(sizes, seeds, fc.integer({ min: -300, max: 300 }), (n, seed, e) => {
        const A = randn(n, n, rng(seed)).map((r) => r.map((x) => x * 2 ** e));
        const r = eig(A);
        checkEigStructure(`n=${n} seed=${seed} scale=2^${e}`, A, r);
        const nA = fro(A);
        const sumRe = r.eigenvalues.reduce((s, z) => s + z.re, 0);
        const sumIm = r.eigenvalues.reduce((s, z) => s + z.im, 0);
        const trace = A.reduce((s, row, i) => s + row[i], 0);
        withinEps('trace', Math.abs(trace - sumRe) / nA, n, 1000);
        assert.strictEqual(sumIm === 0 || Math.abs(sumIm) < 1e-12 * nA, true, 'imaginary parts cancel');
        const v = eigvals(A);
        v.forEach((z, i) => withinEps(`eigvals[${i}]`, Math.hypot(z.re - r.eigenvalues[i].re, z.im - r.eigenvalues[i].im) / nA, n, 1e4));
      }),
      { seed: 43, numRuns: 200 },
    );
  });
  it('random 0/1 matrices (the kind that stalls unguarded QR) terminate and satisfy the residual bound', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), seeds, (n, seed) => {
        const g = rng(seed);
        const A = Array.from({ length: n }, () => Array.from({ length: n }, () => (g() < 0.4 ? 1 : 0)));
        checkEigStructure(`0/1 n=${n} seed=${seed}`, A, eig(A));
      }),
      { seed: 44, numRuns: 300 },
    );
  });
  it('triangular input returns exactly its diagonal', () => {
    fc.assert(
      fc.property(sizes, seeds, fc.boolean(), (n, seed, upper) => {
        const g = rng(seed);
        const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => ((upper ? j >= i : j <= i) ? Math.round(20 * g() - 10) : 0)));
        const got = eig(A).eigenvalues;
        assert.deepStrictEqual(got.map((z) => z.re), A.map((row, i) => row[i]).sort((x, y) => x - y));
        assert.ok(got.every((z) => z.im === 0));
      }),
      { seed: 45, numRuns: 100 },
    );
  });
});

describe('eig: hand cases', () => {
  it('rotation by 90° has eigenvalues ±i with conjugate eigenvectors', () => {
    const r = eig([[0, -1], [1, 0]]);
    assert.deepStrictEqual(r.eigenvalues, [{ re: 0, im: -1 }, { re: 0, im: 1 }]);
    assert.strictEqual(r.defective, false);
  });
  it('a Jordan block hidden by an orthogonal similarity is reported defective', () => {
    const Q = randomOrthogonal(4, 9);
    const J = [[3, 1, 0, 0], [0, 3, 1, 0], [0, 0, 3, 0], [0, 0, 0, -1]];
    const A = mul(mul(Q, J), tr(Q));
    const r = eig(A);
    checkEigStructure('hidden Jordan', A, r);
    assert.strictEqual(r.defective, true);
    assert.ok(r.warnings.some((w) => /Jordan block/.test(w) && /3 times/.test(w)), r.warnings.join('\n'));
  });
  it('a diagonalisable matrix with a repeated eigenvalue is not called defective', () => {
    const S = [[2, 1, 0], [1, 1, 1], [0, 1, 3]];
    const Sinv = [[2, -3, 1], [-3, 6, -2], [1, -2, 1]]; // det S = 1
    const A = mul(mul(S, [[2, 0, 0], [0, 2, 0], [0, 0, 7]]), Sinv);
    const r = eig(A);
    checkEigStructure('diagonalisable repeated', A, r);
    assert.strictEqual(r.defective, false, r.warnings.join('\n'));
  });
  it('the companion matrix of (x−1)(x−2)(x−3) gives 1, 2, 3', () => {
    const r = eigvals([[6, -11, 6], [1, 0, 0], [0, 1, 0]]);
    r.forEach((z, i) => assert.ok(Math.abs(z.re - (i + 1)) < 1e-12 && z.im === 0));
  });
  it('symmetric input goes through eigh and says so', () => {
    const r = eig([[2, 1, 1], [1, 2, 1], [1, 1, 2]]);
    assert.ok(r.warnings.some((w) => /symmetric/.test(w)));
    checkEigh('via eig', [[2, 1, 1], [1, 2, 1], [1, 1, 2]], { eigenvalues: r.eigenvalues.map((z) => z.re), eigenvectors: r.eigenvectors.map((row) => row.map((z) => z.re)) });
  });
  it('a 120×120 random matrix finishes quickly and accurately', () => {
    const A = randn(120, 120, rng(77));
    const t0 = Date.now();
    const r = eig(A);
    assert.ok(Date.now() - t0 < 5000);
    checkEigStructure('120', A, r);
  });
});
