/**
 * Output of the CLI: JSON with numpy's field names (full precision, complex as
 * {"re", "im"}, non-finite numbers as the strings "Infinity", "-Infinity", "NaN")
 * or readable text with aligned columns, in any notation with --format.
 */
import type { ParsedMatrix, Entry } from '../literals/types';
import { formatMatrix, formatVector, type FormatNotation } from '../literals/format';
import { notationLabel } from '../literals/labels';

const FORMAT_ALIASES: Record<string, string> = { js: 'javascript', octave: 'matlab', ts: 'javascript', python: 'python-list', markdown: 'markdown-table' };

const HEADERS: Record<string, string> = {
  svd: 'SVD: A = U · diag(S) · Vh (S descending)',
  eigh: 'Symmetric eigendecomposition: A = V · diag(eigenvalues) · Vᵀ (ascending; eigenvectors are columns)',
  eig: 'Eigendecomposition: A · V = V · diag(eigenvalues) (sorted by real, then imaginary part; eigenvectors are unit columns)',
  qr: 'QR: A = Q · R',
  lu: 'LU with partial pivoting: P · A = L · U',
  cholesky: 'Cholesky factorisation',
  lstsq: 'Least squares: minimise ‖A·x − b‖ (SVD, minimum-norm solution)',
  pinv: 'Pseudoinverse A⁺',
  rank: 'Numerical rank',
  det: 'Determinant',
  inv: 'Inverse',
  cond: '2-norm condition number',
  nullspace: 'Null space and column space (orthonormal bases as columns)',
  pca: 'PCA (rows are samples)',
  lowrank: 'Best rank-k approximation (Eckart–Young)',
  attention: 'Attention: softmax(Q·Kᵀ/√d) · V',
  info: 'Matrix facts',
  steps: 'Exact elimination steps',
};

/** Copies `v` with non-finite numbers as strings, so JSON.stringify keeps them. */
function jsonSafe(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
  return v;
}

/** JSON output. `parse` → {rows, cols, values, notation}; other operations print their report. */
export function renderJson(op: string, value: unknown): string {
  if (op === 'parse') {
    const p = value as ParsedMatrix;
    return JSON.stringify(jsonSafe({ rows: p.rows, cols: p.cols, values: p.values, notation: p.notation }));
  }
  return JSON.stringify(jsonSafe(value));
}

function num(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const ax = Math.abs(x);
  return ax >= 1e-4 && ax < 1e7 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 1);
}

function entryText(e: Entry | string, digits: number): string {
  if (typeof e === 'string') return e;
  if (typeof e === 'number') return num(e, digits);
  if (e.im === 0) return num(e.re, digits);
  return `${num(e.re, digits)}${e.im < 0 ? '-' : '+'}${num(Math.abs(e.im), digits)}i`;
}

/** Right-aligned columns, one row a line, indented by two spaces. */
export function alignedBlock(values: readonly (readonly (Entry | string)[])[], digits: number): string {
  const cells = values.map((row) => row.map((e) => entryText(e, digits)));
  const cols = cells[0]?.length ?? 0;
  const widths = Array.from({ length: cols }, (_, j) => Math.max(...cells.map((r) => r[j]?.length ?? 0)));
  return cells.map((r) => '  ' + r.map((c, j) => c.padStart(widths[j])).join('  ')).join('\n');
}

type Req = { format?: string; digits: number };

function isEntry(x: unknown): x is Entry {
  return typeof x === 'number' || (typeof x === 'object' && x !== null && 're' in x && 'im' in x);
}

/** Notations without assignments (CSV, tables, printouts) get the name on a line of its own. */
function labelled(name: string, text: string): string {
  const first = text.split('\n', 1)[0];
  return first.includes(name) ? text : `${name} =\n${text}`;
}

/** Entries of a complex result whose imaginary parts are all zero, as plain numbers (numpy returns a real array then). */
function realIfPossible(xs: Entry[]): Entry[] {
  return xs.every((x) => typeof x === 'number' || x.im === 0) ? xs.map((x) => (typeof x === 'number' ? x : x.re)) : xs;
}

function matrixBlock(name: string, rows: (Entry | string)[][], req: Req): string {
  if (rows.length === 0 || rows[0].length === 0) {
    // An empty basis keeps its shape in the notation that can say it (MATLAB zeros(2, 0), numpy np.zeros((2, 0))).
    const r = rows.length;
    if (req.format === 'matlab' || req.format === 'octave') return `${name} = zeros(${r}, 0);`;
    if (req.format === 'numpy') return `${name} = np.zeros((${r}, 0))`;
    if (req.format === 'julia') return `${name} = zeros(${r}, 0)`;
    if (req.format === 'r') return `${name} <- matrix(numeric(0), nrow = ${r}, ncol = 0)`;
    return `${name} = (empty, ${r}×0)`;
  }
  if (req.format && rows.every((r) => r.every(isEntry))) {
    const fmt = (FORMAT_ALIASES[req.format] ?? req.format) as FormatNotation;
    const flat = realIfPossible((rows as Entry[][]).flat());
    const cols = rows[0].length;
    const values = rows.map((_, i) => flat.slice(i * cols, (i + 1) * cols));
    return labelled(name, formatMatrix(values, fmt, { name, digits: req.digits }));
  }
  return `${name} =\n${alignedBlock(rows, req.digits)}`;
}

/** A 1-D array (S, eigenvalues, x): the notation's own vector form with --format, else one aligned row. */
function vectorBlock(name: string, v: (Entry | string)[], req: Req): string {
  if (req.format && v.every(isEntry)) {
    const fmt = (FORMAT_ALIASES[req.format] ?? req.format) as FormatNotation;
    return labelled(name, formatVector(realIfPossible(v as Entry[]), fmt, { name, digits: req.digits }));
  }
  return matrixBlock(name, [v], req);
}

function field(name: string, v: unknown, req: Req): string {
  if (Array.isArray(v)) {
    if (v.length > 0 && Array.isArray(v[0])) return matrixBlock(name, v as (Entry | string)[][], req);
    if (v.every((x) => isEntry(x) || typeof x === 'string')) {
      if (name === 'warnings') return (v as string[]).map((w) => `warning: ${w}`).join('\n');
      return v.length ? vectorBlock(name, v as (Entry | string)[], req) : `${name} = []`;
    }
    if (name === 'steps') return stepsText(v as { text: string; matrixAfter: string[][] }[], req.digits);
  }
  if (typeof v === 'number') return `${name} = ${num(v, req.digits)}`;
  if (typeof v === 'boolean') return `${name}: ${v ? 'yes' : 'no'}`;
  if (typeof v === 'string') return `${name}: ${v}`;
  if (v && typeof v === 'object') {
    const scalar = (x: unknown): string =>
      typeof x === 'number' ? (name === 'verification' ? x.toExponential(2) : num(x, req.digits)) : Array.isArray(x) ? `[${x.map(scalar).join(', ')}]` : String(x);
    // Vectors and matrices inside a group (normal_equations.x) follow --format like top-level ones.
    const inner = Object.entries(v).map(([k, x]) =>
      req.format && Array.isArray(x) && x.length > 0 && name !== 'verification'
        ? field(k, x, req).split('\n').map((l) => `  ${l}`).join('\n')
        : `  ${k} = ${scalar(x)}`,
    );
    return `${name}:\n${inner.join('\n')}`;
  }
  return `${name} = ${String(v)}`;
}

function stepsText(steps: { text: string; matrixAfter: string[][] }[], digits: number): string {
  if (steps.length === 0) return 'steps: none (already in the target form)';
  return steps.map((s, i) => `step ${i + 1}: ${s.text}\n${alignedBlock(s.matrixAfter, digits)}`).join('\n\n');
}

/** Readable output for a terminal. */
export function renderText(op: string, value: unknown, req: Req): string {
  if (op === 'parse') {
    const p = value as ParsedMatrix;
    const head = `${p.rows}×${p.cols}${p.complex ? ' complex' : ''} matrix, read as ${notationLabel(p.notation)}`;
    return `${head}\n${p.complex || !req.format ? alignedBlock(p.values, req.digits) : matrixBlock('A', p.values as number[][], req)}`;
  }
  const report = value as Record<string, unknown>;
  const parts = [HEADERS[op] ?? op];
  // Steps go last: they are long, and the result is what most readers look for first.
  const keys = Object.keys(report).sort((a, b) => Number(a === 'steps') - Number(b === 'steps'));
  for (const k of keys) {
    const text = field(k, report[k], req);
    if (text !== '') parts.push(text); // an empty warnings list prints nothing, not a blank block
  }
  // One-line facts stay together; multi-line blocks get a blank line around them.
  let out = parts[0];
  for (let i = 1; i < parts.length; i++) {
    const tight = !parts[i].includes('\n') && !parts[i - 1].includes('\n') && i > 1;
    out += (tight ? '\n' : '\n\n') + parts[i];
  }
  return out;
}
