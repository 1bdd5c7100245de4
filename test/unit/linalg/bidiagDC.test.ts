import * as assert from 'assert';
import fc from 'fast-check';
import { bdsqr } from '../../../src/linalg/bdsqr';
import { bdsdc, bidiagDC } from '../../../src/linalg/bidiagDC';
import { secularSvd } from '../../../src/linalg/secularSvd';
import { DC_CROSSOVER, singularValues, svd, svdDense } from '../../../src/linalg/svd';
import { diagMul, mul, orthCols, orthRows, randn, relDiff, rng, type M } from './helpers';
import { EPS, withinEps } from './tolerance';

/** max |B − U·diag(s)·Vᵀ| over B's entries, U, V n×n row-major (columns = vectors). */
function residual(n: number, d: Float64Array, e: Float64Array, s: Float64Array, U: Float64Array, V: Float64Array): number {
  let res = 0;
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) row[k] = U[i * n + k] * s[k];
    for (let j = 0; j < n; j++) {
      let x = 0;
      for (let k = 0; k < n; k++) x += row[k] * V[j * n + k];
      const b = j === i ? d[i] : j === i + 1 ? e[i] : 0;
      res = Math.max(res, Math.abs(b - x));
    }
  }
  return res;
}

/** max |XᵀX − I| for X n×n row-major. */
function orth(n: number, X: Float64Array): number {
  let w = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let x = 0;
      for (let k = 0; k < n; k++) x += X[k * n + i] * X[k * n + j];
      w = Math.max(w, Math.abs(x - (i === j ? 1 : 0)));
    }
  }
  return w;
}

function normB(d: Float64Array, e: Float64Array): number {
  let m = 0;
  for (const x of d) m = Math.max(m, Math.abs(x));
  for (const x of e) m = Math.max(m, Math.abs(x));
  return m;
}

/** Singular values of (d, e) by bdsqr, on a copy scaled by a power of two into the normal range. */
function bdsqrValues(d: Float64Array, e: Float64Array): Float64Array {
  const n = d.length;
  const nrm = normB(d, e);
  const p = nrm === 0 ? 0 : -Math.round(Math.log2(nrm));
  const f = (x: number): number => x * 2 ** Math.trunc(p / 2) * 2 ** (p - Math.trunc(p / 2));
  const dd = d.map(f);
  const ee = e.map(f);
  bdsqr(n, dd, ee, null, 0, 0, null, 0, 0);
  const g = (x: number): number => x * 2 ** -Math.trunc(p / 2) * 2 ** -(p - Math.trunc(p / 2));
  return dd.map(g);
}

interface Checked {
  s: Float64Array;
  ref: Float64Array;
  nrm: number;
}

/**
 * Runs bidiagDC on (d, e) and checks the contract: descending σ ≥ 0,
 * ‖B − UΣVᵀ‖_max ≤ units·n·eps·‖B‖_max, UᵀU and VᵀV within units·n·eps of I,
 * and σ within units·n·eps·‖B‖ of bdsqr's. `floor` is an absolute slack for
 * outputs that are themselves subnormal.
 */
function check(what: string, d: Float64Array, e: Float64Array, leaf?: number, units = 10, floor = 0): Checked {
  const n = d.length;
  const s = d.slice();
  const { U, V } = bidiagDC(n, s, e.slice(), leaf);
  for (let i = 0; i < n; i++) {
    assert.ok(s[i] >= 0 && Number.isFinite(s[i]), `${what}: σ[${i}] = ${s[i]}`);
    if (i > 0) assert.ok(s[i] <= s[i - 1], `${what}: σ not descending at ${i}`);
  }
  const nrm = normB(d, e);
  const N = Math.max(n, 4);
  if (nrm > 0) withinEps(`${what} reconstruction`, Math.max(0, residual(n, d, e, s, U, V) - floor) / nrm, N, units);
  withinEps(`${what} orthogonality U`, orth(n, U), N, units);
  withinEps(`${what} orthogonality V`, orth(n, V), N, units);
  const ref = bdsqrValues(d, e);
  let dev = 0;
  for (let i = 0; i < n; i++) dev = Math.max(dev, Math.abs(s[i] - ref[i]));
  if (nrm > 0) withinEps(`${what} σ vs bdsqr`, Math.max(0, dev - floor) / nrm, N, units);
  return { s, ref, nrm };
}

function randomBidiag(n: number, r: () => number): [Float64Array, Float64Array] {
  const d = Float64Array.from({ length: n }, () => 2 * r() - 1);
  const e = Float64Array.from({ length: Math.max(0, n - 1) }, () => 2 * r() - 1);
  return [d, e];
}

describe('bidiagDC: divide-and-conquer SVD of a bidiagonal', () => {
  it('random bidiagonals of many sizes (leaves of 25, and of 2 to exercise every merge)', () => {
    const r = rng(11);
    for (const n of [1, 2, 3, 25, 26, 50, 97, 200, 300]) {
      const [d, e] = randomBidiag(n, r);
      check(`random n=${n}`, d, e);
      if (n <= 97) check(`random n=${n} leaf 2`, d, e, 2);
    }
  });

  it('graded bidiagonals (entries from 1e150 to 1e-150): backward stable, σ to normwise accuracy', () => {
    const r = rng(12);
    for (const n of [40, 120]) {
      for (const kind of ['decreasing', 'increasing', 'random']) {
        const ex = (i: number): number => (kind === 'decreasing' ? 150 - (300 * i) / (n - 1) : kind === 'increasing' ? -150 + (300 * i) / (n - 1) : 300 * r() - 150);
        const d = Float64Array.from({ length: n }, (_, i) => 10 ** ex(i) * (0.5 + r()));
        const e = Float64Array.from({ length: n - 1 }, (_, i) => 10 ** ex(i) * (0.5 + r()));
        const c = check(`graded ${kind} n=${n}`, d, e, 8);
        // The largest singular values (above eps·‖B‖·1e3) carry high relative accuracy as well.
        for (let i = 0; i < n; i++) {
          if (c.ref[i] < 1e3 * EPS * c.nrm) break;
          withinEps(`graded ${kind} n=${n} relative σ[${i}]`, Math.abs(c.s[i] - c.ref[i]) / c.ref[i], n * 1e3, 10);
        }
      }
    }
  });

  it('massive deflation: identity, constant d with tiny e, exact zero e', () => {
    const r = rng(13);
    for (const n of [30, 200]) {
      check(`identity n=${n}`, new Float64Array(n).fill(1), new Float64Array(n - 1), 4);
      const c = check(`constant d, e ~ 1e-17 n=${n}`, new Float64Array(n).fill(-3), Float64Array.from({ length: n - 1 }, () => 1e-17 * (r() - 0.5)), 4);
      for (const x of c.s) assert.ok(Math.abs(x - 3) <= 10 * EPS * 3, `constant d: σ = ${x}`);
      check(`constant d, e ~ 1e-9 n=${n}`, new Float64Array(n).fill(2), Float64Array.from({ length: n - 1 }, () => 1e-9 * (r() - 0.5)), 4);
      const [d, e] = randomBidiag(n, r);
      for (let i = 3; i < n - 1; i += 7) e[i] = 0;
      check(`exact zero e's n=${n}`, d, e, 4);
      check(`all-ones n=${n}`, new Float64Array(n).fill(1), new Float64Array(n - 1).fill(1), 4);
    }
  });

  it('exactly repeated and clustered singular values keep U and V orthonormal', () => {
    const r = rng(14);
    for (const n of [60, 150]) {
      // Decoupled blocks with the same values: exact repeats.
      const d = Float64Array.from({ length: n }, (_, i) => [1, 2, 3][i % 3]);
      check(`repeated d, e = 0 n=${n}`, d, new Float64Array(n - 1), 4);
      check(`repeated d, e = 1e-13 n=${n}`, d, new Float64Array(n - 1).fill(1e-13), 4);
      // Clusters: 1 + k·1e-14.
      const dc = Float64Array.from({ length: n }, (_, i) => 1 + (i % 5) * 1e-14 * r());
      check(`clustered n=${n}`, dc, Float64Array.from({ length: n - 1 }, () => 1e-8 * r()), 4);
      // Two identical blocks joined by a tiny e: every value (almost) doubly repeated.
      const h = n >> 1;
      const [d1, e1] = randomBidiag(h, r);
      const dd = new Float64Array(2 * h);
      const ee = new Float64Array(2 * h - 1);
      dd.set(d1);
      dd.set(d1, h);
      ee.set(e1);
      ee.set(e1, h);
      ee[h - 1] = 1e-15;
      check(`two copies n=${2 * h}`, dd, ee, 4);
    }
  });

  it('zero diagonal entries (start, middle, end, many) and the zero matrix', () => {
    const r = rng(15);
    for (const n of [7, 40, 101]) {
      for (const leaf of [2, 25]) {
        const [d, e] = randomBidiag(n, r);
        d[0] = 0;
        d[n >> 1] = 0;
        d[(n >> 1) + 1] = 0;
        d[n - 1] = 0;
        const c = check(`zero d's n=${n} leaf ${leaf}`, d, e, leaf);
        // A zero on the diagonal of a square bidiagonal makes it singular.
        assert.ok(c.s[n - 1] <= 10 * n * EPS * c.nrm, `zero d's: σ_min = ${c.s[n - 1]}`);
        const d2 = Float64Array.from({ length: n }, (_, i) => (i % 2 ? 0 : 2 * r() - 1));
        check(`alternating zero d n=${n} leaf ${leaf}`, d2, e, leaf);
      }
    }
    const z = check('zero matrix', new Float64Array(9), new Float64Array(8), 2);
    assert.deepStrictEqual(Array.from(z.s), new Array(9).fill(0));
  });

  it('subnormal and huge entries', () => {
    const r = rng(16);
    for (const n of [30, 90]) {
      const [d, e] = randomBidiag(n, r);
      const tiny = d.map((x) => x * 1e-310);
      const tinyE = e.map((x) => x * 1e-310);
      // Subnormal outputs carry an absolute quantum of 2^-1074 each.
      check(`subnormal n=${n}`, tiny, tinyE, 8, 10, 4 * n * 5e-324);
      check(`huge n=${n}`, d.map((x) => x * 1e307), e.map((x) => x * 1e307), 8);
    }
  });

  it('bdsdc has bdsqr’s contract: V ← V·V_B, U ← U·U_B on the first n columns', () => {
    const r = rng(17);
    const n = 60;
    const [d, e] = randomBidiag(n, r);
    const rows = 70;
    const ld = 64;
    const X = Float64Array.from({ length: rows * ld }, () => r() - 0.5);
    const Y = X.slice();
    const d1 = d.slice();
    bdsdc(n, d1, e.slice(), X, rows, ld, null, 0, 0);
    const d2 = d.slice();
    const f = bidiagDC(n, d2, e.slice());
    assert.deepStrictEqual(Array.from(d1), Array.from(d2));
    let dev = 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < ld; j++) {
        let want = Y[i * ld + j];
        if (j < n) {
          want = 0;
          for (let k = 0; k < n; k++) want += Y[i * ld + k] * f.V[k * n + j];
        }
        dev = Math.max(dev, Math.abs(X[i * ld + j] - want));
      }
    }
    withinEps('bdsdc product', dev, n, 10);
  });

  it('secular solver: roots interlace the poles and satisfy M·v = σ·u', () => {
    const r = rng(18);
    for (const K of [1, 2, 3, 10, 60]) {
      const d = new Float64Array(K);
      for (let j = 1; j < K; j++) d[j] = d[j - 1] + 0.01 + r();
      const z = Float64Array.from({ length: K }, () => r() - 0.5 || 0.1);
      const { sigma, Um, Vm } = secularSvd(K, d, z);
      for (let i = 0; i < K; i++) {
        assert.ok(sigma[i] > d[i], `K=${K}: σ[${i}] ≤ d[${i}]`);
        if (i + 1 < K) assert.ok(sigma[i] < d[i + 1], `K=${K}: σ[${i}] ≥ d[${i + 1}]`);
        // M = [z; diag(d)] with row 0 = z: (M v)_0 = zᵀv, (M v)_j = d_j v_j.
        let dev = 0;
        let zv = 0;
        for (let j = 0; j < K; j++) zv += z[j] * Vm[j * K + i];
        dev = Math.abs(zv - sigma[i] * Um[i]);
        for (let j = 1; j < K; j++) dev = Math.max(dev, Math.abs(d[j] * Vm[j * K + i] - sigma[i] * Um[j * K + i]));
        withinEps(`K=${K} M·v = σ·u for root ${i}`, dev / (d[K - 1] + 1), K, 20);
      }
    }
  });

  it('property: random bidiagonals with random zeros and scales', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: -200, max: 200 }),
        fc.integer({ min: 2, max: 30 }),
        (n, seed, ex, leaf) => {
          const r = rng(seed);
          const [d, e] = randomBidiag(n, r);
          for (let i = 0; i < n; i++) if (r() < 0.1) d[i] = 0;
          for (let i = 0; i < n - 1; i++) if (r() < 0.1) e[i] = r() < 0.5 ? 0 : 1e-20 * e[i];
          for (let i = 0; i < n; i++) if (r() < 0.1) d[i] = d[(i * 7) % n];
          const f = 10 ** ex;
          check(`property n=${n} seed=${seed} scale=1e${ex} leaf=${leaf}`, d.map((x) => x * f), e.map((x) => x * f), leaf);
        },
      ),
      { numRuns: 60, seed: 20261204 },
    );
  });
});

describe('svd through divide and conquer (n ≥ DC_CROSSOVER)', () => {
  function checkDense(what: string, A: M, full: boolean): number[] {
    const m = A.length;
    const n = A[0].length;
    const k = Math.min(m, n);
    const N = Math.max(m, n);
    const r = svd(A, { full });
    assert.strictEqual(r.S.length, k);
    assert.strictEqual(r.U.length, m);
    assert.strictEqual(r.U[0].length, full ? m : k);
    assert.strictEqual(r.Vh.length, full ? n : k);
    for (let i = 1; i < k; i++) assert.ok(r.S[i] <= r.S[i - 1] && r.S[i] >= 0, `${what}: S order`);
    const Uk = r.U.map((row) => row.slice(0, k));
    withinEps(`${what} reconstruction`, relDiff(A, mul(diagMul(Uk, r.S), r.Vh.slice(0, k))), N, 20);
    withinEps(`${what} orthogonality U`, orthCols(r.U), N, 20);
    withinEps(`${what} orthogonality V`, orthRows(r.Vh), N, 20);
    return r.S;
  }

  it('square, tall (both paths), wide, thin and full', () => {
    const r = rng(21);
    const n = Math.max(DC_CROSSOVER, 40);
    for (const [m, c] of [
      [n, n],
      [n + 10, n],
      [2 * n, n],
      [n, n + 13],
      [n, 2 * n + 1],
    ]) {
      const A = randn(m, c, r);
      for (const full of [false, true]) {
        const S = checkDense(`random ${m}×${c} ${full ? 'full' : 'thin'}`, A, full);
        // The values-only path runs bdsqr: both agree to normwise accuracy.
        const S2 = singularValues(A);
        for (let i = 0; i < S.length; i++) withinEps(`random ${m}×${c} σ[${i}] vs bdsqr`, Math.abs(S[i] - S2[i]) / S[0], Math.max(m, c), 10);
      }
    }
  });

  it("right vectors only ('right', as pca uses it): (AV)ᵀ(AV) = Σ², V orthogonal, both tall paths", () => {
    const r = rng(24);
    const n = DC_CROSSOVER + 5;
    for (const m of [n + 20, 2 * n]) {
      const A = randn(m, n, r);
      const res = svdDense({ rows: m, cols: n, data: Float64Array.from(A.flat()) }, 'right');
      assert.strictEqual(res.Ut, null);
      const Vt = res.Vt;
      assert.ok(Vt && Vt.rows === n && Vt.cols === n);
      const Vh: M = Array.from({ length: n }, (_, i) => Array.from(Vt.data.subarray(i * n, (i + 1) * n)));
      withinEps(`right ${m}×${n} orthogonality V`, orthRows(Vh), m, 20);
      const AV = mul(A, Vh.map((_, i) => Vh.map((row) => row[i])));
      const G = mul(AV.map((_, i) => AV.map((row) => row[i])).slice(0, n), AV);
      let dev = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dev = Math.max(dev, Math.abs(G[i][j] - (i === j ? res.s[i] ** 2 : 0)));
      withinEps(`right ${m}×${n} (AV)ᵀ(AV) = Σ²`, dev / res.s[0] ** 2, m, 20);
      const S2 = singularValues(A);
      for (let i = 0; i < n; i++) withinEps(`right ${m}×${n} σ[${i}]`, Math.abs(res.s[i] - S2[i]) / S2[0], m, 10);
    }
  });

  it('rank-deficient and repeated singular values', () => {
    const r = rng(22);
    const n = Math.max(80, DC_CROSSOVER);
    const X = randn(n, 5, r);
    const Y = randn(5, n, r);
    const A = mul(X, Y); // rank 5
    const S = checkDense(`rank 5, ${n}×${n}`, A, false);
    for (let i = 5; i < n; i++) assert.ok(S[i] <= 1e3 * n * EPS * S[0], `rank 5: S[${i}] = ${S[i]}`);
    checkDense(`rank 5, ${n}×${n} full`, A, true);
    const I = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
    const SI = checkDense(`identity ${n}`, I, false);
    for (const s of SI) assert.ok(Math.abs(s - 1) <= 4 * EPS, `identity: ${s}`);
    // Orthogonal-like matrix with repeated values: Q·diag(2,2,…,1,1,…)·Qᵀ.
    const Z = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) Z[i][i] = i < n / 2 ? 2 : 1;
    const G = randn(n, n, r);
    const Qr = svd(G).U;
    const B = mul(mul(Qr, Z), Qr.map((_, i) => Qr.map((row) => row[i])));
    const SB = checkDense('repeated 2 and 1', B, false);
    for (let i = 0; i < n; i++) assert.ok(Math.abs(SB[i] - (i < n / 2 ? 2 : 1)) <= 100 * n * EPS, `repeated: S[${i}] = ${SB[i]}`);
  });

  it('graded bidiagonal input keeps bdsqr’s relative accuracy (svd routes it to bidiagonal QR)', () => {
    const r = rng(23);
    const n = DC_CROSSOVER + 16;
    const d = Float64Array.from({ length: n }, (_, i) => 10 ** (100 - (200 * i) / (n - 1)) * (0.5 + r()));
    const e = Float64Array.from({ length: n - 1 }, (_, i) => 10 ** (100 - (200 * i) / (n - 1)) * (0.5 + r()));
    const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j === i ? d[i] : j === i + 1 ? e[i] : 0)));
    const S = svd(A).S;
    const ref = bdsqrValues(d, e);
    for (let i = 0; i < n; i++) withinEps(`graded dense σ[${i}] relative`, Math.abs(S[i] - ref[i]) / ref[i], n, 100);
  });
});
