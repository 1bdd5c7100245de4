/**
 * Singular values (and optionally vectors) of an upper bidiagonal matrix by
 * implicit-shift QR (Golub–Kahan) with the refinements of Demmel & Kahan,
 * "Accurate singular values of bidiagonal matrices" (1990), as LAPACK's dbdsqr
 * organises them: relative convergence tests, a zero-shift sweep when the
 * shift would destroy the relative accuracy of tiny singular values, and
 * chasing the bulge in the direction of decreasing diagonal magnitude.
 *
 * The singular vectors are held as COLUMNS of row-major matrices V (rows×n)
 * and U (rows×n used of each row of length ld). Like LAPACK's dlasr, the
 * rotations of one sweep are recorded and then applied together: for each row
 * the whole sequence is swept across adjacent entries as a "wave", so every
 * entry is loaded and stored once per sweep instead of twice per rotation, and
 * four rows are processed at once to hide the latency of the recurrence.
 */
import { EPS, SAFE_MIN, givens, rot } from './blas';
import { LinAlgError } from './errors';
import { applySeq, rotCols, type Target } from './rotseq';
import { las2, lasv2, sv2 } from './svd2x2';

/** Work arrays for one sweep's rotations (U side and V side). */
interface Seq {
  cu: Float64Array;
  su: Float64Array;
  cv: Float64Array;
  sv: Float64Array;
}

const MAXITR = 6;

/**
 * Diagonalises the bidiagonal (d, e) in place: on return `d` holds the
 * singular values in descending order (≥ 0) and the first n columns of V and
 * U have been rotated and permuted to match (V: vRows×n with leading dimension
 * vLd, U likewise). Either may be null (values only).
 * Throws `LinAlgError('no-convergence')` after 6·n² inner steps.
 */
export function bdsqr(
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
  const vt: Target | null = V ? { a: V, rows: vRows, ld: vLd } : null;
  const ut: Target | null = U ? { a: U, rows: uRows, ld: uLd } : null;
  if (n > 1) {
    const seq: Seq = { cu: new Float64Array(n), su: new Float64Array(n), cv: new Float64Array(n), sv: new Float64Array(n) };
    iterate(n, d, e, vt, ut, seq);
  }
  // Make the singular values non-negative and sort them into descending
  // order. The sign flips and the column permutation are applied to U and V
  // in one contiguous pass per row (a gather), not as strided column swaps.
  const sign = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sign[i] = 1;
    if (d[i] < 0) {
      d[i] = -d[i];
      sign[i] = -1;
    } else if (d[i] === 0) {
      d[i] = 0; // normalise −0
    }
  }
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  // Selection sort of the indices (the same order the previous swap-based sort produced).
  let moved = false;
  for (let i = 0; i < n - 1; i++) {
    let best = i;
    for (let j = i + 1; j < n; j++) if (d[j] > d[best]) best = j;
    if (best !== i) {
      const t = d[i];
      d[i] = d[best];
      d[best] = t;
      const q = perm[i];
      perm[i] = perm[best];
      perm[best] = q;
      moved = true;
    }
  }
  let flipped = false;
  for (let i = 0; i < n; i++) if (sign[i] < 0) flipped = true;
  if (vt && (moved || flipped)) permuteCols(vt, n, perm, sign);
  if (ut && moved) permuteCols(ut, n, perm, null);
}

/** Column j of the result is sgn[perm[j]]·(column perm[j]) of the first n columns, row by row. */
function permuteCols(t: Target, n: number, perm: Int32Array, sgn: Float64Array | null): void {
  const { a, rows, ld } = t;
  const tmp = new Float64Array(n);
  for (let r = 0, o = 0; r < rows; r++, o += ld) {
    if (sgn) for (let j = 0; j < n; j++) tmp[j] = sgn[perm[j]] * a[o + perm[j]];
    else for (let j = 0; j < n; j++) tmp[j] = a[o + perm[j]];
    for (let j = 0; j < n; j++) a[o + j] = tmp[j];
  }
}

function iterate(
  n: number,
  d: Float64Array,
  e: Float64Array,
  Vt: Target | null,
  Ut: Target | null,
  seq: Seq,
): void {
  const eps = EPS / 2; // LAPACK's relative machine precision
  const tolmul = Math.max(10, Math.min(100, eps ** -0.125));
  const tol = tolmul * eps;
  // Estimate the smallest singular value (Demmel–Kahan recurrence) for the absolute threshold.
  let smax = 0;
  for (let i = 0; i < n; i++) smax = Math.max(smax, Math.abs(d[i]));
  for (let i = 0; i < n - 1; i++) smax = Math.max(smax, Math.abs(e[i]));
  let sminoa = Math.abs(d[0]);
  if (sminoa !== 0) {
    let mu = sminoa;
    for (let i = 1; i < n; i++) {
      mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
      sminoa = Math.min(sminoa, mu);
      if (sminoa === 0) break;
    }
  }
  sminoa = sminoa / Math.sqrt(n);
  const thresh = Math.max(tol * sminoa, MAXITR * n * n * SAFE_MIN);
  const maxit = MAXITR * n * n;
  let iter = 0;
  let oldll = -1;
  let oldm = -1;
  let idir = 0;
  let m = n - 1; // index of the last entry of the active block
  while (m > 0) {
    if (iter > maxit) {
      throw new LinAlgError('no-convergence', `The SVD did not converge within ${maxit} QR steps.`);
    }
    // Find the top ll of the unreduced block ending at m.
    let ll = -1;
    smax = Math.abs(d[m]);
    for (let i = m - 1; i >= 0; i--) {
      const abss = Math.abs(d[i]);
      const abse = Math.abs(e[i]);
      if (abse <= thresh) {
        e[i] = 0;
        ll = i;
        break;
      }
      if (abss > smax) smax = abss;
      if (abse > smax) smax = abse;
    }
    if (ll === m - 1) {
      m -= 1; // 1×1 block has converged
      continue;
    }
    ll += 1; // block is d[ll..m], e[ll..m−1]
    if (ll === m - 1) {
      // 2×2 block: finish it directly.
      lasv2(d[m - 1], e[m - 1], d[m]);
      d[m - 1] = sv2.ssmax;
      e[m - 1] = 0;
      d[m] = sv2.ssmin;
      rotCols(Vt, m - 1, sv2.csr, sv2.snr);
      rotCols(Ut, m - 1, sv2.csl, sv2.snl);
      m -= 2;
      continue;
    }
    // A new block: chase the bulge from the larger end.
    if (ll > oldm || m < oldll) idir = Math.abs(d[ll]) >= Math.abs(d[m]) ? 1 : 2;
    // Convergence tests.
    let sminl = 0;
    let split = false;
    if (idir === 1) {
      if (Math.abs(e[m - 1]) <= tol * Math.abs(d[m])) {
        e[m - 1] = 0;
        continue;
      }
      let mu = Math.abs(d[ll]);
      sminl = mu;
      for (let i = ll; i < m; i++) {
        if (Math.abs(e[i]) <= tol * mu) {
          e[i] = 0;
          split = true;
          break;
        }
        mu = Math.abs(d[i + 1]) * (mu / (mu + Math.abs(e[i])));
        if (mu < sminl) sminl = mu;
      }
    } else {
      if (Math.abs(e[ll]) <= tol * Math.abs(d[ll])) {
        e[ll] = 0;
        continue;
      }
      let mu = Math.abs(d[m]);
      sminl = mu;
      for (let i = m - 1; i >= ll; i--) {
        if (Math.abs(e[i]) <= tol * mu) {
          e[i] = 0;
          split = true;
          break;
        }
        mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i])));
        if (mu < sminl) sminl = mu;
      }
    }
    if (split) continue;
    oldll = ll;
    oldm = m;
    // Shift: zero when it would be negligible next to the smallest singular value estimate.
    let shift = 0;
    if (!((n * tol * (sminl / smax)) <= Math.max(eps, 0.01 * tol))) {
      let sll: number;
      if (idir === 1) {
        sll = Math.abs(d[ll]);
        shift = las2(d[m - 1], e[m - 1], d[m]);
      } else {
        sll = Math.abs(d[m]);
        shift = las2(d[ll], e[ll], d[ll + 1]);
      }
      if (sll > 0 && (shift / sll) * (shift / sll) < eps) shift = 0;
    }
    iter += m - ll;
    if (shift === 0) zeroShiftSweep(idir, ll, m, d, e, Vt, Ut, seq, thresh);
    else shiftedSweep(idir, ll, m, shift, d, e, Vt, Ut, seq, thresh);
  }
}

function zeroShiftSweep(
  idir: number,
  ll: number,
  m: number,
  d: Float64Array,
  e: Float64Array,
  Vt: Target | null,
  Ut: Target | null,
  seq: Seq,
  thresh: number,
): void {
  let cs = 1;
  let oldcs = 1;
  let oldsn = 0;
  let sn = 0;
  if (idir === 1) {
    for (let i = ll; i < m; i++) {
      givens(d[i] * cs, e[i]);
      cs = rot.c;
      sn = rot.s;
      const r = rot.r;
      if (i > ll) e[i - 1] = oldsn * r;
      givens(oldcs * r, d[i + 1] * sn);
      oldcs = rot.c;
      oldsn = rot.s;
      d[i] = rot.r;
      seq.cv[i - ll] = cs;
      seq.sv[i - ll] = sn;
      seq.cu[i - ll] = oldcs;
      seq.su[i - ll] = oldsn;
    }
    applySeq(Vt, ll, m - ll, seq.cv, seq.sv, true);
    applySeq(Ut, ll, m - ll, seq.cu, seq.su, true);
    const h = d[m] * cs;
    d[m] = h * oldcs;
    e[m - 1] = h * oldsn;
    if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
  } else {
    for (let i = m; i > ll; i--) {
      givens(d[i] * cs, e[i - 1]);
      cs = rot.c;
      sn = rot.s;
      const r = rot.r;
      if (i < m) e[i] = oldsn * r;
      givens(oldcs * r, d[i - 1] * sn);
      oldcs = rot.c;
      oldsn = rot.s;
      d[i] = rot.r;
      seq.cu[i - 1 - ll] = cs;
      seq.su[i - 1 - ll] = -sn;
      seq.cv[i - 1 - ll] = oldcs;
      seq.sv[i - 1 - ll] = -oldsn;
    }
    applySeq(Ut, ll, m - ll, seq.cu, seq.su, false);
    applySeq(Vt, ll, m - ll, seq.cv, seq.sv, false);
    const h = d[ll] * cs;
    d[ll] = h * oldcs;
    e[ll] = h * oldsn;
    if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
  }
}

function shiftedSweep(
  idir: number,
  ll: number,
  m: number,
  shift: number,
  d: Float64Array,
  e: Float64Array,
  Vt: Target | null,
  Ut: Target | null,
  seq: Seq,
  thresh: number,
): void {
  if (idir === 1) {
    let f = (Math.abs(d[ll]) - shift) * ((d[ll] >= 0 ? 1 : -1) + shift / d[ll]);
    let g = e[ll];
    for (let i = ll; i < m; i++) {
      givens(f, g);
      const cosr = rot.c;
      const sinr = rot.s;
      if (i > ll) e[i - 1] = rot.r;
      f = cosr * d[i] + sinr * e[i];
      e[i] = cosr * e[i] - sinr * d[i];
      g = sinr * d[i + 1];
      d[i + 1] = cosr * d[i + 1];
      givens(f, g);
      const cosl = rot.c;
      const sinl = rot.s;
      d[i] = rot.r;
      f = cosl * e[i] + sinl * d[i + 1];
      d[i + 1] = cosl * d[i + 1] - sinl * e[i];
      if (i < m - 1) {
        g = sinl * e[i + 1];
        e[i + 1] = cosl * e[i + 1];
      }
      seq.cv[i - ll] = cosr;
      seq.sv[i - ll] = sinr;
      seq.cu[i - ll] = cosl;
      seq.su[i - ll] = sinl;
    }
    applySeq(Vt, ll, m - ll, seq.cv, seq.sv, true);
    applySeq(Ut, ll, m - ll, seq.cu, seq.su, true);
    e[m - 1] = f;
    if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
  } else {
    let f = (Math.abs(d[m]) - shift) * ((d[m] >= 0 ? 1 : -1) + shift / d[m]);
    let g = e[m - 1];
    for (let i = m; i > ll; i--) {
      givens(f, g);
      const cosr = rot.c;
      const sinr = rot.s;
      if (i < m) e[i] = rot.r;
      f = cosr * d[i] + sinr * e[i - 1];
      e[i - 1] = cosr * e[i - 1] - sinr * d[i];
      g = sinr * d[i - 1];
      d[i - 1] = cosr * d[i - 1];
      givens(f, g);
      const cosl = rot.c;
      const sinl = rot.s;
      d[i] = rot.r;
      f = cosl * e[i - 1] + sinl * d[i - 1];
      d[i - 1] = cosl * d[i - 1] - sinl * e[i - 1];
      if (i > ll + 1) {
        g = sinl * e[i - 2];
        e[i - 2] = cosl * e[i - 2];
      }
      seq.cu[i - 1 - ll] = cosr;
      seq.su[i - 1 - ll] = -sinr;
      seq.cv[i - 1 - ll] = cosl;
      seq.sv[i - 1 - ll] = -sinl;
    }
    applySeq(Ut, ll, m - ll, seq.cu, seq.su, false);
    applySeq(Vt, ll, m - ll, seq.cv, seq.sv, false);
    e[ll] = f;
    if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
  }
}
