/**
 * Francis double-shift QR iteration: Hessenberg H → real Schur form T = Zᵀ H Z
 * (upper quasi-triangular, 2×2 diagonal blocks only for complex pairs).
 *
 * Algorithm: Golub & Van Loan §7.5 (implicit double shift, bulge chasing),
 * with the refinements documented for LAPACK's dlahqr: start the bulge below
 * two consecutive small subdiagonals, the Ahues–Tisseur deflation test, and
 * ad hoc "exceptional" shifts every 10 stagnant iterations (alternating
 * between the top and the bottom of the active block), which is what keeps
 * matrices like the JAMA 5×5 counter-example from cycling forever. A hard
 * total iteration budget turns any remaining stagnation into an error.
 *
 * Active blocks of AED_MIN rows or more also use aggressive early deflation
 * (Braman, Byers & Mathias 2002; LAPACK's dlaqr0/dlaqr3 — see eigAed.ts):
 * before a round of sweeps a trailing window is reduced to Schur form,
 * converged eigenvalues are split off through its spike, and the window's
 * undeflated eigenvalues become the shifts of the next few double-shift
 * sweeps. With only double-shift sweeps to follow (no multi-bulge chase)
 * a 12-row window QR costs about two sweeps at n = 100 and saves about as
 * many; measured on random matrices (CPU time), AED pays on active blocks of
 * 60 rows or more with an 8-row window and a new window every two sweeps
 * below 100 rows, 12% of the block and up to 8 sweeps per window above
 * (eig about −10% at n = 200, −20% at 400, neutral at 100). Smaller
 * blocks, and the window QR itself, use the plain iteration.
 */
import { EPS, SAFE_MIN, hypot2, safeNorm } from './eigShared';
import { aggressiveDeflation, standardize2x2, type WindowSchur } from './eigAed';

export { standardize2x2 };

/** Output of `schur`: eigenvalues in diagonal order (pairs: +im first). */
export interface SchurValues {
  wr: Float64Array;
  wi: Float64Array;
}

/**
 * Runs the QR iteration on `h` (row-major n×n Hessenberg; rows/cols outside
 * lo..hi already triangular). With `zt` (Qᵀ of the reduction), the full Schur
 * form is computed and the transformations accumulated into zt (rows = Schur
 * vectors); with `zt === null` only the active block is updated (eigenvalues
 * only, cheaper). Returns null when the iteration budget is exhausted.
 */
export function schur(h: Float64Array, n: number, lo: number, hi: number, zt: Float64Array | null): SchurValues | null {
  return schurIterate(h, n, lo, hi, zt, AED_MIN);
}

/** Active blocks at least this large start each round of sweeps with an aggressive-early-deflation step (measured crossover). */
export const AED_MIN = 60;
/** Undeflatable-shift pool per AED step (pairs are consumed two shifts per sweep). */
const AED_SHIFTS = 16;
/** The pool for blocks below AED_SMALL rows: a new window every two sweeps. */
const AED_SHIFTS_SMALL = 4;
/** An AED step that deflates more than this fraction of its window is repeated at once, without a sweep in between. */
const NIBBLE = 0.3;

/** Below this many active rows AED uses the small window and shift pool (see aedWindow). */
const AED_SMALL = 100;

/**
 * Deflation window for an active block of nb rows (tuned on random matrices,
 * n = 50–400): 8 rows for small blocks, where the window QR must stay cheap
 * next to a sweep, 12% of the block above AED_SMALL rows.
 */
function aedWindow(nb: number): number {
  return nb < AED_SMALL ? Math.min(nb, 8) : Math.min(nb, Math.max(12, Math.round(0.12 * nb)));
}

/** The solver `aggressiveDeflation` runs on its window: plain double-shift QR, no nested AED. */
const windowSchur: WindowSchur = (t, w, vt) => schurIterate(t, w, 0, w - 1, vt, Infinity);

/**
 * The QR iteration behind `schur` (same arguments and result), with aggressive
 * early deflation on active blocks of at least `aedMin` rows (Infinity: never).
 * Exported for the tests, which run the AED path on small matrices too.
 */
export function schurIterate(
  h: Float64Array,
  n: number,
  lo: number,
  hi: number,
  zt: Float64Array | null,
  aedMin: number,
): SchurValues | null {
  const aed = aedMin < Infinity;
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  for (let i = 0; i < n; i++) if (i < lo || i > hi) wr[i] = h[i * n + i];
  const want = zt !== null;
  const nh = hi - lo + 1;
  const smlnum = SAFE_MIN * (nh / EPS);
  let budget = Math.max(30 * nh, 300);
  // ‖H‖_F of the active block (kept by the orthogonal sweeps up to rounding), for the
  // normwise fallback test below.
  let hnorm = 0;
  for (let r = lo; r <= hi; r++) hnorm = hypot2(hnorm, safeNorm(h, r * n + Math.max(lo, r - 1), 1, hi - Math.max(lo, r - 1) + 1));
  const normTol = EPS * hnorm;
  const shifts = new Float64Array(4);
  // Shifts left over from the last AED step, valid for the active block qTop..qBottom.
  const poolRe = new Float64Array(aed ? AED_SHIFTS : 0);
  const poolIm = new Float64Array(aed ? AED_SHIFTS : 0);
  let pool = 0;
  let used = 0;
  let qTop = -1;
  let qBottom = -1;
  let i = hi;
  let stagnant = 0;
  while (i >= lo) {
    // Find the top l of the unreduced block ending at row i.
    let l = i;
    for (; l > lo; l--) {
      const o = l * n;
      const hl = Math.abs(h[o + l - 1]);
      if (hl <= smlnum) break;
      // After 10 sweeps without deflation (the neighbour-relative tests below
      // can wait forever for a subdiagonal next to an exact zero diagonal entry,
      // or one that rounding keeps at 1e-280 beside entries of 1e-180), a
      // subdiagonal below eps·‖H‖_F is dropped: still a normwise backward
      // stable perturbation, as in EISPACK's hqr.
      if (stagnant >= 10 && hl <= normTol) break;
      const hll = h[o + l];
      const hpp = h[o - n + l - 1];
      let tst = Math.abs(hpp) + Math.abs(hll);
      if (tst === 0) {
        if (l - 2 >= lo) tst += Math.abs(h[o - n + l - 2]);
        if (l + 1 <= hi) tst += Math.abs(h[o + n + l]);
      }
      if (hl <= EPS * tst) {
        const hu = Math.abs(h[o - n + l]);
        const ab = Math.max(hl, hu);
        const ba = Math.min(hl, hu);
        const aa = Math.max(Math.abs(hll), Math.abs(hpp - hll));
        const bb = Math.min(Math.abs(hll), Math.abs(hpp - hll));
        const s = aa + ab;
        if (ba * (ab / s) <= Math.max(smlnum, EPS * (bb * (aa / s)))) break;
      }
    }
    if (l > lo) h[l * n + l - 1] = 0;
    if (l === i) {
      wr[i] = h[i * n + i];
      wi[i] = 0;
      i -= 1;
      stagnant = 0;
      continue;
    }
    if (l === i - 1) {
      finish2x2(h, n, i, lo, hi, zt, wr, wi);
      i -= 2;
      stagnant = 0;
      continue;
    }
    if (budget-- <= 0) return null;
    stagnant++;
    const exceptional = stagnant % 10 === 0;
    if (aed && !exceptional && i - l + 1 >= aedMin && (l !== qTop || i > qBottom || used + 1 >= pool)) {
      // New AED step: deflate what the window allows, refill the shift pool.
      const nb = i - l + 1;
      const cap = nb < AED_SMALL ? AED_SHIFTS_SMALL : AED_SHIFTS;
      const r = aggressiveDeflation(h, n, l, i, lo, hi, zt, aedWindow(nb), windowSchur, poolRe.subarray(0, cap), poolIm.subarray(0, cap));
      pool = r.count;
      used = 0;
      qTop = l;
      qBottom = i - r.nd;
      if (r.nd > 0) {
        // Deflated rows are split off by exact zeros; the search above records them.
        budget++;
        stagnant = 0;
        if (r.nd > NIBBLE * aedWindow(i - l + 1)) pool = 0;
        continue;
      }
    }
    if (!exceptional && l === qTop && i <= qBottom && used + 1 < pool) {
      // Next pair from the pool: a conjugate pair (stored consecutively), two real
      // shifts, or a real one twice when a pair follows it.
      const re0 = poolRe[used];
      const im0 = poolIm[used];
      shifts[0] = re0;
      shifts[1] = im0;
      if (im0 !== 0) {
        shifts[2] = re0;
        shifts[3] = -im0;
        used += 2;
      } else if (poolIm[used + 1] === 0) {
        shifts[2] = poolRe[used + 1];
        shifts[3] = 0;
        used += 2;
      } else {
        shifts[2] = re0;
        shifts[3] = 0;
        used += 1;
      }
    } else {
      standardShifts(h, n, l, i, stagnant, shifts);
    }
    sweep(h, n, l, i, lo, hi, zt, want, shifts);
  }
  return { wr, wi };
}

/** Deflated 2×2 block at rows i-1, i: standardise, apply the rotation, record eigenvalues. */
function finish2x2(
  h: Float64Array,
  n: number,
  i: number,
  lo: number,
  hi: number,
  zt: Float64Array | null,
  wr: Float64Array,
  wi: Float64Array,
): void {
  const p = i - 1;
  const op = p * n;
  const oi = i * n;
  const r = standardize2x2(h[op + p], h[op + i], h[oi + p], h[oi + i]);
  h[op + p] = r[0];
  h[op + i] = r[1];
  h[oi + p] = r[2];
  h[oi + i] = r[3];
  wr[p] = r[6];
  wi[p] = r[7];
  wr[i] = r[8];
  wi[i] = r[9];
  const cs = r[4];
  const sn = r[5];
  if (zt === null || (cs === 1 && sn === 0)) return;
  // Rows p, i of H right of the block; columns p, i above it; Schur vectors p, i.
  for (let j = i + 1; j < n; j++) {
    const x = h[op + j];
    const y = h[oi + j];
    h[op + j] = cs * x + sn * y;
    h[oi + j] = -sn * x + cs * y;
  }
  for (let k = 0; k < p; k++) {
    const o = k * n;
    const x = h[o + p];
    const y = h[o + i];
    h[o + p] = cs * x + sn * y;
    h[o + i] = -sn * x + cs * y;
  }
  const zp = p * n;
  const zi = i * n;
  for (let j = lo; j <= hi; j++) {
    const x = zt[zp + j];
    const y = zt[zi + j];
    zt[zp + j] = cs * x + sn * y;
    zt[zi + j] = -sn * x + cs * y;
  }
}

/**
 * Francis shifts for the block l..i, written to out as (re1, im1, re2, im2):
 * the eigenvalues of the trailing 2×2 (two real ones: the one nearer h[i][i]
 * twice), or an exceptional pair after 10 (top) / 20 (bottom) stagnant sweeps.
 */
function standardShifts(h: Float64Array, n: number, l: number, i: number, stagnant: number, out: Float64Array): void {
  const at = (r: number, c: number): number => h[r * n + c];
  let h11: number;
  let h12: number;
  let h21: number;
  let h22: number;
  if (stagnant % 20 === 10) {
    const s = Math.abs(at(l + 1, l)) + Math.abs(at(l + 2, l + 1));
    h11 = 0.75 * s + at(l, l);
    h12 = -0.4375 * s;
    h21 = s;
    h22 = h11;
  } else if (stagnant % 20 === 0) {
    const s = Math.abs(at(i, i - 1)) + Math.abs(at(i - 1, i - 2));
    h11 = 0.75 * s + at(i, i);
    h12 = -0.4375 * s;
    h21 = s;
    h22 = h11;
  } else {
    h11 = at(i - 1, i - 1);
    h21 = at(i, i - 1);
    h12 = at(i - 1, i);
    h22 = at(i, i);
  }
  let rt1r = 0;
  let rt1i = 0;
  let rt2r = 0;
  let rt2i = 0;
  const s0 = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
  if (s0 !== 0) {
    const a = h11 / s0;
    const b = h12 / s0;
    const c = h21 / s0;
    const d = h22 / s0;
    const tr = 0.5 * (a + d);
    const det = (a - tr) * (d - tr) - b * c;
    const rt = Math.sqrt(Math.abs(det));
    if (det >= 0) {
      rt1r = tr * s0;
      rt2r = rt1r;
      rt1i = rt * s0;
      rt2i = -rt1i;
    } else {
      // Two real shifts: use the one nearer h22 twice.
      const x1 = tr + rt;
      const x2 = tr - rt;
      const pick = Math.abs(x1 - d) <= Math.abs(x2 - d) ? x1 : x2;
      rt1r = pick * s0;
      rt2r = rt1r;
    }
  }
  out[0] = rt1r;
  out[1] = rt1i;
  out[2] = rt2r;
  out[3] = rt2i;
}

/**
 * One implicit double-shift sweep on the unreduced block l..i (i − l ≥ 2)
 * with the shifts (re1, im1, re2, im2) in `shifts` (a conjugate pair or two reals).
 */
function sweep(
  h: Float64Array,
  n: number,
  l: number,
  i: number,
  lo: number,
  hi: number,
  zt: Float64Array | null,
  want: boolean,
  shifts: Float64Array,
): void {
  const at = (r: number, c: number): number => h[r * n + c];
  const rt1r = shifts[0];
  const rt1i = shifts[1];
  const rt2r = shifts[2];
  const rt2i = shifts[3];
  // Start row m: the first column of (H − σ1)(H − σ2) restricted to rows m..m+2,
  // moving up while the bulge would not disturb a tiny subdiagonal.
  let m = i - 2;
  let v0 = 0;
  let v1 = 0;
  let v2 = 0;
  for (; ; m--) {
    let h21s = at(m + 1, m);
    const hmm = at(m, m);
    let s = Math.abs(hmm - rt2r) + Math.abs(rt2i) + Math.abs(h21s);
    h21s /= s;
    v0 = h21s * at(m, m + 1) + (hmm - rt1r) * ((hmm - rt2r) / s) - rt1i * (rt2i / s);
    v1 = h21s * (hmm + at(m + 1, m + 1) - rt1r - rt2r);
    v2 = h21s * at(m + 2, m + 1);
    s = Math.abs(v0) + Math.abs(v1) + Math.abs(v2);
    if (s === 0) {
      // Every term underflowed: no usable bulge from this row.
      v0 = 1;
    } else {
      v0 /= s;
      v1 /= s;
      v2 /= s;
    }
    if (m === l) break;
    const up = Math.abs(at(m, m - 1)) * (Math.abs(v1) + Math.abs(v2));
    const diag = Math.abs(v0) * (Math.abs(at(m - 1, m - 1)) + Math.abs(hmm) + Math.abs(at(m + 1, m + 1)));
    if (up <= EPS * diag) break;
  }
  const colEnd = want ? n - 1 : i;
  const rowStart = want ? 0 : l;
  // The bulge is chased in windows of WINDOW steps. Inside a window each
  // reflector is applied at once, but only to the part of H near the
  // diagonal that the next reflectors read (rows and columns k0..wEnd); its
  // action on the columns right of the window, on the rows above it and on
  // Zᵀ is deferred to the end of the window and done by `chain`, which passes
  // every entry through all the window's reflectors in registers (one load
  // and one store per entry instead of one per reflector). Every entry still
  // sees the same reflectors in the same order through the same
  // expressions, so the result is bit for bit that of applying each reflector
  // everywhere at once.
  for (let k0 = m; k0 < i; k0 += WINDOW) {
    const k1 = Math.min(k0 + WINDOW, i) - 1;
    const wEnd = Math.min(k1 + 2, i);
    for (let k = k0; k <= k1; k++) {
      const nr = Math.min(3, i - k + 1);
      const j = k - k0;
      winT[j] = 0;
      if (k > m) {
        v0 = at(k, k - 1);
        v1 = at(k + 1, k - 1);
        v2 = nr === 3 ? at(k + 2, k - 1) : 0;
      }
      // Householder reflector P = I − t u uᵀ, u = (1, u1, u2), mapping (v0, v1, v2) to (beta, 0, 0).
      // Built from the vector divided by its largest entry, so bulges of subnormal
      // size still give an orthogonal P (1/(v0 − beta) would overflow otherwise).
      if (v1 === 0 && v2 === 0) continue;
      const a0 = Math.abs(v0);
      const a1 = Math.abs(v1);
      const a2 = Math.abs(v2);
      const mx = a0 > a1 ? (a0 > a2 ? a0 : a2) : a1 > a2 ? a1 : a2;
      const w0 = v0 / mx;
      const w1 = v1 / mx;
      const w2 = v2 / mx;
      const bs = w0 >= 0 ? -hypot2(w0, hypot2(w1, w2)) : hypot2(w0, hypot2(w1, w2));
      const t = (bs - w0) / bs;
      const sc = 1 / (w0 - bs);
      const u1 = w1 * sc;
      const u2 = w2 * sc;
      const beta = bs * mx;
      if (k > m) {
        h[k * n + k - 1] = beta;
        h[(k + 1) * n + k - 1] = 0;
        if (nr === 3) h[(k + 2) * n + k - 1] = 0;
      } else if (m > l) {
        // The reflector also scales the small entry left of the bulge.
        h[k * n + k - 1] *= 1 - t;
      }
      const t1 = t * u1;
      const t2 = t * u2;
      winT[j] = t;
      winU1[j] = u1;
      winU2[j] = nr === 3 ? u2 : 0;
      winT1[j] = t1;
      winT2[j] = nr === 3 ? t2 : 0;
      const o0 = k * n;
      const o1 = o0 + n;
      const o2 = o1 + n;
      const r0 = Math.max(rowStart, k0);
      if (nr === 3) {
        for (let c = k; c <= wEnd; c++) {
          const s = h[o0 + c] + u1 * h[o1 + c] + u2 * h[o2 + c];
          h[o0 + c] -= s * t;
          h[o1 + c] -= s * t1;
          h[o2 + c] -= s * t2;
        }
        const rEnd = Math.min(k + 3, i);
        for (let r = r0; r <= rEnd; r++) {
          const o = r * n + k;
          const s = h[o] + u1 * h[o + 1] + u2 * h[o + 2];
          h[o] -= s * t;
          h[o + 1] -= s * t1;
          h[o + 2] -= s * t2;
        }
      } else {
        for (let c = k; c <= wEnd; c++) {
          const s = h[o0 + c] + u1 * h[o1 + c];
          h[o0 + c] -= s * t;
          h[o1 + c] -= s * t1;
        }
        for (let r = r0; r <= i; r++) {
          const o = r * n + k;
          const s = h[o] + u1 * h[o + 1];
          h[o] -= s * t;
          h[o + 1] -= s * t1;
        }
      }
    }
    // Deferred: the window's reflectors on the columns right of it, the rows above it, and Zᵀ.
    const cnt = k1 - k0 + 1;
    const last3 = i - k1 + 1 >= 3;
    if (wEnd < colEnd) chain(h, k0 * n + wEnd + 1, n, 1, colEnd - wEnd, cnt, last3);
    if (rowStart < k0) chain(h, rowStart * n + k0, 1, n, k0 - rowStart, cnt, last3);
    if (zt !== null) chain(zt, k0 * n + lo, n, 1, hi - lo + 1, cnt, last3);
  }
}

/** Steps of the bulge chase per window (see `sweep`). */
const WINDOW = 16;
const winT = new Float64Array(WINDOW);
const winU1 = new Float64Array(WINDOW);
const winU2 = new Float64Array(WINDOW);
const winT1 = new Float64Array(WINDOW);
const winT2 = new Float64Array(WINDOW);

/**
 * Applies the window's reflectors j = 0..cnt−1 (reflector j mixes elements
 * j, j+1, j+2 of a chain; the last one mixes only two when `last3` is false)
 * to `lanes` independent chains of x: element e of lane p is
 * x[base + e·es + p·ls]. Each lane carries its two pending elements through
 * the whole window, two lanes at a time for instruction-level parallelism.
 */
function chain(x: Float64Array, base: number, es: number, ls: number, lanes: number, cnt: number, last3: boolean): void {
  const full = last3 ? cnt : cnt - 1; // reflectors that act on three elements
  let p = 0;
  for (; p + 3 < lanes; p += 4) {
    const b0 = base + p * ls;
    const b1 = b0 + ls;
    const b2 = b1 + ls;
    const b3 = b2 + ls;
    let x0 = x[b0], x1 = x[b0 + es];
    let y0 = x[b1], y1 = x[b1 + es];
    let z0 = x[b2], z1 = x[b2 + es];
    let w0 = x[b3], w1 = x[b3 + es];
    let e = 0;
    for (let j = 0; j < full; j++, e += es) {
      const e2 = e + 2 * es;
      let x2 = x[b0 + e2];
      let y2 = x[b1 + e2];
      let z2 = x[b2 + e2];
      let w2 = x[b3 + e2];
      const t = winT[j];
      if (t !== 0) {
        const u1 = winU1[j];
        const u2 = winU2[j];
        const sx = x0 + u1 * x1 + u2 * x2;
        const sy = y0 + u1 * y1 + u2 * y2;
        const sz = z0 + u1 * z1 + u2 * z2;
        const sw = w0 + u1 * w1 + u2 * w2;
        x0 -= sx * t;
        y0 -= sy * t;
        z0 -= sz * t;
        w0 -= sw * t;
        const t1 = winT1[j];
        x1 -= sx * t1;
        y1 -= sy * t1;
        z1 -= sz * t1;
        w1 -= sw * t1;
        const t2 = winT2[j];
        x2 -= sx * t2;
        y2 -= sy * t2;
        z2 -= sz * t2;
        w2 -= sw * t2;
      }
      x[b0 + e] = x0;
      x[b1 + e] = y0;
      x[b2 + e] = z0;
      x[b3 + e] = w0;
      x0 = x1; x1 = x2;
      y0 = y1; y1 = y2;
      z0 = z1; z1 = z2;
      w0 = w1; w1 = w2;
    }
    if (full < cnt) {
      const t = winT[full];
      if (t !== 0) {
        const u1 = winU1[full];
        const t1 = winT1[full];
        const sx = x0 + u1 * x1;
        const sy = y0 + u1 * y1;
        const sz = z0 + u1 * z1;
        const sw = w0 + u1 * w1;
        x0 -= sx * t; x1 -= sx * t1;
        y0 -= sy * t; y1 -= sy * t1;
        z0 -= sz * t; z1 -= sz * t1;
        w0 -= sw * t; w1 -= sw * t1;
      }
    }
    x[b0 + e] = x0; x[b0 + e + es] = x1;
    x[b1 + e] = y0; x[b1 + e + es] = y1;
    x[b2 + e] = z0; x[b2 + e + es] = z1;
    x[b3 + e] = w0; x[b3 + e + es] = w1;
  }
  for (; p < lanes; p++) {
    const b0 = base + p * ls;
    let x0 = x[b0];
    let x1 = x[b0 + es];
    let e = 0;
    for (let j = 0; j < full; j++, e += es) {
      let x2 = x[b0 + e + 2 * es];
      const t = winT[j];
      if (t !== 0) {
        const s = x0 + winU1[j] * x1 + winU2[j] * x2;
        x0 -= s * t;
        x1 -= s * winT1[j];
        x2 -= s * winT2[j];
      }
      x[b0 + e] = x0;
      x0 = x1;
      x1 = x2;
    }
    if (full < cnt) {
      const t = winT[full];
      if (t !== 0) {
        const s = x0 + winU1[full] * x1;
        x0 -= s * t;
        x1 -= s * winT1[full];
      }
    }
    x[b0 + e] = x0;
    x[b0 + e + es] = x1;
  }
}
