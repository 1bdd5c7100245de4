/**
 * Output of the CLI: JSON with numpy's field names (full precision, complex as
 * {"re", "im"}) or a readable text block with aligned columns.
 */
import type { ParsedMatrix, Entry } from '../literals/types';
import type { SvdReport } from '../engine/report';
import { formatMatrix, type FormatNotation } from '../literals/format';
import { notationLabel } from '../literals/labels';

type Renderable = { op: 'parse'; value: ParsedMatrix } | { op: 'svd'; value: SvdReport };

const FORMAT_ALIASES: Record<string, string> = { js: 'javascript', javascript: 'javascript', octave: 'matlab' };

/** JSON output: `parse` → {rows, cols, values}; `svd` → {U, S, Vh, rank, cond, verification}. */
export function renderJson(op: string, value: unknown): string {
  const r = { op, value } as Renderable;
  switch (r.op) {
    case 'parse':
      return JSON.stringify({ rows: r.value.rows, cols: r.value.cols, values: r.value.values, notation: r.value.notation });
    case 'svd': {
      const v = r.value;
      return JSON.stringify({ U: v.U, S: v.S, Vh: v.Vh, rank: v.rank, rank_tol: v.rankTol, cond: jsonNumber(v.cond), verification: v.verification });
    }
  }
}

function jsonNumber(x: number): number | string {
  return Number.isFinite(x) ? x : Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

function entryText(e: Entry, digits: number): string {
  const num = (x: number) => {
    if (x === 0) return '0';
    const ax = Math.abs(x);
    return ax >= 1e-4 && ax < 1e7 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 1);
  };
  if (typeof e === 'number') return num(e);
  if (e.im === 0) return num(e.re);
  return `${num(e.re)}${e.im < 0 || Object.is(e.im, -0) ? '-' : '+'}${num(Math.abs(e.im))}i`;
}

/** Right-aligned columns, one row a line, indented by two spaces. */
export function alignedBlock(values: readonly (readonly Entry[])[], digits: number): string {
  const cells = values.map((row) => row.map((e) => entryText(e, digits)));
  const cols = cells[0]?.length ?? 0;
  const widths = Array.from({ length: cols }, (_, j) => Math.max(...cells.map((r) => r[j].length)));
  return cells.map((r) => '  ' + r.map((c, j) => c.padStart(widths[j])).join('  ')).join('\n');
}

function block(name: string, values: number[][], req: { format?: string; digits: number }): string {
  if (req.format) {
    const fmt = (FORMAT_ALIASES[req.format] ?? req.format) as FormatNotation;
    return formatMatrix(values, fmt, { name, digits: req.digits });
  }
  return `${name} =\n${alignedBlock(values, req.digits)}`;
}

/** Readable output for a terminal. */
export function renderText(op: string, value: unknown, req: { format?: string; digits: number }): string {
  const r = { op, value } as Renderable;
  switch (r.op) {
    case 'parse': {
      const p = r.value;
      const head = `${p.rows}×${p.cols}${p.complex ? ' complex' : ''} matrix, read as ${notationLabel(p.notation)}`;
      if (req.format && !p.complex) return `${head}\n${block('A', p.values as number[][], req)}`;
      return `${head}\n${alignedBlock(p.values, req.digits)}`;
    }
    case 'svd': {
      const v = r.value;
      const cond = Number.isFinite(v.cond) ? String(Number(v.cond.toPrecision(req.digits))) : 'inf';
      return [
        `SVD of a ${v.rows}×${v.cols} matrix: A = U · diag(S) · Vh (thin; S descending)`,
        '',
        block('U', v.U, req),
        '',
        block('S', [v.S], req),
        '',
        block('Vh', v.Vh, req),
        '',
        `rank = ${v.rank}  (tolerance ${v.rankTol.toExponential(2)})`,
        `cond = ${cond}  (2-norm, S[0] / S[-1])`,
        `residuals: ‖A − U·S·Vh‖/‖A‖ = ${v.verification.reconstruction.toExponential(2)}, ‖UᵀU − I‖ = ${v.verification.orthogonalityU.toExponential(2)}, ‖VᵀV − I‖ = ${v.verification.orthogonalityV.toExponential(2)}`,
      ].join('\n');
    }
  }
}
