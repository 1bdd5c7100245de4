/**
 * Token-based literals of the array libraries: bare brackets (Python/JS lists,
 * MATLAB/Julia matrices, Mathematica braces, numpy print output) and wrapper
 * calls (`np.array`, `torch.tensor`, `tf.constant`, `Matrix`, `math.matrix`,
 * `new Matrix`, printed `array(...)`/`tensor(...)` reprs, `np.matrix('1 2; 3 4')`),
 * with postfix `.T`, `.reshape(r, c)` and MATLAB `'`/`.'`.
 */
import type { Rows } from './brackets';
import { applyTransposes, looksMatrixSyntax, parseMatrixSyntax, parseNestedList } from './brackets';
import type { Ctx } from './context';
import { fail, fill, quote, rowAt } from './context';
import type { Dialect } from './entries';
import { evalEntry } from './entries';
import type { Family, Token } from './scanner';
import { matchClose, tokenize } from './scanner';
import type { Entry, NotationId } from './types';

/** A literal read from tokens: its rows, notation and last token (inclusive). */
export interface TokLiteral extends Rows {
  notation: NotationId;
  last: number;
}

/** Argument ranges `[a, b)` of the call whose parentheses are `toks[open]`, `toks[close]`. */
export function splitArgs(toks: readonly Token[], open: number, close: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let depth = 0;
  let start = open + 1;
  for (let k = open + 1; k < close; k++) {
    const t = toks[k];
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') depth--;
    else if (depth === 0 && t.kind === 'sep' && t.text === ',') { out.push([start, k]); start = k + 1; }
  }
  if (start < close) out.push([start, close]);
  return out;
}

/** True when the argument is `name = value` (or `name: value`). */
export function isKeyword(toks: readonly Token[], a: number, b: number): boolean {
  return b - a >= 2 && toks[a].kind === 'id' && toks[a + 1].kind === 'op' && (toks[a + 1].text === '=' || toks[a + 1].text === ':');
}

/** Reads a non-negative integer argument (a dimension). */
export function intArg(ctx: Ctx, toks: readonly Token[], a: number, b: number, what: string): number {
  const v = evalEntry(ctx, toks, a, b, { family: ctx.family });
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(ctx, 'syntax', `${what} must be a non-negative integer, found ${quote(ctx, toks[a].start, toks[b - 1].end)}`, toks[a].start);
  return v;
}

/** Shape arguments written as `(2, 3)`, `[2, 3]` or `2, 3`. */
export function shapeArgs(ctx: Ctx, toks: readonly Token[], args: Array<[number, number]>): [number, number] | undefined {
  if (args.length === 1) {
    const [a, b] = args[0];
    if (toks[a].kind === 'open' && matchClose(toks, a, b) === b - 1) {
      const inner = splitArgs(toks, a, b - 1);
      if (inner.length === 2) return [intArg(ctx, toks, inner[0][0], inner[0][1], 'a dimension'), intArg(ctx, toks, inner[1][0], inner[1][1], 'a dimension')];
      if (inner.length === 1) return [1, intArg(ctx, toks, inner[0][0], inner[0][1], 'a dimension')];
      return undefined;
    }
  }
  if (args.length === 2) return [intArg(ctx, toks, args[0][0], args[0][1], 'a dimension'), intArg(ctx, toks, args[1][0], args[1][1], 'a dimension')];
  return undefined;
}

/** Refills `rows` as r×c (row-major unless `columnMajor`), refusing a size mismatch. */
export function reshapeRows(ctx: Ctx, rows: Rows, r: number, c: number, columnMajor: boolean, offset: number): Rows {
  const flat: Entry[] = [];
  for (const row of rows.values) for (const e of row) flat.push(e);
  if (flat.length !== r * c) fail(ctx, 'shape-mismatch', `declared shape ${r}x${c} needs ${r * c} entries but the data has ${flat.length}`, offset);
  return { values: fill(flat, r, c, columnMajor), rowOffsets: rowAt(r, offset) };
}

function dialectFor(ctx: Ctx, name: string, isNew: boolean): Dialect {
  return { family: ctx.family, sympy: !isNew && /(^|\.)(Matrix|ImmutableMatrix|MutableDenseMatrix|ImmutableDenseMatrix)$/.test(name) && ctx.family !== 'js' };
}

/** True when the call named by `toks[first]` is a constructor call `new Name(…)` (JavaScript, e.g. ml-matrix). */
export function isNewExpression(toks: readonly Token[], first: number): boolean {
  const t = toks[first - 1];
  return !!t && t.kind === 'id' && t.text === 'new' && toks[first]?.kind === 'id';
}

/** Reads the bracket literal `toks[first..last]`. */
export function readBracket(ctx: Ctx, first: number, last: number, d: Dialect): Rows {
  const toks = ctx.tokens;
  const f = d.family;
  const matlabLike = f === 'matlab' || f === 'julia';
  if (toks[first].text === '[' && looksMatrixSyntax(toks, first, last, matlabLike)) {
    if (f === 'julia' && !looksMatrixSyntax(toks, first, last, false) && !hasWhitespaceSeparation(toks, first, last)) {
      return parseNestedList(ctx, toks, first, last, d);
    }
    return parseMatrixSyntax(ctx, toks, first, last, d, { julia: f === 'julia', whitespace: f !== 'js' && f !== 'rust' && f !== 'typst' });
  }
  return parseNestedList(ctx, toks, first, last, d);
}

function hasWhitespaceSeparation(toks: readonly Token[], first: number, last: number): boolean {
  let depth = 0;
  for (let k = first + 1; k < last; k++) {
    const t = toks[k];
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') depth--;
    if (depth <= 1 && t.space && k > first + 1 && toks[k - 1].kind !== 'sep' && t.kind !== 'sep' && t.kind !== 'close' && !(toks[k - 1].kind === 'open')) {
      const prev = toks[k - 1];
      if ((prev.kind === 'num' || prev.kind === 'close' || prev.kind === 'id') && (t.kind === 'num' || t.kind === 'open' || t.kind === 'id' || (t.kind === 'op' && !toks[k + 1]?.space))) return true;
    }
  }
  return false;
}

/** The notation of a bare bracket in family `f`. */
function bracketNotation(ctx: Ctx, first: number, last: number): NotationId {
  const toks = ctx.tokens;
  switch (ctx.family) {
    case 'python': return hasComma(toks, first, last) ? 'python-list' : 'numpy-str';
    case 'js': return looksMatrixSyntax(toks, first, last, false) ? 'mathjs-expression' : 'javascript';
    case 'matlab': return 'matlab';
    case 'julia': return 'julia';
    case 'mathematica': return 'mathematica';
    default:
      if (toks[first].text === '{') return 'mathematica';
      if (looksMatrixSyntax(toks, first, last, false)) return hasSemicolonAndCommas(toks, first, last) ? 'mathjs-expression' : 'matlab';
      return hasComma(toks, first, last) ? 'python-list' : 'numpy-str';
  }
}

function hasComma(toks: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (toks[k].kind === 'sep' && toks[k].text === ',') return true;
  return false;
}

function hasSemicolonAndCommas(toks: readonly Token[], a: number, b: number): boolean {
  let semi = false;
  for (let k = a; k <= b; k++) if (toks[k].kind === 'sep' && toks[k].text === ';') semi = true;
  return semi && hasComma(toks, a, b) && !hasWhitespaceSeparation(toks, a, b);
}

/** Postfix operations after a literal: `'`, `.'`, `.T`, `.transpose()`, `.reshape(r, c)`. */
function postfix(ctx: Ctx, rows: Rows, last: number): { rows: Rows; last: number } {
  const toks = ctx.tokens;
  let k = last + 1;
  let r = rows;
  for (;;) {
    const t = toks[k];
    if (!t || t.space) break;
    if (t.kind === 'op' && (t.text === "'" || t.text === ".'") && (ctx.family === 'matlab' || ctx.family === 'julia' || ctx.family === 'generic')) {
      r = { values: applyTransposes(r.values, [t]), rowOffsets: [] };
      r.rowOffsets = r.values.map(() => t.start);
      k++;
      continue;
    }
    if (t.kind === 'op' && t.text === '.' && toks[k + 1]?.kind === 'id') {
      const name = toks[k + 1].text;
      const hasCall = toks[k + 2]?.kind === 'open' && toks[k + 2].text === '(';
      const close = hasCall ? matchClose(toks, k + 2) : k + 1;
      if (close < 0) break;
      if (name === 'T' || name === 'transpose' || name === 'mT') {
        r = { values: applyTransposes(r.values, [{ ...t, text: ".'" }]), rowOffsets: [] };
      } else if (name === 'H' || name === 'mH' || name === 'adjoint') {
        r = { values: applyTransposes(r.values, [{ ...t, text: "'" }]), rowOffsets: [] };
      } else if (name === 'reshape' && hasCall) {
        const args = splitArgs(toks, k + 2, close).filter(([a, b]) => !isKeyword(toks, a, b));
        const order = splitArgs(toks, k + 2, close).find(([a, b]) => isKeyword(toks, a, b) && toks[a].text === 'order');
        const colMajor = !!order && /F/.test(toks[order[1] - 1].text);
        const shape = shapeArgs(ctx, toks, args);
        if (!shape) fail(ctx, 'unsupported', 'reshape needs two dimensions', t.start);
        const total = r.values.length * (r.values[0]?.length ?? 0);
        const [rr, cc] = shape[0] === 1 && args.length === 1 && toks[args[0][0]].kind !== 'open' ? [shape[1], total / Math.max(1, shape[1])] : shape;
        r = reshapeRows(ctx, r, rr, cc, colMajor, t.start);
      } else if (['copy', 'astype', 'float', 'double', 'to', 'cuda', 'cpu', 'numpy', 'detach', 'clone', 'contiguous', 'finished', 'eval'].includes(name)) {
        // value-preserving
      } else {
        fail(ctx, 'unsupported', `'.${name}' changes the matrix; give the literal without it`, t.start);
      }
      r.rowOffsets = r.values.map(() => t.start);
      k = close + 1;
      continue;
    }
    break;
  }
  return { rows: r, last: k - 1 };
}

/** Reads a bare bracket candidate including its postfix operations. */
export function readBareBracket(ctx: Ctx, first: number, last: number): TokLiteral {
  const rows = readBracket(ctx, first, last, { family: ctx.family });
  const p = postfix(ctx, rows, last);
  return { ...p.rows, notation: bracketNotation(ctx, first, last), last: p.last };
}

function callNotation(ctx: Ctx, name: string, isNew: boolean): NotationId {
  if (isNew) return /Matrix$/.test(name) ? 'ml-matrix' : 'javascript';
  if (/^(np|numpy|onp)\./.test(name)) return 'numpy';
  if (/^(jnp|jax)\./.test(name) || name === 'DeviceArray' || name === 'Array') return 'jax';
  if (/^torch\./.test(name)) return 'torch';
  if (name === 'tensor') return 'torch-repr';
  if (/^tf\./.test(name)) return 'tensorflow';
  if (/^(math|mathjs)\.matrix$/.test(name)) return 'mathjs';
  if (/Matrix$/.test(name) && ctx.family === 'js') return 'ml-matrix';
  if (/(^|\.)(Matrix|ImmutableMatrix|MutableDenseMatrix|ImmutableDenseMatrix)$/.test(name)) return 'sympy';
  if (name === 'array' || name === 'matrix') return 'numpy-repr';
  return ctx.family === 'js' ? 'javascript' : 'numpy';
}

/** Reads a string matrix `'1 2; 3 4'` (np.matrix / np.mat) whose token is `toks[k]`. */
function readMatrixString(ctx: Ctx, k: number): Rows {
  const s = ctx.tokens[k];
  const inner: Token[] = tokenize(ctx.masked, 'matlab' as Family, s.start + 1, Math.max(s.start + 1, s.end - 1));
  const open: Token = { kind: 'open', start: s.start, end: s.start + 1, text: '[', imag: false, space: false, nl: false };
  const close: Token = { kind: 'close', start: s.end - 1, end: s.end, text: ']', imag: false, space: false, nl: false };
  const sub: Ctx = { ...ctx, tokens: [open, ...inner, close] };
  return parseMatrixSyntax(sub, sub.tokens, 0, sub.tokens.length - 1, { family: 'python' }, { julia: false, whitespace: true });
}

/**
 * Reads a wrapper call `toks[first..last]` (name, parentheses). `other` handles
 * the calls of other families (R, Rust, Fortran, Typst); it returns undefined
 * when it does not know the name.
 */
export function readCall(ctx: Ctx, first: number, last: number, other: (ctx: Ctx, first: number, last: number) => TokLiteral | undefined): TokLiteral {
  const toks = ctx.tokens;
  const name = toks[first].text;
  const byOther = other(ctx, first, last);
  if (byOther) return byOther;
  const open = first + 1;
  const args = splitArgs(toks, open, last);
  const positional = args.filter(([a, b]) => !isKeyword(toks, a, b));
  if (positional.length === 0) fail(ctx, 'empty', `empty matrix: ${name}() has no data`, toks[first].start);
  const [a0, b0] = positional[0];
  const isNew = isNewExpression(toks, first);
  const d = dialectFor(ctx, name, isNew);
  let rows: Rows;
  let notation = callNotation(ctx, name, isNew);
  const head = toks[a0];
  if (head.kind === 'str' && b0 === a0 + 1) {
    rows = readMatrixString(ctx, a0);
    notation = 'numpy-matrix-string';
  } else if (head.kind === 'id' && toks[a0 + 1]?.kind === 'open' && matchClose(toks, a0 + 1, b0 + 1) === b0 - 1) {
    const inner = readCall(ctx, a0, b0 - 1, other);
    rows = inner;
    notation = inner.notation;
  } else if (head.kind === 'open' && matchClose(toks, a0, b0) === b0 - 1) {
    rows = readBracket(ctx, a0, b0 - 1, d);
    if (d.sympy && rows.values.length === 1 && !hasNested(toks, a0, b0 - 1)) rows = { values: rows.values[0].map((e) => [e]), rowOffsets: rows.values[0].map(() => head.start) };
    if (positional.length >= 2 && /tensor|tensor2d$/.test(name)) {
      const shape = shapeArgs(ctx, toks, [positional[1]]);
      if (shape) rows = reshapeRows(ctx, rows, shape[0], shape[1], false, toks[positional[1][0]].start);
    }
  } else if (positional.length === 3 && toks[positional[2][0]].kind === 'open') {
    const [r, c] = [intArg(ctx, toks, positional[0][0], positional[0][1], 'the row count'), intArg(ctx, toks, positional[1][0], positional[1][1], 'the column count')];
    const data = readBracket(ctx, positional[2][0], positional[2][1] - 1, d);
    rows = reshapeRows(ctx, data, r, c, false, toks[positional[2][0]].start);
  } else {
    fail(ctx, 'syntax', `expected a list of rows as the first argument of ${name}(…), found ${quote(ctx, head.start, toks[b0 - 1].end)}`, head.start);
  }
  const p = postfix(ctx, rows, last);
  return { ...p.rows, notation, last: p.last };
}

function hasNested(toks: readonly Token[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (toks[k].kind === 'open' && toks[k].text !== '(') return true;
  return false;
}
