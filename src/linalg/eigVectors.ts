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
import type { Balancing } from './eigBalance';
import { unbalanceRows } from './eigBalance';

/** Vectors of the original matrix, one per ROW (row k ↔ eigenvalue k in Schur order). */
export interface SchurVectors {
  re: Float64Array;
  im: Float64Array;
  /** Condition number of each eigenvalue of the balanced matrix (Infinity when defective to working precision). */
  cond: Float64Array;
}

const GROW = 1e150;

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
const sol = new Float64Array(4);

/**
 * Solves [[a−λ, b], [c, d−λ]] (u, v) = (f, g) for complex λ = lr + i li and
 * complex right side, by Cramer's rule with the determinant nudged away from zero.
 * Writes (ur, ui, vr, vi) to `sol`.
 */
function solve2(
  a: number, b: number, c: number, d: number, lr: number, li: number,
  fr: number, fi: number, gr: number, gi: number, smin: number,
): void {
  const ar = a - lr;
  const dr = d - lr;
  // det = (ar − i li)(dr − i li) − b c
  let detr = ar * dr - li * li - b * c;
  let deti = -li * (ar + dr);
  if (Math.abs(detr) + Math.abs(deti) < smin * smin) {
    detr = smin * smin;
    deti = 0;
  }
  // u = (f (d−λ) − b g)/det, v = ((a−λ) g − c f)/det
  cdiv(fr * dr + fi * li - b * gr, fi * dr - fr * li - b * gi, detr, deti, q);
  sol[0] = q[0];
  sol[1] = q[1];
  cdiv(ar * gr + li * gi - c * fr, ar * gi - li * gr - c * fi, detr, deti, q);
  sol[2] = q[0];
  sol[3] = q[1];
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
  const ar = new Float64Array(n);
  const ai = new Float64Array(n);
  const smlnum = SAFE_MIN * (n / EPS);
  const { lo, hi } = bal;
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
    // Upward substitution over rows j < k0.
    for (let j = k0 - 1; j >= 0; j--) {
      const pair = wi[j] < 0; // rows j-1, j form a complex block
      const top = pair ? j - 1 : j;
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
        xr[top] = sol[0];
        xi[top] = sol[1];
        xr[j] = sol[2];
        xi[j] = sol[3];
      } else {
        let dr = t[o2 + j] - lr;
        let di = -li;
        if (Math.abs(dr) + Math.abs(di) < smin) {
          dr = smin;
          di = 0;
        }
        cdiv(-r2r, -r2i, dr, di, q);
        xr[j] = q[0];
        xi[j] = q[1];
      }
      const big = Math.max(Math.abs(xr[j]) + Math.abs(xi[j]), Math.abs(xr[top]) + Math.abs(xi[top]));
      j = top;
      if (big > GROW) {
        // Defective eigenvalues make the entries grow like smin^-k; rescale before they overflow.
        const f = 1 / big;
        for (let c = j; c <= kEnd; c++) {
          xr[c] *= f;
          xi[c] *= f;
        }
      }
    }
    cond[k] = conditionOf(t, n, wi, k0, kEnd, lr, li, smin, xr, xi, yr, yi, ar, ai);
    if (li !== 0) cond[k + 1] = cond[k];
    // Back-transform with Z (rows lo..hi of Zᵀ carry the nontrivial part).
    const o = k * n;
    for (let c = 0; c <= kEnd; c++) {
      const pr = xr[c];
      const pi = xi[c];
      if (pr === 0 && pi === 0) continue;
      if (c < lo || c > hi) {
        re[o + c] += pr;
        im[o + c] += pi;
        continue;
      }
      const zo = c * n;
      if (pi === 0) {
        for (let i = lo; i <= hi; i++) re[o + i] += zt[zo + i] * pr;
      } else {
        for (let i = lo; i <= hi; i++) {
          const z = zt[zo + i];
          re[o + i] += z * pr;
          im[o + i] += z * pi;
        }
      }
    }
  }
  unbalanceRows(bal, re, n, n);
  unbalanceRows(bal, im, n, n);
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
  return { re, im, cond };
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

/** κ = ‖x‖‖w‖/|wᵀx| with w solving Tᵀ w = λ w from the block k0..kEnd downwards. */
function conditionOf(
  t: Float64Array, n: number, wi: Float64Array, k0: number, kEnd: number, lr: number, li: number, smin: number,
  xr: Float64Array, xi: Float64Array, wr: Float64Array, wim: Float64Array, ar: Float64Array, ai: Float64Array,
): number {
  wr.fill(0);
  wim.fill(0);
  ar.fill(0);
  ai.fill(0);
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
  const addRow = (r: number): void => {
    const o = r * n;
    const pr = wr[r];
    const pi = wim[r];
    if (pi === 0) {
      for (let c = kEnd + 1; c < n; c++) ar[c] += t[o + c] * pr;
    } else {
      for (let c = kEnd + 1; c < n; c++) {
        ar[c] += t[o + c] * pr;
        ai[c] += t[o + c] * pi;
      }
    }
  };
  for (let r = k0; r <= kEnd; r++) addRow(r);
  for (let j = kEnd + 1; j < n; j++) {
    if (wi[j] > 0) {
      const o1 = j * n;
      const o2 = o1 + n;
      // Transposed block: [[t_jj, t_{j+1,j}], [t_{j,j+1}, t_{j+1,j+1}]].
      solve2(t[o1 + j], t[o2 + j], t[o1 + j + 1], t[o2 + j + 1], lr, li, -ar[j], -ai[j], -ar[j + 1], -ai[j + 1], smin);
      wr[j] = sol[0];
      wim[j] = sol[1];
      wr[j + 1] = sol[2];
      wim[j + 1] = sol[3];
      addRow(j);
      addRow(j + 1);
      j++;
    } else {
      let dr = t[j * n + j] - lr;
      let di = -li;
      if (Math.abs(dr) + Math.abs(di) < smin) {
        dr = smin;
        di = 0;
      }
      cdiv(-ar[j], -ai[j], dr, di, q);
      wr[j] = q[0];
      wim[j] = q[1];
      addRow(j);
    }
    const m = Math.abs(wr[j]) + Math.abs(wim[j]);
    if (m > GROW) {
      const f = 1 / m;
      for (let c = k0; c < n; c++) {
        wr[c] *= f;
        wim[c] *= f;
        ar[c] *= f;
        ai[c] *= f;
      }
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
