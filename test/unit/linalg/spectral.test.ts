import * as assert from 'assert';
import { cond, columnSpace, inv, matrixRank, norm2, normF, nullSpace, pinv } from '../../../src/linalg/spectral';
import { det, slogdet, solve } from '../../../src/linalg/lu';
import { verifyInv, verifyPinv } from '../../../src/linalg/verify';
import { LinAlgError } from '../../../src/linalg/errors';
import { computeCases, eye, fro, mul, num, nums, orthCols, randn, relDiff, rng, sub, tr, type M } from './helpers';
import { EPS, withinEps } from './tolerance';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('norms, rank and cond: every reference case', () => {
  for (const kase of computeCases()) {
    it(kase.c.id, () => {
      const { A, N, ref } = kase;
      const s = nums(ref.singular_values);
      withinEps('norm2', Math.abs(norm2(A) - num(ref.norm2)) / (s[0] || 1), N, 100);
      // numpy's normF overflows for the 1e200 case; then compare with the scaled sum of squares.
      const nf = Number.isFinite(num(ref.normF)) ? num(ref.normF) : fro(A);
      assert.ok(rel(normF(A), nf) < 1e-14 || (nf === 0 && normF(A) === 0), `normF ${normF(A)} vs ${nf}`);
      const r = matrixRank(A);
      assert.strictEqual(r.rank, num(ref.rank), `rank (tol ${r.tol})`);
      assert.ok(s[0] === 0 ? r.tol === 0 : rel(r.tol, num(ref.rank_tol)) < 1e-12, `rank tol ${r.tol}`);
      const c = cond(A);
      const cr = num(ref.cond2);
      if (cr === Infinity || cr > 1 / (N * EPS)) assert.ok(c === Infinity || c > 1e13, `cond ${c} should be numerically singular`);
      else if (cr < 1e10) assert.ok(rel(c, cr) < 1e-6, `cond ${c} vs ${cr}`);
      else assert.ok(c / cr < 2 && cr / c < 2, `cond ${c} vs ${cr} (factor 2)`);
    });
  }
});

describe('det and slogdet: every square reference case', () => {
  for (const kase of computeCases().filter((k) => k.m === k.n)) {
    it(kase.c.id, () => {
      const { A, n, ref } = kase;
      const s = nums(ref.singular_values);
      let bound = 100 * n * EPS * s[0];
      for (let i = 0; i < n - 1; i++) bound *= s[i];
      const d = det(A);
      const dr = num(ref.det);
      if (Number.isFinite(bound) && bound > 0) assert.ok(Math.abs(d - dr) <= bound, `det ${d} vs ${dr} (bound ${bound})`);
      else assert.ok(Math.abs(d - dr) <= 1e-12 * Math.abs(dr) || d === dr, `det ${d} vs ${dr}`);
      if (ref.slogdet) {
        const [sg, la] = nums(ref.slogdet);
        const r = slogdet(A);
        if (sg === 0) {
          // Singular: any sign/log of size eps·∏s passes the det bound; exact zeros must agree.
          if (d === 0) assert.deepStrictEqual(r, { sign: 0, logabsdet: -Infinity });
        } else {
          assert.strictEqual(r.sign, sg, 'slogdet sign');
          assert.ok(Math.abs(r.logabsdet - la) <= 1e-12 * Math.max(1, Math.abs(la)) + 100 * n * EPS * (s[0] / s[n - 1]), `logabsdet ${r.logabsdet} vs ${la}`);
        }
      }
    });
  }
  it('over/underflow: 1e200 diagonal, 0×0, huge products', () => {
    assert.strictEqual(det([]), 1);
    assert.deepStrictEqual(slogdet([]), { sign: 1, logabsdet: 0 });
    const big = [[1e200, 0], [0, 1e200]];
    assert.strictEqual(det(big), Infinity);
    const r = slogdet(big);
    assert.strictEqual(r.sign, 1);
    assert.ok(Math.abs(r.logabsdet - 400 * Math.LN10) < 1e-12 * 921);
    assert.strictEqual(det([[1e200, 0, 0], [0, 1e200, 0], [0, 0, 1e-300]]), 1e100);
    const tiny = [[1e-200, 0], [0, -1e-200]];
    assert.strictEqual(Math.abs(det(tiny)), 0);
    const t = slogdet(tiny);
    assert.strictEqual(t.sign, -1);
    assert.ok(Math.abs(t.logabsdet + 400 * Math.LN10) < 1e-12 * 921);
  });
});

describe('inv: compute iff ref.inv_expected, residual bound', () => {
  for (const kase of computeCases().filter((k) => k.m === k.n)) {
    it(kase.c.id, () => {
      const { A, n, ref } = kase;
      const expected = String(ref.inv_expected);
      if (expected === 'compute') {
        const X = inv(A);
        const c = num(ref.cond2);
        const res = verifyInv(A, X).right;
        assert.ok(res / (n * EPS * Math.max(1, c)) < 1000, `‖AX − I‖ = ${res}`);
        assert.ok(fro(sub(mul(A, X), eye(n))) / (n * EPS * Math.max(1, c)) < 1000);
      } else {
        assert.throws(() => inv(A), (e: unknown) => e instanceof LinAlgError && e.kind === 'singular');
      }
    });
  }
  it('message, 0×0 and solve', () => {
    assert.throws(() => inv([[1, 2], [2, 4]]), /singular to working precision/);
    assert.deepStrictEqual(inv([]), []);
    assert.deepStrictEqual(solve([[2, 0], [0, 4]], [2, 2]), [1, 0.5]);
    assert.deepStrictEqual(solve([[2, 0], [0, 4]], [[2], [4]]), [[1], [1]]);
    assert.throws(() => solve([[1, 1], [1, 1]], [1, 2]), (e: unknown) => e instanceof LinAlgError && e.kind === 'singular');
    assert.throws(() => solve([[1, 0], [0, 1]], [1, 2, 3]), (e: unknown) => e instanceof LinAlgError && e.kind === 'shape');
  });
});

describe('pinv: Penrose conditions and distance to numpy', () => {
  for (const kase of computeCases()) {
    it(kase.c.id, () => {
      const { A, N, ref } = kase;
      const X = pinv(A);
      assert.strictEqual(X.length, kase.n);
      const s = nums(ref.singular_values);
      const kept = s.filter((v) => v > 1e-15 * s[0]);
      const kr = kept.length ? kept[0] / kept[kept.length - 1] : 1;
      const v = verifyPinv(A, X);
      const lim = N * EPS * kr * 1000;
      assert.ok(v.axa < lim, `AXA − A: ${v.axa} vs ${lim}`);
      assert.ok(v.axSymmetry < lim && v.xaSymmetry < lim, `symmetry ${v.axSymmetry}, ${v.xaSymmetry}`);
      if (Array.isArray(ref.pinv)) {
        const P = ref.pinv as M;
        const d = relDiff(P, X);
        assert.ok(d < Math.max(1000 * N * EPS * kr * kr, 1e-8), `distance to numpy pinv ${d}`);
      }
    });
  }
  it('relative cutoff: scaling A by 1e-200 scales pinv by 1e200', () => {
    const A = [[1, 2], [1, 2]];
    const X = pinv(A);
    assert.ok(relDiff([[0.1, 0.1], [0.2, 0.2]], X) < 1e-15);
    const Y = pinv(A.map((r) => r.map((x) => x * 1e-200)));
    assert.ok(relDiff(X.map((r) => r.map((x) => x * 1e200)), Y) < 1e-14);
    assert.throws(() => pinv(A, { rcond: -1 }), (e: unknown) => e instanceof LinAlgError && e.kind === 'invalid-argument');
  });
});

describe('nullSpace and columnSpace', () => {
  for (const kase of computeCases()) {
    it(kase.c.id, () => {
      const { A, m, n, N, ref } = kase;
      const ns = nullSpace(A);
      const cs = columnSpace(A);
      assert.strictEqual(ns.rank, num(ref.rank));
      assert.strictEqual(ns.dim, n - ns.rank);
      assert.strictEqual(cs.dim, ns.rank);
      assert.strictEqual(ns.basis.length, n);
      assert.strictEqual(cs.basis.length, m);
      if (ns.dim > 0) {
        withinEps('null basis orthonormal', orthCols(ns.basis), N, 100);
        const s = nums(ref.singular_values);
        const AN = mul(A, ns.basis);
        assert.ok(fro(AN) <= Math.max(ns.tol, 100 * N * EPS * s[0]) * Math.sqrt(ns.dim) * 10, `‖A·N‖ = ${fro(AN)}`);
      }
      if (cs.dim > 0) {
        withinEps('column basis orthonormal', orthCols(cs.basis), N, 100);
        // Projecting A onto the basis loses only what lies below the rank tolerance.
        const B = cs.basis;
        const proj = mul(B, mul(tr(B), A));
        assert.ok(fro(sub(A, proj)) <= fro(A) * 1e-8 + cs.tol * Math.sqrt(n) * 10);
      }
    });
  }
  it('ml-matrix#203: wide rank-1 2×4 has a 3-dimensional null space', () => {
    const ns = nullSpace([[1, 2, -1, 0.5], [2, 4, -2, 1]]);
    assert.strictEqual(ns.dim, 3);
    assert.strictEqual(ns.basis[0].length, 3);
  });
  it('rank tolerance option and random checks', () => {
    assert.strictEqual(matrixRank([[1, 0], [0, 1e-10]], { tol: 1e-9 }).rank, 1);
    assert.strictEqual(matrixRank([[1, 0], [0, 1e-10]]).rank, 2);
    const A = randn(7, 4, rng(8));
    assert.strictEqual(matrixRank(A).rank, 4);
    assert.throws(() => cond([]), (e: unknown) => e instanceof LinAlgError && e.kind === 'empty');
    assert.strictEqual(norm2([]), 0);
    assert.strictEqual(normF([[1e200, 1e200]]), Math.SQRT2 * 1e200);
  });
});
