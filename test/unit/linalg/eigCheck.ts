/**
 * Checks shared by the eig/eigh tests: the bounds of shared/reference/README.md
 * (eigenvalue error against a reference, residual per eigenpair, orthogonality,
 * exact conjugate pairs), written once so reference and random tests agree.
 */
import * as assert from 'assert';
import type { Complex, EigResult } from '../../../src/linalg/eig';
import type { EighResult } from '../../../src/linalg/eigh';
import { fro, mul, orthCols, vnorm, type M } from './helpers';
import { EPS, withinEps } from './tolerance';

/** The spectral norm bound used in eigenvalue bounds: the reference's norm2 when known, else ‖A‖_F. */
export function normOr(A: M, norm2?: number): number {
  return norm2 !== undefined && Number.isFinite(norm2) ? norm2 : fro(A);
}

/** eigh: ascending, |λ − λ_ref|/(N‖A‖₂eps) < 100, ‖AV − VΛ‖/(‖A‖‖V‖N eps) < 100, ‖VᵀV − I‖/(N eps) < 100. */
export function checkEigh(what: string, A: M, r: EighResult, ref?: number[], norm2?: number): void {
  const n = A.length;
  const N = Math.max(n, 1);
  assert.strictEqual(r.eigenvalues.length, n, `${what}: count`);
  for (let i = 1; i < n; i++) assert.ok(r.eigenvalues[i - 1] <= r.eigenvalues[i], `${what}: not ascending at ${i}`);
  const nA = normOr(A, norm2);
  if (ref) {
    for (let i = 0; i < n; i++) {
      withinEps(`${what} λ[${i}] = ${r.eigenvalues[i]} vs ${ref[i]}`, Math.abs(r.eigenvalues[i] - ref[i]) / (nA || 1), N, 100);
    }
  }
  const V = r.eigenvectors;
  const AV = mul(A, V);
  const R = AV.map((row, i) => row.map((x, j) => x - V[i][j] * r.eigenvalues[j]));
  const scale = (fro(A) || 1) * (fro(V) || 1);
  withinEps(`${what} residual ‖AV − VΛ‖`, fro(R) / scale, N, 100);
  withinEps(`${what} orthogonality ‖VᵀV − I‖`, orthCols(V), N, 100);
}

/** Column j of a complex matrix as two real arrays. */
function column(V: Complex[][], j: number): { re: number[]; im: number[] } {
  return { re: V.map((r) => r[j].re), im: V.map((r) => r[j].im) };
}

/** ‖A v − λ v‖ / (‖A‖ ‖v‖) for one complex eigenpair, with A scaled by max|A| to avoid overflow. */
export function pairResidual(A: M, lam: Complex, v: { re: number[]; im: number[] }): number {
  const n = A.length;
  let big = 0;
  for (const row of A) for (const x of row) big = Math.max(big, Math.abs(x));
  if (big === 0) big = 1;
  const rr: number[] = [];
  const ri: number[] = [];
  for (let i = 0; i < n; i++) {
    let sr = 0;
    let si = 0;
    for (let k = 0; k < n; k++) {
      const a = A[i][k] / big;
      sr += a * v.re[k];
      si += a * v.im[k];
    }
    const lr = lam.re / big;
    const li = lam.im / big;
    rr.push(sr - (lr * v.re[i] - li * v.im[i]));
    ri.push(si - (lr * v.im[i] + li * v.re[i]));
  }
  const nv = Math.hypot(vnorm(v.re), vnorm(v.im));
  const nA = fro(A) / big;
  // For A = 0 the residual itself must vanish.
  return Math.hypot(vnorm(rr), vnorm(ri)) / ((nA || 1) * nv);
}

/** Greedy nearest matching: repeatedly pairs the globally closest (computed, reference) eigenvalues. */
export function greedyMatch(got: Complex[], ref: Complex[]): number[] {
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < got.length; i++) {
    for (let j = 0; j < ref.length; j++) pairs.push([Math.hypot(got[i].re - ref[j].re, got[i].im - ref[j].im), i, j]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const match = new Array<number>(got.length).fill(-1);
  const taken = new Array<boolean>(ref.length).fill(false);
  for (const [, i, j] of pairs) {
    if (match[i] >= 0 || taken[j]) continue;
    match[i] = j;
    taken[j] = true;
  }
  return match;
}

/** Size of the cluster of reference eigenvalues (numerically) equal to ref[j]. */
function clusterSize(ref: Complex[], j: number, nA: number): number {
  let k = 0;
  for (const z of ref) if (Math.hypot(z.re - ref[j].re, z.im - ref[j].im) <= 1e-6 * nA) k++;
  return k;
}

/** Structural checks of an eig result: conjugate pairs exact, vectors unit, residual per pair. */
export function checkEigStructure(what: string, A: M, r: EigResult): void {
  const n = A.length;
  const N = Math.max(n, 1);
  assert.strictEqual(r.eigenvalues.length, n, `${what}: count`);
  assert.strictEqual(r.eigenvectors.length, n, `${what}: eigenvector rows`);
  const lams = r.eigenvalues;
  for (let i = 1; i < n; i++) {
    const ok = lams[i - 1].re < lams[i].re || (lams[i - 1].re === lams[i].re && lams[i - 1].im <= lams[i].im);
    assert.ok(ok, `${what}: eigenvalues not sorted by (re, im) at ${i}`);
  }
  for (let i = 0; i < n; i++) {
    const z = lams[i];
    if (z.im !== 0) {
      const j = lams.findIndex((w, t) => t !== i && w.re === z.re && w.im === -z.im);
      assert.ok(j >= 0, `${what}: ${z.re}+${z.im}i has no exact conjugate`);
      const vi = column(r.eigenvectors, i);
      const vj = column(r.eigenvectors, j);
      for (let k = 0; k < n; k++) {
        assert.ok(vi.re[k] === vj.re[k] && vi.im[k] === -vj.im[k], `${what}: eigenvectors of a conjugate pair are not conjugate`);
      }
    }
    const v = column(r.eigenvectors, i);
    const nv = Math.hypot(vnorm(v.re), vnorm(v.im));
    assert.ok(Math.abs(nv - 1) < 1e-12, `${what}: eigenvector ${i} has norm ${nv}`);
    withinEps(`${what} residual of pair ${i} (λ = ${z.re}${z.im ? ` + ${z.im}i` : ''})`, pairResidual(A, z, v), N, 100);
  }
}

/** README bound for general eig against reference eigenvalues and their condition numbers. */
export function checkEigValues(what: string, got: Complex[], ref: Complex[], kappa: number[], norm2: number): void {
  const n = ref.length;
  assert.strictEqual(got.length, n, `${what}: count`);
  const match = greedyMatch(got, ref);
  for (let i = 0; i < n; i++) {
    const j = match[i];
    const err = Math.hypot(got[i].re - ref[j].re, got[i].im - ref[j].im);
    let bound = 1000 * n * EPS * norm2 * Math.max(1, kappa[j]);
    const k = clusterSize(ref, j, norm2);
    if (k >= 2) bound = Math.max(bound, 10 * (n * EPS) ** (1 / k) * norm2);
    assert.ok(err <= bound, `${what}: λ ${got[i].re}+${got[i].im}i vs ref ${ref[j].re}+${ref[j].im}i: error ${err.toExponential(2)} > bound ${bound.toExponential(2)}`);
  }
}
