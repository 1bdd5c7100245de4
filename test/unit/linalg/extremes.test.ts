/**
 * Inputs at the edges of the double range: subnormal entries (5e-324), entries
 * next to the overflow threshold (1e308), and mixtures of the two with ordinary
 * numbers. Each block is a regression test for one kind of failure: reflectors
 * and rotations built from values rounded onto the subnormal grid (not
 * orthogonal), results beyond ±1.8e308 returned as Infinity instead of refused.
 */
import * as assert from 'assert';
import { givens, householder, rot } from '../../../src/linalg/blas';
import * as la from '../../../src/linalg/index';
import { verifyPinv, verifyQr, verifySvd } from '../../../src/linalg/verify';
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
