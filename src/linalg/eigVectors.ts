/**
 * Eigenvectors from the real Schur form T = Zᵀ (D⁻¹PᵀAPD) Z by substitution
 * (the scheme LAPACK documents for dtrevc): for an eigenvalue λ at diagonal
 * block k, solve (T − λI) x = 0 upwards with x_k fixed, handling the 2×2 blocks
 * of complex pairs as small systems and nudging near-zero pivots to
 * smin = eps·|λ| (that is what makes repeated and defective eigenvalues give
 * finite, nearly parallel vectors instead of NaN). Left vectors (Tᵀ w = λ w,
 * forward substitution) give the eigenvalue condition numbers
 * κ = ‖x‖‖w‖/|wᵀx|, which are invariant under the orthogonal Z.
 */
import { EPS, SAFE_MIN } from './eigShared';
import { gemm } from './blas';
import type { Balancing } from './eigBalance';
import { unbalanceVectors } from './eigBalance';

/** Vectors of the original matrix, one per ROW (row k ↔ eigenvalue k in Schur order). */
export interface SchurVectors {
  re: Float64Array;
  im: Float64Array;
  /** Condition number of each eigenvalue of the balanced matrix (Infinity when defective to working precision). */
  cond: Float64Array;
  /**
   * For each vector x (balanced coordinates) max(D)·‖x‖/‖D x‖: the factor by
   * which balancing D can enlarge its relative residual on the way back to A.
   */
  amplification: Float64Array;
}

const GROW = 1e150;
/** Right sides of the substitutions are kept below this (their sums then cannot overflow). */
const RHS_MAX = 1e300;

/** Complex division (ar + i ai)/(br + i bi), Smith's method; result in q[0], q[1]. */
function cdiv(ar: number, ai: number, br: number, bi: number, q: Float64Array): void {
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br;
    const den = br + bi * r;
    q[0] = (ar + ai * r) / den;
    q[1] = (ai - ar * r) / den;
  } else {
    const r = br / bi;
    const den = bi + br * r;
    q[0] = (ar * r + ai) / den;
    q[1] = (ai * r - ar) / den;
  }
}

const q = new Float64Array(2);
const sol = new Float64Array(5);

/**
 * Solutions are kept below this size: a right side larger than BIGNUM times the
 * pivot is first scaled down (LAPACK's dlaln2 does the same), and the caller
 * applies the returned factor to the entries it already has.
 */
const BIGNUM = 1e290;

/**
 * Solves (t − λ) x = f for complex λ = lr + i·li and complex f, with the pivot
 * nudged to smin when it is (nearly) zero. Writes x to q and returns the factor
 * s ≤ 1 by which f was scaled first (x solves the scaled system).
 */
function solve1(t: number, lr: number, li: number, fr: number, fi: number, smin: number): number {
  let dr = t - lr;
  let di = -li;
  let p = Math.abs(dr) + Math.abs(di);
  if (p < smin) {
    dr = smin;
    di = 0;
    p = smin;
  }
  const r = Math.abs(fr) + Math.abs(fi);
  let s = 1;
  if (r > 1 && p < 1 && r > BIGNUM * p) {
    s = 1 / r;
    fr *= s;
    fi *= s;
  }
  cdiv(fr, fi, dr, di, q);
  return s;
}

const mr = new Float64Array(4);
const mi = new Float64Array(4);

/**
 * Solves [[a−λ, b], [c, d−λ]] (u, v) = (f, g) for complex λ = lr + i·li and a
 * complex right side, by Gaussian elimination with complete pivoting; pivots
 * smaller than smin are replaced by smin (the whole block by smin·I when all
 * its entries are that small), as LAPACK's dlaln2. No squares or determinants,
 * so entries of any scale are safe. Writes (ur, ui, vr, vi, s) to `sol`, where
 * s ≤ 1 is the factor the right side was scaled by to keep the solution finite.
 */
function solve2(
  a: number, b: number, c: number, d: number, lr: number, li: number,
  fr: number, fi: number, gr: number, gi: number, smin: number,
): void {
  mr[0] = a - lr;
  mi[0] = -li;
  mr[1] = b;
  mi[1] = 0;
  mr[2] = c;
  mi[2] = 0;
  mr[3] = d - lr;
  mi[3] = -li;
  let ip = 0;
  let cmax = 0;
  for (let k = 0; k < 4; k++) {
    const m = Math.abs(mr[k]) + Math.abs(mi[k]);
    if (m > cmax) {
      cmax = m;
      ip = k;
    }
  }
  if (cmax < smin) {
    const r = Math.max(Math.abs(fr) + Math.abs(fi), Math.abs(gr) + Math.abs(gi));
    const s = r > 1 && smin < 1 && r > BIGNUM * smin ? 1 / r : 1;
    const f = s / smin;
    sol[0] = fr * f;
    sol[1] = fi * f;
    sol[2] = gr * f;
    sol[3] = gi * f;
    sol[4] = s;
    return;
  }
  const pr = ip >> 1;
  const pc = ip & 1;
  const o = 1 - pr; // the other row
  const oc = 1 - pc; // the other column
  const u11r = mr[ip];
  const u11i = mi[ip];
  const u12r = mr[2 * pr + oc];
  const u12i = mi[2 * pr + oc];
  // l21 = m[o][pc] / u11 (|l21| ≤ about 1 by the pivot choice).
  cdiv(mr[2 * o + pc], mi[2 * o + pc], u11r, u11i, q);
  const l21r = q[0];
  const l21i = q[1];
  let u22r = mr[2 * o + oc] - (l21r * u12r - l21i * u12i);
  let u22i = mi[2 * o + oc] - (l21r * u12i + l21i * u12r);
  if (Math.abs(u22r) + Math.abs(u22i) < smin) {
    u22r = smin;
    u22i = 0;
  }
  let y1r = pr === 0 ? fr : gr;
  let y1i = pr === 0 ? fi : gi;
  let y2r = (pr === 0 ? gr : fr) - (l21r * y1r - l21i * y1i);
  let y2i = (pr === 0 ? gi : fi) - (l21r * y1i + l21i * y1r);
  // |x| ≤ 2·max|y| / min|pivot| (|u12/u11| ≤ 1); scale the right side when that could overflow.
  const r = Math.max(Math.abs(y1r) + Math.abs(y1i), Math.abs(y2r) + Math.abs(y2i));
  const pmin = Math.min(Math.abs(u11r) + Math.abs(u11i), Math.abs(u22r) + Math.abs(u22i));
  let s = 1;
  if (r > 1 && pmin < 1 && 2 * r > BIGNUM * pmin) {
    s = 1 / r;
    y1r *= s;
    y1i *= s;
    y2r *= s;
    y2i *= s;
  }
  cdiv(y2r, y2i, u22r, u22i, q);
  const x2r = q[0];
  const x2i = q[1];
  cdiv(y1r - (u12r * x2r - u12i * x2i), y1i - (u12r * x2i + u12i * x2r), u11r, u11i, q);
  sol[2 * pc] = q[0];
  sol[2 * pc + 1] = q[1];
  sol[2 * oc] = x2r;
  sol[2 * oc + 1] = x2i;
  sol[4] = s;
}

/**
 * Right eigenvectors of the original matrix (back-transformed, unbalanced,
 * unit 2-norm with the largest component real) and eigenvalue condition numbers.
 */
export function schurEigenvectors(
  t: Float64Array, n: number, wr: Float64Array, wi: Float64Array, zt: Float64Array, bal: Balancing,
): SchurVectors {
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  const cond = new Float64Array(n);
  const xr = new Float64Array(n);
  const xi = new Float64Array(n);
  const yr = new Float64Array(n);
  const yi = new Float64Array(n);
  const smlnum = SAFE_MIN * (n / EPS);
  const { lo, hi } = bal;
  // Coefficients of the vectors in the Schur basis, one row per eigenvalue that
  // gets its own vector (the second of a conjugate pair is copied later).
  const pr = new Float64Array(n * n);
  const pim = new Float64Array(n * n);
  const primRow = new Int32Array(n);
  const primEnd = new Int32Array(n);
  const primCplx = new Uint8Array(n);
  let np = 0;
  // rowAbs[j] = Σ_{c>j} |t_jc|, bounds for the right sides of the right-vector substitution.
  const rowAbs = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let c = j + 1, o = j * n; c < n; c++) sum += Math.abs(t[o + c]);
    rowAbs[j] = sum;
  }
  // Tᵀ above the diagonal (row j: t_rj, r < j) and colAbs[j] = Σ_{r<j} |t_rj|, for the left vectors.
  const tt = new Float64Array(n * n);
  const colAbs = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    for (let j = r + 1, o = r * n; j < n; j++) {
      const x = t[o + j];
      tt[j * n + r] = x;
      colAbs[j] += Math.abs(x);
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    const lr = wr[k];
    const li = wi[k];
    if (li < 0) continue; // second member of a pair: its vector is the conjugate of the first
    // The eigenvalue's diagonal block is rows k0..kEnd (two rows for a complex pair, +im first).
    const k0 = k;
    const kEnd = li > 0 ? k + 1 : k;
    const smin = Math.max(EPS * (Math.abs(lr) + Math.abs(li)), smlnum);
    xr.fill(0, 0, kEnd + 1);
    xi.fill(0, 0, kEnd + 1);
    if (li === 0) {
      xr[k] = 1;
    } else {
      const b = t[k * n + k + 1];
      const c = t[(k + 1) * n + k];
      if (Math.abs(b) >= Math.abs(c)) {
        xr[k] = 1;
        xi[k + 1] = li / b;
      } else {
        xr[k + 1] = 1;
        xi[k] = li / c;
      }
    }
    // Largest |entry| of x so far: with the row sums of |T| it bounds every right side.
    let xmax = Math.max(Math.abs(xr[k]) + Math.abs(xi[k]), Math.abs(xr[kEnd]) + Math.abs(xi[kEnd]));
    // Upward substitution over rows j < k0.
    for (let j = k0 - 1; j >= 0; j--) {
      const pair = wi[j] < 0; // rows j-1, j form a complex block
      const top = pair ? j - 1 : j;
      const reach = pair ? Math.max(rowAbs[j], rowAbs[top]) : rowAbs[j];
      if (xmax > 1 && reach > RHS_MAX / xmax) {
        // Σ t·x could overflow (entries of T far above the eigenvalue gaps): scale x down first.
        scaleRange(xr, xi, j + 1, kEnd + 1, 1 / xmax);
        xmax = 1;
      }
      let r1r = 0, r1i = 0, r2r = 0, r2i = 0;
      const o2 = j * n;
      if (li === 0) {
        for (let c = j + 1; c <= kEnd; c++) r2r += t[o2 + c] * xr[c];
      } else {
        for (let c = j + 1; c <= kEnd; c++) {
          r2r += t[o2 + c] * xr[c];
          r2i += t[o2 + c] * xi[c];
        }
      }
      if (pair) {
        const o1 = top * n;
        for (let c = j + 1; c <= kEnd; c++) {
          r1r += t[o1 + c] * xr[c];
          r1i += t[o1 + c] * xi[c];
        }
        solve2(t[o1 + top], t[o1 + j], t[o2 + top], t[o2 + j], lr, li, -r1r, -r1i, -r2r, -r2i, smin);
        if (sol[4] !== 1) {
          scaleRange(xr, xi, j + 1, kEnd + 1, sol[4]);
          xmax *= sol[4];
        }
        xr[top] = sol[0];
        xi[top] = sol[1];
        xr[j] = sol[2];
        xi[j] = sol[3];
      } else {
        const f = solve1(t[o2 + j], lr, li, -r2r, -r2i, smin);
        if (f !== 1) {
          scaleRange(xr, xi, j + 1, kEnd + 1, f);
          xmax *= f;
        }
        xr[j] = q[0];
        xi[j] = q[1];
      }
      const big = Math.max(Math.abs(xr[j]) + Math.abs(xi[j]), Math.abs(xr[top]) + Math.abs(xi[top]));
      j = top;
      if (big > xmax) xmax = big;
      if (big > GROW) {
        // Defective eigenvalues make the entries grow like smin^-k; rescale before they overflow.
        const f = 1 / big;
        for (let c = j; c <= kEnd; c++) {
          xr[c] *= f;
          xi[c] *= f;
        }
        xmax *= f;
      }
    }
    cond[k] = conditionOf(t, tt, n, wi, k0, kEnd, lr, li, smin, xr, xi, yr, yi, colAbs);
    if (li !== 0) cond[k + 1] = cond[k];
    // Keep the Schur-basis coefficients; the back-transform is one blocked product below.
    const po = np * n;
    for (let c = 0; c <= kEnd; c++) {
      pr[po + c] = xr[c];
      pim[po + c] = xi[c];
    }
    primRow[np] = k;
    primEnd[np] = kEnd;
    primCplx[np] = li !== 0 ? 1 : 0;
    np++;
  }
  backTransform(pr, pim, np, primRow, primEnd, primCplx, zt, n, lo, hi, re, im);
  const amplification = amplificationOf(bal, re, im, wi, n);
  unbalanceVectors(bal, re, im, n, n);
  for (let k = 0; k < n; k++) {
    if (wi[k] < 0) {
      // Conjugate of the vector just above.
      const o = k * n;
      for (let i = 0; i < n; i++) {
        re[o + i] = re[o - n + i];
        im[o + i] = -im[o - n + i];
      }
    } else {
      normalize(re, im, k * n, n, wi[k] !== 0);
    }
  }
  return { re, im, cond, amplification };
}

/** Rows per `gemm` in the back-transform (each block only multiplies the columns its vectors reach). */
const BT_BLOCK = 16;

/**
 * re/im row primRow[p] ← (coefficients p)·Zᵀ: the Schur-basis vectors taken
 * back to the balanced matrix's basis. Rows are in decreasing eigenvalue
 * index, so the coefficients of a block of BT_BLOCK rows are zero beyond the
 * first row's end and each block is one `gemm` over the columns lo..that end
 * (Zᵀ is the identity outside lo..hi, where the coefficients are copied).
 */
function backTransform(
  pr: Float64Array, pim: Float64Array, np: number, primRow: Int32Array, primEnd: Int32Array, primCplx: Uint8Array,
  zt: Float64Array, n: number, lo: number, hi: number, re: Float64Array, im: Float64Array,
): void {
  const outR = new Float64Array(BT_BLOCK * n);
  const outI = new Float64Array(BT_BLOCK * n);
  const w = hi - lo + 1;
  for (let p0 = 0; p0 < np; p0 += BT_BLOCK) {
    const nb = Math.min(BT_BLOCK, np - p0);
    const cEnd = Math.min(hi, primEnd[p0]);
    let cplx = false;
    for (let p = p0; p < p0 + nb; p++) if (primCplx[p] !== 0) cplx = true;
    outR.fill(0, 0, nb * n);
    if (cplx) outI.fill(0, 0, nb * n);
    if (cEnd >= lo) {
      gemm(nb, w, cEnd - lo + 1, 1, pr, p0 * n + lo, n, 1, zt, lo * n + lo, n, outR, lo, n);
      if (cplx) gemm(nb, w, cEnd - lo + 1, 1, pim, p0 * n + lo, n, 1, zt, lo * n + lo, n, outI, lo, n);
    }
    for (let b = 0; b < nb; b++) {
      const p = p0 + b;
      const o = primRow[p] * n;
      const src = p * n;
      const ob = b * n;
      const end = primEnd[p];
      for (let i = lo; i <= hi; i++) re[o + i] = outR[ob + i];
      if (primCplx[p] !== 0) for (let i = lo; i <= hi; i++) im[o + i] = outI[ob + i];
      // Outside lo..hi, Zᵀ is the identity.
      for (let c = 0; c < lo && c <= end; c++) {
        re[o + c] = pr[src + c];
        im[o + c] = pim[src + c];
      }
      for (let c = hi + 1; c <= end; c++) {
        re[o + c] = pr[src + c];
        im[o + c] = pim[src + c];
      }
    }
  }
}

/** max(D)·‖x‖/‖D x‖ per vector (rows of re/im, balanced coordinates); all ones without scaling. */
function amplificationOf(bal: Balancing, re: Float64Array, im: Float64Array, wi: Float64Array, n: number): Float64Array {
  const amp = new Float64Array(n).fill(1);
  const { lo, hi, scale } = bal;
  let top = 1;
  for (let i = lo; i <= hi; i++) top = Math.max(top, scale[i]);
  let low = 1;
  for (let i = lo; i <= hi; i++) low = Math.min(low, scale[i]);
  if (top === low) return amp;
  const rel = new Float64Array(n).fill(1 / top); // D/max(D), ≤ 1 (D = 1 outside lo..hi)
  for (let i = lo; i <= hi; i++) rel[i] = scale[i] / top;
  for (let k = 0; k < n; k++) {
    if (wi[k] < 0) {
      amp[k] = amp[k - 1];
      continue;
    }
    const o = k * n;
    let big = 0;
    for (let i = 0; i < n; i++) big = Math.max(big, Math.abs(re[o + i]), Math.abs(im[o + i]));
    if (big === 0) continue;
    let sx = 0;
    let sd = 0;
    for (let i = 0; i < n; i++) {
      const a = re[o + i] / big;
      const b = im[o + i] / big;
      const m = a * a + b * b;
      sx += m;
      sd += m * rel[i] * rel[i];
    }
    amp[k] = sd === 0 ? Infinity : Math.sqrt(sx / sd);
  }
  return amp;
}

/** Unit 2-norm; for complex vectors also rotate the phase so the largest entry is real and positive. */
function normalize(re: Float64Array, im: Float64Array, o: number, n: number, complex: boolean): void {
  let big = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const m = Math.abs(re[o + i]) + Math.abs(im[o + i]);
    if (m > big) {
      big = m;
      at = i;
    }
  }
  if (big === 0) return;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const a = re[o + i] / big;
    const b = im[o + i] / big;
    ss += a * a + b * b;
  }
  const nrm = big * Math.sqrt(ss);
  let cr = 1 / nrm;
  let ci = 0;
  if (complex) {
    // Multiply by conj(v_at)/|v_at| / ‖v‖.
    const a = re[o + at];
    const b = im[o + at];
    const m = Math.hypot(a, b);
    cr = a / m / nrm;
    ci = -b / m / nrm;
  }
  for (let i = 0; i < n; i++) {
    const a = re[o + i];
    const b = im[o + i];
    re[o + i] = a * cr - b * ci;
    im[o + i] = a * ci + b * cr;
  }
  if (complex) im[o + at] = 0;
}

/**
 * κ = ‖x‖‖w‖/|wᵀx| with w solving Tᵀ w = λ w from the block k0..kEnd downwards.
 * Entry j of w needs Σ_{r<j} t_rj w_r, a column of T: `tt` holds Tᵀ (row j =
 * column j of T above the diagonal), so each sum is a contiguous dot product,
 * as in the right-vector substitution. Overflow guard as there: with
 * colAbs[j] = Σ_{r<j} |t_rj| and wmax ≥ max |w_r|, every sum is at most
 * colAbs[j]·wmax, and w is scaled down first when that bound could pass RHS_MAX.
 */
function conditionOf(
  t: Float64Array, tt: Float64Array, n: number, wi: Float64Array, k0: number, kEnd: number, lr: number, li: number,
  smin: number, xr: Float64Array, xi: Float64Array, wr: Float64Array, wim: Float64Array, colAbs: Float64Array,
): number {
  wr.fill(0, k0, n);
  wim.fill(0, k0, n);
  if (li === 0) {
    wr[k0] = 1;
  } else {
    const b = t[k0 * n + kEnd];
    const c = t[kEnd * n + k0];
    if (Math.abs(c) >= Math.abs(b)) {
      wr[k0] = 1;
      wim[kEnd] = li / c;
    } else {
      wr[kEnd] = 1;
      wim[k0] = li / b;
    }
  }
  let wmax = Math.max(Math.abs(wr[k0]) + Math.abs(wim[k0]), Math.abs(wr[kEnd]) + Math.abs(wim[kEnd]));
  for (let j = kEnd + 1; j < n; j++) {
    const pair = wi[j] > 0; // rows j, j+1 form a complex block
    const bot = pair ? j + 1 : j;
    const reach = pair ? Math.max(colAbs[j], colAbs[bot]) : colAbs[j];
    if (wmax > 1 && reach > RHS_MAX / wmax) {
      scaleRange(wr, wim, k0, j, 1 / wmax);
      wmax = 1;
    }
    const o1 = j * n;
    let r1r = 0, r1i = 0, r2r = 0, r2i = 0;
    if (li === 0) {
      for (let r = k0; r < j; r++) r1r += tt[o1 + r] * wr[r];
      if (pair) for (let r = k0, o2 = o1 + n; r < j; r++) r2r += tt[o2 + r] * wr[r];
    } else if (pair) {
      const o2 = o1 + n;
      for (let r = k0; r < j; r++) {
        const a = wr[r];
        const b = wim[r];
        const c1 = tt[o1 + r];
        const c2 = tt[o2 + r];
        r1r += c1 * a;
        r1i += c1 * b;
        r2r += c2 * a;
        r2i += c2 * b;
      }
    } else {
      for (let r = k0; r < j; r++) {
        const c1 = tt[o1 + r];
        r1r += c1 * wr[r];
        r1i += c1 * wim[r];
      }
    }
    if (pair) {
      const o2 = o1 + n;
      // Transposed block: [[t_jj, t_{j+1,j}], [t_{j,j+1}, t_{j+1,j+1}]].
      solve2(t[o1 + j], t[o2 + j], t[o1 + j + 1], t[o2 + j + 1], lr, li, -r1r, -r1i, -r2r, -r2i, smin);
      if (sol[4] !== 1) {
        scaleRange(wr, wim, k0, j, sol[4]);
        wmax *= sol[4];
      }
      wr[j] = sol[0];
      wim[j] = sol[1];
      wr[bot] = sol[2];
      wim[bot] = sol[3];
    } else {
      const f = solve1(t[o1 + j], lr, li, -r1r, -r1i, smin);
      if (f !== 1) {
        scaleRange(wr, wim, k0, j, f);
        wmax *= f;
      }
      wr[j] = q[0];
      wim[j] = q[1];
    }
    const big = Math.max(Math.abs(wr[j]) + Math.abs(wim[j]), Math.abs(wr[bot]) + Math.abs(wim[bot]));
    j = bot;
    if (big > wmax) wmax = big;
    if (big > GROW) {
      // Defective eigenvalues make the entries grow like smin^-k; rescale before they overflow.
      scaleRange(wr, wim, k0, bot + 1, 1 / big);
      wmax /= big;
    }
  }
  const nx = norm(xr, xi, 0, kEnd + 1);
  const nw = norm(wr, wim, k0, n);
  let dr = 0;
  let di = 0;
  for (let j = k0; j <= kEnd; j++) {
    dr += (wr[j] / nw) * (xr[j] / nx) - (wim[j] / nw) * (xi[j] / nx);
    di += (wr[j] / nw) * (xi[j] / nx) + (wim[j] / nw) * (xr[j] / nx);
  }
  const d = Math.hypot(dr, di);
  return d === 0 ? Infinity : 1 / d;
}

function scaleRange(re: Float64Array, im: Float64Array, from: number, to: number, f: number): void {
  for (let i = from; i < to; i++) {
    re[i] *= f;
    im[i] *= f;
  }
}

function norm(re: Float64Array, im: Float64Array, from: number, to: number): number {
  let big = 0;
  for (let i = from; i < to; i++) big = Math.max(big, Math.abs(re[i]), Math.abs(im[i]));
  if (big === 0) return 0;
  let ss = 0;
  for (let i = from; i < to; i++) {
    const a = re[i] / big;
    const b = im[i] / big;
    ss += a * a + b * b;
  }
  return big * Math.sqrt(ss);
}
