/**
 * Singular values and vectors of an n×n upper bidiagonal matrix B (diagonal
 * d, superdiagonal e) by divide and conquer: B = U·diag(σ)·Vᵀ with σ
 * descending, ≥ 0, and U, V orthogonal (columns are the singular vectors).
 *
 * Method (algorithm sources): M. Gu & S. C. Eisenstat, "A divide-and-conquer
 * algorithm for the bidiagonal SVD", SIAM J. Matrix Anal. Appl. 16 (1995);
 * J. Demmel, "Applied Numerical Linear Algebra" §5.3.3; the organisation of
 * LAPACK's dbdsdc/dlasd0–dlasd3 documentation (split at negligible e, small
 * leaves by QR iteration, merge of the two halves around the middle row, the
 * deflation tests and their tolerance 8·eps·‖·‖, the placement of the first
 * pole at 0). The code is our own.
 *
 * Divide: row k = ⌊n/2⌋ (α = d_k, β = e_k) separates B into B₁ (k×(k+1),
 * upper bidiagonal with one extra column) and B₂ (the rest, square or with
 * an extra column). With B₁ = U₁[D₁ 0]V₁ᵀ and B₂ = U₂[D₂ (0)]V₂ᵀ,
 *
 *     diag(U₁, 1, U₂)ᵀ · B · diag(V₁, V₂) = M = [z; diag(0, D₁, D₂)] (rows reordered),
 *
 * z = (α·last row of V₁, β·first row of V₂). A Givens rotation folds the
 * extra column's z entry into z₀ (its partner becomes the null vector).
 * Deflation: z_j ≤ tol gives σ = d_j at once; two d's within tol are rotated
 * (the same Givens rotation on U's and V's columns) so that one z vanishes —
 * this is what keeps U and V orthonormal for repeated and clustered singular
 * values. The remaining K×K problem is solved by secularSvd.ts, and the new
 * singular vectors are diag(U₁, 1, U₂)·U_M and diag(V₁, V₂)·V_M, formed with
 * the blocked `gemm` on the nonzero blocks only (columns that touch only the
 * top half, only the bottom half, or both).
 *
 * Accuracy: backward stable (‖B − UΣVᵀ‖ ≤ c·n·eps·‖B‖, UᵀU and VᵀV within
 * c·n·eps of I); singular values to absolute accuracy c·n·eps·‖B‖. Unlike
 * bdsqr this does not promise high RELATIVE accuracy for tiny singular values
 * of graded bidiagonals (the deflation tolerance is absolute).
 */
import { bdsqr } from './bdsqr';
import { EPS, gemm } from './blas';
import { secularSvd } from './secularSvd';

/** Subproblems with at most this many rows are solved by bidiagonal QR (bdsqr). */
export const DC_LEAF = 25;

/** Explicit factors of B = U·diag(d)·Vᵀ: row-major n×n, column i ↔ σ_i = d[i]. */
export interface BidiagSvd {
  U: Float64Array;
  V: Float64Array;
}

/** Working state shared by the recursion: B's entries and the global n×n factors. */
interface Work {
  N: number;
  d: Float64Array;
  e: Float64Array;
  U: Float64Array;
  V: Float64Array;
  leaf: number;
}

/**
 * Divide-and-conquer SVD of the upper bidiagonal (d, e) (e has ≥ n−1
 * entries; neither array is needed afterwards: `d` is overwritten with the
 * singular values in descending order, `e` is destroyed). Returns U and V
 * (both n×n, row-major, singular vectors as columns). `leaf` is the size
 * below which bdsqr takes over (default DC_LEAF). Throws
 * `LinAlgError('no-convergence')` only if a leaf's QR iteration does.
 */
export function bidiagDC(n: number, d: Float64Array, e: Float64Array, leaf = DC_LEAF): BidiagSvd {
  const U = new Float64Array(n * n);
  const V = new Float64Array(n * n);
  if (n === 0) return { U, V };
  let anrm = 0;
  for (let i = 0; i < n; i++) anrm = Math.max(anrm, Math.abs(d[i]));
  for (let i = 0; i < n - 1; i++) anrm = Math.max(anrm, Math.abs(e[i]));
  if (anrm === 0) {
    for (let i = 0; i < n; i++) {
      U[i * n + i] = 1;
      V[i * n + i] = 1;
      d[i] = 0;
    }
    return { U, V };
  }
  // Scale by a power of two so that max |entry| ∈ (0.5, 1] (exact unless entries become subnormal).
  const p = -Math.ceil(Math.log2(anrm));
  scale(d, 0, n, p);
  scale(e, 0, n - 1, p);
  const w: Work = { N: n, d, e, U, V, leaf: Math.max(2, leaf) };
  // Independent blocks where e is negligible (absolute test, as LAPACK's dbdsdc).
  const small = EPS / 2;
  let start = 0;
  for (let i = 0; i < n; i++) {
    if (i < n - 1 && Math.abs(e[i]) >= small) continue;
    if (i < n - 1) e[i] = 0;
    const len = i - start + 1;
    if (len === 1) {
      U[start * n + start] = 1;
      V[start * n + start] = d[start] < 0 ? -1 : 1;
      d[start] = Math.abs(d[start]);
    } else {
      solveNode(w, start, len, 0);
    }
    start = i + 1;
  }
  scale(d, 0, n, -p);
  sortDescending(n, d, U, V);
  return { U, V };
}

/**
 * Same contract as `bdsqr` (and the same arguments): on return `d` holds the
 * singular values of (d, e) in descending order and the first n columns of V
 * (vRows×n, leading dimension vLd) and U have been multiplied by V_B and U_B
 * (V ← V·V_B, U ← U·U_B). Either may be null.
 */
export function bdsdc(
  n: number,
  d: Float64Array,
  e: Float64Array,
  V: Float64Array | null,
  vRows: number,
  vLd: number,
  U: Float64Array | null,
  uRows: number,
  uLd: number,
): void {
  if (n === 0) return;
  const f = bidiagDC(n, d, e);
  if (V) multiplyInto(V, vRows, vLd, n, f.V);
  if (U) multiplyInto(U, uRows, uLd, n, f.U);
}

/** X[:, 0:n] ← X[:, 0:n]·F (X rows×n with leading dimension ld; F n×n). */
function multiplyInto(X: Float64Array, rows: number, ld: number, n: number, F: Float64Array): void {
  const T = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) T.set(X.subarray(r * ld, r * ld + n), r * n);
  for (let r = 0; r < rows; r++) X.fill(0, r * ld, r * ld + n);
  gemm(rows, n, n, 1, T, 0, n, 1, F, 0, n, X, 0, ld);
}

/** x·2^p in two steps (2^p alone may over/underflow for |p| > 1022). */
function pow2(x: number, p: number): number {
  const h = Math.trunc(p / 2);
  return x * 2 ** h * 2 ** (p - h);
}

/** x[o..o+len) *= 2^p. */
function scale(x: Float64Array, o: number, len: number, p: number): void {
  if (p === 0) return;
  for (let i = o; i < o + len; i++) x[i] = pow2(x[i], p);
}

/** Sorts d descending and permutes the columns of U and V (n×n) alike. */
function sortDescending(n: number, d: Float64Array, U: Float64Array, V: Float64Array): void {
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => d[b] - d[a] || a - b);
  let moved = false;
  for (let i = 0; i < n; i++) if (idx[i] !== i) moved = true;
  if (!moved) return;
  const ds = Float64Array.from(idx, (i) => d[i]);
  d.set(ds);
  const tmp = new Float64Array(n);
  for (const X of [U, V]) {
    for (let r = 0, o = 0; r < n; r++, o += n) {
      for (let j = 0; j < n; j++) tmp[j] = X[o + idx[j]];
      X.set(tmp, o);
    }
  }
}

/**
 * SVD of the node whose rows are lo..lo+n−1 of B and columns lo..lo+n−1+sqre
 * (sqre = 1: one extra column, entry e[lo+n−1] in the last row). On return
 * d[lo..lo+n) holds its singular values (any order), the n×n block of U at
 * (lo, lo) its left vectors (column i ↔ d[lo+i]) and the (n+sqre)² block of V
 * its right vectors, the null vector (sqre = 1) in the block's last column.
 * The blocks of U and V outside the node are not touched; those inside start as 0.
 */
function solveNode(w: Work, lo: number, n: number, sqre: number): void {
  if (n <= w.leaf) {
    solveLeaf(w, lo, n, sqre);
    return;
  }
  const nl = n >> 1;
  const nr = n - nl - 1;
  const alpha = w.d[lo + nl];
  const beta = w.e[lo + nl];
  solveNode(w, lo, nl, 1);
  solveNode(w, lo + nl + 1, nr, sqre);
  merge(w, lo, nl, nr, sqre, alpha, beta);
}

/** A leaf by bidiagonal QR on identity vectors; an extra column is first rotated away (into the null vector). */
function solveLeaf(w: Work, lo: number, n: number, sqre: number): void {
  const { N, U, V } = w;
  const m = n + sqre;
  const base = lo * N + lo;
  for (let i = 0; i < n; i++) U[base + i * N + i] = 1;
  for (let i = 0; i < m; i++) V[base + i * N + i] = 1;
  const dd = w.d.slice(lo, lo + n);
  const ee = new Float64Array(Math.max(1, n));
  for (let i = 0; i < n - 1; i++) ee[i] = w.e[lo + i];
  if (sqre === 1) {
    // Column n holds f = e[lo+n−1] in row n−1; rotating columns k and n
    // removes it from row k and moves the fill up to row k−1.
    let f = w.e[lo + n - 1];
    for (let k = n - 1; k >= 0 && f !== 0; k--) {
      const dk = dd[k];
      const r = Math.hypot(dk, f);
      const c = dk / r;
      const s = f / r;
      dd[k] = r;
      // V[:, k] ← c·V[:, k] + s·V[:, n]; V[:, n] ← −s·V[:, k] + c·V[:, n]
      for (let i = 0; i < m; i++) {
        const o = base + i * N;
        const x = V[o + k];
        const y = V[o + n];
        V[o + k] = c * x + s * y;
        V[o + n] = c * y - s * x;
      }
      if (k > 0) {
        f = -s * ee[k - 1];
        ee[k - 1] *= c;
      }
    }
  }
  bdsqr(n, dd, ee, V.subarray(base), m, N, U.subarray(base), n, N);
  w.d.set(dd, lo);
}

/**
 * Merges the solved halves of the node at lo (rows lo..lo+n−1, n = nl+1+nr)
 * around its middle row (α at column lo+nl, β at column lo+nl+1).
 */
function merge(w: Work, lo: number, nl: number, nr: number, sqre: number, alpha: number, beta: number): void {
  const { N, U, V } = w;
  const n = nl + 1 + nr;
  const m = n + sqre;
  const base = lo * N + lo;
  const dAll = w.d;
  // Scale the node to max 1 by a power of two (the secular equation then works in [0, ~1]).
  let orgnrm = Math.max(Math.abs(alpha), Math.abs(beta));
  for (let i = 0; i < n; i++) if (i !== nl) orgnrm = Math.max(orgnrm, Math.abs(dAll[lo + i]));
  U[base + nl * N + nl] = 1;
  if (orgnrm === 0) {
    // B's block is zero: the children's vectors already are singular vectors (column k ↔ d[lo+k] = 0).
    dAll[lo + nl] = 0;
    return;
  }
  const ps = -Math.ceil(Math.log2(orgnrm));
  const a = pow2(alpha, ps);
  const b = pow2(beta, ps);

  // Items: 0 is the z-row's own coordinate (d = 0); 1..nl the left child's
  // values; nl+1..n−1 the right child's. Item t uses U column t and V column
  // t (local), except that item 0's U column is the middle unit vector (also t = 0 → column nl).
  const dz = new Float64Array(n); // scaled d
  const zz = new Float64Array(n);
  const lcol = new Int32Array(n);
  const rcol = new Int32Array(n);
  const lmask = new Uint8Array(n); // 1: nonzero in the top rows, 2: in the bottom rows, 4: the middle row
  const rmask = new Uint8Array(n);
  const dOrig = new Float64Array(n);
  lcol[0] = nl;
  rcol[0] = nl;
  lmask[0] = 4;
  rmask[0] = 1;
  let z0 = a * V[base + nl * N + nl];
  for (let k = 0; k < nl; k++) {
    const t = k + 1;
    dOrig[t] = dAll[lo + k];
    dz[t] = pow2(dOrig[t], ps);
    zz[t] = a * V[base + nl * N + k];
    lcol[t] = k;
    rcol[t] = k;
    lmask[t] = 1;
    rmask[t] = 1;
  }
  const r0 = nl + 1; // first row/column of the right child
  for (let k = 0; k < nr; k++) {
    const t = nl + 1 + k;
    dOrig[t] = dAll[lo + r0 + k];
    dz[t] = pow2(dOrig[t], ps);
    zz[t] = b * V[base + r0 * N + r0 + k];
    lcol[t] = r0 + k;
    rcol[t] = r0 + k;
    lmask[t] = 2;
    rmask[t] = 2;
  }
  let dmax = Math.max(Math.abs(a), Math.abs(b));
  for (let t = 1; t < n; t++) dmax = Math.max(dmax, dz[t]);
  const tol = 8 * (EPS / 2) * dmax;

  // The extra column (sqre): fold its z entry into z0; the rotated partner is the null vector.
  if (sqre === 1) {
    const zx = b * V[base + r0 * N + n];
    const r = Math.hypot(z0, zx);
    if (r > tol) {
      const c = z0 / r;
      const s = zx / r;
      rotCols(V, base, N, m, nl, n, c, s);
      rmask[0] = 3;
      z0 = r;
    } else {
      z0 = r;
    }
  }
  zz[0] = Math.abs(z0) <= tol ? tol : z0;

  // Sort items 1..n−1 by d ascending, then deflate.
  const order = Array.from({ length: n - 1 }, (_, i) => i + 1);
  order.sort((x, y) => dz[x] - dz[y] || x - y);
  const keep: number[] = [0];
  const defl: number[] = [];
  let prev = -1;
  for (const t of order) {
    if (Math.abs(zz[t]) <= tol) {
      defl.push(t);
      continue;
    }
    if (prev >= 0 && dz[t] - dz[prev] <= tol) {
      // Rotate z_prev into z_t (same rotation on both sides); prev is deflated with σ = d_prev.
      const r = Math.hypot(zz[prev], zz[t]);
      const c = zz[t] / r;
      const s = zz[prev] / r;
      // new prev = c·prev − s·t, new t = s·prev + c·t (columns); z_prev → 0, z_t → r.
      rotCols(U, base, N, n, lcol[t], lcol[prev], c, s);
      rotCols(V, base, N, m, rcol[t], rcol[prev], c, s);
      const lm = lmask[prev] | lmask[t];
      const rm = rmask[prev] | rmask[t];
      lmask[prev] = lmask[t] = lm;
      rmask[prev] = rmask[t] = rm;
      zz[t] = r;
      zz[prev] = 0;
      defl.push(prev);
      keep[keep.length - 1] = t;
    } else {
      keep.push(t);
    }
    prev = t;
  }
  const K = keep.length;
  const dk = new Float64Array(K);
  const zk = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    dk[i] = dz[keep[i]];
    zk[i] = zz[keep[i]];
  }
  dk[0] = 0;
  // d₁ must stay clear of the pole at 0 (a perturbation of at most tol/2).
  if (K > 1 && dk[1] <= tol / 2) dk[1] = tol / 2;
  const sec = secularSvd(K, dk, zk);

  // New vectors: columns 0..K−1 from the secular problem, then the deflated ones.
  const Un = new Float64Array(n * n);
  const Vn = new Float64Array(m * m);
  productBlocks(U, base, N, n, nl, nl + 1, lcol, lmask, keep, sec.Um, K, Un, n, 1);
  for (let i = 0; i < K; i++) Un[nl * n + i] = sec.Um[i]; // the middle row: item 0 only
  productBlocks(V, base, N, m, nl + 1, nl + 1, rcol, rmask, keep, sec.Vm, K, Vn, m, 0);
  for (let q = 0; q < defl.length; q++) {
    const t = defl[q];
    const col = K + q;
    for (let r = 0; r < n; r++) Un[r * n + col] = U[base + r * N + lcol[t]];
    for (let r = 0; r < m; r++) Vn[r * m + col] = V[base + r * N + rcol[t]];
  }
  if (sqre === 1) for (let r = 0; r < m; r++) Vn[r * m + n] = V[base + r * N + n];
  for (let r = 0; r < n; r++) U.set(Un.subarray(r * n, r * n + n), base + r * N);
  for (let r = 0; r < m; r++) V.set(Vn.subarray(r * m, r * m + m), base + r * N);
  for (let i = 0; i < K; i++) dAll[lo + i] = pow2(sec.sigma[i], -ps);
  for (let q = 0; q < defl.length; q++) dAll[lo + K + q] = dOrig[defl[q]];
}

/** Columns i and j (local) of the rows×? block at `base`: x_i ← c·x_i + s·x_j, x_j ← c·x_j − s·x_i. */
function rotCols(X: Float64Array, base: number, ld: number, rows: number, i: number, j: number, c: number, s: number): void {
  for (let r = 0, o = base; r < rows; r++, o += ld) {
    const x = X[o + i];
    const y = X[o + j];
    X[o + i] = c * x + s * y;
    X[o + j] = c * y - s * x;
  }
}

/**
 * Out[:, 0:K] = X[:, cols(keep)]·S for the block X (rows×rows at `base`,
 * leading dimension ld) whose columns are nonzero only in the top rows
 * [0, top), only in the bottom rows [bot, rows), or in both (mask bits 1, 2),
 * using one gemm per half over just the columns that reach it. Items at
 * positions < first are skipped (the U side's item 0 lives in the middle row).
 */
function productBlocks(
  X: Float64Array,
  base: number,
  ld: number,
  rows: number,
  top: number,
  bot: number,
  col: Int32Array,
  mask: Uint8Array,
  keep: number[],
  S: Float64Array,
  K: number,
  out: Float64Array,
  ldo: number,
  first: number,
): void {
  const halves: Array<[number, number, number]> = [
    [0, top, 1],
    [bot, rows, 2],
  ];
  for (const [r0, r1, bit] of halves) {
    const h = r1 - r0;
    if (h <= 0) continue;
    const pos: number[] = [];
    for (let p = first; p < K; p++) if (mask[keep[p]] & bit) pos.push(p);
    const kk = pos.length;
    if (kk === 0) continue;
    const A = new Float64Array(h * kk);
    const Bm = new Float64Array(kk * K);
    for (let q = 0; q < kk; q++) {
      const c = col[keep[pos[q]]];
      for (let r = 0; r < h; r++) A[r * kk + q] = X[base + (r0 + r) * ld + c];
      Bm.set(S.subarray(pos[q] * K, pos[q] * K + K), q * K);
    }
    gemm(h, K, kk, 1, A, 0, kk, 1, Bm, 0, K, out, r0 * ldo, ldo);
  }
}
