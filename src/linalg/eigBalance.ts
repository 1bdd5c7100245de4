/**
 * Balancing before the nonsymmetric eigensolver (the idea of LAPACK's dgebal,
 * after Parlett & Reinsch 1969): a permutation that isolates eigenvalues that
 * can be read off exactly (rows or columns that are zero apart from the
 * diagonal — every triangular matrix is fully isolated this way), then a
 * diagonal similarity by powers of two that equalises row and column norms
 * of the remaining block. Neither step changes the eigenvalues, and the
 * power-of-two scaling is exact.
 */
import { EPS, SAFE_MIN, exponentOf } from './eigShared';

/** Record of a balancing, needed to map eigenvectors back. */
export interface Balancing {
  /** The block still to be reduced is rows/cols lo..hi (inclusive). */
  lo: number;
  hi: number;
  /** Diagonal similarity D (entries lo..hi); 1 elsewhere. */
  scale: Float64Array;
  /** Index pairs swapped, in the order applied: swaps[2t] ↔ swaps[2t+1]. */
  swaps: number[];
}

function swapRowsCols(a: Float64Array, n: number, i: number, j: number): void {
  if (i === j) return;
  const oi = i * n;
  const oj = j * n;
  for (let k = 0; k < n; k++) {
    const t = a[oi + k];
    a[oi + k] = a[oj + k];
    a[oj + k] = t;
  }
  for (let k = 0; k < n; k++) {
    const o = k * n;
    const t = a[o + i];
    a[o + i] = a[o + j];
    a[o + j] = t;
  }
}

/**
 * Balances `a` (row-major n×n) in place: a ← D⁻¹ Pᵀ A P D. With
 * `scaling = false` only the permutation is done (D = I).
 */
export function balance(a: Float64Array, n: number, scaling = true): Balancing {
  const swaps: number[] = [];
  let lo = 0;
  let hi = n - 1;
  // Rows whose off-diagonal part within lo..hi is zero go to the bottom.
  let found = true;
  while (found && hi > lo) {
    found = false;
    for (let j = hi; j >= lo; j--) {
      let zero = true;
      const o = j * n;
      for (let k = lo; k <= hi; k++) {
        if (k !== j && a[o + k] !== 0) {
          zero = false;
          break;
        }
      }
      if (zero) {
        swaps.push(j, hi);
        swapRowsCols(a, n, j, hi);
        hi--;
        found = true;
        break;
      }
    }
  }
  // Columns whose off-diagonal part within lo..hi is zero go to the top.
  found = true;
  while (found && hi > lo) {
    found = false;
    for (let j = lo; j <= hi; j++) {
      let zero = true;
      for (let k = lo; k <= hi; k++) {
        if (k !== j && a[k * n + j] !== 0) {
          zero = false;
          break;
        }
      }
      if (zero) {
        swaps.push(j, lo);
        swapRowsCols(a, n, j, lo);
        lo++;
        found = true;
        break;
      }
    }
  }
  const scale = new Float64Array(n).fill(1);
  if (scaling && hi > lo) scaleBlock(a, n, lo, hi, scale);
  return { lo, hi, scale, swaps };
}

/**
 * Iterative row/column equilibration of the block lo..hi with factors that are
 * powers of two, until no factor changes the sum of the two norms by 5 %.
 */
function scaleBlock(a: Float64Array, n: number, lo: number, hi: number, scale: Float64Array): void {
  const SFMIN = 2 ** -1000;
  const SFMAX = 2 ** 1000;
  // Limits on the scaled norms and largest entries (LAPACK dgebal's sfmin2/sfmax2,
  // ≈ safe minimum / eps): a scaling never pushes the significant entries of a row
  // or column into the subnormal range or towards overflow.
  const LOW = (2 * SAFE_MIN) / EPS;
  const HIGH = 1 / LOW;
  for (let sweep = 0; sweep < 100; sweep++) {
    let changed = false;
    for (let i = lo; i <= hi; i++) {
      let c = 0;
      let r = 0;
      let ca = 0;
      let ra = 0;
      for (let k = lo; k <= hi; k++) {
        if (k === i) continue;
        c += Math.abs(a[k * n + i]);
        r += Math.abs(a[i * n + k]);
      }
      if (c === 0 || r === 0 || (c >= r / 2 && c < 2 * r)) continue; // no factor of 2 would apply
      // Largest entries of everything the scaling touches: column i in rows
      // 0..hi, row i in columns lo..n-1 (also outside the block).
      for (let k = 0; k <= hi; k++) {
        const x = Math.abs(a[k * n + i]);
        if (x > ca) ca = x;
      }
      for (let k = lo; k < n; k++) {
        const y = Math.abs(a[i * n + k]);
        if (y > ra) ra = y;
      }
      let g = r / 2;
      let f = 1;
      const s = c + r;
      while (c < g && f < SFMAX && Math.max(f, c, ca) < HIGH / 2 && Math.min(r, g, ra) > 2 * LOW) {
        f *= 2;
        c *= 2;
        ca *= 2;
        r /= 2;
        g /= 2;
        ra /= 2;
      }
      g = c / 2;
      while (g >= r && f > SFMIN && Math.max(r, ra) < HIGH / 2 && Math.min(f, c, g, ca) > 2 * LOW) {
        f /= 2;
        c /= 2;
        g /= 2;
        ca /= 2;
        r *= 2;
        ra *= 2;
      }
      if (c + r >= 0.95 * s) continue;
      if (f < 1 && scale[i] < 1 && f * scale[i] <= SFMIN) continue;
      if (f > 1 && scale[i] > 1 && scale[i] >= SFMAX / f) continue;
      changed = true;
      scale[i] *= f;
      // Row i divided by f, column i multiplied by f.
      const inv = 1 / f;
      const o = i * n;
      for (let k = lo; k < n; k++) a[o + k] *= inv;
      for (let k = 0; k <= hi; k++) a[k * n + i] *= f;
    }
    if (!changed) break;
  }
}

/**
 * Maps right eigenvectors of the balanced matrix back to the original one:
 * x ← P D x, for the vectors stored one per row in (re, im), `count` rows of
 * length n. D can reach 2^±1000, so when it is far from 1 each vector is
 * rescaled by a power of two chosen from the exponents of its entries, so
 * that its largest entry of P D x lies in [1, 4): no entry overflows, and only
 * entries negligible against that largest one can underflow. The direction
 * is unchanged (callers normalise afterwards).
 */
export function unbalanceVectors(b: Balancing, re: Float64Array, im: Float64Array, n: number, count: number): void {
  const { lo, hi, scale } = b;
  let wide = false;
  for (let i = lo; i <= hi; i++) if (scale[i] > 2 ** 64 || scale[i] < 2 ** -64) wide = true;
  if (wide) {
    const k = new Float64Array(n); // log2 of D
    for (let i = lo; i <= hi; i++) k[i] = exponentOf(scale[i]);
    for (let r = 0; r < count; r++) {
      const o = r * n;
      let top = -Infinity;
      for (let i = 0; i < n; i++) {
        const m = Math.max(Math.abs(re[o + i]), Math.abs(im[o + i]));
        if (m !== 0) top = Math.max(top, exponentOf(m) + k[i]);
      }
      if (top === -Infinity) continue;
      for (let i = 0; i < n; i++) {
        // Multiply by 2^(k_i − top) in two halves: the factor alone may overflow
        // (tiny entry, large D_i) although the product is at most 2.
        const e = k[i] - top;
        const h = Math.trunc(e / 2);
        const f1 = 2 ** h;
        const f2 = 2 ** (e - h);
        re[o + i] = re[o + i] * f1 * f2;
        im[o + i] = im[o + i] * f1 * f2;
      }
    }
  } else {
    for (let r = 0; r < count; r++) {
      const o = r * n;
      for (let i = lo; i <= hi; i++) {
        re[o + i] *= scale[i];
        im[o + i] *= scale[i];
      }
    }
  }
  for (let r = 0; r < count; r++) {
    const o = r * n;
    for (let t = b.swaps.length - 2; t >= 0; t -= 2) {
      const i = b.swaps[t];
      const j = b.swaps[t + 1];
      let x = re[o + i];
      re[o + i] = re[o + j];
      re[o + j] = x;
      x = im[o + i];
      im[o + i] = im[o + j];
      im[o + j] = x;
    }
  }
}
