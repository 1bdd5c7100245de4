/**
 * Inputs at the edges of the double range: subnormal entries (5e-324), entries
 * next to the overflow threshold (1e308), and mixtures of the two with ordinary
 * numbers. Each block is a regression test for one kind of failure: reflectors
 * and rotations built from values rounded onto the subnormal grid (not
 * orthogonal), results beyond ±1.8e308 returned as Infinity instead of refused.
 */
import * as assert from 'assert';
import { givens, householder, rot } from '../../../src/linalg/blas';
import { toRows } from '../../../src/linalg/dense';
import { LinAlgError } from '../../../src/linalg/errors';
import * as la from '../../../src/linalg/index';
import { rowsOf } from '../../../src/linalg/rows';
import { verifyLstsq, verifyPinv, verifyQr, verifySvd } from '../../../src/linalg/verify';
import { withinEps } from './tolerance';

const N = (A: number[][]): number => Math.max(A.length, A[0].length);

/** Smallest positive subnormal: the spacing of the doubles below 2^-1022. */
const TINY = 5e-324;

/**
 * A relative reconstruction error meets the backward-error bound, or, for a
 * matrix whose entries are all subnormal (where the exact factors fall between
 * representable numbers, e.g. σ = 7.07e-324 rounds to 5e-324), is a few
 * subnormal spacings in absolute terms.
 */
function reconstructionOk(what: string, A: number[][], rel: number): void {
  const normF = la.normF(A);
  if (Math.max(...A.flat().map(Math.abs)) < 1e-290) {
    assert.ok(rel * normF <= 4 * N(A) * TINY, `${what}: absolute error ${(rel * normF).toExponential(2)}`);
    return;
  }
  withinEps(what, rel, N(A), 100);
}

/** H = I − τ·v·vᵀ (v[0] = 1) is orthogonal exactly when τ = 0 or τ·vᵀv = 2. */
function reflectorDefect(x: number[]): { tau: number; defect: number; beta: number } {
  const a = Float64Array.from(x);
  const tau = householder(a.length, a, 0, 1);
  if (tau === 0) return { tau, defect: 0, beta: a[0] };
  let vtv = 1;
  for (let i = 1; i < a.length; i++) vtv += a[i] * a[i];
  return { tau, defect: Math.abs(tau * vtv - 2), beta: a[0] };
}

describe('extremes: Householder reflectors and Givens rotations at every scale', () => {
  const vectors: [string, number[]][] = [
    ['two smallest subnormals', [5e-324, 5e-324]],
    ['negative subnormals', [-5e-324, -5e-324, 1e-323]],
    ['zero head, subnormal tail', [0, 5e-324, 5e-324]],
    ['subnormal next to 1e-300', [1e-300, 5e-324]],
    ['tiny normal numbers', [1e-300, 1e-300, -1e-300]],
    ['largest doubles', [1e308, 1e308]],
    ['norm beyond the double range', [1.7e308, -1.7e308, 1.7e308]],
  ];
  for (const [name, x] of vectors) {
    it(`reflector stays orthogonal: ${name}`, () => {
      const r = reflectorDefect(x);
      withinEps(`τ·vᵀv − 2 for ${JSON.stringify(x)}`, r.defect, 1, 10);
      assert.ok(Number.isFinite(r.tau) && r.tau >= 1 && r.tau <= 2, `τ = ${r.tau}`);
    });
  }

  it('reflector of (5e-324, 5e-324) maps onto β = −‖x‖ rounded, with τ ≈ 1 + 1/√2', () => {
    const r = reflectorDefect([5e-324, 5e-324]);
    assert.ok(Math.abs(r.tau - (1 + Math.SQRT1_2)) < 1e-15, `τ = ${r.tau}`);
    assert.ok(r.beta < 0 && r.beta >= -1e-323, `β = ${r.beta}`);
  });

  for (const [f, g] of [
    [5e-324, 5e-324],
    [1e-323, -5e-324],
    [1e-300, 5e-324],
    [-3e-310, 7e-311],
    [1e300, 1e300],
    [1.5e308, -1e308],
  ]) {
    it(`rotation for (${f}, ${g}) has c² + s² = 1 and annihilates g`, () => {
      givens(f, g);
      withinEps('c² + s² − 1', Math.abs(rot.c * rot.c + rot.s * rot.s - 1), 1, 4);
      // −s·f + c·g = 0, relative to the size of the pair.
      const scale = Math.max(Math.abs(f), Math.abs(g));
      withinEps('−s·f + c·g', Math.abs(-rot.s * (f / scale) + rot.c * (g / scale)), 1, 4);
    });
  }
});

describe('extremes: qr, svd and pinv of matrices with subnormal entries', () => {
  const mats: number[][][] = [
    [[5e-324, 1], [5e-324, 0], [0, 0]],
    [[5e-324, 0, 0], [5e-324, 0, 0]],
    [[-5e-324, 1], [-5e-324, 1]],
    [[-1e-323, 3], [-1e-323, 3]],
    [[-5e-323, -9, -1e-300], [0, -1, 5e-324], [-5e-323, -9, -1e-300]],
    [[8.4e-323, 0, -1.508465033409127e-132], [0, -1.3156725267968784e-66, 9], [8.4e-323, 0, -1.508465033409127e-132]],
    [
      [4.0832108689685946e-126, 5.921069098193181e-93, 2, -6.5392877979500714e-161, -5e-324, 0, -2.5e-323],
      [4.0832108689685946e-126, 5.921069098193181e-93, 2, -6.5392877979500714e-161, -5e-324, 0, -2.5e-323],
    ],
    [[1e-300, 5e-324, 1], [5e-324, 5e-324, 2], [1e-300, 0, 3], [5e-324, 1e-310, 4]],
  ];
  for (const A of mats) {
    const tag = JSON.stringify(A);
    it(`qr ${tag}`, () => {
      for (const mode of ['reduced', 'complete'] as const) {
        const v = verifyQr(A, la.qr(A, { mode }));
        reconstructionOk(`qr ${mode} reconstruction`, A, v.reconstruction);
        withinEps(`qr ${mode} orthogonality`, v.orthogonality, N(A), 100);
        assert.strictEqual(v.belowDiagonal, 0);
      }
    });
    it(`svd ${tag}`, () => {
      for (const full of [false, true]) {
        const r = la.svd(A, { full });
        const v = verifySvd(A, r);
        reconstructionOk(`svd reconstruction (full ${full})`, A, v.reconstruction);
        withinEps(`svd orthogonality U (full ${full})`, v.orthogonalityU, N(A), 100);
        withinEps(`svd orthogonality V (full ${full})`, v.orthogonalityV, N(A), 100);
      }
    });
  }

  it('pinv of [[5e-324, −2.86e-18], [5e-324, −2.86e-18]] satisfies the Penrose conditions', () => {
    const A = [[5e-324, -2.8613814049373327e-18], [5e-324, -2.8613814049373327e-18]];
    const v = verifyPinv(A, la.pinv(A));
    for (const [k, x] of Object.entries(v)) withinEps(`pinv ${k}`, x, 2, 100);
  });
});

/** Asserts that `f` throws LinAlgError('overflow') with a message naming the double range. */
function throwsOverflow(what: string, f: () => unknown, mentions: RegExp): void {
  assert.throws(
    f,
    (e: unknown) => {
      assert.ok(e instanceof LinAlgError, `${what}: threw ${String(e)}`);
      assert.strictEqual(e.kind, 'overflow', `${what}: kind ${e.kind} (${e.message})`);
      assert.match(e.message, /double range/, `${what}: ${e.message}`);
      assert.match(e.message, mentions, `${what}: ${e.message}`);
      return true;
    },
    `${what} returned instead of refusing`,
  );
}

describe('extremes: results beyond the double range are refused, not returned as Infinity', () => {
  const huge: number[][][] = [
    [[1e308, 1e308], [1e308, 1e308]], // σ₁ = 2e308
    [[1.7e308], [1.7e308]], // σ₁ = 2.4e308
    [[1e308, -1e308, 1e308], [1e308, 1e308, -1e308]],
  ];
  for (const A of huge) {
    const tag = JSON.stringify(A);
    it(`σ₁ beyond 1.8e308 is refused by svd, singularValues, norm2, matrixRank, lstsq: ${tag}`, () => {
      throwsOverflow('svd', () => la.svd(A), /largest singular value/);
      throwsOverflow('svd full', () => la.svd(A, { full: true }), /largest singular value/);
      throwsOverflow('singularValues', () => la.singularValues(A), /largest singular value/);
      throwsOverflow('norm2', () => la.norm2(A), /largest singular value/);
      throwsOverflow('matrixRank', () => la.matrixRank(A), /largest singular value/);
      throwsOverflow('lstsq', () => la.lstsq(A, A.map(() => 1)), /largest singular value/);
    });
  }

  it('a σ₁ beyond the range does not stop what is representable: cond, pinv and inv of 1.5e308·[[1, 1], [−1, 1]]', () => {
    const A = [[1.5e308, 1.5e308], [-1.5e308, 1.5e308]]; // σ₁ = σ₂ = 2.12e308
    assert.ok(Math.abs(la.cond(A) - 1) < 1e-14, `cond ${la.cond(A)}`);
    const q = 1 / 1.5e308 / 2;
    const expect = [[q, -q], [q, q]];
    for (const [name, X] of [['pinv', la.pinv(A)], ['inv', la.inv(A)]] as const) {
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 2; j++) {
          assert.ok(Math.abs(X[i][j] - expect[i][j]) <= 1e-14 * Math.abs(expect[i][j]), `${name}[${i}][${j}] = ${X[i][j]}`);
        }
      }
    }
    // Rank-deficient and huge: the condition number is infinite (or beyond 1/eps), not NaN.
    const c = la.cond([[1e308, 1e308], [1e308, 1e308]]);
    assert.ok(c > 1e15, `cond ${c}`);
  });

  it('inv of a matrix with subnormal entries whose inverse is representable is accurate', () => {
    const A = [[3e-308, 1e-308], [1e-308, 2e-308]]; // inverse [[4e307, −2e307], [−2e307, 6e307]]
    const X = la.inv(A);
    const expect = [[4e307, -2e307], [-2e307, 6e307]];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) assert.ok(Math.abs(X[i][j] - expect[i][j]) <= 1e-13 * Math.abs(expect[i][j]), `inv[${i}][${j}] = ${X[i][j]}`);
  });

  it('the rank tolerance s_max·max(m, n)·eps does not overflow for s_max near 1.8e308', () => {
    const r = la.matrixRank([[1e308, 1e308], [1e308, -1e308]]); // σ = 1.41e308 twice
    assert.strictEqual(r.rank, 2);
    assert.ok(Number.isFinite(r.tol) && r.tol > 0, `tol ${r.tol}`);
  });

  const tiny: number[][][] = [
    [[5e-324]], // inverse 2e323
    [[5e-324, 0], [0, 1e-320]],
    [[1e-310, 1e-310], [0, 1e-310]],
  ];
  for (const A of tiny) {
    const tag = JSON.stringify(A);
    it(`inverse-like results beyond 1.8e308 are refused by inv, pinv, lstsq: ${tag}`, () => {
      throwsOverflow('inv', () => la.inv(A), /inverse/);
      throwsOverflow('pinv', () => la.pinv(A), /pseudoinverse/);
      throwsOverflow('lstsq', () => la.lstsq(A, A.map(() => 1)), /least-squares solution/);
    });
  }

  it('singular still wins over overflow: a numerically singular tiny matrix is refused as singular', () => {
    assert.throws(() => la.inv([[1e-310, 0], [0, 1]]), (e: unknown) => e instanceof LinAlgError && e.kind === 'singular');
  });

  it('det and slogdet keep their documented over/underflow behaviour', () => {
    assert.strictEqual(la.det([[1e308, 0], [0, 1e308]]), Infinity);
    assert.strictEqual(la.det([[1e308, 0], [0, -1e308]]), -Infinity);
    assert.strictEqual(la.det([[5e-324, 0], [0, 5e-324]]), 0);
    const s = la.slogdet([[1e308, 0], [0, 1e308]]);
    assert.strictEqual(s.sign, 1);
    assert.ok(Math.abs(s.logabsdet - 2 * Math.log(1e308)) < 1e-12 * 2 * Math.log(1e308), `logabsdet ${s.logabsdet}`);
    const t = la.slogdet([[5e-324, 0], [0, 5e-324]]);
    assert.ok(Number.isFinite(t.logabsdet) && Math.abs(t.logabsdet - 2 * Math.log(5e-324)) < 1e-9, `logabsdet ${t.logabsdet}`);
  });
});

describe('extremes: qr of entries near the overflow threshold', () => {
  for (const A of [
    [[1e308, 1e308], [1e308, -1e308]],
    [[1e308, 1e308], [1e308, 1e308]],
    [[1e308, 1], [1e308, 0], [1e308, 2]],
    [[0.9e308, -1e-300, 3], [0.8e308, 5e-324, 1e308], [-0.7e308, 1, 0]],
    [[0, 1.7e308], [0, 0], [1, 1.7e308]], // column norm 2.4e308, yet R = [[−1, −1.7e308], [0, ±1.7e308]]
  ]) {
    it(`qr ${JSON.stringify(A)} is exact to working precision (no NaN from an overflowing column norm)`, () => {
      const r = la.qr(A);
      assert.ok(r.R.flat().every(Number.isFinite), JSON.stringify(r.R));
      const v = verifyQr(A, r);
      withinEps('qr reconstruction', v.reconstruction, N(A), 100);
      withinEps('qr orthogonality', v.orthogonality, N(A), 100);
    });
  }
  it('qr refuses an R whose entries exceed the double range', () => {
    throwsOverflow('qr', () => la.qr([[1.7e308], [1.7e308]]), /R has an entry/);
    throwsOverflow('qr complete', () => la.qr([[1.7e308, 1], [1.7e308, 0], [0, 2]], { mode: 'complete' }), /R has an entry/);
  });
});

describe('extremes: lstsq verification figures at the edges of the range', () => {
  for (const A of [
    [[1e-320, -1e308], [0, -9], [0, -8], [4, 1e-300], [-1e300, 0], [1e-320, -1e308]],
    [[-1e308, -8, -8], [0, 0, 0], [1e-300, 1e-160, -1e300], [-5, 1e300, 1e300], [1e160, 2, 1e-160], [-1e308, -8, -8]],
  ]) {
    it(`optimality is finite and at eps level: ${JSON.stringify(A)}`, () => {
      const b = A.map((_, i) => i - 1);
      const r = la.lstsq(A, b);
      const v = verifyLstsq(A, b, r.x);
      withinEps('lstsq optimality', v.optimality, N(A), 1000);
      assert.ok(Number.isFinite(v.residualNorm), `residualNorm ${v.residualNorm}`);
    });
  }
});

describe('dense.toRows (counted loops, same output as rows.ts)', () => {
  it('copies every entry, including −0, subnormals and 1e308, into plain arrays', () => {
    const data = Float64Array.from([-0, 5e-324, 1e308, -1.5, 3, 7, 0, -5e-324, 2.5e-308, 42, -1e-300, 9]);
    for (const [rows, cols] of [[3, 4], [4, 3], [1, 12], [12, 1], [0, 0], [2, 0]] as const) {
      const M = { rows, cols, data: data.subarray(0, rows * cols) };
      const a = toRows(M);
      assert.deepStrictEqual(a, rowsOf(M));
      assert.strictEqual(a.length, rows);
      for (const r of a) assert.ok(Array.isArray(r) && r.length === cols);
      if (rows * cols > 0) assert.ok(Object.is(a[0][0], -0));
    }
  });
});
