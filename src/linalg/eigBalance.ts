/**
 * Balancing before the nonsymmetric eigensolver (the idea of LAPACK's dgebal,
 * after Parlett & Reinsch 1969): a permutation that isolates eigenvalues that
 * can be read off exactly (rows or columns that are zero apart from the
 * diagonal — every triangular matrix is fully isolated this way), then a
 * diagonal similarity by powers of two that equalises row and column norms
 * of the remaining block. Neither step changes the eigenvalues, and the
 * power-of-two scaling is exact.
 */

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

/** Balances `a` (row-major n×n) in place: a ← D⁻¹ Pᵀ A P D. */
export function balance(a: Float64Array, n: number): Balancing {
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
  if (hi > lo) scaleBlock(a, n, lo, hi, scale);
  return { lo, hi, scale, swaps };
}

/**
 * Iterative row/column equilibration of the block lo..hi with factors that are
 * powers of two, until no factor changes the sum of the two norms by 5 %.
 */
function scaleBlock(a: Float64Array, n: number, lo: number, hi: number, scale: Float64Array): void {
  const SFMIN = 2 ** -1000;
  const SFMAX = 2 ** 1000;
  for (let sweep = 0; sweep < 100; sweep++) {
    let changed = false;
    for (let i = lo; i <= hi; i++) {
      let c = 0;
      let r = 0;
      for (let k = lo; k <= hi; k++) {
        if (k === i) continue;
        c += Math.abs(a[k * n + i]);
        r += Math.abs(a[i * n + k]);
      }
      if (c === 0 || r === 0) continue;
      let g = r / 2;
      let f = 1;
      const s = c + r;
      while (c < g && f < SFMAX && c < SFMAX) {
        f *= 2;
        c *= 2;
        r /= 2;
        g /= 2;
      }
      g = r * 2;
      while (c >= g && f > SFMIN && r > SFMIN) {
        f /= 2;
        c /= 2;
        r *= 2;
        g *= 2;
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
 * x ← P D x. `vecs` holds one vector per row (length n each), `count` rows.
 */
export function unbalanceRows(b: Balancing, vecs: Float64Array, n: number, count: number): void {
  for (let r = 0; r < count; r++) {
    const o = r * n;
    for (let i = b.lo; i <= b.hi; i++) vecs[o + i] *= b.scale[i];
    for (let t = b.swaps.length - 2; t >= 0; t -= 2) {
      const i = b.swaps[t];
      const j = b.swaps[t + 1];
      const x = vecs[o + i];
      vecs[o + i] = vecs[o + j];
      vecs[o + j] = x;
    }
  }
}
