/**
 * Minimal dense helpers used only to CHECK results (never timed). Deliberately
 * independent of src/linalg so a bug there cannot hide itself in its own check.
 */

export interface M {
  rows: number;
  cols: number;
  /** Row-major. */
  data: Float64Array;
}

export function mat(rows: number, cols: number, data?: Float64Array): M {
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

export function fromArrays(a: readonly (readonly number[])[]): M {
  const rows = a.length;
  const cols = rows ? a[0].length : 0;
  const m = mat(rows, cols);
  for (let i = 0; i < rows; i++) {
    const r = a[i];
    if (r.length !== cols) throw new Error(`ragged result: row ${i} has ${r.length} entries, expected ${cols}`);
    for (let j = 0; j < cols; j++) m.data[i * cols + j] = Number(r[j]);
  }
  return m;
}

export function toArrays(m: M): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export function transpose(a: M): M {
  const t = mat(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j];
  return t;
}

export function mul(a: M, b: M): M {
  if (a.cols !== b.rows) throw new Error(`shape mismatch ${a.rows}×${a.cols} · ${b.rows}×${b.cols}`);
  const c = mat(a.rows, b.cols);
  const n = b.cols;
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const x = a.data[i * a.cols + k];
      if (x === 0) continue;
      const bo = k * n;
      const co = i * n;
      for (let j = 0; j < n; j++) c.data[co + j] += x * b.data[bo + j];
    }
  }
  return c;
}

/** Leading `r × c` block. */
export function lead(a: M, r: number, c: number): M {
  const out = mat(r, c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out.data[i * c + j] = a.data[i * a.cols + j];
  return out;
}

export function fro(a: M): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i] * a.data[i];
  return Math.sqrt(s);
}

export function froDiff(a: M, b: M): number {
  if (a.rows !== b.rows || a.cols !== b.cols) return Infinity;
  let s = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = a.data[i] - b.data[i];
    s += d * d;
  }
  return Math.sqrt(s);
}

/** ‖XᵀX − I‖_F: how far the columns of X are from orthonormal. */
export function orthDefect(x: M): number {
  const g = mul(transpose(x), x);
  for (let i = 0; i < g.rows; i++) g.data[i * g.cols + i] -= 1;
  return fro(g);
}

/** Largest |entry| strictly below (lower = true: above) the diagonal, relative to ‖A‖_F. */
export function triangleLeak(a: M, below: boolean): number {
  let big = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      if (below ? i > j : j > i) big = Math.max(big, Math.abs(a.data[i * a.cols + j]));
    }
  }
  const f = fro(a);
  return f > 0 ? big / f : big;
}

export function allFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
