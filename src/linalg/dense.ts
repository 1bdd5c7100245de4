/**
 * Dense real matrices for the numerical kernels: row-major `Float64Array`
 * storage with explicit shape. Kernels work on `Dense`; the public API of the
 * core takes and returns plain `number[][]` (JSON-safe, crosses postMessage).
 */
import { LinAlgError } from './errors';

export interface Dense {
  readonly rows: number;
  readonly cols: number;
  /** Row-major: entry (i, j) is `data[i * cols + j]`. */
  readonly data: Float64Array;
}

/** A zero-filled `rows × cols` matrix. */
export function zeros(rows: number, cols: number): Dense {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** The `n × n` identity. */
export function identity(n: number): Dense {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/**
 * Copies a row-major `number[][]` into a `Dense`.
 * Throws `LinAlgError('shape')` for ragged input. Does not check finiteness
 * (see `assertFinite`).
 */
export function fromRows(a: readonly (readonly number[])[]): Dense {
  const rows = a.length;
  const cols = rows === 0 ? 0 : a[0].length;
  const m = zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    const r = a[i];
    if (r.length !== cols) {
      throw new LinAlgError('shape', `Row ${i + 1} has ${r.length} entries but row 1 has ${cols}.`);
    }
    for (let j = 0; j < cols; j++) m.data[i * cols + j] = r[j];
  }
  return m;
}

/**
 * Copies a `Dense` out to a row-major `number[][]`. Counted loops into
 * preallocated rows (as rows.ts): `Array.from(subarray)` goes through the
 * iterator protocol and is several times slower.
 */
export function toRows(m: Dense): number[][] {
  const { rows, cols, data } = m;
  const out: number[][] = new Array(rows);
  for (let i = 0, p = 0; i < rows; i++) {
    const row: number[] = new Array(cols);
    for (let j = 0; j < cols; j++, p++) row[j] = data[p];
    out[i] = row;
  }
  return out;
}

/** A deep copy. */
export function clone(m: Dense): Dense {
  return { rows: m.rows, cols: m.cols, data: new Float64Array(m.data) };
}

/** The transpose as a new matrix. */
export function transpose(m: Dense): Dense {
  const t = zeros(m.cols, m.rows);
  const { rows, cols, data } = m;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) t.data[j * rows + i] = data[i * cols + j];
  }
  return t;
}
