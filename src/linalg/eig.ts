/**
 * Eigenvalues and eigenvectors of general real square matrices (numpy's `eig` / `eigvals`).
 */
import { LinAlgError } from './errors';
import type { GuardOptions, MatrixInput } from './guards';
import { EPS, hypot2, maxAbs, powerOfTwoScale, safeNorm, scaleInPlace, squareFiniteDense } from './eigShared';
import { balance } from './eigBalance';
import { formQt, hessenberg } from './eigHessenberg';
import { schur, type SchurValues } from './eigSchur';
import { schurEigenvectors, type SchurVectors } from './eigVectors';
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
   * vectors) of the balanced (or, after the retry described at `eig`, merely
   * permuted) matrix the solver worked on; ≈ how many times a
   * perturbation of A is amplified in λ_j. Infinity for exactly defective ones.
   * Always computed: `defective` and the warnings are derived from them, and
   * they cost about 4% of `eig` at n = 100–200 (one left eigenvector per
   * eigenvalue by substitution in the Schur form), so there is no option to
   * leave them out; `eigvals` skips them with the rest of the vectors.
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
 * exceptional shifts, eigenvectors by substitution in the Schur form. All
 * kernels use scaled norms and rotations, so entries from the subnormal range
 * up to 1e300 may be mixed with O(1) ones. When balancing scaled strongly,
 * the residual of each eigenpair is checked against A itself, and if it is
 * not at rounding level (balancing can magnify harmless errors of the balanced
 * matrix by the spread of its scale factors) the decomposition is redone
 * without the scaling, keeping whichever result has the smaller residual; a
 * QR iteration that stalls on the balanced matrix is also retried that way.
 * So for such matrices the eigenvalues may differ from `eigvals` in the last
 * digits.
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
  const { h: a0, scale } = prepare(m.data, n);
  // A QR iteration that stalls on the balanced matrix is retried on the merely permuted one.
  let run = decompose(a0, n, true) ?? decompose(a0, n, false);
  if (run === null) throw noConvergence();
  if (run.spread > BALANCE_SPREAD) {
    // Balancing is a similarity by D: an error that is negligible for the
    // balanced matrix (a deflated subdiagonal, rounding in the Schur vectors)
    // is multiplied by up to κ(D) in A's own coordinates. When that shows in
    // the residuals, solve again with the permutation only, which is
    // backward stable for A itself, and keep the better of the two.
    // Pairs whose residual D cannot have enlarged much (amplification ·
    // ‖balanced‖/‖A‖ ≤ AMPLIFICATION_OK) are skipped by the check.
    const nrm = frobenius(a0);
    const skip = AMPLIFICATION_OK * (nrm / run.balancedNorm);
    const worst = worstResidual(a0, n, run, skip);
    if (worst > RESIDUAL_RETRY * n * EPS * nrm) {
      const alt = decompose(a0, n, false);
      if (alt !== null && worstResidual(a0, n, alt, Infinity) < worst) run = alt;
    }
  }
  const { wr, wi, vecs } = run;
  const order = sortedOrder(wr, wi);
  const eigenvalues = order.map((k) => ({ re: wr[k] / scale, im: wi[k] / scale }));
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

/** Balancing factors spread wider than this (max D / min D) get their residuals checked. */
const BALANCE_SPREAD = 16;
/** A residual above RESIDUAL_RETRY · n · eps · ‖A‖_F (per unit eigenvector) triggers the unbalanced retry. */
const RESIDUAL_RETRY = 10;
/** Balancing may enlarge a pair's relative residual by at most this factor before the pair is checked. */
const AMPLIFICATION_OK = 4;

interface Decomposition {
  wr: Float64Array;
  wi: Float64Array;
  vecs: SchurVectors;
  /** max/min of the balancing factors D. */
  spread: number;
  /** ‖D⁻¹ Pᵀ A P D‖_F, the balanced matrix. */
  balancedNorm: number;
}

/**
 * Balancing (with or without scaling), Hessenberg, Schur and eigenvectors of a
 * copy of `a0`; null when the QR iteration exhausts its budget.
 */
function decompose(a0: Float64Array, n: number, scaling: boolean): Decomposition | null {
  const h = new Float64Array(a0);
  const bal = balance(h, n, scaling);
  const balancedNorm = frobenius(h);
  const refl = hessenberg(h, n, bal.lo, bal.hi);
  const zt = formQt(refl, n, bal.lo, bal.hi);
  const vals = schur(h, n, bal.lo, bal.hi, zt);
  if (vals === null) return null;
  const vecs = schurEigenvectors(h, n, vals.wr, vals.wi, zt, bal);
  let lo = Infinity;
  let hi = 0;
  for (let i = bal.lo; i <= bal.hi; i++) {
    lo = Math.min(lo, bal.scale[i]);
    hi = Math.max(hi, bal.scale[i]);
  }
  return { wr: vals.wr, wi: vals.wi, vecs, spread: hi > 0 ? hi / lo : 1, balancedNorm };
}

/**
 * max_k ‖a0·v_k − λ_k v_k‖ over the (unit) eigenvectors of a decomposition of
 * a0, leaving out those whose balancing amplification is at most `skip`.
 */
function worstResidual(a0: Float64Array, n: number, d: Decomposition, skip: number): number {
  const { wr, wi, vecs } = d;
  const rr = new Float64Array(n);
  const ri = new Float64Array(n);
  let worst = 0;
  for (let k = 0; k < n; k++) {
    if (wi[k] < 0) continue; // the conjugate of the vector before, same residual
    if (vecs.amplification[k] <= skip) continue;
    const o = k * n;
    const lr = wr[k];
    const li = wi[k];
    for (let i = 0; i < n; i++) {
      const ro = i * n;
      let sr = 0;
      let si = 0;
      if (li === 0) {
        for (let j = 0; j < n; j++) sr += a0[ro + j] * vecs.re[o + j];
      } else {
        for (let j = 0; j < n; j++) {
          const x = a0[ro + j];
          sr += x * vecs.re[o + j];
          si += x * vecs.im[o + j];
        }
      }
      const vr = vecs.re[o + i];
      const vi = vecs.im[o + i];
      rr[i] = sr - (lr * vr - li * vi);
      ri[i] = si - (lr * vi + li * vr);
    }
    const r = hypot2(safeNorm(rr, 0, 1, n), safeNorm(ri, 0, 1, n));
    if (!(r <= worst)) worst = r; // NaN counts as worst
  }
  return worst;
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
  const { h: a0, scale } = prepare(m.data, n);
  const vals = valuesOnly(a0, n, true) ?? valuesOnly(a0, n, false);
  if (vals === null) throw noConvergence();
  return sortedOrder(vals.wr, vals.wi).map((k) => ({ re: vals.wr[k] / scale, im: vals.wi[k] / scale }));
}

function valuesOnly(a0: Float64Array, n: number, scaling: boolean): SchurValues | null {
  const h = new Float64Array(a0);
  const bal = balance(h, n, scaling);
  hessenberg(h, n, bal.lo, bal.hi);
  return schur(h, n, bal.lo, bal.hi, null);
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
