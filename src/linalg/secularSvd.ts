/**
 * The secular equation of the divide-and-conquer bidiagonal SVD (bidiagDC.ts)
 * and the singular vectors of its rank-one-modified diagonal.
 *
 * The merge step reduces to the K×K matrix
 *
 *     M = [ z_0  z_1  …  z_{K−1} ]
 *         [  0   d_1             ]
 *         [  ⋮        ⋱          ]
 *         [  0            d_{K−1}]      0 = d_0 < d_1 < … < d_{K−1},
 *
 * whose singular values σ_i are the roots of
 *
 *     f(σ) = 1 + Σ_j z_j² / ((d_j − σ)(d_j + σ)) = 0,
 *
 * one in each (d_i, d_{i+1}) and the last in (d_{K−1}, (d_{K−1}² + ‖z‖²)^½].
 * Each root is held as its nearest pole plus an offset, σ_i = d_{p_i} + τ_i,
 * so that every difference d_j − σ_i = (d_j − d_{p_i}) − τ_i is computed
 * without cancellation (this is what makes the singular vectors accurate).
 *
 * Method (algorithm sources): R.-C. Li, "Solving secular equations stably and
 * efficiently" (1993) for the two-pole rational model ("middle way") used for
 * every iteration; the organisation of LAPACK's dlasd4 (origin chosen by the
 * sign of f at the midpoint, the last root bracketed by (d² + ‖z‖²)^½) and
 * dlasd5 (the two-pole case, here solved by the 2×2 SVD of svd2x2.ts);
 * M. Gu & S. C. Eisenstat, "A divide-and-conquer algorithm for the bidiagonal
 * SVD" (SIAM J. Matrix Anal. Appl. 16, 1995) for recomputing ẑ from the
 * computed roots, which makes the singular vectors numerically orthogonal
 * without reorthogonalisation. The code is our own; every iteration keeps a
 * bracket of the root and falls back to (geometric) bisection when the model
 * step leaves it or stalls, with a hard cap on the number of steps.
 */
import { EPS } from './blas';
import { lasv2, sv2 } from './svd2x2';

/** Iteration cap per root; bisection alone needs far fewer to exhaust a double bracket. */
const MAXIT = 400;

/** Result of `secularSvd`: roots and the singular vectors of M (row-major K×K, column i ↔ σ_i). */
export interface SecularResult {
  /** σ_i, in the order of the roots (ascending). */
  sigma: Float64Array;
  /** Um[j·K + i] = component j of the i-th left singular vector of M. */
  Um: Float64Array;
  /** Vm[j·K + i] = component j of the i-th right singular vector of M. */
  Vm: Float64Array;
}

/** Scratch for one evaluation of f at σ = d_p + τ. */
interface Eval {
  f: number;
  /** Derivative of the terms j ≤ a with respect to λ = σ² (ψ'), and of the rest (φ'). */
  dpsi: number;
  dphi: number;
  /** d_a² − σ² and d_b² − σ² (the model's two poles), accurate. */
  da: number;
  db: number;
  /** Bound on the rounding error in f. */
  err: number;
}

const ev: Eval = { f: 0, dpsi: 0, dphi: 0, da: 0, db: 0, err: 0 };

/** f(σ) at σ = d_p + τ with the split ψ (j ≤ a) / φ (j > a); the model's poles are a and a+1. */
function evaluate(K: number, d: Float64Array, z: Float64Array, p: number, tau: number, a: number): void {
  const dp = d[p];
  const sigma = dp + tau;
  let psi = 0;
  let dpsi = 0;
  let err = 0;
  for (let j = 0; j <= a; j++) {
    const dl = (d[j] - dp - tau) * (d[j] + sigma);
    const t = z[j] / dl;
    psi += z[j] * t;
    dpsi += t * t;
    err += Math.abs(psi);
    if (j === a) ev.da = dl;
  }
  let phi = 0;
  let dphi = 0;
  for (let j = K - 1; j > a; j--) {
    const dl = (d[j] - dp - tau) * (d[j] + sigma);
    const t = z[j] / dl;
    phi += z[j] * t;
    dphi += t * t;
    err += Math.abs(phi);
    if (j === a + 1) ev.db = dl;
  }
  ev.f = 1 + psi + phi;
  ev.dpsi = dpsi;
  ev.dphi = dphi;
  ev.err = EPS * (8 * (phi - psi) + err + 2 + 3 * Math.abs(ev.f));
}

/**
 * The step μ in λ = σ² from the two-pole model c + s/(Δa − μ) + S/(Δb − μ)
 * that matches f and f′ at the current point (Δa, Δb = d_a² − σ², d_b² − σ²);
 * `last` selects the root beyond both poles (the last root).
 */
function modelStep(last: boolean): number {
  const { f, dpsi, dphi, da, db } = ev;
  const c = f - da * dpsi - db * dphi;
  const A = (da + db) * f - da * db * (dpsi + dphi);
  const B = da * db * f;
  return quadRoot(c, A, B, last);
}

/** τ + (offset in σ for a step μ in σ²), or NaN if σ² + μ < 0. */
function tauAfter(dp: number, tau: number, mu: number): number {
  const s = dp + tau;
  const s2 = s * s + mu;
  if (!(s2 >= 0)) return NaN;
  return tau + mu / (s + Math.sqrt(s2));
}

/** A point strictly inside (lo, hi) in τ, geometric when the bracket spans decades (one end may be the pole, τ = 0). */
function bisect(lo: number, hi: number): number {
  if (lo >= 0) {
    if (lo === 0) return hi / 8;
    if (hi > 8 * lo) return Math.sqrt(lo) * Math.sqrt(hi);
  } else if (hi <= 0) {
    if (hi === 0) return lo / 8;
    if (lo < 8 * hi) return -Math.sqrt(-lo) * Math.sqrt(-hi);
  }
  return lo + (hi - lo) / 2;
}

/**
 * Solves c·t² − A·t + B = 0 for the root between the poles (`last` false) or
 * beyond both (`last` true), the sign choices that avoid cancellation; NaN when undefined.
 */
function quadRoot(c: number, A: number, B: number, last: boolean): number {
  if (last) {
    if (c < 0) c = -c;
    if (c === 0) return NaN;
    const disc = Math.sqrt(Math.abs(A * A - 4 * B * c));
    return A >= 0 ? (A + disc) / (2 * c) : (2 * B) / (A - disc);
  }
  const disc = Math.sqrt(Math.abs(A * A - 4 * B * c));
  if (A <= 0) return c === 0 ? NaN : (A - disc) / (2 * c);
  return (2 * B) / (A + disc);
}

/**
 * Initial τ from the model that keeps the poles a, a+1 exactly and freezes
 * the other terms at their value at the last evaluation (in `ev`).
 */
function initialTau(d: Float64Array, z: Float64Array, a: number, p: number, last: boolean): number {
  const za = z[a] * z[a];
  const zb = z[a + 1] * z[a + 1];
  const w = ev.f - za / ev.da - zb / ev.db;
  const dp = d[p];
  const P1 = (d[a] - dp) * (d[a] + dp);
  const P2 = (d[a + 1] - dp) * (d[a + 1] + dp);
  const t = quadRoot(w, w * (P1 + P2) + za + zb, w * P1 * P2 + za * P2 + zb * P1, last);
  const s2 = dp * dp + t;
  if (!(s2 >= 0)) return NaN;
  return t / (dp + Math.sqrt(s2));
}

/**
 * Root i of f: returns τ_i and sets `origin[i]`. `rho` = ‖z‖². K ≥ 2.
 * Always returns a value inside the root's interval; never more than MAXIT steps.
 */
function solveRoot(K: number, d: Float64Array, z: Float64Array, rho: number, i: number, origin: Int32Array): number {
  const last = i === K - 1;
  let p: number;
  let lo: number;
  let hi: number;
  const a = last ? K - 2 : i; // the model's poles are a and a + 1
  if (last) {
    p = K - 1;
    lo = 0;
    hi = rho / (d[p] + Math.sqrt(d[p] * d[p] + rho));
    evaluate(K, d, z, p, hi, a);
  } else {
    // Midpoint of the interval in σ²; the sign of f there says which pole is nearer.
    const gap = (d[i + 1] - d[i]) * (d[i + 1] + d[i]); // d_{i+1}² − d_i²
    const tmid = gap / 2 / (d[i] + Math.sqrt(d[i] * d[i] + gap / 2)); // σ_mid − d_i
    evaluate(K, d, z, i, tmid, a);
    if (ev.f >= 0) {
      p = i;
      lo = 0;
      hi = tmid;
    } else {
      p = i + 1;
      lo = tmid - (d[i + 1] - d[i]); // σ_mid − d_{i+1} (< 0)
      hi = 0;
    }
  }
  origin[i] = p;
  const dp = d[p];
  let tau = initialTau(d, z, a, p, last);
  if (!(tau > lo && tau < hi)) tau = last || p === i ? hi : lo; // the evaluated point (finite)
  let fPrev = Infinity;
  for (let it = 0; it < MAXIT; it++) {
    evaluate(K, d, z, p, tau, a);
    const f = ev.f;
    if (f === 0 || Math.abs(f) <= ev.err) break;
    if (f < 0) lo = tau;
    else hi = tau;
    if (hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) break;
    let next = tauAfter(dp, tau, modelStep(last));
    if (!(next > lo && next < hi)) next = tauAfter(dp, tau, -f / (ev.dpsi + ev.dphi)); // Newton
    // Out of the bracket, or stalling after a few steps: bisect instead.
    if (!(next > lo && next < hi) || (it >= 6 && Math.abs(f) > 0.5 * fPrev)) next = bisect(lo, hi);
    fPrev = Math.abs(f);
    if (next === 0) break; // the bracket has shrunk onto the pole (cannot happen for deflated z)
    tau = next;
  }
  return tau;
}

/**
 * Singular values and vectors of M (see the header) for K ≥ 1, d ascending
 * with d[0] = 0 and gaps > 0, z[0] ≠ 0 and every z_j ≠ 0 (the caller has
 * deflated). The vectors are built from the Gu–Eisenstat ẑ.
 */
export function secularSvd(K: number, d: Float64Array, z: Float64Array): SecularResult {
  const sigma = new Float64Array(K);
  const Um = new Float64Array(K * K);
  const Vm = new Float64Array(K * K);
  if (K === 1) {
    sigma[0] = Math.abs(z[0]);
    Um[0] = 1;
    Vm[0] = z[0] >= 0 ? 1 : -1;
    return { sigma, Um, Vm };
  }
  if (K === 2) {
    // M = [z0 z1; 0 d1]: the 2×2 SVD to high relative accuracy.
    lasv2(z[0], z[1], d[1]);
    const { ssmin, ssmax, csl, snl, csr, snr } = sv2;
    // M = Lᵀ·diag(ssmax, ssmin)·Rᵀ; columns of Lᵀ: (csl, snl), (−snl, csl); of R: (csr, snr), (−snr, csr).
    const fmin = ssmin < 0 ? -1 : 1;
    const fmax = ssmax < 0 ? -1 : 1;
    sigma[0] = Math.abs(ssmin);
    sigma[1] = Math.abs(ssmax);
    Um[0] = -snl;
    Um[2] = csl;
    Um[1] = csl;
    Um[3] = snl;
    Vm[0] = -snr * fmin;
    Vm[2] = csr * fmin;
    Vm[1] = csr * fmax;
    Vm[3] = snr * fmax;
    return { sigma, Um, Vm };
  }
  let rho = 0;
  for (let j = 0; j < K; j++) rho += z[j] * z[j];
  const origin = new Int32Array(K);
  const tau = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    tau[i] = solveRoot(K, d, z, rho, i, origin);
    sigma[i] = d[origin[i]] + tau[i];
  }
  // Gu–Eisenstat: the ẑ for which the computed σ are the exact roots, from the
  // interlacing products (each factor positive and accurate).
  const zh = new Float64Array(K);
  for (let j = 0; j < K; j++) {
    const dj = d[j];
    const last = K - 1;
    let prod = -((dj - d[origin[last]] - tau[last]) * (dj + sigma[last])); // σ_{K−1}² − d_j²
    for (let i = 0; i < j; i++) {
      const num = -((dj - d[origin[i]] - tau[i]) * (dj + sigma[i])); // σ_i² − d_j² ... < 0 for i < j
      prod *= num / ((d[i] - dj) * (d[i] + dj));
    }
    for (let i = j; i < last; i++) {
      const num = -((dj - d[origin[i]] - tau[i]) * (dj + sigma[i]));
      prod *= num / ((d[i + 1] - dj) * (d[i + 1] + dj));
    }
    const mag = Math.sqrt(Math.abs(prod));
    zh[j] = z[j] >= 0 ? mag : -mag;
  }
  // v_i ∝ (D² − σ_i²)⁻¹ẑ, u_i ∝ (−1, d_j·v_ij): M·v_i = σ_i·u_i by the secular equation.
  const v = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    const p = origin[i];
    const dp = d[p];
    const t = tau[i];
    const s = sigma[i];
    let nv = 0;
    let nu = 1;
    for (let j = 0; j < K; j++) {
      const x = zh[j] / ((d[j] - dp - t) * (d[j] + s));
      v[j] = x;
      nv += x * x;
      if (j > 0) nu += (d[j] * x) ** 2;
    }
    const iv = 1 / Math.sqrt(nv);
    const iu = 1 / Math.sqrt(nu);
    Um[i] = -iu;
    Vm[i] = v[0] * iv;
    for (let j = 1; j < K; j++) {
      Vm[j * K + i] = v[j] * iv;
      Um[j * K + i] = d[j] * v[j] * iu;
    }
  }
  return { sigma, Um, Vm };
}
