/**
 * Input guards for the public functions of the core: they turn user input
 * into a `Dense` and refuse, with a fixed human message, anything the kernels
 * must not see (non-finite entries, ragged rows, wrong shapes, huge inputs).
 * Kernels trust their input; every public function calls these first.
 */
import { fromRows, type Dense } from './dense';
import { LinAlgError } from './errors';

/** A matrix as the public API takes it: row-major rows of plain numbers. */
export type MatrixInput = readonly (readonly number[])[];

/**
 * Default largest number of entries (rows × cols) an operation accepts, for
 * inputs and for any output it would allocate (e.g. the m×m U of a full SVD).
 * Front ends pass their own, smaller limit (the `linalgLens.maxEntries` setting).
 */
export const DEFAULT_MAX_ENTRIES = 4_000_000;

/** Options every public function of the core accepts. */
export interface GuardOptions {
  /** Largest accepted rows × cols (default `DEFAULT_MAX_ENTRIES`). */
  maxEntries?: number;
}

function describe(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  return v > 0 ? '+Infinity' : '−Infinity';
}

/**
 * Throws `LinAlgError('not-finite')` naming the first NaN/±Infinity entry in
 * row-major order (1-based row and column). Example message:
 * "Entry (row 2, column 1) is NaN: only finite numbers can be factorised."
 */
export function assertFinite(a: Dense, what = 'Entry'): void {
  const { rows, cols, data } = a;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = data[o + j];
      if (!Number.isFinite(v)) {
        throw new LinAlgError(
          'not-finite',
          `${what} (row ${i + 1}, column ${j + 1}) is ${describe(v)}: only finite numbers can be factorised.`,
        );
      }
    }
  }
}

/** Throws `LinAlgError('not-square')` unless `a` is n×n. */
export function assertSquare(a: Dense, op: string): void {
  if (a.rows !== a.cols) {
    throw new LinAlgError('not-square', `${op} needs a square matrix, but this one is ${a.rows}×${a.cols}.`);
  }
}

/** Throws `LinAlgError('empty')` when `a` has no entries (0×n or m×0). */
export function assertNonEmpty(a: Dense, op: string): void {
  if (a.rows === 0 || a.cols === 0) {
    throw new LinAlgError('empty', `${op} is not defined for an empty matrix (${a.rows}×${a.cols}).`);
  }
}

/** Throws `LinAlgError('too-large')` when `rows × cols` exceeds `maxEntries`. */
export function assertSizeWithin(rows: number, cols: number, maxEntries = DEFAULT_MAX_ENTRIES, what = 'The matrix'): void {
  if (rows * cols > maxEntries) {
    throw new LinAlgError(
      'too-large',
      `${what} would have ${rows}×${cols} = ${rows * cols} entries, more than the limit of ${maxEntries}.`,
    );
  }
}

/**
 * Validates a public input and copies it into a `Dense`: not ragged
 * ('shape'), not larger than the limit ('too-large'), every entry finite
 * ('not-finite'). An empty array `[]` is the 0×0 matrix; `[[]]` is 1×0.
 */
export function toDense(A: MatrixInput, opts: GuardOptions = {}, what = 'The matrix'): Dense {
  if (!Array.isArray(A)) throw new LinAlgError('invalid-argument', `${what} must be an array of rows.`);
  const rows = A.length;
  const cols = rows === 0 ? 0 : A[0].length;
  assertSizeWithin(rows, cols, opts.maxEntries, what);
  const d = fromRows(A);
  assertFinite(d);
  return d;
}

/** Validates a right-hand side given as a vector (length m) or as an m×k matrix. */
export function toRhs(b: readonly number[] | MatrixInput, m: number, opts: GuardOptions = {}): { B: Dense; vector: boolean } {
  if (!Array.isArray(b)) throw new LinAlgError('invalid-argument', 'The right-hand side must be an array.');
  const vector = b.length === 0 ? true : !Array.isArray(b[0]);
  let B: Dense;
  if (vector) {
    const v = b as readonly number[];
    B = { rows: v.length, cols: 1, data: Float64Array.from(v) };
  } else {
    B = toDense(b as MatrixInput, opts, 'The right-hand side');
  }
  if (B.rows !== m) {
    throw new LinAlgError('shape', `The right-hand side has ${B.rows} rows but the matrix has ${m}.`);
  }
  assertFinite(B, 'Right-hand side entry');
  return { B, vector };
}
