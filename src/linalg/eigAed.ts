/**
 * Aggressive early deflation (AED) for the Francis QR iteration of `schur`.
 *
 * Method: K. Braman, R. Byers, R. Mathias, "The multishift QR algorithm.
 * Part II: Aggressive early deflation", SIAM J. Matrix Anal. Appl. 23 (2002)
 * 948–973; the same scheme is LAPACK's dlaqr3 (called from dlaqr0). This is
 * an independent implementation of the published method:
 *
 * Let the active block end at row i and take the trailing w×w window
 * H[k..i, k..i] (k = i − w + 1) with the "spike" s = H[k, k−1] to its left.
 * Reduce the window to real Schur form T = Vᵀ W V (on a copy, with the small
 * QR iteration). In the transformed basis the column left of the window is
 * s·Vᵀe₁ = s·(first row of V)ᵀ, so an eigenvalue block at the bottom of T whose
 * spike entries are below eps·|its eigenvalue| can be split off by setting
 * them to zero — a backward error of the size the ordinary subdiagonal test
 * accepts, found long before any subdiagonal of H itself becomes small.
 * Blocks are tested from the bottom; an undeflatable block is moved up, next
 * to the undeflatable ones found before it, by adjacent block swaps (a
 * rotation for two 1×1 blocks; the Bai–Demmel direct swap with its stability
 * tests when a 2×2 block is involved, as LAPACK's dtrexc/dlaexc), so the
 * blocks above it get their turn; a rejected swap ends the search.
 * After a deflation the undeflated part [spike | T₁₁] is returned to
 * Hessenberg form (one reflector that folds the spike onto its first entry,
 * then a Householder Hessenberg reduction), and the window's orthogonal
 * transformation is applied to the rest of H and to the Schur vectors with
 * gemm. The undeflated window eigenvalues are handed back as shifts, in
 * the order the search left them: those that came closest to deflating
 * first (measured: fewer sweeps than taking them from the bottom).
 *
 * This file also holds the standardisation of 2×2 blocks shared with
 * eigSchur.ts (`standardize2x2`, LAPACK dlanv2's conventions), which the
 * block swaps need.
 */
import { EPS, SAFE_MIN, hypot2 } from './eigShared';
import { gemm, gemmNT } from './blas';

/** Window Schur solver: real Schur form of t (w×w, Hessenberg), rotations accumulated into vt (rows = Schur vectors). */
export type WindowSchur = (t: Float64Array, w: number, vt: Float64Array) => { wr: Float64Array; wi: Float64Array } | null;

/** Result of one AED step. */
export interface AedResult {
  /** Number of eigenvalues deflated at the bottom of the window (rows i − nd + 1..i now split off). */
  nd: number;
  /** Number of shifts written to `shiftRe` / `shiftIm` (a conjugate pair counts two, stored −im, +im). */
  count: number;
}

/**
 * One aggressive-early-deflation step on the unreduced active block l..i of
 * the row-major n×n Hessenberg `h`, window of w rows (2 ≤ w ≤ i − l + 1).
 * With `want` the transformation is applied to the full rows/columns of H and
 * to `zt` (columns lo..hi); otherwise only inside the active block.
 * Undeflated window eigenvalues, top of the window first, are written to
 * shiftRe/shiftIm (at most their length, pairs never split). Returns nd = 0
 * and leaves H and zt untouched when nothing deflates or the window QR fails
 * (count = 0 then).
 */
export function aggressiveDeflation(
  h: Float64Array,
  n: number,
  l: number,
  i: number,
  lo: number,
  hi: number,
  zt: Float64Array | null,
  w: number,
  windowSchur: WindowSchur,
  shiftRe: Float64Array,
  shiftIm: Float64Array,
): AedResult {
  const want = zt !== null;
  const kw = i - w + 1;
  const s = kw > l ? h[kw * n + kw - 1] : 0;
  // Copy of the window (Hessenberg) and the identity for its Schur vectors.
  const t = scratch(0, w * w);
  t.fill(0);
  for (let r = 0; r < w; r++) {
    const src = (kw + r) * n + kw;
    for (let c = Math.max(0, r - 1); c < w; c++) t[r * w + c] = h[src + c];
  }
  const vt = scratch(1, w * w);
  vt.fill(0);
  for (let r = 0; r < w; r++) vt[r * w + r] = 1;
  const vals = windowSchur(t, w, vt);
  if (vals === null) return { nd: 0, count: 0 };
  const smlnum = SAFE_MIN * (n / EPS);

  // Deflation test from the bottom. Rows 0..ilst−1 hold undeflatable blocks already
  // moved to the top; rows 0..ns−1 are the undeflated ones.
  let ns = w;
  let ilst = 0;
  if (s === 0) {
    ns = 0;
  } else {
    while (ilst < ns) {
      const j = ns - 1;
      const bs = j > 0 && t[j * w + j - 1] !== 0 ? 2 : 1;
      const top = ns - bs;
      let foo = Math.abs(t[j * w + j]);
      let spike = Math.abs(s * vt[j * w]);
      if (bs === 2) {
        foo += Math.sqrt(Math.abs(t[j * w + top])) * Math.sqrt(Math.abs(t[top * w + j]));
        spike = Math.max(spike, Math.abs(s * vt[top * w]));
      }
      if (foo === 0) foo = Math.abs(s);
      if (spike <= Math.max(smlnum, EPS * foo)) {
        ns -= bs;
        continue;
      }
      // Undeflatable: move the block up out of the way, next to the earlier ones.
      const at = moveBlockUp(t, w, vt, top, ilst);
      if (at !== ilst) break; // a rejected swap ends the search (rare)
      ilst += ilst + 1 < w && t[(ilst + 1) * w + ilst] !== 0 ? 2 : 1;
    }
  }
  const nd = w - ns;
  // Shifts: the undeflated eigenvalues from the top of the window down, i.e. those
  // that came closest to deflating first (a conjugate pair as −im, +im).
  let count = 0;
  for (let j = 0; j < ns && count < shiftRe.length; j++) {
    if (j + 1 < ns && t[(j + 1) * w + j] !== 0) {
      if (count + 2 > shiftRe.length) break;
      const q = j + 1;
      const im = Math.sqrt(Math.abs(t[q * w + j])) * Math.sqrt(Math.abs(t[j * w + q]));
      const re = 0.5 * (t[j * w + j] + t[q * w + q]);
      shiftRe[count] = re;
      shiftIm[count++] = -im;
      shiftRe[count] = re;
      shiftIm[count++] = im;
      j++;
    } else {
      shiftRe[count] = t[j * w + j];
      shiftIm[count++] = 0;
    }
  }
  if (nd === 0) return { nd: 0, count };

  // Spike in the Schur basis, deflated entries dropped.
  // (With every block deflated the whole spike is dropped.)
  let beta = ns === 0 ? 0 : s * vt[0];
  if (ns > 1) {
    // Fold the spike onto its first entry: P x = β e₁ with P = I − τ u uᵀ, u₀ = 1.
    const x = scratch(2, ns);
    for (let j = 0; j < ns; j++) x[j] = s * vt[j * w];
    let sig = 0;
    for (let j = 1; j < ns; j++) sig = hypot2(sig, x[j]);
    if (sig !== 0) {
      const nrm = hypot2(x[0], sig);
      const b = x[0] >= 0 ? -nrm : nrm;
      const tau = (b - x[0]) / b;
      const inv = 1 / (x[0] - b);
      const u = x;
      u[0] = 1;
      for (let j = 1; j < ns; j++) u[j] *= inv;
      reflectRows(t, w, u, tau, ns, 0, w);
      reflectCols(t, w, u, tau, ns, 0, ns);
      reflectRows(vt, w, u, tau, ns, 0, w);
      beta = b;
      // Back to Hessenberg form; the reflectors leave row/column 0 (and so β e₁) alone.
      restoreHessenberg(t, w, vt, ns, x);
    }
  }

  // Write the window back: H[kw..i, kw..i] = T, the spike column = β e₁.
  for (let r = 0; r < w; r++) {
    const dst = (kw + r) * n + kw;
    for (let c = 0; c < w; c++) h[dst + c] = c >= r - 1 ? t[r * w + c] : 0;
  }
  if (kw > l) {
    h[kw * n + kw - 1] = beta;
    for (let r = kw + 1; r <= i; r++) h[r * n + kw - 1] = 0;
  }
  // Rest of H and the Schur vectors: rows kw..i right of the window ← Vᵀ·(...),
  // columns kw..i above it ← (...)·V, Zᵀ rows kw..i ← Vᵀ·Zᵀ.
  const colEnd = want ? n - 1 : i;
  const rowStart = want ? 0 : l;
  const nc = colEnd - i;
  if (nc > 0) {
    const tmp = scratch(3, w * nc);
    tmp.fill(0);
    gemm(w, nc, w, 1, vt, 0, w, 1, h, kw * n + i + 1, n, tmp, 0, nc);
    for (let r = 0; r < w; r++) h.set(tmp.subarray(r * nc, (r + 1) * nc), (kw + r) * n + i + 1);
  }
  const nr = kw - rowStart;
  if (nr > 0) {
    const tmp = scratch(3, nr * w);
    tmp.fill(0);
    gemmNT(nr, w, w, 1, h, rowStart * n + kw, n, vt, 0, w, tmp, 0, w);
    for (let r = 0; r < nr; r++) h.set(tmp.subarray(r * w, (r + 1) * w), (rowStart + r) * n + kw);
  }
  if (zt !== null) {
    const len = hi - lo + 1;
    const tmp = scratch(3, w * len);
    tmp.fill(0);
    gemm(w, len, w, 1, vt, 0, w, 1, zt, kw * n + lo, n, tmp, 0, len);
    for (let r = 0; r < w; r++) zt.set(tmp.subarray(r * len, (r + 1) * len), (kw + r) * n + lo);
  }
  return { nd, count };
}

/** Reusable work arrays of aggressiveDeflation (it is never re-entered: the window QR runs without AED). */
const pool: Float64Array[] = [];
function scratch(slot: number, len: number): Float64Array {
  let a = pool[slot];
  if (a === undefined || a.length < len) {
    a = new Float64Array(Math.max(len, 2 * (a?.length ?? 0)));
    pool[slot] = a;
  }
  return a.subarray(0, len);
}

/**
 * Householder reduction of t's leading ns×ns block (the rest of t is below a
 * zero block) to Hessenberg form, columns 0..ns−3 in turn; each reflector
 * also acts on the columns right of the block and on the rows of vt.
 * `u` is scratch of length ≥ ns.
 */
function restoreHessenberg(t: Float64Array, w: number, vt: Float64Array, ns: number, u: Float64Array): void {
  for (let k = 0; k + 2 < ns; k++) {
    const k1 = k + 1;
    let sig = 0;
    for (let r = k1 + 1; r < ns; r++) sig = hypot2(sig, t[r * w + k]);
    if (sig === 0) continue;
    const x0 = t[k1 * w + k];
    const nrm = hypot2(x0, sig);
    const beta = x0 >= 0 ? -nrm : nrm;
    const tau = (beta - x0) / beta;
    const inv = 1 / (x0 - beta);
    const m = ns - k1;
    u[0] = 1;
    for (let r = k1 + 1; r < ns; r++) u[r - k1] = t[r * w + k] * inv;
    t[k1 * w + k] = beta;
    for (let r = k1 + 1; r < ns; r++) t[r * w + k] = 0;
    reflectRows(t.subarray(k1 * w), w, u, tau, m, k1, w);
    reflectCols(t.subarray(k1), w, u, tau, m, 0, ns);
    reflectRows(vt.subarray(k1 * w), w, u, tau, m, 0, w);
  }
}

/** Applies P = I − τ u uᵀ (u of length m) from the left to rows 0..m−1, columns c0..c1−1. */
function reflectRows(a: Float64Array, ld: number, u: Float64Array, tau: number, m: number, c0: number, c1: number): void {
  for (let c = c0; c < c1; c++) {
    let d = 0;
    for (let j = 0; j < m; j++) d += u[j] * a[j * ld + c];
    d *= tau;
    if (d === 0) continue;
    for (let j = 0; j < m; j++) a[j * ld + c] -= d * u[j];
  }
}

/** Applies P = I − τ u uᵀ from the right to columns 0..m−1 of rows r0..r1−1. */
function reflectCols(a: Float64Array, ld: number, u: Float64Array, tau: number, m: number, r0: number, r1: number): void {
  for (let r = r0; r < r1; r++) {
    const o = r * ld;
    let d = 0;
    for (let j = 0; j < m; j++) d += a[o + j] * u[j];
    d *= tau;
    if (d === 0) continue;
    for (let j = 0; j < m; j++) a[o + j] -= d * u[j];
  }
}

/**
 * Moves the diagonal block starting at row `from` of the quasi-triangular t up
 * to row `to` (a block boundary) by swaps with the block above it, updating
 * vt (LAPACK's dtrexc does the same). Stops early when a swap is rejected as
 * unstable or when the moving 2×2 block splits into two real eigenvalues.
 * Returns the row the block starts at in the end.
 */
function moveBlockUp(t: Float64Array, w: number, vt: Float64Array, from: number, to: number): number {
  let here = from;
  let nb = here + 1 < w && t[(here + 1) * w + here] !== 0 ? 2 : 1;
  while (here > to) {
    const above = here >= 2 && t[(here - 1) * w + here - 2] !== 0 ? 2 : 1;
    const j1 = here - above;
    if (!swapBlocks(t, w, vt, j1, above, nb)) return here;
    here = j1;
    const now = here + 1 < w && t[(here + 1) * w + here] !== 0 ? 2 : 1;
    if (now !== nb) return here;
    nb = now;
  }
  return here;
}

const sylM = new Float64Array(16);
const sylX = new Float64Array(4);
const sylPerm = new Int32Array(4);
/** Scratch of swapBlocks (blocks of at most 4 rows). */
const swB = new Float64Array(16);
const swD = new Float64Array(8);
const swQ = new Float64Array(16);
const swBQ = new Float64Array(16);
const swC = new Float64Array(16);
const swU = new Float64Array(4);

/**
 * Swaps the adjacent diagonal blocks of t at rows j1..j1+n1−1 (n1×n1) and
 * j1+n1..j1+n1+n2−1 (n2×n2), n1, n2 ∈ {1, 2}, by an orthogonal similarity also
 * applied to vt, then restores the standard form of 2×2 blocks. Method of
 * Bai & Demmel (Linear Algebra Appl. 186, 1993), as in LAPACK's dlaexc:
 * solve A₁₁X − XA₂₂ = A₁₂; the columns of [−X; I] span the invariant subspace
 * of A₂₂, and the Q of their QR factorisation swaps the blocks. The swap is
 * computed on a copy first and rejected (t untouched, false returned) unless
 * both the would-be zero block and the reconstruction error stay below
 * 10·eps·max|block| — close eigenvalues can make X huge and the swap inaccurate.
 */
function swapBlocks(t: Float64Array, w: number, vt: Float64Array, j1: number, n1: number, n2: number): boolean {
  const nn = n1 + n2;
  if (nn === 2) {
    swap11(t, w, vt, j1);
    return true;
  }
  const b = swB;
  let dnorm = 0;
  for (let r = 0; r < nn; r++)
    for (let c = 0; c < nn; c++) {
      const v = t[(j1 + r) * w + j1 + c];
      b[r * nn + c] = v;
      dnorm = Math.max(dnorm, Math.abs(v));
    }
  const smin = Math.max(EPS * dnorm, SAFE_MIN);
  const thresh = Math.max(10 * EPS * dnorm, SAFE_MIN);
  // Kronecker form of A₁₁X − XA₂₂ = A₁₂, unknown X[p][q] at index p·n2 + q.
  const k = n1 * n2;
  sylM.fill(0, 0, k * k);
  for (let p = 0; p < n1; p++)
    for (let q = 0; q < n2; q++) {
      const e = p * n2 + q;
      for (let r = 0; r < n1; r++) sylM[e * k + r * n2 + q] += b[p * nn + r];
      for (let r = 0; r < n2; r++) sylM[e * k + p * n2 + r] -= b[(n1 + r) * nn + n1 + q];
      sylX[e] = b[p * nn + n1 + q];
    }
  solveSmall(k, smin);
  // D = [−X; I] (nn×n2) and its QR factorisation by n2 Householder reflectors; Q accumulated.
  const d = swD;
  d.fill(0);
  for (let p = 0; p < n1; p++) for (let q = 0; q < n2; q++) d[p * n2 + q] = -sylX[p * n2 + q];
  for (let q = 0; q < n2; q++) d[(n1 + q) * n2 + q] = 1;
  const qm = swQ;
  qm.fill(0);
  for (let r = 0; r < nn; r++) qm[r * nn + r] = 1;
  const u = swU;
  for (let c = 0; c < n2; c++) {
    let sig = 0;
    for (let r = c + 1; r < nn; r++) sig = hypot2(sig, d[r * n2 + c]);
    if (sig === 0) continue;
    const x0 = d[c * n2 + c];
    const nrm = hypot2(x0, sig);
    const beta = x0 >= 0 ? -nrm : nrm;
    const tau = (beta - x0) / beta;
    const inv = 1 / (x0 - beta);
    u.fill(0);
    u[c] = 1;
    for (let r = c + 1; r < nn; r++) u[r] = d[r * n2 + c] * inv;
    for (let cc = c; cc < n2; cc++) {
      let dot = 0;
      for (let r = c; r < nn; r++) dot += u[r] * d[r * n2 + cc];
      dot *= tau;
      for (let r = c; r < nn; r++) d[r * n2 + cc] -= dot * u[r];
    }
    for (let r = 0; r < nn; r++) {
      let dot = 0;
      for (let cc = c; cc < nn; cc++) dot += qm[r * nn + cc] * u[cc];
      dot *= tau;
      for (let cc = c; cc < nn; cc++) qm[r * nn + cc] -= dot * u[cc];
    }
  }
  // C = Qᵀ B Q; its lower-left n1×n2 block must be negligible.
  const bq = swBQ;
  const cm = swC;
  for (let r = 0; r < nn; r++)
    for (let c = 0; c < nn; c++) {
      let sum = 0;
      for (let p = 0; p < nn; p++) sum += b[r * nn + p] * qm[p * nn + c];
      bq[r * nn + c] = sum;
    }
  for (let r = 0; r < nn; r++)
    for (let c = 0; c < nn; c++) {
      let sum = 0;
      for (let p = 0; p < nn; p++) sum += qm[p * nn + r] * bq[p * nn + c];
      cm[r * nn + c] = sum;
    }
  let low = 0;
  for (let r = n2; r < nn; r++) for (let c = 0; c < n2; c++) low = Math.max(low, Math.abs(cm[r * nn + c]));
  if (!(low <= thresh)) return false;
  for (let r = n2; r < nn; r++) for (let c = 0; c < n2; c++) cm[r * nn + c] = 0;
  // Strong test: Q·C·Qᵀ must reproduce B (bq ← Q·C, then row by row against B).
  for (let r = 0; r < nn; r++)
    for (let c = 0; c < nn; c++) {
      let sum = 0;
      for (let p = 0; p < nn; p++) sum += qm[r * nn + p] * cm[p * nn + c];
      bq[r * nn + c] = sum;
    }
  let err = 0;
  for (let r = 0; r < nn; r++)
    for (let c = 0; c < nn; c++) {
      let sum = 0;
      for (let p = 0; p < nn; p++) sum += bq[r * nn + p] * qm[c * nn + p];
      err = Math.max(err, Math.abs(sum - b[r * nn + c]));
    }
  if (!(err <= thresh)) return false;
  // Accept: the block, rows to its right, columns above it, and vt.
  for (let r = 0; r < nn; r++) for (let c = 0; c < nn; c++) t[(j1 + r) * w + j1 + c] = cm[r * nn + c];
  applyLeft(t, w, qm, nn, j1, j1 + nn, w);
  applyRight(t, w, qm, nn, j1, 0, j1);
  applyLeft(vt, w, qm, nn, j1, 0, w);
  // Entries below the subdiagonal within the new blocks are rounding: zero them; standardise 2×2s.
  if (n2 === 1) for (let r = 1; r < nn; r++) t[(j1 + r) * w + j1] = 0;
  else restandardize(t, w, vt, j1);
  if (n1 === 2) restandardize(t, w, vt, j1 + n2);
  return true;
}

/** Swaps the adjacent 1×1 blocks at rows k, k+1 of t by one rotation (updating vt). */
function swap11(t: Float64Array, w: number, vt: Float64Array, k: number): void {
  const k1 = k + 1;
  const t11 = t[k * w + k];
  const t22 = t[k1 * w + k1];
  // The rotation's first column is the eigenvector (t12, t22 − t11) of t22.
  const f = t[k * w + k1];
  const g = t22 - t11;
  const r = hypot2(f, g);
  if (r === 0) return;
  const cs = f / r;
  const sn = g / r;
  for (let c = k; c < w; c++) {
    const x = t[k * w + c];
    const y = t[k1 * w + c];
    t[k * w + c] = cs * x + sn * y;
    t[k1 * w + c] = -sn * x + cs * y;
  }
  for (let rr = 0; rr <= k1; rr++) {
    const o = rr * w;
    const x = t[o + k];
    const y = t[o + k1];
    t[o + k] = cs * x + sn * y;
    t[o + k1] = -sn * x + cs * y;
  }
  for (let c = 0; c < w; c++) {
    const x = vt[k * w + c];
    const y = vt[k1 * w + c];
    vt[k * w + c] = cs * x + sn * y;
    vt[k1 * w + c] = -sn * x + cs * y;
  }
  t[k1 * w + k] = 0;
  t[k * w + k] = t22;
  t[k1 * w + k1] = t11;
}

/** Rows j..j+nn−1 of a (columns c0..c1−1) ← Qᵀ·(those rows). */
function applyLeft(a: Float64Array, ld: number, qm: Float64Array, nn: number, j: number, c0: number, c1: number): void {
  const col = swU;
  for (let c = c0; c < c1; c++) {
    for (let r = 0; r < nn; r++) {
      let sum = 0;
      for (let p = 0; p < nn; p++) sum += qm[p * nn + r] * a[(j + p) * ld + c];
      col[r] = sum;
    }
    for (let r = 0; r < nn; r++) a[(j + r) * ld + c] = col[r];
  }
}

/** Columns j..j+nn−1 of a (rows r0..r1−1) ← (those columns)·Q. */
function applyRight(a: Float64Array, ld: number, qm: Float64Array, nn: number, j: number, r0: number, r1: number): void {
  const row = swU;
  for (let r = r0; r < r1; r++) {
    const o = r * ld + j;
    for (let c = 0; c < nn; c++) {
      let sum = 0;
      for (let p = 0; p < nn; p++) sum += a[o + p] * qm[p * nn + c];
      row[c] = sum;
    }
    for (let c = 0; c < nn; c++) a[o + c] = row[c];
  }
}

/** Brings the 2×2 block at rows p, p+1 of t to standard form (standardize2x2), rotating the rest of t and vt. */
function restandardize(t: Float64Array, w: number, vt: Float64Array, p: number): void {
  const q = p + 1;
  const r = standardize2x2(t[p * w + p], t[p * w + q], t[q * w + p], t[q * w + q]);
  t[p * w + p] = r[0];
  t[p * w + q] = r[1];
  t[q * w + p] = r[2];
  t[q * w + q] = r[3];
  const cs = r[4];
  const sn = r[5];
  if (cs === 1 && sn === 0) return;
  for (let c = q + 1; c < w; c++) {
    const x = t[p * w + c];
    const y = t[q * w + c];
    t[p * w + c] = cs * x + sn * y;
    t[q * w + c] = -sn * x + cs * y;
  }
  for (let rr = 0; rr < p; rr++) {
    const x = t[rr * w + p];
    const y = t[rr * w + q];
    t[rr * w + p] = cs * x + sn * y;
    t[rr * w + q] = -sn * x + cs * y;
  }
  for (let c = 0; c < w; c++) {
    const x = vt[p * w + c];
    const y = vt[q * w + c];
    vt[p * w + c] = cs * x + sn * y;
    vt[q * w + c] = -sn * x + cs * y;
  }
}

/**
 * Solves the k×k system in sylM (row-major) with right-hand side sylX in place,
 * by Gaussian elimination with complete pivoting; pivots smaller than smin are
 * replaced by smin (as LAPACK's dlasy2), so near-equal eigenvalues give a large
 * but finite X that the swap's stability test then judges.
 */
function solveSmall(k: number, smin: number): void {
  const m = sylM;
  const x = sylX;
  for (let c = 0; c < k; c++) sylPerm[c] = c;
  for (let s = 0; s < k; s++) {
    let pr = s;
    let pc = s;
    let big = -1;
    for (let r = s; r < k; r++)
      for (let c = s; c < k; c++) {
        const v = Math.abs(m[r * k + c]);
        if (v > big) {
          big = v;
          pr = r;
          pc = c;
        }
      }
    if (pr !== s) {
      for (let c = 0; c < k; c++) {
        const tmp = m[s * k + c];
        m[s * k + c] = m[pr * k + c];
        m[pr * k + c] = tmp;
      }
      const tmp = x[s];
      x[s] = x[pr];
      x[pr] = tmp;
    }
    if (pc !== s) {
      for (let r = 0; r < k; r++) {
        const tmp = m[r * k + s];
        m[r * k + s] = m[r * k + pc];
        m[r * k + pc] = tmp;
      }
      const tp = sylPerm[s];
      sylPerm[s] = sylPerm[pc];
      sylPerm[pc] = tp;
    }
    if (Math.abs(m[s * k + s]) < smin) m[s * k + s] = smin;
    const piv = m[s * k + s];
    for (let r = s + 1; r < k; r++) {
      const f = m[r * k + s] / piv;
      if (f === 0) continue;
      for (let c = s; c < k; c++) m[r * k + c] -= f * m[s * k + c];
      x[r] -= f * x[s];
    }
  }
  const y = swU;
  for (let s = k - 1; s >= 0; s--) {
    let sum = x[s];
    for (let c = s + 1; c < k; c++) sum -= m[s * k + c] * y[c];
    y[s] = sum / m[s * k + s];
  }
  for (let s = 0; s < k; s++) x[sylPerm[s]] = y[s];
}

const out2 = new Float64Array(10);

/** Writes Gᵀ M G for M = [[a, b], [c, d]], G = [[cs, −sn], [sn, cs]] into out2[0..3]. */
function rotate2x2(a: number, b: number, c: number, d: number, cs: number, sn: number): void {
  const ma = a * cs + b * sn;
  const mb = b * cs - a * sn;
  const mc = c * cs + d * sn;
  const md = d * cs - c * sn;
  out2[0] = cs * ma + sn * mc;
  out2[1] = cs * mb + sn * md;
  out2[2] = cs * mc - sn * ma;
  out2[3] = cs * md - sn * mb;
  out2[4] = cs;
  out2[5] = sn;
}

/**
 * Rotation whose first column is the eigenvector of the real eigenvalue d + z of
 * [[a, b], [c, d]]; `root` = sqrt(((a − d)/2)² + b·c) ≥ 0, computed by the caller
 * without squaring (so entries around 1e-160 or 1e200 keep their digits).
 */
function triangularize(a: number, b: number, c: number, d: number, root: number): void {
  const p = 0.5 * (a - d);
  // z = λ − d computed without cancellation; the eigenvector is (z, c).
  const z = p + (p >= 0 ? root : -root);
  const t = hypot2(z, c);
  rotate2x2(a, b, c, d, z / t, c / t);
  out2[2] = 0;
  out2[6] = out2[0];
  out2[7] = 0;
  out2[8] = out2[3];
  out2[9] = 0;
}

/**
 * Standardises the real 2×2 block [[a, b], [c, d]] by a rotation G = [[cs, −sn], [sn, cs]]:
 * afterwards Gᵀ M G is upper triangular (real eigenvalues) or has equal
 * diagonal entries and off-diagonals of opposite sign (complex pair).
 * Returns a shared buffer [a', b', c', d', cs, sn, re1, im1, re2, im2]
 * (for a complex pair im1 > 0 and the two real parts are identical).
 */
export function standardize2x2(a: number, b: number, c: number, d: number): Float64Array {
  if (c === 0) {
    rotate2x2(a, b, c, d, 1, 0);
    out2[6] = a;
    out2[7] = 0;
    out2[8] = d;
    out2[9] = 0;
    return out2;
  }
  if (b === 0) {
    // A swap turns the lower triangular block into an upper one.
    rotate2x2(a, b, c, d, 0, 1);
    out2[2] = 0;
    out2[6] = out2[0];
    out2[7] = 0;
    out2[8] = out2[3];
    out2[9] = 0;
    return out2;
  }
  // Sign of the discriminant p² + b·c from quantities divided by their scale
  // (as LAPACK's dlanv2), so it neither underflows to 0 nor overflows.
  const p = 0.5 * (a - d);
  const ab = Math.abs(b);
  const ac = Math.abs(c);
  const bcmax = ab > ac ? ab : ac;
  const bcmis = (ab > ac ? ac : ab) * (b < 0 ? -1 : 1) * (c < 0 ? -1 : 1);
  const ap = Math.abs(p);
  const scale = ap > bcmax ? ap : bcmax;
  const zs = (p / scale) * p + (bcmax / scale) * bcmis;
  if (zs >= 0) {
    triangularize(a, b, c, d, Math.sqrt(scale) * Math.sqrt(zs));
    return out2;
  }
  // Complex pair: rotate by θ with tan 2θ = (d − a)/(b + c) so both diagonal entries
  // become equal; cos 2θ ≥ 0 keeps cos θ away from zero.
  const sigma = b + c;
  const t = hypot2(sigma, a - d);
  let cs = 1;
  let sn = 0;
  if (t !== 0) {
    const c2 = Math.abs(sigma) / t;
    const s2 = ((sigma >= 0 ? -1 : 1) * (a - d)) / t;
    cs = Math.sqrt(0.5 * (1 + c2));
    sn = s2 / (2 * cs);
  }
  rotate2x2(a, b, c, d, cs, sn);
  const mid = 0.5 * (out2[0] + out2[3]);
  const nb = out2[1];
  const nc = out2[2];
  if (nb === 0 || nc === 0 || nb > 0 === nc > 0) {
    // Rounding made the pair real: finish with a triangularising rotation, composed.
    if (nc === 0) {
      out2[6] = out2[0];
      out2[7] = 0;
      out2[8] = out2[3];
      out2[9] = 0;
      return out2;
    }
    if (nb === 0) rotate2x2(out2[0], nb, nc, out2[3], 0, 1);
    else triangularize(mid, nb, nc, mid, Math.sqrt(Math.abs(nb)) * Math.sqrt(Math.abs(nc)));
    out2[2] = 0;
    out2[6] = out2[0];
    out2[7] = 0;
    out2[8] = out2[3];
    out2[9] = 0;
    const c1 = out2[4];
    const s1 = out2[5];
    out2[4] = cs * c1 - sn * s1;
    out2[5] = sn * c1 + cs * s1;
    return out2;
  }
  out2[0] = mid;
  out2[3] = mid;
  const im = Math.sqrt(Math.abs(nb)) * Math.sqrt(Math.abs(nc));
  out2[6] = mid;
  out2[7] = im;
  out2[8] = mid;
  out2[9] = -im;
  return out2;
}
