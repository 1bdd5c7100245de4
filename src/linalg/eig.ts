/**
 * Eigenvalues and eigenvectors of general real square matrices (numpy's `eig` / `eigvals`).
 */
import { LinAlgError } from './errors';
import type { GuardOptions, MatrixInput } from './guards';
import { maxAbs, powerOfTwoScale, scaleInPlace, squareFiniteDense } from './eigShared';
import { balance } from './eigBalance';
import { formQt, hessenberg } from './eigHessenberg';
import { schur } from './eigSchur';
import { schurEigenvectors } from './eigVectors';
import { eigh } from './eigh';
import { describeConditioning } from './eigDiagnose';

/** A complex number as JSON-safe data. */
export interface Complex {
  re: number;
  im: number;
}

/** Result of `eig`. */
export interface EigResult {
  /** Eigenvalues sorted by real part, then imaginary part (conjugate pairs adjacent, −im first). */
  eigenvalues: Complex[];
  /**
   * n×n matrix whose COLUMN j is the eigenvector of `eigenvalues[j]`: unit 2-norm,
   * its largest entry real (numpy/LAPACK's normalisation). The vector of a
   * conjugate eigenvalue is the exact conjugate.
   */
  eigenvectors: Complex[][];
  /**
   * True when some eigenvalue is (numerically) defective: repeated, with fewer
   * independent eigenvectors than its multiplicity — a Jordan block. The
   * eigenvector matrix is then (nearly) singular and A ≠ V Λ V⁻¹.
   */
  defective: boolean;
  /** Plain-language notes for students (defectiveness, ill-conditioned eigenvalues, method used). */
  warnings: string[];
  /**
   * Condition number κ_j = 1/|y_jᴴ x_j| of each eigenvalue (unit left/right
   * vectors) of the balanced matrix the solver worked on; ≈ how many times a
   * perturbation of A is amplified in λ_j. Infinity for exactly defective ones.
   */
  condition: number[];
}

function noConvergence(): LinAlgError {
  return new LinAlgError(
    'no-convergence',
    'eig: the QR iteration did not converge within its iteration limit (30 sweeps per eigenvalue), so no eigenvalues are reported. ' +
      'This is very rare; scaling the matrix or perturbing it slightly usually helps.',
  );
}

function isExactlySymmetric(d: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (d[i * n + j] !== d[j * n + i]) return false;
  return true;
}

interface Reduced {
  h: Float64Array;
  n: number;
  scale: number;
}

function sortedOrder(wr: Float64Array, wi: Float64Array): number[] {
  const idx = Array.from({ length: wr.length }, (_, i) => i);
  return idx.sort((i, j) => wr[i] - wr[j] || wi[i] - wi[j] || i - j);
}

/**
 * Eigen-decomposition A·V = V·diag(λ) of a real square matrix.
 *
 * Conventions: eigenvalues sorted by (re, im) ascending — the order of the
 * team's numpy reference — with complex ones in exact conjugate pairs
 * (identical real parts, opposite imaginary parts); eigenvectors are the
 * columns of `eigenvectors`, unit 2-norm, largest entry real. Triangular
 * matrices return exactly their diagonal. An exactly symmetric input is
 * handed to `eigh` (real, orthonormal eigenvectors; noted in `warnings`).
 * A 0×0 input gives empty arrays.
 *
 * Method: exact power-of-two scaling, balancing (permutation + scaling),
 * Householder Hessenberg reduction, Francis double-shift QR with deflation and
 * exceptional shifts, eigenvectors by substitution in the Schur form.
 *
 * Throws LinAlgError: 'not-square', 'shape', 'not-finite' (NaN/±Infinity),
 * 'too-large' (more than `opts.maxEntries` entries), 'no-convergence' (hard iteration cap, never a hang).
 *
 * @example
 * eig([[0, -1], [1, 0]]).eigenvalues // → [{ re: 0, im: -1 }, { re: 0, im: 1 }]
 */
export function eig(a: MatrixInput, opts: GuardOptions = {}): EigResult {
  const m = squareFiniteDense(a, 'eig', opts);
  const n = m.rows;
  if (n === 0) return { eigenvalues: [], eigenvectors: [], defective: false, warnings: [], condition: [] };
  if (isExactlySymmetric(m.data, n)) return viaEigh(a, opts);
  const { h, scale } = prepare(m.data, n);
  const bal = balance(h, n);
  const refl = hessenberg(h, n, bal.lo, bal.hi);
  const zt = formQt(refl, n, bal.lo, bal.hi);
  const vals = schur(h, n, bal.lo, bal.hi, zt);
  if (vals === null) throw noConvergence();
  const vecs = schurEigenvectors(h, n, vals.wr, vals.wi, zt, bal);
  const order = sortedOrder(vals.wr, vals.wi);
  const eigenvalues = order.map((k) => ({ re: vals.wr[k] / scale, im: vals.wi[k] / scale }));
  const condition = order.map((k) => vecs.cond[k]);
  const eigenvectors: Complex[][] = [];
  for (let i = 0; i < n; i++) {
    const row: Complex[] = new Array(n);
    for (let j = 0; j < n; j++) {
      const o = order[j] * n + i;
      row[j] = { re: vecs.re[o], im: vecs.im[o] };
    }
    eigenvectors.push(row);
  }
  const { defective, warnings } = describeConditioning(eigenvalues, condition, frobenius(m.data), n);
  return { eigenvalues, eigenvectors, defective, warnings, condition };
}

/**
 * Eigenvalues only (numpy's `eigvals`): same conventions, checks and errors as
 * `eig`, skipping the Schur vectors and eigenvectors (about 3× faster).
 *
 * @example
 * eigvals([[2, 0], [0, 1]]) // → [{ re: 1, im: 0 }, { re: 2, im: 0 }]
 */
export function eigvals(a: MatrixInput, opts: GuardOptions = {}): Complex[] {
  const m = squareFiniteDense(a, 'eigvals', opts);
  const n = m.rows;
  if (n === 0) return [];
  if (isExactlySymmetric(m.data, n)) return viaEigh(a, opts).eigenvalues;
  const { h, scale } = prepare(m.data, n);
  const bal = balance(h, n);
  hessenberg(h, n, bal.lo, bal.hi);
  const vals = schur(h, n, bal.lo, bal.hi, null);
  if (vals === null) throw noConvergence();
  return sortedOrder(vals.wr, vals.wi).map((k) => ({ re: vals.wr[k] / scale, im: vals.wi[k] / scale }));
}

function prepare(data: Float64Array, n: number): Reduced {
  const h = new Float64Array(data);
  const scale = powerOfTwoScale(maxAbs(h));
  scaleInPlace(h, scale);
  return { h, n, scale };
}

function frobenius(d: Float64Array): number {
  const big = maxAbs(d);
  if (big === 0) return 0;
  let ss = 0;
  for (let i = 0; i < d.length; i++) {
    const x = d[i] / big;
    ss += x * x;
  }
  return big * Math.sqrt(ss);
}

function viaEigh(a: MatrixInput, opts: GuardOptions): EigResult {
  const r = eigh(a, opts);
  const n = r.eigenvalues.length;
  return {
    eigenvalues: r.eigenvalues.map((x) => ({ re: x, im: 0 })),
    eigenvectors: r.eigenvectors.map((row) => row.map((x) => ({ re: x, im: 0 }))),
    defective: false,
    warnings: [
      'The matrix is symmetric, so the symmetric solver (eigh) was used: all eigenvalues are real and the eigenvectors are orthonormal, even for repeated eigenvalues.',
    ],
    condition: new Array<number>(n).fill(1),
  };
}
