/**
 * LaTeX for numbers and matrices, as the results panel renders them with KaTeX.
 * Built only from numbers, never from user text, so the output is safe to typeset.
 */

export interface TexOptions {
  /** Significant digits (default 4). */
  digits?: number;
  /** Largest number of rows/columns shown before eliding with ⋯ / ⋮ (default 8). */
  maxShown?: number;
}

/**
 * A number in TeX: `0.7071`, `-3`, `1.25 \times 10^{-7}`, `\infty`.
 * Values within 1e-300·scale of zero print as 0 only when exactly zero; tiny
 * round-off like 1e-17 is shown honestly in scientific form.
 */
export function numberToTex(x: number, digits = 4): string {
  if (Number.isNaN(x)) return '\\mathrm{NaN}';
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : '-\\infty';
  if (x === 0) return '0';
  const ax = Math.abs(x);
  if (ax >= 1e-4 && ax < 1e6) {
    let s = x.toPrecision(digits);
    if (s.includes('.') && !s.includes('e')) s = s.replace(/0+$/, '').replace(/\.$/, '');
    if (s.includes('e')) return expToTex(s);
    return s;
  }
  return expToTex(x.toExponential(digits - 1));
}

function expToTex(s: string): string {
  const [mant, exp] = s.split('e');
  let m = mant;
  if (m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
  const e = Number(exp);
  if (m === '1') return `10^{${e}}`;
  if (m === '-1') return `-10^{${e}}`;
  return `${m} \\times 10^{${e}}`;
}

function pickIndices(n: number, maxShown: number): (number | null)[] {
  if (n <= maxShown) return Array.from({ length: n }, (_, i) => i);
  const head = Math.ceil((maxShown - 1) / 2);
  const tail = maxShown - 1 - head;
  const out: (number | null)[] = [];
  for (let i = 0; i < head; i++) out.push(i);
  out.push(null);
  for (let i = n - tail; i < n; i++) out.push(i);
  return out;
}

/**
 * A matrix as `\begin{bmatrix}…\end{bmatrix}`; large matrices keep their first and
 * last rows/columns with `\cdots`, `\vdots`, `\ddots` between.
 * Example: `matrixToTex([[1, 2], [3, 4]])` → `\begin{bmatrix}1 & 2 \\ 3 & 4\end{bmatrix}`.
 */
export function matrixToTex(values: readonly (readonly number[])[], opts: TexOptions = {}): string {
  const digits = opts.digits ?? 4;
  const maxShown = Math.max(3, opts.maxShown ?? 8);
  const rows = values.length;
  const cols = rows ? values[0].length : 0;
  if (rows === 0 || cols === 0) return '\\begin{bmatrix}\\end{bmatrix}';
  const ri = pickIndices(rows, maxShown);
  const ci = pickIndices(cols, maxShown);
  const lines = ri.map((i) =>
    ci
      .map((j) => {
        if (i === null && j === null) return '\\ddots';
        if (i === null) return '\\vdots';
        if (j === null) return '\\cdots';
        return numberToTex(values[i][j], digits);
      })
      .join(' & '),
  );
  return `\\begin{bmatrix}${lines.join(' \\\\ ')}\\end{bmatrix}`;
}

/** The diagonal matrix diag(s) padded to `rows × cols`, in TeX. */
export function diagToTex(s: readonly number[], rows: number, cols: number, opts: TexOptions = {}): string {
  const m: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === j && i < s.length ? s[i] : 0)));
  return matrixToTex(m, opts);
}
