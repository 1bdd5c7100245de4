/**
 * eig / eigvals / eigh / eigvalsh and their kernels on entries where squares
 * underflow or overflow: subnormals (5e-324), 1e-300, 1.57e-162 (whose square
 * is below the smallest subnormal), 1e±200 and 1e300, mixed with O(1)
 * entries. Regression cases found by the operation fuzz test, plus cases of
 * the same kinds, plus seeded random matrices built from such entries.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { eig, eigvals, type Complex } from '../../../src/linalg/eig';
import { eigh, eigvalsh } from '../../../src/linalg/eigh';
import { balance } from '../../../src/linalg/eigBalance';
import { reflector, safeNorm, exponentOf, type Reflector } from '../../../src/linalg/eigShared';
import { standardize2x2 } from '../../../src/linalg/eigSchur';
import { eigResidual, eighResidual } from '../../../src/engine/eigCheck';
import { checkEigh, checkEigStructure } from './eigCheck';
import { type M } from './helpers';
import { EPS, withinEps } from './tolerance';

/** Entries whose squares underflow (or overflow), and ordinary ones. */
const AWKWARD = [5e-324, -5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, -1e-300, 2 ** -1000, 1.5717277847026288e-162, 1e-160, -3e-155, 1e-200, 1e-150, 1e150, 1e200, 1e300, -1e300, 1e-12];

const entry = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -9, max: 9 }) },
  { weight: 3, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD) },
);

function squareOf(n: number, sym: boolean): fc.Arbitrary<M> {
  return fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }).map((A) => {
    if (sym) for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A[i][j] = A[j][i];
    return A;
  });
}

const maxAbsOf = (A: M): number => A.reduce((m, r) => r.reduce((s, x) => Math.max(s, Math.abs(x)), m), 0);

/**
 * Matrices whose every entry is below ~1e-292 have eigenvalues that double
 * precision can only store with a few bits (the subnormal grid): no result can
 * have a small residual there, so the residual properties leave them out.
 */
const representable = (A: M): boolean => maxAbsOf(A) === 0 || maxAbsOf(A) > 1e-290;

const sizes = fc.integer({ min: 1, max: 7 });
const matrices = (sym: boolean): fc.Arbitrary<M> => sizes.chain((n) => squareOf(n, sym)).filter(representable);

describe('underflow and overflow: regression cases from the operation fuzz test', () => {
  it('eigh: the 1.57e-162 off-diagonal pair (its square underflowed, the Householder vector was not unit)', () => {
    const t = -1.5717277847026288e-162;
    const A = [[0, 0, t, 0], [0, 0, 0, 0], [t, 0, 0, 1], [0, 0, 1, 0]];
    const r = eigh(A);
    checkEigh('fuzz eigh 4×4', A, r, [-1, 0, 0, 1], 1);
    assert.ok(eighResidual(A, r.eigenvalues, r.eigenvectors).residual < 100 * 4 * EPS);
  });

  it('eig: 2^-1000 corner entry (balancing by 2^-500 turned a harmless deflation into an O(1) residual)', () => {
    const A = [[0, 0, -9.33263618503219e-302], [0, 0, 0], [-1, 0, 1]];
    const r = eig(A);
    checkEigStructure('fuzz eig 3×3', A, r);
    assert.ok(eigResidual(A, r.eigenvalues, r.eigenvectors) < 100 * 3 * EPS);
  });

  it('eig: the same structure with corner 1e-200, which balancing thresholds alone do not catch', () => {
    for (const t of [1e-200, 1e-250, 1e-100, 1e-30, 2 ** -1000, 5e-324, -1e-300, 1e-160]) {
      const A = [[0, 0, -t], [0, 0, 0], [-1, 0, 1]];
      checkEigStructure(`corner ${t}`, A, eig(A));
      const B = [[0, -t, 0, 0], [0, 0, 0, 0], [-1, 0, 1, 0], [0, 3, 0, 2]];
      checkEigStructure(`4×4 corner ${t}`, B, eig(B));
    }
  });

  it('eigh: every tiny scale of the symmetric counterexample family', () => {
    for (const t of [5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1.5717277847026288e-162, 1e-160, 1e-150, 3e-155]) {
      const A = [[0, 0, -t, t], [0, 0, 0, 0], [-t, 0, 0, 1], [t, 0, 1, 0]];
      checkEigh(`tiny ${t}`, A, eigh(A));
      const B = [[2, t, t, 0, 0], [t, -1, 0, t, 0], [t, 0, 3, 0, 1], [0, t, 0, 0, t], [0, 0, 1, t, 5]];
      checkEigh(`5×5 tiny ${t}`, B, eigh(B));
      const vals = eigvalsh(B);
      const ref = eigh(B).eigenvalues;
      vals.forEach((v, i) => withinEps(`eigvalsh ${t} [${i}]`, Math.abs(v - ref[i]) / 5, 5, 100));
    }
  });

  it('eig: 1e300 with O(1) and subnormal entries (balanced rows reached 1e219; the substitution overflowed to NaN)', () => {
    const cases: M[] = [
      [[2, 0, 1.5717277847026288e-162, 0], [5e-324, -0.024987687368406952, -3.211324593616335, 1e200], [-2, -1e300, -8, -0.14580828610146668], [-1e300, 3, 5e-324, -7]],
      [
        [-6.813790144777759, -7.779843536103072, 0, -1.786226989601845, 6.341698577786655, 0],
        [0, 5.138585947052849, 0, 0, 0, 1e-160],
        [0, 1e150, 3, 1e-160, 0, 0],
        [-1e300, -9, 1e-160, -3, -5e-324, -5],
        [0, -2, -1e300, 0, 0, 6.237836953363306],
        [6.62270108080595, -1e-300, -1, 9.281539832838597, -4, 1e150],
      ],
    ];
    for (const A of cases) {
      const r = eig(A);
      checkEigStructure(`${A.length}×${A.length} huge/tiny`, A, r);
      assert.ok(r.condition.every((k) => !Number.isNaN(k)), 'condition numbers are not NaN');
      assert.ok(eigvals(A).every((z) => Number.isFinite(z.re) && Number.isFinite(z.im)));
    }
  });

  it('eig/eigvals: a QR iteration that stalled on the balanced matrix (zero diagonal next to a 1e-279 subdiagonal) converges', () => {
    const A = [[9.190941266338779, 2, 1, 1e-310], [4, -8, -3e-155, -1e300], [2.2250738585072014e-308, -9, 1e200, -5], [-5, 1e150, 6, 0]];
    checkEigStructure('stall 4×4', A, eig(A));
    assert.strictEqual(eigvals(A).length, 4);
  });

  it('eig: defective and nilpotent matrices with 1e300 entries give finite vectors', () => {
    for (const A of [[[0, 1e300], [0, 0]], [[0, 1e300, 0], [0, 0, 1e300], [0, 0, 0]], [[0, 1e300, 0], [0, 0, 1], [1, 0, 0]], [[0, 1, 0], [0, 0, 1], [5e-324, 0, 0]]]) {
      const r = eig(A);
      checkEigStructure(JSON.stringify(A), A, r);
      assert.ok(r.eigenvectors.every((row) => row.every((z) => Number.isFinite(z.re) && Number.isFinite(z.im))));
    }
  });

  it('eig: cube roots of a subnormal corner (companion matrix) are found to full relative accuracy', () => {
    const r = eig([[0, 1, 0], [0, 0, 1], [5e-324, 0, 0]]);
    const root = Math.cbrt(5e-324);
    for (const z of r.eigenvalues) assert.ok(Math.abs(Math.hypot(z.re, z.im) - root) < 1e-12 * root, `|λ| = ${Math.hypot(z.re, z.im)}`);
  });
});

describe('underflow and overflow: kernels', () => {
  it('safeNorm and exponentOf are exact in scale from the subnormal range to 1e308', () => {
    for (const s of [5e-324, 1e-310, 1e-300, 1e-200, 1e-160, 1, 1e160, 1e300, 1e307]) {
      const x = Float64Array.from([3 * s, 0, -4 * s, s / 2 ** 30]);
      const expect = Math.hypot(...x);
      assert.ok(Math.abs(safeNorm(x, 0, 1, 4) - expect) <= 4 * EPS * expect, `norm at ${s}: ${safeNorm(x, 0, 1, 4)} vs ${expect}`);
      assert.ok(Math.abs(safeNorm(x, 0, 2, 2) - 5 * s) <= 4 * EPS * 5 * s, `strided norm at ${s}`);
      const e = exponentOf(s);
      assert.ok(s / 2 ** e >= 1 && s / 2 ** e < 2, `exponentOf(${s}) = ${e}`);
    }
  });

  it('reflector: H = I − τvvᵀ is orthogonal and maps (α, x) to (β, 0, …) for entries of any scale', () => {
    const out: Reflector = { beta: 0, tau: 0 };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1, -2, 0.5, ...AWKWARD), { minLength: 2, maxLength: 6 }), (xs) => {
        const alpha = xs[0];
        const x = Float64Array.from(xs.slice(1));
        const v = new Float64Array(x.length);
        reflector(alpha, x, 0, 1, x.length, v, 0, 1, out);
        if (x.every((y) => y === 0)) {
          assert.strictEqual(out.tau, 0);
          return;
        }
        const u = [1, ...v];
        const k = u.length;
        // ‖H − Hᵀ‖ trivially 0; check HᵀH = I through H·H = I (H symmetric).
        const H = (i: number, j: number): number => (i === j ? 1 : 0) - out.tau * u[i] * u[j];
        for (let i = 0; i < k; i++) {
          for (let j = 0; j < k; j++) {
            let g = 0;
            for (let t = 0; t < k; t++) g += H(i, t) * H(t, j);
            assert.ok(Math.abs(g - (i === j ? 1 : 0)) < 10 * k * EPS, `HH − I at (${i}, ${j}) = ${g} for ${JSON.stringify(xs)}`);
          }
        }
        // H·(α, x) = (β, 0): computed on the input divided by its largest entry. A
        // subnormal β is only stored to the nearest multiple of 2^-1074.
        const big = Math.max(...xs.map(Math.abs));
        const y = [alpha, ...x].map((z) => z / big);
        for (let i = 0; i < k; i++) {
          let s = 0;
          for (let t = 0; t < k; t++) s += H(i, t) * y[t];
          const want = i === 0 ? out.beta : 0;
          assert.ok(Math.abs(s * big - want) <= 10 * k * EPS * big + 2 ** -1074, `(Hy)[${i}] = ${s * big}, want ${want} for ${JSON.stringify(xs)}`);
        }
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('standardize2x2 is scale invariant: complex pairs with b·c below the underflow threshold stay complex', () => {
    const r = standardize2x2(1, 1e-170, -1e-170, 1);
    assert.strictEqual(r[6], 1);
    assert.ok(Math.abs(r[7] - 1e-170) < 4 * EPS * 1e-170, `imaginary part ${r[7]}`);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -40, max: 40 }).map((k) => k / 8), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: -1000, max: 1000 }),
        ([a, b, c, d], e) => {
          const s = 2 ** e;
          const base = Array.from(standardize2x2(a, b, c, d));
          const scaled = Array.from(standardize2x2(a * s, b * s, c * s, d * s));
          // The rotation does not depend on the scale; eigenvalues scale exactly (up to rounding).
          assert.ok(Math.abs(scaled[4] - base[4]) < 1e-12 && Math.abs(scaled[5] - base[5]) < 1e-12, `rotation differs at 2^${e}`);
          const m = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d));
          if (m * s < 1e-290 || m === 0) return; // subnormal entries lose digits on input already
          for (const k of [6, 7, 8, 9]) assert.ok(Math.abs(scaled[k] / s - base[k]) <= 1e-12 * m, `eigenvalue part ${k} at 2^${e}`);
          assert.strictEqual(scaled[7] > 0, base[7] > 0, `real/complex decision changed at 2^${e}`);
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });

  it('balance: no entry overflows or becomes NaN, also outside the block left for the QR iteration', () => {
    fc.assert(
      fc.property(matrices(false), (A) => {
        const n = A.length;
        const h = Float64Array.from(A.flat());
        const big = maxAbsOf(A);
        const s = big > 2 ** 400 ? 2 ** (399 - exponentOf(big)) : 1; // what eig does first
        for (let i = 0; i < h.length; i++) h[i] *= s;
        balance(h, n);
        assert.ok(h.every(Number.isFinite), `non-finite entry after balancing ${JSON.stringify(A)}`);
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

describe('underflow and overflow: seeded random matrices of awkward entries', () => {
  it('eigh: README bounds for residual and orthogonality; eigvalsh agrees', () => {
    fc.assert(
      fc.property(matrices(true), (A) => {
        const r = eigh(A);
        checkEigh(JSON.stringify(A), A, r);
        const vals = eigvalsh(A);
        const nA = maxAbsOf(A) * A.length || 1;
        vals.forEach((v, i) => withinEps(`eigvalsh[${i}] of ${JSON.stringify(A)}`, Math.abs(v - r.eigenvalues[i]) / nA, A.length, 100));
        const figures = eighResidual(A, r.eigenvalues, r.eigenvectors);
        withinEps('report residual', figures.residual, A.length, 100);
        withinEps('report orthogonality', figures.orthogonality, A.length, 100);
      }),
      { seed: 1, numRuns: 1500 },
    );
  });

  it('eig: residual of every pair, exact conjugate pairs, finite conditions; eigvals finite', () => {
    fc.assert(
      fc.property(matrices(false), (A) => {
        const r = eig(A);
        checkEigStructure(JSON.stringify(A), A, r);
        assert.ok(r.condition.every((k) => !Number.isNaN(k)), `NaN condition for ${JSON.stringify(A)}`);
        withinEps('report residual', eigResidual(A, r.eigenvalues, r.eigenvectors), A.length, 100);
        const w: Complex[] = eigvals(A);
        assert.ok(w.length === A.length && w.every((z) => Number.isFinite(z.re) && Number.isFinite(z.im)), `eigvals of ${JSON.stringify(A)}`);
      }),
      { seed: 2, numRuns: 1500 },
    );
  });
});

describe('eigCheck: the report residuals themselves do not under- or overflow', () => {
  it('an exact decomposition scores 0 at every scale, and scaling A by 2^k does not change the figures', () => {
    const A = [[2, 1, 0], [1, 3, 1], [0, 1, 4]];
    const r = eigh(A);
    const base = eighResidual(A, r.eigenvalues, r.eigenvectors);
    for (const e of [-1060, -1000, -540, -300, 300, 540, 1000]) {
      const s = 2 ** e;
      const As = A.map((row) => row.map((x) => x * s));
      const f = eighResidual(As, r.eigenvalues.map((x) => x * s), r.eigenvectors);
      assert.ok(Number.isFinite(f.residual), `residual at 2^${e} is ${f.residual}`);
      if (e > -1000) assert.ok(Math.abs(f.residual - base.residual) <= 1e-3 * base.residual + 1e-30, `residual at 2^${e}: ${f.residual} vs ${base.residual}`);
      const g = eigResidual(As, r.eigenvalues.map((x) => ({ re: x * s, im: 0 })), r.eigenvectors.map((row) => row.map((x) => ({ re: x, im: 0 }))));
      assert.ok(Number.isFinite(g), `complex residual at 2^${e} is ${g}`);
      // Below 2^-1000 the scaled eigenvalues themselves are rounded to the subnormal grid.
      if (e > -1000) assert.ok(g < 100 * 3 * EPS, `complex residual at 2^${e} is ${g}`);
    }
    const D = [[1e300, 0], [0, 1]];
    assert.strictEqual(eighResidual(D, [1, 1e300], [[0, 1], [1, 0]]).residual, 0);
    assert.ok(eighResidual(D, [1, 1e300], [[1, 0], [0, 1]]).residual > 0.5, 'a wrong decomposition of a 1e300 matrix is not hidden by overflow');
  });
});
