/**
 * Roots of the secular equation of a rank-one modified diagonal matrix,
 *
 *   f(λ) = 1/ρ + Σ_j w_j² / (d_j − λ) = 0,   d_0 < d_1 < … < d_{k−1}, w_j ≠ 0, ρ > 0,
 *
 * whose k roots interlace the poles: d_i < λ_i < d_{i+1}, and
 * d_{k−1} < λ_{k−1} ≤ d_{k−1} + ρ·wᵀw. These are the eigenvalues of
 * diag(d) + ρ·w·wᵀ, the merge step of the divide-and-conquer eigensolver
 * (tridiagDC.ts).
 *
 * Algorithm sources: R.-C. Li, "Solving secular equations stably and
 * efficiently" (LAPACK Working Note 89, 1993) for the "middle way" rational
 * model with the two nearest poles fixed; the documentation of LAPACK's
 * dlaed4 for representing each root as pole + offset, so that the differences
 * d_j − λ_i the eigenvectors need are computed to high relative accuracy.
 * The code below is an independent implementation; it adds an explicit
 * bracket and a bisection safeguard so that it terminates for any input.
 */
import { EPS } from './eigShared';

/** Rational-model iterations before only bisection is used (the model converges in ~2–5). */
const MAX_MODEL_STEPS = 40;
/** Hard cap on all iterations: bisection reaches adjacent doubles from any bracket well before this. */
const MAX_STEPS = 2200;

/**
 * Root i (0-based) of the secular equation above, for k ≥ 1 poles `d`
 * (strictly ascending), weights `w` (nonzero) and ρ > 0.
 *
 * Writes delta[dOff + j] = d_j − λ_i for j < k, each computed as (d_j − d_o) − τ where
 * d_o is the pole nearer the root and τ the offset found by the iteration;
 * that is what keeps the eigenvectors built from these differences (Gu and
 * Eisenstat) orthogonal. Returns λ_i = d_o + τ. `shifted` is scratch ≥ k.
 *
 * The iteration keeps a bracket (lo, hi) in offset space with f < 0 at lo and
 * f > 0 at hi; a model step that leaves it is replaced by bisection, and the
 * total number of steps is capped, so the call always terminates. It stops when
 * |f| is below a bound on its rounding error, when a step no longer changes τ,
 * or when the bracket has shrunk to adjacent doubles.
 */
export function secularRoot(
  k: number,
  i: number,
  d: Float64Array,
  w: Float64Array,
  rho: number,
  delta: Float64Array,
  dOff: number,
  shifted: Float64Array,
): number {
  if (k === 1) {
    const tau = rho * w[0] * w[0];
    delta[dOff] = -tau;
    return d[0] + tau;
  }
  const last = i === k - 1;
  // The model uses the two poles a < b around (or, for the last root, below) the root.
  const a = last ? k - 2 : i;
  const b = a + 1;
  const rinv = 1 / rho;
  let org: number;
  let lo: number;
  let hi: number;
  let tau: number;
  let psi = 0;
  let dpsi = 0;
  let phi = 0;
  let dphi = 0;
  let evaluated = false;
  if (!last) {
    // Which half of (d_i, d_{i+1}) holds the root decides the origin pole;
    // the sums at the midpoint also drive the first model step. The midpoint
    // is taken relative to d_a, never as the double d_a + half: rounding that
    // sum would move it by up to half an ulp of d_a, which for close poles is
    // enough to pick the wrong half (and bracket the root out).
    const da0 = d[a];
    const half = (d[b] - da0) / 2;
    for (let j = 0; j <= a; j++) {
      const t = w[j] / (d[j] - da0 - half);
      psi += w[j] * t;
      dpsi += t * t;
    }
    for (let j = b; j < k; j++) {
      const t = w[j] / (d[j] - da0 - half);
      phi += w[j] * t;
      dphi += t * t;
    }
    evaluated = true;
    const f = rinv + psi + phi;
    if (f >= 0) {
      org = a;
      lo = 0;
      hi = half;
      tau = half;
    } else {
      org = b;
      lo = -half;
      hi = 0;
      tau = -half;
    }
  } else {
    let ww = 0;
    for (let j = 0; j < k; j++) ww += w[j] * w[j];
    org = k - 1;
    lo = 0;
    hi = rho * ww; // f(d_{k−1} + ρ·wᵀw) ≥ 0
    tau = hi / 2;
  }
  const dor = d[org];
  for (let j = 0; j < k; j++) shifted[j] = d[j] - dor;
  shifted[org] = 0;

  for (let step = 0; step < MAX_STEPS; step++) {
    // f, f' split into the poles up to a (ψ) and from b on (φ); the first
    // step of an interior root reuses the midpoint sums (bracket already set).
    if (!evaluated) {
      psi = 0;
      dpsi = 0;
      phi = 0;
      dphi = 0;
      for (let j = 0; j <= a; j++) {
        const t = w[j] / (shifted[j] - tau);
        psi += w[j] * t;
        dpsi += t * t;
      }
      for (let j = b; j < k; j++) {
        const t = w[j] / (shifted[j] - tau);
        phi += w[j] * t;
        dphi += t * t;
      }
    }
    const f = rinv + psi + phi;
    const df = dpsi + dphi;
    if (!evaluated) {
      // Rounding-error bound of the computed f (each sum has terms of one sign).
      const err = EPS * (8 * (Math.abs(psi) + Math.abs(phi)) + 2 * rinv + 3 * Math.abs(f) + Math.abs(tau) * df);
      if (Math.abs(f) <= err) break;
      if (f < 0) lo = tau;
      else hi = tau;
    }
    evaluated = false;

    let next = NaN;
    if (step < MAX_MODEL_STEPS) {
      // Model: c + A/(Δa − η) + B/(Δb − η), matching ψ, φ and their slopes at τ
      // with the poles a, b fixed; its zero η is a root of
      // c·η² − (c·(Δa + Δb) + A + B)·η + Δa·Δb·f = 0.
      const da = shifted[a] - tau;
      const db = shifted[b] - tau;
      const A = dpsi * da * da;
      const B = dphi * db * db;
      const c = f - dpsi * da - dphi * db;
      const qb = -(c * (da + db) + A + B);
      const qc = da * db * f;
      next = pickStep(c, qb, qc, tau, lo, hi);
    }
    if (!(next > lo && next < hi)) {
      next = 0.5 * (lo + hi);
      if (!(next > lo && next < hi)) break; // bracket is two adjacent doubles
    }
    const moved = Math.abs(next - tau);
    tau = next;
    if (moved <= 2 * EPS * Math.abs(tau)) break;
  }
  for (let j = 0; j < k; j++) delta[dOff + j] = shifted[j] - tau;
  return dor + tau;
}

/**
 * τ + η for the root η of qa·η² + qb·η + qc = 0 that keeps τ + η inside
 * (lo, hi) (the smaller step when both do), or NaN when neither does.
 * Roots are taken in the cancellation-free form q/qa, qc/q.
 */
function pickStep(qa: number, qb: number, qc: number, tau: number, lo: number, hi: number): number {
  let r1: number;
  let r2: number;
  if (qa === 0) {
    r1 = -qc / qb;
    r2 = NaN;
  } else {
    let disc = qb * qb - 4 * qa * qc;
    if (disc < 0) disc = 0;
    const sq = Math.sqrt(disc);
    const q = -0.5 * (qb + (qb >= 0 ? sq : -sq));
    r1 = q / qa;
    r2 = q !== 0 ? qc / q : NaN;
  }
  const x1 = tau + r1;
  const x2 = tau + r2;
  const ok1 = x1 > lo && x1 < hi;
  const ok2 = x2 > lo && x2 < hi;
  if (ok1 && ok2) return Math.abs(r1) <= Math.abs(r2) ? x1 : x2;
  if (ok1) return x1;
  if (ok2) return x2;
  return NaN;
}
