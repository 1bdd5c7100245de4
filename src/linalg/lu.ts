/**
 * LU with partial pivoting and what is built on it: `lu`, `det`, `slogdet`,
 * `solve`, `inv`. Convention (chosen here, numpy has no LU): P·A = L·U.
 */
import { SAFE_MIN, gemm } from './blas';
import { identity, zeros, type Dense } from './dense';
import { rowsOf } from './rows';
import { LinAlgError } from './errors';
import { assertSquare, toDense, toRhs, type GuardOptions, type MatrixInput } from './guards';

/** Packed LU factors: L (unit, strictly below the diagonal) and U (on and above) in `F`. */
export interface LuFactors {
  F: Dense;
  /** perm[i] = original index of the row that ends up as row i of P·A. */
  perm: Int32Array;
  /** +1 or −1: the determinant of P. */
  parity: number;
  /** Index of the first exactly-zero pivot, or −1. */
  zeroPivot: number;
}

const NB = 4;
/** Columns per outer panel: the update to its right is one `gemm` with inner dimension NBO. */
const NBO = 16;

/**
 * Gaussian elimination with partial pivoting (largest |entry| in the column,
 * so |L_ij| ≤ 1), in place, blocked on two levels. An outer panel of NBO
 * columns is factored by the four-column scheme below, restricted to the
 * panel's own columns; then the rows of U to its right are finished
 * (U12 ← L11⁻¹·A12) and the trailing matrix gets A22 −= L21·U12 as one
 * register-blocked `gemm`. Inside the panel, four columns at a time are
 * factored with whole-row swaps while only their own columns are updated, and
 * the rest of the panel gets the four rank-1 updates in one pass. The
 * arithmetic is that of the unblocked algorithm, reordered. A zero pivot
 * column is skipped (LAPACK's dgetf2 behaviour), so singular matrices factor too.
 */
export function luFactor(A: Dense): LuFactors {
  const { rows: m, cols: n, data: a } = A;
  const k = Math.min(m, n);
  const perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  let parity = 1;
  let zeroPivot = -1;
  for (let J0 = 0; J0 < k; J0 += NBO) {
    const Jend = Math.min(J0 + NBO, k);
    const Cend = Math.min(J0 + NBO, n); // outer panel columns J0..Cend−1
    for (let j0 = J0; j0 < Jend; j0 += NB) {
      const jend = Math.min(j0 + NB, Jend);
      const cend = Math.min(j0 + NB, Cend); // inner panel columns j0..cend−1
      for (let j = j0; j < jend; j++) {
        let p = j;
        let best = Math.abs(a[j * n + j]);
        for (let i = j + 1; i < m; i++) {
          const v = Math.abs(a[i * n + j]);
          if (v > best) {
            best = v;
            p = i;
          }
        }
        if (best === 0) {
          if (zeroPivot < 0) zeroPivot = j;
          continue;
        }
        if (p !== j) {
          const rp = p * n;
          const rj = j * n;
          for (let c = 0; c < n; c++) {
            const t = a[rp + c];
            a[rp + c] = a[rj + c];
            a[rj + c] = t;
          }
          const t = perm[p];
          perm[p] = perm[j];
          perm[j] = t;
          parity = -parity;
        }
        const rj = j * n;
        const piv = a[rj + j];
        const useRecip = Math.abs(piv) >= SAFE_MIN * 4;
        const rinv = 1 / piv;
        for (let i = j + 1; i < m; i++) {
          const ri = i * n;
          const l = useRecip ? a[ri + j] * rinv : a[ri + j] / piv;
          a[ri + j] = l;
          if (l === 0) continue;
          for (let c = j + 1; c < cend; c++) a[ri + c] -= l * a[rj + c];
        }
      }
      if (cend >= Cend) continue;
      // Finish the inner panel's rows of U within the outer panel.
      for (let t = j0 + 1; t < jend; t++) {
        const rt = t * n;
        for (let s = j0; s < t; s++) {
          const l = a[rt + s];
          if (l === 0) continue;
          const rs = s * n;
          for (let c = cend; c < Cend; c++) a[rt + c] -= l * a[rs + c];
        }
      }
      // Rest of the outer panel −= L21·U12 of the inner panel, all four columns in one pass.
      const nbk = jend - j0;
      const r0 = j0 * n;
      for (let i = jend; i < m; i++) {
        const ri = i * n;
        if (nbk === NB) {
          const l0 = a[ri + j0];
          const l1 = a[ri + j0 + 1];
          const l2 = a[ri + j0 + 2];
          const l3 = a[ri + j0 + 3];
          const u0 = r0;
          const u1 = r0 + n;
          const u2 = u1 + n;
          const u3 = u2 + n;
          for (let c = cend; c < Cend; c++) {
            a[ri + c] -= l0 * a[u0 + c] + l1 * a[u1 + c] + l2 * a[u2 + c] + l3 * a[u3 + c];
          }
        } else {
          for (let s = j0; s < jend; s++) {
            const l = a[ri + s];
            if (l === 0) continue;
            const rs = s * n;
            for (let c = cend; c < Cend; c++) a[ri + c] -= l * a[rs + c];
          }
        }
      }
    }
    if (Cend >= n) continue;
    // U12 ← L11⁻¹·A12 for the outer panel's rows (unit lower L11), row-oriented.
    for (let t = J0 + 1; t < Jend; t++) {
      const rt = t * n;
      for (let s = J0; s < t; s++) {
        const l = a[rt + s];
        if (l === 0) continue;
        const rs = s * n;
        for (let c = Cend; c < n; c++) a[rt + c] -= l * a[rs + c];
      }
    }
    // A22 −= L21·U12.
    if (Jend < m) gemm(m - Jend, n - Cend, Jend - J0, -1, a, Jend * n + J0, n, 1, a, J0 * n + Cend, n, a, Jend * n + Cend, n);
  }
  return { F: A, perm, parity, zeroPivot };
}

export interface LuResult {
  /** m×m permutation matrix with P·A = L·U. */
  P: number[][];
  /** m×k unit lower triangular (trapezoidal), |L_ij| ≤ 1; k = min(m, n). */
  L: number[][];
  /** k×n upper triangular (trapezoidal). */
  U: number[][];
  /** perm[i] = index (0-based) of the row of A that is row i of P·A, i.e. P[i][perm[i]] = 1. */
  perm: number[];
}

/**
 * LU factorisation with partial pivoting of any m×n matrix: P·A = L·U.
 * (scipy's `lu` returns A = P·L·U; our P is the transpose of scipy's.)
 * Singular and rectangular matrices are fine; zero pivots give zero rows in U.
 * Throws `LinAlgError` for non-finite, ragged or oversized input, and 'overflow'
 * when an entry of U leaves the double range ([[1e308, 1e308], [-1e308, 1e308]]
 * has u₂₂ = 2e308).
 * Example: `lu([[1, 2], [3, 4]])` → perm [1, 0], L = [[1, 0], [1/3, 1]], U = [[3, 4], [0, 2/3]].
 */
export function lu(A: MatrixInput, opts: GuardOptions = {}): LuResult {
  const D = toDense(A, opts);
  const m = D.rows;
  const n = D.cols;
  const k = Math.min(m, n);
  const f = luFactor(D);
  const a = D.data;
  for (let i = 0; i < k; i++) {
    for (let j = i, q = i * n + i; j < n; j++, q++) {
      if (!Number.isFinite(a[q])) {
        throw new LinAlgError(
          'overflow',
          `U has an entry beyond the double range (±1.8e308) at (row ${i + 1}, column ${j + 1}): elimination on entries this large leaves the range of doubles, so P·A = L·U cannot be represented; scale A down first (det handles this range: it also returns logabsdet).`,
        );
      }
    }
  }
  // Written straight into the output arrays (no intermediate Dense copies).
  const L: number[][] = new Array(m);
  for (let i = 0; i < m; i++) {
    const row: number[] = new Array(k);
    const lim = Math.min(i, k);
    for (let j = 0, p = i * n; j < lim; j++, p++) row[j] = a[p];
    for (let j = lim; j < k; j++) row[j] = 0;
    if (i < k) row[i] = 1;
    L[i] = row;
  }
  const U: number[][] = new Array(k);
  for (let i = 0; i < k; i++) {
    const row: number[] = new Array(n);
    for (let j = 0; j < i; j++) row[j] = 0;
    for (let j = i, p = i * n + i; j < n; j++, p++) row[j] = a[p];
    U[i] = row;
  }
  const P: number[][] = new Array(m);
  const perm: number[] = new Array(m);
  for (let i = 0; i < m; i++) {
    const row: number[] = new Array(m);
    for (let j = 0; j < m; j++) row[j] = 0;
    row[f.perm[i]] = 1;
    P[i] = row;
    perm[i] = f.perm[i];
  }
  return { P, L, U, perm };
}

/** x·2^e computed in two steps so neither factor over/underflows on its own. */
function ldexp(x: number, e: number): number {
  const h = Math.trunc(e / 2);
  return x * 2 ** h * 2 ** (e - h);
}

/** The product of the pivots as sign · mant · 2^exp2, immune to over/underflow. */
function pivotProduct(f: LuFactors): { sign: number; mant: number; exp2: number } {
  const { F, parity } = f;
  const n = F.cols;
  let mant = parity;
  let exp2 = 0;
  for (let i = 0; i < n; i++) {
    const p = F.data[i * n + i];
    if (p === 0) return { sign: 0, mant: 0, exp2: 0 };
    // Split the pivot into a mantissa in [1, 2) and a binary exponent (frexp).
    let e = Math.floor(Math.log2(Math.abs(p)));
    let q = ldexp(p, -e);
    if (Math.abs(q) >= 2) {
      q /= 2;
      e += 1;
    } else if (Math.abs(q) < 1) {
      q *= 2;
      e -= 1;
    }
    mant *= q;
    exp2 += e;
    if (Math.abs(mant) >= 2 ** 64) {
      mant *= 2 ** -64;
      exp2 += 64;
    }
  }
  return { sign: mant > 0 ? 1 : -1, mant, exp2 };
}

/**
 * LU of a square matrix for the determinant, with rows whose largest entry is
 * beyond 2^±500 first scaled by an exact power of two (det(D·A) = det(D)·det(A)),
 * so that elimination on 1e308-sized rows cannot overflow and 1e-300-sized rows
 * keep their digits. `shift` is log2 det(D)⁻¹: add it to the pivot product's exponent.
 */
function factorSquare(A: MatrixInput, opts: GuardOptions, op: string): { f: LuFactors; shift: number } {
  const D = toDense(A, opts);
  assertSquare(D, op);
  const n = D.cols;
  const a = D.data;
  let shift = 0;
  for (let i = 0; i < n; i++) {
    let big = 0;
    for (let j = i * n; j < i * n + n; j++) big = Math.max(big, Math.abs(a[j]));
    if (big === 0 || (big < 2 ** 500 && big > 2 ** -500)) continue;
    const e = Math.floor(Math.log2(big));
    // Two steps, so that 2^-e itself never overflows or underflows.
    const h = Math.trunc(e / 2);
    const f1 = 2 ** -h;
    const f2 = 2 ** (h - e);
    for (let j = i * n; j < i * n + n; j++) a[j] = a[j] * f1 * f2;
    shift += e;
  }
  return { f: luFactor(D), shift };
}

function scaledPivotProduct(A: MatrixInput, opts: GuardOptions, op: string): { sign: number; mant: number; exp2: number } {
  const { f, shift } = factorSquare(A, opts, op);
  const p = pivotProduct(f);
  return { ...p, exp2: p.exp2 + shift };
}

/**
 * Determinant via LU (numpy's `det`). The pivot product is accumulated with a
 * separate binary exponent, so intermediate products never overflow; the result
 * is ±Infinity or 0 only when the determinant itself is outside the double range
 * (use `slogdet` then). det of the 0×0 matrix is 1 (numpy).
 * Throws 'not-square', 'not-finite'.
 * Example: `det([[1, 2], [3, 4]])` → −2.0000000000000004.
 */
export function det(A: MatrixInput, opts: GuardOptions = {}): number {
  const p = scaledPivotProduct(A, opts, 'det');
  if (p.sign === 0) return 0;
  // The result is ±Infinity or ±0 only when the determinant itself is out of range.
  const v = p.exp2 > 2000 ? p.mant * Infinity : p.exp2 < -2200 ? p.mant * 0 : ldexp(ldexp(p.mant, Math.trunc(p.exp2 / 2)), p.exp2 - Math.trunc(p.exp2 / 2));
  return v;
}

/**
 * Sign and natural log of |det| (numpy's `slogdet`): det = sign · exp(logabsdet).
 * Singular (an exactly zero pivot): `{ sign: 0, logabsdet: -Infinity }`.
 * Never overflows: `slogdet([[1e200, 0], [0, 1e200]])` → `{ sign: 1, logabsdet: 921.03… }`.
 */
export function slogdet(A: MatrixInput, opts: GuardOptions = {}): { sign: number; logabsdet: number } {
  const p = scaledPivotProduct(A, opts, 'slogdet');
  if (p.sign === 0) return { sign: 0, logabsdet: -Infinity };
  return { sign: p.sign, logabsdet: Math.log(Math.abs(p.mant)) + p.exp2 * Math.LN2 };
}

/** Block size of the blocked triangular solves (measured: 32–64 equally good at n = 200–400). */
const SOLVE_NB = 48;

/**
 * Solves (P·A)·X = L·U·X = P·B in place of a copy of B (n×r). With many
 * right-hand sides (r ≥ 16, as for the inverse) the substitutions are blocked:
 * each block of rows first takes the contribution of all rows already solved
 * in one `gemm`, then is solved on its own, so most of the 2n²r flops run in the
 * register-blocked product instead of row-by-row axpy passes.
 */
export function luSolveDense(f: LuFactors, B: Dense): Dense {
  const { F, perm } = f;
  const n = F.cols;
  const r = B.cols;
  const a = F.data;
  const X = zeros(n, r);
  const x = X.data;
  for (let i = 0; i < n; i++) x.set(B.data.subarray(perm[i] * r, perm[i] * r + r), i * r);
  const nb = r >= 16 ? SOLVE_NB : n;
  // Forward substitution with unit L, row-oriented, block by block.
  for (let i0 = 0; i0 < n; i0 += nb) {
    const i1 = Math.min(n, i0 + nb);
    if (i0 > 0) gemm(i1 - i0, r, i0, -1, a, i0 * n, n, 1, x, 0, r, x, i0 * r, r);
    for (let i = i0 + 1; i < i1; i++) {
      const xi = i * r;
      for (let j = i0; j < i; j++) {
        const l = a[i * n + j];
        if (l === 0) continue;
        const xj = j * r;
        for (let c = 0; c < r; c++) x[xi + c] -= l * x[xj + c];
      }
    }
  }
  // Back substitution with U, last block first.
  for (let i1 = n; i1 > 0; i1 -= nb) {
    const i0 = Math.max(0, i1 - nb);
    if (i1 < n) gemm(i1 - i0, r, n - i1, -1, a, i0 * n + i1, n, 1, x, i1 * r, r, x, i0 * r, r);
    for (let i = i1 - 1; i >= i0; i--) {
      const xi = i * r;
      for (let j = i + 1; j < i1; j++) {
        const u = a[i * n + j];
        if (u === 0) continue;
        const xj = j * r;
        for (let c = 0; c < r; c++) x[xi + c] -= u * x[xj + c];
      }
      const d = a[i * n + i];
      for (let c = 0; c < r; c++) x[xi + c] /= d;
    }
  }
  return X;
}

/** Inverse from LU factors (no singularity check). */
export function luInverseDense(f: LuFactors): Dense {
  return luSolveDense(f, identity(f.F.cols));
}

function singularMessage(op: string): LinAlgError {
  return new LinAlgError('singular', `${op}: the matrix is singular (an exactly zero pivot), so there is no unique solution.`);
}

/**
 * Solves A·x = b for square, non-singular A by LU with partial pivoting (numpy's `solve`).
 * `b` is a vector (returns a vector) or an n×k matrix (returns n×k).
 * Throws 'singular' on an exactly zero pivot, 'not-square', 'shape', 'not-finite'.
 * Example: `solve([[2, 0], [0, 4]], [2, 2])` → [1, 0.5].
 */
export function solve(A: MatrixInput, b: readonly number[] | MatrixInput, opts: GuardOptions = {}): number[] | number[][] {
  const D = toDense(A, opts);
  assertSquare(D, 'solve');
  const f = luFactor(D);
  const { B, vector } = toRhs(b, f.F.rows, opts);
  if (f.zeroPivot >= 0) throw singularMessage('solve');
  const X = luSolveDense(f, B);
  return vector ? Array.from(X.data) : rowsOf(X);
}
