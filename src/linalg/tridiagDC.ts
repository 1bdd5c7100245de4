/**
 * Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix by
 * divide and conquer.
 *
 * T is torn at the middle off-diagonal β into two halves (their touching
 * diagonal entries reduced by |β|) plus the rank-one term |β|·u·uᵀ; each half
 * is solved recursively (small ones by implicit QL), and the merge solves
 * diag(λ) + ρ·z·zᵀ with z made of the halves' eigenvector rows next to the
 * tear: deflation of negligible z components and of close pole pairs (Givens
 * rotations), the secular equation for the remaining roots (secular.ts), the
 * Gu–Eisenstat recomputation of z from the computed roots, and one matrix
 * product per half that maps the halves' eigenvectors to the merged ones.
 *
 * Algorithm sources: J. J. M. Cuppen, "A divide and conquer method for the
 * symmetric tridiagonal eigenproblem", Numer. Math. 36 (1981); M. Gu and
 * S. C. Eisenstat, "A divide-and-conquer algorithm for the symmetric
 * tridiagonal eigenproblem", SIAM J. Matrix Anal. Appl. 16 (1995);
 * J. W. Demmel, "Applied Numerical Linear Algebra" (SIAM 1997), §5.3.3;
 * the documentation of LAPACK's dstedc and dlaed0–dlaed3 for the splitting,
 * scaling, deflation tolerance and the column-structure bookkeeping of the
 * merge. Independent implementation.
 *
 * Conventions: `z` is row-major n×n, column j the eigenvector for d[j] on
 * return. Eigenvalues are ascending within each independent block (split at
 * negligible off-diagonals), not overall; callers sort. The kernel trusts its
 * input to be finite.
 */
import { EPS, exponentOf, hypot2 } from './eigShared';
import { gemm } from './blas';
import { secularRoot } from './secular';
import { tridiagonalQL } from './eighKernel';

/** Blocks up to this size are solved by implicit QL (LAPACK's choice; 16–64 measured within noise of each other at n = 80–400). */
export const DC_LEAF = 25;

/** Column structure in a merge: rows only in the top half, mixed by a deflating rotation, rows only in the bottom half. */
const TOP = 1;
const MIXED = 2;
const BOTTOM = 3;

/**
 * Eigen-decomposition of the symmetric tridiagonal matrix with diagonal `d`
 * and off-diagonal `e` (e[i] = T[i][i+1], i < n−1; e[n−1] ignored), in place:
 * on return d holds the eigenvalues and the columns of `z` (row-major n×n,
 * overwritten) the orthonormal eigenvectors; e is destroyed. Returns false
 * only if a QL leaf exhausted its iteration limit.
 */
export function tridiagonalDC(d: Float64Array, e: Float64Array, n: number, z: Float64Array): boolean {
  z.fill(0, 0, n * n);
  if (n === 0) return true;
  e[n - 1] = 0;
  // Independent blocks at negligible off-diagonals (relative test, as dstedc:
  // small eigenvalues of graded matrices keep their accuracy).
  let start = 0;
  for (let i = 0; i < n; i++) {
    if (i < n - 1) {
      const ei = Math.abs(e[i]);
      if (ei !== 0 && ei > EPS * Math.sqrt(Math.abs(d[i])) * Math.sqrt(Math.abs(d[i + 1]))) continue;
      e[i] = 0;
    }
    if (!solveBlock(d, e, z, n, start, i - start + 1)) return false;
    start = i + 1;
  }
  return true;
}

/** One unreduced block [lo, lo + m): scaled to max |entry| in [1, 2) by an exact power of two, solved, unscaled. */
function solveBlock(d: Float64Array, e: Float64Array, z: Float64Array, ldz: number, lo: number, m: number): boolean {
  if (m === 1) {
    z[lo * ldz + lo] = 1;
    return true;
  }
  let big = 0;
  for (let i = lo; i < lo + m; i++) {
    big = Math.max(big, Math.abs(d[i]));
    if (i < lo + m - 1) big = Math.max(big, Math.abs(e[i]));
  }
  if (big === 0) {
    for (let i = lo; i < lo + m; i++) z[i * ldz + i] = 1;
    return true;
  }
  // 2^-p in two halves: a single factor may overflow when big is subnormal.
  const p = exponentOf(big);
  const h1 = 2 ** -Math.trunc(p / 2);
  const h2 = 2 ** -(p - Math.trunc(p / 2));
  for (let i = lo; i < lo + m; i++) {
    d[i] = d[i] * h1 * h2;
    e[i] = e[i] * h1 * h2;
  }
  e[lo + m - 1] = 0;
  if (!divide(d, e, z, ldz, lo, m)) return false;
  for (let i = lo; i < lo + m; i++) d[i] = d[i] / h1 / h2;
  return true;
}

/** Recursive tear at the midpoint; leaves by QL. */
function divide(d: Float64Array, e: Float64Array, z: Float64Array, ldz: number, lo: number, m: number): boolean {
  if (m <= DC_LEAF) return leaf(d, e, z, ldz, lo, m);
  const n1 = m >> 1;
  const s = lo + n1 - 1;
  const beta = e[s];
  const ab = Math.abs(beta);
  d[s] -= ab;
  d[s + 1] -= ab;
  e[s] = 0;
  if (!divide(d, e, z, ldz, lo, n1)) return false;
  if (!divide(d, e, z, ldz, lo + n1, m - n1)) return false;
  merge(d, z, ldz, lo, n1, m, beta);
  return true;
}

/** QL with an identity start on the block, eigenvalues sorted ascending, vectors copied into z. */
function leaf(d: Float64Array, e: Float64Array, z: Float64Array, ldz: number, lo: number, m: number): boolean {
  const dl = d.slice(lo, lo + m);
  const el = new Float64Array(m);
  for (let i = 0; i + 1 < m; i++) el[i] = e[lo + i];
  const q = new Float64Array(m * m);
  for (let i = 0; i < m; i++) q[i * m + i] = 1;
  if (!tridiagonalQL(dl, el, m, q)) return false;
  const order = Array.from({ length: m }, (_, i) => i).sort((x, y) => dl[x] - dl[y] || x - y);
  for (let j = 0; j < m; j++) d[lo + j] = dl[order[j]];
  for (let i = 0; i < m; i++) {
    const zr = (lo + i) * ldz + lo;
    const qr = i * m;
    for (let j = 0; j < m; j++) z[zr + j] = q[qr + order[j]];
  }
  return true;
}

/**
 * Merges the solved halves [lo, lo + n1) and [lo + n1, lo + m) torn at β: on
 * entry d[lo..] holds each half's eigenvalues ascending and the diagonal
 * blocks of z their eigenvectors (off-diagonal blocks zero); on return the
 * block holds the eigen-decomposition of the whole, eigenvalues ascending.
 */
function merge(d: Float64Array, z: Float64Array, ldz: number, lo: number, n1: number, m: number, beta: number): void {
  const n2 = m - n1;
  // T = diag(T1, T2) + |β|·u·uᵀ with u = (e_last; sign(β)·e_first); in the
  // halves' eigenbases u becomes (last row of Q1; sign(β)·first row of Q2).
  // Normalised to ‖z‖ = 1, the weight is ρ = 2|β|.
  const rho = 2 * Math.abs(beta);
  const sgn = beta < 0 ? -1 : 1;
  const D = new Float64Array(m);
  const zv = new Float64Array(m);
  const rLast = (lo + n1 - 1) * ldz + lo;
  const rFirst = (lo + n1) * ldz + lo;
  for (let j = 0; j < m; j++) {
    D[j] = d[lo + j];
    zv[j] = j < n1 ? z[rLast + j] * Math.SQRT1_2 : sgn * z[rFirst + j] * Math.SQRT1_2;
  }
  // Both halves are ascending: merge them into one sorted order of columns.
  const order = new Int32Array(m);
  for (let a = 0, b = n1, t = 0; t < m; t++) order[t] = b >= m || (a < n1 && D[a] <= D[b]) ? a++ : b++;

  // Deflation (as dlaed2): a root is D_j itself when ρ·|z_j| is negligible;
  // two poles closer than the tolerance allows are rotated so that one of
  // them carries no z weight and deflates.
  let dmax = 0;
  let zmax = 0;
  for (let j = 0; j < m; j++) {
    dmax = Math.max(dmax, Math.abs(D[j]));
    zmax = Math.max(zmax, Math.abs(zv[j]));
  }
  const tol = 8 * EPS * Math.max(dmax, zmax);
  const kind = new Uint8Array(m);
  for (let j = 0; j < m; j++) kind[j] = j < n1 ? TOP : BOTTOM;
  const und = new Int32Array(m); // undeflated columns, poles ascending
  const dfl = new Int32Array(m); // deflated columns
  let k = 0;
  let nd = 0;
  let prev = -1;
  for (let t = 0; t < m; t++) {
    const j = order[t];
    if (rho * Math.abs(zv[j]) <= tol) {
      dfl[nd++] = j;
      continue;
    }
    if (prev < 0) {
      prev = j;
      continue;
    }
    const r = hypot2(zv[prev], zv[j]);
    const c = zv[j] / r;
    const s = zv[prev] / r;
    if (Math.abs((D[j] - D[prev]) * c * s) > tol) {
      und[k++] = prev;
      prev = j;
      continue;
    }
    // New basis c·e_prev − s·e_j (orthogonal to z, deflates) and s·e_prev + c·e_j
    // (carries all of the pair's weight r); the neglected coupling is c·s·(D_j − D_prev).
    zv[j] = r;
    zv[prev] = 0;
    const cp = lo + prev;
    const cj = lo + j;
    for (let row = lo; row < lo + m; row++) {
      const o = row * ldz;
      const x = z[o + cp];
      const y = z[o + cj];
      z[o + cp] = c * x - s * y;
      z[o + cj] = s * x + c * y;
    }
    const dp = D[prev];
    const dj = D[j];
    D[prev] = c * c * dp + s * s * dj;
    D[j] = s * s * dp + c * c * dj;
    if (kind[prev] !== kind[j]) kind[j] = MIXED;
    dfl[nd++] = prev;
    prev = j;
  }
  if (prev >= 0) und[k++] = prev;

  // Secular equation for the k undeflated roots; R[j·k + i] = d_i − λ_j.
  const dl = new Float64Array(k);
  const wl = new Float64Array(k);
  for (let r = 0; r < k; r++) {
    dl[r] = D[und[r]];
    wl[r] = zv[und[r]];
  }
  const lam = new Float64Array(k);
  const R = new Float64Array(k * k);
  const scratch = new Float64Array(k);
  for (let j = 0; j < k; j++) lam[j] = secularRoot(k, j, dl, wl, rho, R, j * k, scratch);

  // Rows of the eigenvector matrix W are stored in column-structure order
  // (TOP, MIXED, BOTTOM) for the products below.
  let k1 = 0;
  let k2 = 0;
  for (let r = 0; r < k; r++) {
    if (kind[und[r]] === TOP) k1++;
    else if (kind[und[r]] === MIXED) k2++;
  }
  const k3 = k - k1 - k2;
  const pos = new Int32Array(k);
  {
    let p1 = 0;
    let p2 = k1;
    let p3 = k1 + k2;
    for (let r = 0; r < k; r++) {
      const kd = kind[und[r]];
      pos[r] = kd === TOP ? p1++ : kd === MIXED ? p2++ : p3++;
    }
  }
  const W = new Float64Array(k * k);
  gusEisenstat(k, dl, wl, rho, R, pos, W, scratch);
  // Eigenvectors: top rows from the TOP and MIXED columns, bottom rows from
  // MIXED and BOTTOM ones, each one product; deflated columns are copied.
  const k12 = k1 + k2;
  const k23 = k2 + k3;
  const qt = new Float64Array(n1 * k12);
  const qb = new Float64Array(n2 * k23);
  // Gathered row by row (z is row-major): column und[r] goes to slot pos[r].
  for (let row = 0; row < n1; row++) {
    const o = (lo + row) * ldz + lo;
    const q = row * k12;
    for (let r = 0; r < k; r++) if (pos[r] < k12) qt[q + pos[r]] = z[o + und[r]];
  }
  for (let row = 0; row < n2; row++) {
    const o = (lo + n1 + row) * ldz + lo;
    const q = row * k23 - k1;
    for (let r = 0; r < k; r++) if (pos[r] >= k1) qb[q + pos[r]] = z[o + und[r]];
  }
  const qd = new Float64Array(m * nd);
  for (let row = 0; row < m; row++) {
    const o = (lo + row) * ldz + lo;
    for (let t = 0; t < nd; t++) qd[row * nd + t] = z[o + dfl[t]];
  }
  const ct = new Float64Array(n1 * k);
  const cb = new Float64Array(n2 * k);
  gemm(n1, k, k12, 1, qt, 0, k12, 1, W, 0, k, ct, 0, k);
  gemm(n2, k, k23, 1, qb, 0, k23, 1, W, k1 * k, k, cb, 0, k);

  // Output ascending: roots (already ascending) merged with the sorted deflated values.
  const dOrder = Array.from({ length: nd }, (_, t) => t).sort((x, y) => D[dfl[x]] - D[dfl[y]] || x - y);
  const src = new Int32Array(m); // ≥ 0: root index; < 0: −1 − deflated slot
  for (let a = 0, b = 0, t = 0; t < m; t++) {
    if (b >= nd || (a < k && lam[a] <= D[dfl[dOrder[b]]])) {
      d[lo + t] = lam[a];
      src[t] = a++;
    } else {
      d[lo + t] = D[dfl[dOrder[b]]];
      src[t] = -1 - dOrder[b++];
    }
  }
  for (let row = 0; row < m; row++) {
    const o = (lo + row) * ldz + lo;
    const top = row < n1;
    const cr = top ? row * k : (row - n1) * k;
    const cm = top ? ct : cb;
    const dr = row * nd;
    for (let t = 0; t < m; t++) {
      const sIdx = src[t];
      z[o + t] = sIdx >= 0 ? cm[cr + sIdx] : qd[dr - 1 - sIdx];
    }
  }
}

/**
 * Gu–Eisenstat: the weights ẑ for which the computed roots λ are the exact
 * eigenvalues of diag(dl) + ρ·ẑ·ẑᵀ, from
 *   ρ·ẑ_i² = ∏_j (λ_j − d_i) / ∏_{j≠i} (d_j − d_i)   (sign of ẑ_i that of w_i),
 * then eigenvector j = (ẑ_i / (d_i − λ_j))_i normalised, written to row pos[i],
 * column j of W (k×k). Every factor is a difference known to high relative
 * accuracy (R[j·k + i] = d_i − λ_j from the secular solver), so the vectors are
 * orthogonal to working precision without reorthogonalisation. The products
 * run root by root over contiguous rows of R, numerators and denominators
 * gathered four factors at a time (each factor lies well inside the exponent
 * range, four of them too) to save divisions. `acc` is scratch ≥ k.
 */
function gusEisenstat(k: number, dl: Float64Array, wl: Float64Array, rho: number, R: Float64Array, pos: Int32Array, W: Float64Array, acc: Float64Array): void {
  const num = new Float64Array(k).fill(1);
  const den = new Float64Array(k).fill(1);
  acc.fill(1, 0, k);
  for (let j = 0; j < k; j++) {
    const rj = j * k;
    const dj = dl[j];
    const keep = den[j];
    for (let i = 0; i < k; i++) {
      num[i] *= -R[rj + i];
      den[i] *= dj - dl[i];
    }
    den[j] = keep * rho;
    if ((j & 3) === 3 || j === k - 1) {
      for (let i = 0; i < k; i++) {
        acc[i] *= num[i] / den[i];
        num[i] = 1;
        den[i] = 1;
      }
    }
  }
  const zh = num; // reuse
  for (let i = 0; i < k; i++) {
    const r = Math.sqrt(Math.max(acc[i], 0));
    zh[i] = wl[i] < 0 ? -r : r;
  }
  // Columns are formed GE_BLOCK roots at a time in `buf` (contiguous, like R)
  // and written to W row by row, so the transposition touches W in runs.
  const buf = new Float64Array(GE_BLOCK * k);
  for (let j0 = 0; j0 < k; j0 += GE_BLOCK) {
    const nb = Math.min(GE_BLOCK, k - j0);
    for (let jj = 0; jj < nb; jj++) {
      const rj = (j0 + jj) * k;
      const bo = jj * k;
      let ss = 0;
      for (let i = 0; i < k; i++) {
        const v = zh[i] / R[rj + i];
        buf[bo + i] = v;
        ss += v * v;
      }
      let sc = 1 / Math.sqrt(ss);
      if (!(ss > 1e-280 && ss < 1e280)) {
        // Out of the safe range for squares: rescale by the largest entry first.
        let big = 0;
        for (let i = 0; i < k; i++) big = Math.max(big, Math.abs(buf[bo + i]));
        if (big === 0) continue; // not expected: every ẑ underflowed
        let s2 = 0;
        for (let i = 0; i < k; i++) {
          const v = buf[bo + i] / big;
          s2 += v * v;
        }
        sc = 1 / big / Math.sqrt(s2);
      }
      for (let i = 0; i < k; i++) buf[bo + i] *= sc;
    }
    for (let i = 0; i < k; i++) {
      const wo = pos[i] * k + j0;
      for (let jj = 0; jj < nb; jj++) W[wo + jj] = buf[jj * k + i];
    }
  }
}

/** Roots per pass of the eigenvector transposition in `gusEisenstat`. */
const GE_BLOCK = 8;
