/**
 * Fast copies from the kernels' row-major `Float64Array` storage out to the
 * public `number[][]` form. `Array.from(subarray)` goes through the generic
 * iterator protocol and costs ~10× more than a counted loop into a
 * preallocated array, which made the output conversion of LU at n = 200
 * slower than the factorisation itself.
 */
import type { Dense } from './dense';

/** Rows `r0..r1−1`, columns `c0..c1−1` of row-major `a` (leading dimension `ld`). */
export function rowsOfBlock(a: Float64Array, ld: number, r0: number, r1: number, c0: number, c1: number): number[][] {
  const out: number[][] = new Array(Math.max(0, r1 - r0));
  const w = Math.max(0, c1 - c0);
  for (let i = r0; i < r1; i++) {
    const row: number[] = new Array(w);
    for (let j = 0, p = i * ld + c0; j < w; j++, p++) row[j] = a[p];
    out[i - r0] = row;
  }
  return out;
}

/** `M` as `number[][]` (same result as dense.ts's `toRows`, faster). */
export function rowsOf(M: Dense): number[][] {
  return rowsOfBlock(M.data, M.cols, 0, M.rows, 0, M.cols);
}

/** `Mᵀ` as `number[][]` without forming the transpose. */
export function rowsOfTransposed(M: Dense): number[][] {
  const { rows, cols, data } = M;
  const out: number[][] = new Array(cols);
  for (let j = 0; j < cols; j++) {
    const row: number[] = new Array(rows);
    for (let i = 0, p = j; i < rows; i++, p += cols) row[i] = data[p];
    out[j] = row;
  }
  return out;
}
