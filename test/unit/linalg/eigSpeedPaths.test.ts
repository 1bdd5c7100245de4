/**
 * Fast paths of the general eigensolver's vector stage (eigVectors.ts): the
 * eigenvalue condition numbers come from left eigenvectors of the Schur form
 * computed as contiguous dot products over a transposed copy of T, with the
 * overflow guard colAbs·wmax. Checked here against a direct computation
 * (κ_j = ‖x_j‖·‖row j of X⁻¹‖ with X the matrix of right eigenvectors, by
 * complex Gaussian elimination), on quasi-triangular T with real and complex
 * blocks, plus the residuals ‖T x − λ x‖, graded/huge off-diagonal entries
 * (the rescaling paths: finite vectors, no NaN), and defective detection
 * through the public `eig`.
 */
import * as assert from 'assert';
import { eig } from '../../../src/linalg/eig';
import type { Balancing } from '../../../src/linalg/eigBalance';
import { schurIterate } from '../../../src/linalg/eigSchur';
import { schurEigenvectors } from '../../../src/linalg/eigVectors';
import { rng } from './helpers';

const EPS = 2.220446049250313e-16;

function identity(n: number): Float64Array {
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  return z;
}

function noBalancing(n: number): Balancing {
  return { lo: 0, hi: n - 1, scale: new Float64Array(n).fill(1), swaps: [] };
}

/** Real Schur form of a random n×n Hessenberg matrix (plain QR, Schur vectors discarded). */
function randomSchur(n: number, seed: number): { t: Float64Array; wr: Float64Array; wi: Float64Array } {
  const r = rng(seed);
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = Math.max(0, i - 1); j < n; j++) h[i * n + j] = r() * 2 - 1;
  const v = schurIterate(h, n, 0, n - 1, identity(n), Infinity);
  assert.ok(v !== null);
  return { t: h, wr: v.wr, wi: v.wi };
}

/** Inverse of the complex n×n matrix (xr + i·xi), Gaussian elimination with partial pivoting. */
function complexInverse(xr: Float64Array, xi: Float64Array, n: number): { re: Float64Array; im: Float64Array } {
  const ar = new Float64Array(xr);
  const ai = new Float64Array(xi);
  const br = identity(n);
  const bi = new Float64Array(n * n);
  const swapRows = (a: Float64Array, p: number, q: number): void => {
    for (let c = 0; c < n; c++) {
      const x = a[p * n + c];
      a[p * n + c] = a[q * n + c];
      a[q * n + c] = x;
    }
  };
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.hypot(ar[i * n + k], ai[i * n + k]) > Math.hypot(ar[p * n + k], ai[p * n + k])) p = i;
    for (const a of [ar, ai, br, bi]) swapRows(a, p, k);
    const dr = ar[k * n + k];
    const di = ai[k * n + k];
    const d2 = dr * dr + di * di;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      // f = a_ik / a_kk
      const nr = ar[i * n + k];
      const ni = ai[i * n + k];
      const fr = (nr * dr + ni * di) / d2;
      const fi = (ni * dr - nr * di) / d2;
      for (let c = 0; c < n; c++) {
        const o = k * n + c;
        ar[i * n + c] -= fr * ar[o] - fi * ai[o];
        ai[i * n + c] -= fr * ai[o] + fi * ar[o];
        br[i * n + c] -= fr * br[o] - fi * bi[o];
        bi[i * n + c] -= fr * bi[o] + fi * br[o];
      }
    }
  }
  for (let k = 0; k < n; k++) {
    const dr = ar[k * n + k];
    const di = ai[k * n + k];
    const d2 = dr * dr + di * di;
    for (let c = 0; c < n; c++) {
      const o = k * n + c;
      const xr0 = br[o];
      const xi0 = bi[o];
      br[o] = (xr0 * dr + xi0 * di) / d2;
      bi[o] = (xi0 * dr - xr0 * di) / d2;
    }
  }
  return { re: br, im: bi };
}

/** Largest ‖T x_k − λ_k x_k‖ over the (unit) vectors, rows of re/im. */
function worstResidual(t: Float64Array, n: number, wr: Float64Array, wi: Float64Array, re: Float64Array, im: Float64Array): number {
  let worst = 0;
  for (let k = 0; k < n; k++) {
    let ss = 0;
    for (let i = 0; i < n; i++) {
      let sr = 0;
      let si = 0;
      for (let j = 0; j < n; j++) {
        sr += t[i * n + j] * re[k * n + j];
        si += t[i * n + j] * im[k * n + j];
      }
      const vr = re[k * n + i];
      const vi = im[k * n + i];
      const rr = sr - (wr[k] * vr - wi[k] * vi);
      const ri = si - (wr[k] * vi + wi[k] * vr);
      ss += rr * rr + ri * ri;
    }
    worst = Math.max(worst, Math.sqrt(ss));
  }
  return worst;
}

function frob(t: Float64Array): number {
  let s = 0;
  for (const x of t) s += x * x;
  return Math.sqrt(s);
}

describe('eig vector stage: condition numbers by dot-product substitution', () => {
  for (const [n, seed] of [[1, 3], [2, 5], [3, 7], [5, 11], [8, 13], [13, 17], [24, 19], [40, 23], [61, 29]] as const) {
    it(`κ matches ‖x_j‖·‖row j of X⁻¹‖ on a random Schur form, n = ${n}`, () => {
      const { t, wr, wi } = randomSchur(n, seed);
      const v = schurEigenvectors(t, n, wr, wi, identity(n), noBalancing(n));
      // Right vectors as columns of X (rows of re/im are the vectors).
      const xr = new Float64Array(n * n);
      const xi = new Float64Array(n * n);
      for (let k = 0; k < n; k++)
        for (let i = 0; i < n; i++) {
          xr[i * n + k] = v.re[k * n + i];
          xi[i * n + k] = v.im[k * n + i];
        }
      const inv = complexInverse(xr, xi, n);
      let complexSeen = n < 8; // the larger cases have complex pairs (checked)
      for (let k = 0; k < n; k++) {
        if (wi[k] !== 0) complexSeen = true;
        let ss = 0;
        for (let c = 0; c < n; c++) ss += inv.re[k * n + c] ** 2 + inv.im[k * n + c] ** 2;
        const direct = Math.sqrt(ss); // ‖x_k‖ = 1
        const rel = Math.abs(v.cond[k] - direct) / direct;
        // The direct inverse carries an error of about κ(X)·eps; a wrong substitution would be off by O(1).
        assert.ok(rel < 1e-7, `n=${n} k=${k}: κ ${v.cond[k]} vs direct ${direct} (rel ${rel})`);
        assert.ok(v.cond[k] >= 1 - 1e-12, `κ ≥ 1, got ${v.cond[k]}`);
        if (wi[k] < 0) assert.strictEqual(v.cond[k], v.cond[k - 1], 'a conjugate pair shares its κ');
      }
      assert.ok(complexSeen, 'the case should exercise 2×2 blocks');
      const res = worstResidual(t, n, wr, wi, v.re, v.im);
      assert.ok(res <= 50 * n * EPS * Math.max(1, frob(t)), `residual ${res}`);
    });
  }

  it('huge off-diagonal entries (graded T, the rescaling paths): finite vectors and κ, no NaN', () => {
    for (const [n, g] of [[8, 1e40], [12, 1e25], [20, 1e15]] as const) {
      const { t, wr, wi } = randomSchur(n, 101 + n);
      // T ← S⁻¹ T S with S = diag(g^i): t_ij·g^(j−i), entries up to ~g^(n−1) above the diagonal.
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) t[i * n + j] *= g ** (j - i);
      const v = schurEigenvectors(t, n, wr, wi, identity(n), noBalancing(n));
      for (let k = 0; k < n; k++) {
        assert.ok(!Number.isNaN(v.cond[k]) && v.cond[k] >= 1 - 1e-12, `n=${n} κ_${k} = ${v.cond[k]}`);
        for (let i = 0; i < n; i++) assert.ok(Number.isFinite(v.re[k * n + i]) && Number.isFinite(v.im[k * n + i]));
      }
    }
  });

  it('columns of T far above the eigenvalue gaps: finite vectors, no NaN', () => {
    for (const n of [6, 10, 17]) {
      const { t, wr, wi } = randomSchur(n, 303 + n);
      // The last two columns, above the diagonal blocks, of size 1e303 (sums of up to 1e305·|w|).
      for (let j = n - 2; j < n; j++) for (let i = 0; i < n - 3; i++) t[i * n + j] = 1e303;
      const v = schurEigenvectors(t, n, wr, wi, identity(n), noBalancing(n));
      for (let k = 0; k < n; k++) {
        assert.ok(!Number.isNaN(v.cond[k]) && v.cond[k] >= 1 - 1e-12, `n=${n} κ_${k} = ${v.cond[k]}`);
        for (let i = 0; i < n; i++) assert.ok(Number.isFinite(v.re[k * n + i]) && Number.isFinite(v.im[k * n + i]));
      }
    }
  });

  it('an exactly repeated eigenvalue with coupling (Jordan-like T) gets a huge or infinite κ', () => {
    // T = [[2, 1, 0.5], [0, 2, 1], [0, 0, 3]]: eigenvalue 2 is defective.
    const n = 3;
    const t = new Float64Array([2, 1, 0.5, 0, 2, 1, 0, 0, 3]);
    const v = schurEigenvectors(t, n, new Float64Array([2, 2, 3]), new Float64Array(3), identity(n), noBalancing(n));
    assert.ok(v.cond[0] > 1e6 && v.cond[1] > 1e6, `κ = ${Array.from(v.cond).join(', ')}`);
    assert.ok(v.cond[2] < 10, `the simple eigenvalue is well conditioned: ${v.cond[2]}`);
  });

  it('public eig: defective detection and κ against a direct computation after an orthogonal similarity', () => {
    // Jordan block J_3(1) ⊕ [[0, -2], [2, 0]] ⊕ 5, hidden by a Householder reflection Q = I − 2uuᵀ.
    const n = 6;
    const J = [
      [1, 1, 0, 0, 0, 0],
      [0, 1, 1, 0, 0, 0],
      [0, 0, 1, 0, 0, 0],
      [0, 0, 0, 0, -2, 0],
      [0, 0, 0, 2, 0, 0],
      [0, 0, 0, 0, 0, 5],
    ];
    const u = [1, 2, -1, 0.5, 3, -2];
    const un = Math.hypot(...u);
    const Q = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - (2 * u[i] * u[j]) / (un * un)));
    const A = Q.map((_, i) => Q.map((__, j) => {
      let s = 0;
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) s += Q[i][a] * J[a][b] * Q[b][j];
      return s;
    }));
    const r = eig(A);
    assert.strictEqual(r.defective, true, r.warnings.join('\n'));
    // The simple eigenvalues ±2i and 5 of the normal part stay well conditioned (κ = 1 exactly in theory).
    for (let k = 0; k < n; k++) {
      const { re, im } = r.eigenvalues[k];
      if (Math.abs(re - 1) > 1e-3) assert.ok(r.condition[k] < 1.01, `λ = ${re}+${im}i: κ = ${r.condition[k]}`);
      else assert.ok(r.condition[k] > 1e3, `defective λ = ${re}: κ = ${r.condition[k]}`);
    }
  });

  it('public eig on random matrices: residuals at rounding level, κ ≥ 1 and shared by conjugates', () => {
    for (const n of [30, 64, 100]) {
      const r0 = rng(7000 + n);
      const A = Array.from({ length: n }, () => Array.from({ length: n }, () => r0() * 2 - 1));
      const r = eig(A);
      let nrm = 0;
      for (const row of A) for (const x of row) nrm += x * x;
      nrm = Math.sqrt(nrm);
      for (let k = 0; k < n; k++) {
        const { re: lr, im: li } = r.eigenvalues[k];
        let ss = 0;
        for (let i = 0; i < n; i++) {
          let sr = 0;
          let si = 0;
          for (let j = 0; j < n; j++) {
            sr += A[i][j] * r.eigenvectors[j][k].re;
            si += A[i][j] * r.eigenvectors[j][k].im;
          }
          const { re: vr, im: vi } = r.eigenvectors[i][k];
          ss += (sr - (lr * vr - li * vi)) ** 2 + (si - (lr * vi + li * vr)) ** 2;
        }
        assert.ok(Math.sqrt(ss) <= 100 * n * EPS * nrm, `n=${n} k=${k}: residual ${Math.sqrt(ss)}`);
        assert.ok(r.condition[k] >= 1 - 1e-12 && Number.isFinite(r.condition[k]));
        if (li < 0) assert.strictEqual(r.condition[k], r.condition[k + 1]);
      }
      assert.strictEqual(r.defective, false);
    }
  });
});
